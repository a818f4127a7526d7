import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Every format the library both writes and reads, on a graph whose ids, labels and attributes
/// hold what escaping gets wrong (``TrickyGraph/escaping``): the graph read back is the graph
/// written, and writing it again gives the same bytes. (DOT, read through Graphviz, is checked
/// in GraphvizTests; the command line's round trip in CLITests.)
@Suite("Format round trips of tricky texts")
struct FormatRoundTripTests {
    enum Format: String, CaseIterable, CustomTestStringConvertible {
        case json, yaml, graphml, neo4jCSV = "neo4j-csv", rgpack
        var testDescription: String { rawValue }
    }

    /// Writes `graph` in `format` into a fresh place and returns its path (a folder for neo4j-csv).
    static func write(_ graph: Graph, as format: Format) throws -> String {
        let path = Scratch.root.appendingPathComponent("round-trip-\(UUID())").path + (format == .neo4jCSV ? "" : ".\(format.rawValue)")
        switch format {
        case .json: try DocumentWriter(syntax: .json).document(for: graph).write(toFile: path, atomically: true, encoding: .utf8)
        case .yaml: try DocumentWriter(syntax: .yaml).document(for: graph).write(toFile: path, atomically: true, encoding: .utf8)
        case .graphml: try GraphMLWriter().document(for: graph).write(toFile: path, atomically: true, encoding: .utf8)
        case .neo4jCSV: try Neo4jCSV.write(graph, toFolder: path)
        case .rgpack: try graph.writeSnapshot(to: path)
        }
        return path
    }

    /// The bytes at `path`, every file of a folder in name order.
    static func bytes(at path: String) throws -> [Data] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [try Data(contentsOf: URL(fileURLWithPath: path))]
        }
        return try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { try Data(contentsOf: URL(fileURLWithPath: "\(path)/\($0)")) }
    }

    @Test("a graph of tricky ids, labels and attributes reads back as the same graph", arguments: Format.allCases)
    func readsBackTheSameGraph(format: Format) throws {
        let graph = TrickyGraph.escaping
        let back = try GraphDocument.read(contentsOf: Self.write(graph, as: format))
        #expect(back == graph, "\(back.differences(from: graph).joined(separator: "\n"))")
    }

    @Test("writing the graph read back gives the same bytes again", arguments: Format.allCases)
    func writesTheSameBytesAgain(format: Format) throws {
        let first = try Self.write(TrickyGraph.escaping, as: format)
        let second = try Self.write(GraphDocument.read(contentsOf: first), as: format)
        #expect(try Self.bytes(at: second) == Self.bytes(at: first))
    }

    @Test("texts that look like numbers, dates or booleans come back as texts", arguments: Format.allCases)
    func lookalikesStayTexts(format: Format) throws {
        let back = try GraphDocument.read(contentsOf: Self.write(TrickyGraph.escaping, as: format))
        let attributes = back.node(at: back.node("node")).attributes
        for (offset, text) in TrickyGraph.lookalikeTexts.enumerated() {
            #expect(attributes["lookalike-\(offset)"] == .string(text), "\(text)")
        }
    }
}
