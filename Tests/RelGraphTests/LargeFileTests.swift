import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Files larger than one read chunk (1 MiB) are read on a second thread in batches, and text
/// that straddles two chunks is gathered across them: the result must not depend on either.
@Suite("Reading files larger than one chunk")
struct LargeFileTests {
    /// About 3 MB in any format: long Devanagari labels and escapes, so that many strings
    /// and fields cross a chunk boundary, and thousands of tokens fill many batches.
    static let graph: Graph = {
        var builder = GraphBuilder()
        let padding = String(repeating: "अंतर्राष्ट्रीय सहयोग ", count: 3)
        for index in 0..<6_000 {
            let label = LocalizedText([
                .init(language: "en", text: "Node \(index) \"quoted\", with a comma\\backslash"),
                .init(language: "hi", text: "\(padding)\(index)"),
            ])
            try! builder.addNode(Node(id: "n\(index)", kind: index.isMultiple(of: 3) ? .actor : .project, label: label))
        }
        for index in 0..<12_000 {
            try! builder.addEdge(
                Edge(
                    from: "n\(index % 6_000)", to: "n\((index * 7 + 1 + index / 6_000) % 6_000)",
                    relation: index.isMultiple(of: 2) ? "supplies" : "cooperates-on"))
        }
        return try! builder.build()
    }()

    static func temporaryPath(_ name: String) -> String {
        Scratch.root.appendingPathComponent("relgraph-large-\(UUID())-\(name)").path
    }

    @Test("a large JSON or YAML file loads as the same graph as the same text in memory", arguments: GraphDocument.Syntax.allCases)
    func largeDocument(syntax: GraphDocument.Syntax) throws {
        let text = DocumentWriter(syntax: syntax).document(for: Self.graph)
        #expect(text.utf8.count > 2 * 1_048_576)
        let path = Self.temporaryPath("graph.\(syntax.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Graph(contentsOf: path) == Self.graph)
    }

    @Test("problems at the end of a large file are located as in memory", arguments: GraphDocument.Syntax.allCases)
    func problemsAtTheEnd(syntax: GraphDocument.Syntax) throws {
        var text = DocumentWriter(syntax: syntax).document(for: Self.graph)
        switch syntax {
        case .json:
            text = text.replacingOccurrences(of: "\"to\": \"n1\"", with: "\"to\": \"n1x\"")
            text.removeLast(3)
        case .yaml:
            text = text.replacingOccurrences(of: "to: n1,", with: "to: n1x,") + "  - {from: n2\n"
        }
        let path = Self.temporaryPath("bad.\(syntax.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let fromMemory: [String]
        do {
            _ = try GraphDocument.decode(text, syntax: syntax, fileName: path)
            Issue.record("the broken document was accepted")
            return
        } catch {
            fromMemory = error.diagnostics.map(\.description)
        }
        #expect(!fromMemory.isEmpty)
        #expect(throws: GraphLoadError.self) { try Graph(contentsOf: path) }
        do {
            _ = try Graph(contentsOf: path)
        } catch {
            #expect(error.description.split(separator: "\n").map(String.init) == fromMemory)
        }
    }

    @Test("a large Neo4j CSV folder loads back as the same graph")
    func largeNeo4jFolder() throws {
        let folder = Self.temporaryPath("csv")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Neo4jCSV.write(Self.graph, toFolder: folder)
        let size = try FileManager.default.attributesOfItem(atPath: folder + "/nodes.csv")[.size] as? Int ?? 0
        #expect(size > 1_048_576)
        #expect(try Graph(contentsOf: folder) == Self.graph)
    }

    @Test("DOT of a graph larger than one formatting range has every line once, in order")
    func largeDOTInOrder() throws {
        var builder = GraphBuilder()
        let nodeCount = 40_000, edgeCount = 70_000
        for index in 0..<nodeCount { try builder.addNode(Node(id: "n\(index)", kind: .actor)) }
        for index in 0..<edgeCount {
            try builder.addEdge(Edge(from: "n\(index % nodeCount)", to: "n\((index * 13 + 7) % nodeCount)", relation: index < nodeCount ? "supplies" : "met"))
        }
        let graph = try builder.build()
        let lines = DOTWriter().dot(for: graph).split(separator: "\n")
        let nodeLines = lines.filter { $0.hasSuffix("[kind=\"actor\"]") }
        let edgeLines = lines.filter { $0.contains(" -> ") }
        #expect(nodeLines == (0..<nodeCount).map { "  \"n\($0)\" [kind=\"actor\"]"[...] })
        #expect(
            edgeLines
                == (0..<edgeCount).map {
                    "  \"n\($0 % nodeCount)\" -> \"n\(($0 * 13 + 7) % nodeCount)\" [relation=\"\($0 < nodeCount ? "supplies" : "met")\"]"[...]
                })
    }
}
