import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Every format the library both writes and reads (its registry's: JSON, YAML, GraphML,
/// neo4j-csv, rgpack, and any reader added later), on a graph whose ids, labels and attributes
/// hold what escaping gets wrong (``TrickyGraph/escaping``): the graph read back is the graph
/// written, and writing it again gives the same bytes. DOT, read through Graphviz, is checked in
/// GraphvizTests; the command line's round trip in CLITests.
@Suite("Format round trips of tricky texts")
struct FormatRoundTripTests {
    static let formats = GraphFormats.library
    static let readAndWritten = formats.all.filter { $0.reader != nil && $0.writer != nil }.map(\.name)

    /// Writes `graph` through `format`'s registry entry into a fresh path, and returns it.
    static func write(_ graph: Graph, as name: String) throws -> String {
        let format = try #require(formats[name])
        let path = Scratch.root.appendingPathComponent("round-trip-\(UUID())").path + (format.fileExtensions.first.map { "." + $0 } ?? "")
        switch format.writer {
        case .file(let write)?:
            var file = try OutputFile(path: path)
            _ = write(graph, WriteOptions(), &file)
            try file.commit()
        case .folder(let write)?:
            _ = try write(graph, WriteOptions(), path)
        case nil:
            Issue.record("\(name) has no writer")
        }
        return path
    }

    static func read(_ path: String) throws -> Graph {
        try formats.read(path: path).graph
    }

    /// The bytes at `path`, every file of a folder in name order.
    static func bytes(at path: String) throws -> [Data] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [try Data(contentsOf: URL(fileURLWithPath: path))]
        }
        return try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { try Data(contentsOf: URL(fileURLWithPath: "\(path)/\($0)")) }
    }

    @Test("the registry's read-and-written formats include every one RelGraph had when this was written")
    func formatsCovered() {
        #expect(Set(Self.readAndWritten).isSuperset(of: ["json", "yaml", "graphml", "neo4j-csv", "rgpack"]))
    }

    @Test("a graph of tricky ids, labels and attributes reads back as the same graph", arguments: readAndWritten)
    func readsBackTheSameGraph(format: String) throws {
        let graph = TrickyGraph.escaping
        let back = try Self.read(Self.write(graph, as: format))
        #expect(back == graph, "\(back.differences(from: graph).joined(separator: "\n"))")
    }

    @Test("writing the graph read back gives the same bytes again", arguments: readAndWritten)
    func writesTheSameBytesAgain(format: String) throws {
        let first = try Self.write(TrickyGraph.escaping, as: format)
        let second = try Self.write(Self.read(first), as: format)
        #expect(try Self.bytes(at: second) == Self.bytes(at: first))
    }

    @Test("texts that look like numbers, dates or booleans come back as texts", arguments: readAndWritten)
    func lookalikesStayTexts(format: String) throws {
        let back = try Self.read(Self.write(TrickyGraph.escaping, as: format))
        let attributes = back.node(at: back.node("node")).attributes
        for (offset, text) in TrickyGraph.lookalikeTexts.enumerated() {
            #expect(attributes["lookalike-\(offset)"] == .string(text), "\(text)")
        }
    }
}
