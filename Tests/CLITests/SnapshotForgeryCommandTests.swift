import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// A snapshot with every checksum right but an index one past the end of its table: each
/// command refuses it as an invalid file (exit 65, a message naming the file), none crashes.
@Suite("relgraph on snapshots with an index past the end")
struct SnapshotForgeryCommandTests {
    /// The bundled graph as a snapshot, with `tag`'s element `index` set to `value`.
    static func forged(_ tag: String, element index: Int, to value: Int) throws -> String {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("forged.rgpack").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "rgpack", "-o", path).status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try Data(SnapshotSurgery.setting(tag, element: index, to: Int32(value), in: bytes)).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let commands: [[String]] = [["export", "--to", "yaml"], ["stats", "--json"], ["neighbors", "india"], ["render", "--format", "dot"]]

    @Test("a node naming source N of N sources: every command exits 65 naming the file, without a crash", arguments: commands.indices)
    func nodeSourcePastTheEnd(command: Int) throws {
        let graph = Fixtures.indiaRussia
        let node = try #require(graph.nodeIndices.first { graph.node(at: $0).source != nil })
        let path = try Self.forged("NSRC", element: node.position, to: graph.sources.count)
        var arguments = Self.commands[command]
        arguments.insert(path, at: 1)
        let result = try RelGraphCLI.run(arguments)
        #expect(result.status == 65, "\(arguments): \(result.errors)")
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("\(path): error:") && result.errors.contains("source"), "\(result.errors)")
    }

    @Test("an edge naming source N of N sources: export exits 65 naming the file, without a crash")
    func edgeSourcePastTheEnd() throws {
        let graph = Fixtures.indiaRussia
        let edge = try #require(graph.edgeIndices.first { graph.edge(at: $0).source != nil })
        let path = try Self.forged("ESRC", element: edge.position, to: graph.sources.count)
        let result = try RelGraphCLI.run("export", path, "--to", "yaml")
        #expect(result.status == 65, "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("\(path): error:") && result.errors.contains("source"), "\(result.errors)")
    }
}
