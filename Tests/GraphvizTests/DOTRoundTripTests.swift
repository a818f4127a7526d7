import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

/// DOT as RelGraph writes it, read back through Graphviz's own parser, on the graph of tricky
/// ids, labels and attributes (``TrickyGraph/escaping``).
@Suite("DOT round trips of tricky texts")
struct DOTRoundTripTests {
    func readBack(_ graph: Graph, language: String = "en") throws -> Graph {
        try DOTImporter().read(Array(DOTWriter(language: language).dot(for: graph).utf8), fileName: "round-trip.dot").graph
    }

    @Test("a graph of tricky ids, labels and attributes reads back from DOT as the same graph", arguments: ["en", "hi"])
    func readsBackTheSameGraph(language: String) throws {
        let graph = TrickyGraph.escaping
        let back = try readBack(graph, language: language)
        #expect(back == graph, "\(back.differences(from: graph).joined(separator: "\n"))")
    }

    @Test("writing the graph read back from DOT gives the same DOT again")
    func writesTheSameDOTAgain() throws {
        let dot = DOTWriter().dot(for: TrickyGraph.escaping)
        #expect(try DOTWriter().dot(for: readBack(TrickyGraph.escaping)) == dot)
    }

    @Test("each tricky text comes back from DOT as a label, a type and an attribute", arguments: TrickyGraph.escapingTexts)
    func eachText(text: String) throws {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "a", kind: .actor, type: text, label: LocalizedText(text), attributes: ["text": .string(text)]))
        try builder.addNode(Node(id: "b", kind: .actor))
        try builder.addEdge(Edge(from: "a", to: "b", relation: "r", attributes: ["note": .string(text)]))
        let written = try builder.build()
        let back = try readBack(written)
        #expect(back == written, "\(back.differences(from: written).joined(separator: "\n"))")
    }

    // Two losses of DOT, kept in view: when one is fixed, its test fails and becomes a plain check.

    @Test("a label that ends in a line break loses it through DOT (known issue: the reader trims trailing line breaks)")
    func trailingLineBreak() throws {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "a", kind: .actor, label: "ends with a line break\n"))
        let graph = try builder.build()
        let back = try readBack(graph)
        withKnownIssue("DOTDecoding.label drops trailing line breaks, which DOTText.label writes as \\n") {
            #expect(back == graph)
        }
    }

    @Test("an attribute whose value is the empty string is lost through DOT (known issue: Graphviz cannot tell it from unset)")
    func emptyAttribute() throws {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "a", kind: .actor, attributes: ["empty": ""]))
        let graph = try builder.build()
        let back = try readBack(graph)
        withKnownIssue("cgraph gives an attribute declared with default \"\" the value \"\" on every node") {
            #expect(back == graph)
        }
    }
}
