import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

/// A document's text is drawn as written (contract §1): `a \l b` is those six characters. Only
/// texts that came from a DOT file carry Graphviz's justification escapes `\l` and `\r`, and
/// the graph says so (`dot-label-escapes: true`), so they are drawn and written back as that
/// file meant them.
@Suite("Backslashes in labels")
struct LabelEscapeTests {
    static let document = """
        relgraph: 1
        nodes:
          - {id: a, kind: actor, label: 'a \\l b'}
          - {id: c, kind: actor, label: 'c \\r d'}
        edges:
          - {from: a, to: c, relation: met}
        """

    static func svgTexts(_ graph: Graph) throws -> [String] {
        let svg = String(decoding: try GraphvizRenderer().render(GraphView(graph), drawing: DOTDrawing(), format: .svg).data, as: UTF8.self)
        return svg.components(separatedBy: "<text").dropFirst().compactMap { element in
            guard let start = element.firstIndex(of: ">"), let end = element.range(of: "</text>") else { return nil }
            return String(element[element.index(after: start)..<end.lowerBound])
        }
    }

    @Test("a document's \\l and \\r are drawn as written, on one line")
    func documentTextDrawnAsWritten() throws {
        let graph = try GraphDocument.decode(Array(Self.document.utf8), syntax: .yaml, fileName: "labels.yaml")
        #expect(!graph.keepsDOTLabelEscapes)
        let texts = try Self.svgTexts(graph)
        #expect(texts.contains(#"a \l b"#), "\(texts)")
        #expect(texts.contains(#"c \r d"#), "\(texts)")
    }

    @Test("DOT export of a document's \\l doubles the backslash, so Graphviz's own parser reads the text back")
    func documentTextExportedAsText() throws {
        let graph = try GraphDocument.decode(Array(Self.document.utf8), syntax: .yaml, fileName: "labels.yaml")
        let dot = DOTWriter().dot(for: graph)
        #expect(dot.contains(#""label"="a \\l b""#), "\(dot)")
        let back = try DOTImporter().read(Array(dot.utf8), fileName: "labels.dot").graph
        #expect(back == graph)
    }

    @Test("a DOT file's \\l is a justification escape: the graph says so, keeps it through export, and ends the line in the drawing")
    func dotJustificationKept() throws {
        let imported = try DOTImporter().read(Array(#"digraph { a [label="left\lright\r"]; a -> b }"#.utf8), fileName: "j.dot").graph
        #expect(imported.keepsDOTLabelEscapes)
        #expect(imported.graphAttributes[Graph.dotLabelEscapesAttribute] == .boolean(true))
        #expect(DOTWriter().dot(for: imported).contains(#""left\lright\r""#))
        let texts = try Self.svgTexts(imported)
        #expect(texts.contains("left") && texts.contains("right"), "\(texts)")
    }

    @Test("a DOT file without \\l or \\r does not mark its graph")
    func plainDOTUnmarked() throws {
        let imported = try DOTImporter().read(Array(#"digraph { a [label="one\ntwo"]; a -> b }"#.utf8), fileName: "p.dot").graph
        #expect(!imported.keepsDOTLabelEscapes)
    }
}
