import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

@testable import RelGraphGraphviz

/// The pieces of the interactive page: its data, its drawing's hooks, its escaping.
@Suite("The interactive page's parts")
struct InteractivePagePartsTests {
    static let graph = Fixtures.indiaRussia

    static func data(_ view: GraphView, languages: [String] = ["en", "hi"]) throws -> [String: Any] {
        let json = PageData(view: view, languages: languages, language: "en").json().serialized(indented: false)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("dates carry the day numbers §1 compares: a start by its first day, an end by its last")
    func dayNumbers() throws {
        let graph = try Fixtures.graph(
            """
            relgraph: 1
            nodes:
              - {id: a, kind: actor, date: 1993}
              - {id: b, kind: treaty, start: 2021, end: 2031}
              - {id: c, kind: event, end: 2000-02}
            """)
        let nodes = try #require(try Self.data(GraphView(graph), languages: ["en"])["nodes"] as? [[String: Any]])
        // JSON null comes back as NSNull: read each end as an optional day number.
        func days(_ node: [String: Any]) -> [Int?] { (node["t"] as? [Any] ?? []).map { $0 as? Int } }
        #expect(days(nodes[0]) == [try PartialDate(parsing: "1993").firstDay, nil])
        #expect(days(nodes[1]) == [try PartialDate(parsing: "2021").firstDay, try PartialDate(parsing: "2031-12-31").firstDay])
        #expect(days(nodes[2]) == [nil, try PartialDate(parsing: "2000-02-29").firstDay])
    }

    @Test("the slider offers every year between the first and last date, and each month and day named")
    func sliderDates() throws {
        let graph = try Fixtures.graph(
            """
            relgraph: 1
            nodes:
              - {id: a, kind: actor, date: 1999}
              - {id: b, kind: actor, date: 2001-07-07}
            edges:
              - {from: a, to: b, relation: met, date: 2001-07}
            """)
        let dates = try #require(try Self.data(GraphView(graph), languages: ["en"])["dates"] as? [[Any]]).compactMap { $0.first as? String }
        #expect(dates == ["1999", "2000", "2001-07-07", "2001-07", "2001"])
    }

    @Test("texts come resolved for every language, with the model's fallbacks")
    func texts() throws {
        let data = try Self.data(GraphView(Self.graph))
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        let india = try #require(nodes.first { $0["id"] as? String == "india" })
        #expect(india["label"] as? [String] == ["India", "भारत"])
        #expect(PageData.languages(of: Self.graph, including: "fr") == ["en", "fr", "hi"])
    }

    @Test("every node group gets data-id and a keyboard stop; every edge group its ends and relation")
    func drawingHooks() throws {
        let view = GraphView(Self.graph)
        var drawing = DOTDrawing()
        drawing.showsLegend = false
        let svg = String(decoding: try GraphvizRenderer().render(drawing.dot(for: view)).data, as: UTF8.self)
        let annotated = PageDrawing(view: view, language: "en").annotate(svg)
        #expect(annotated.hasPrefix("<svg class=\"rg-drawing\" lang=\"en\" viewBox="))
        #expect(!annotated.contains("<?xml") && !annotated.contains("<!DOCTYPE") && !annotated.contains("<!--"))
        #expect(annotated.components(separatedBy: "tabindex=\"0\" role=\"button\"").count - 1 == Self.graph.nodeCount)
        #expect(annotated.contains("data-id=\"india\" tabindex=\"0\" role=\"button\" aria-label=\"India\""))
        #expect(annotated.components(separatedBy: " data-from=\"").count - 1 == Self.graph.edgeCount)
    }

    @Test("XML text escapes and unescapes, character references included")
    func xmlText() {
        #expect(XMLText.escaped("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
        #expect(XMLText.unescaped("node&#45;a&amp;b&#x939;&lt;&bogus;") == "node-a&bह<&bogus;")
    }

    @Test("the renderer refuses html: the page is InteractivePage's to make")
    func rendererRefusesHTML() {
        #expect(throws: GraphvizError.self) { try GraphvizRenderer().render("digraph { a }", format: .html) }
    }
}

@Test("XML escaping keeps line breaks unless asked to make them spaces")
func xmlLineBreaks() {
    #expect(XMLText.escaped("a\nb") == "a\nb")
    #expect(XMLText.escaped("a\nb", lineBreaksAsSpaces: true) == "a b")
}
