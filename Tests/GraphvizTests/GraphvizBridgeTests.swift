import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("The Graphviz bridge")
struct GraphvizBridgeTests {
    static let root = Fixtures.root
    static let indiaRussia = Fixtures.indiaRussia
    let renderer = GraphvizRenderer()

    @Test("every layout engine and output format renders the bundled graph", arguments: LayoutEngine.allCases)
    func everyEngineAndFormat(layout: LayoutEngine) throws {
        var drawing = DOTDrawing()
        drawing.layout = layout
        let dot = drawing.dot(for: GraphView(Self.indiaRussia))
        for format in OutputFormat.allCases where format != .html {
            let data = try renderer.render(dot, layout: layout, format: format).data
            switch format {
            case .svg: #expect(String(decoding: data.prefix(100), as: UTF8.self).contains("<?xml"))
            case .png: #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            case .pdf: #expect(data.starts(with: Array("%PDF".utf8)))
            case .dot, .xdot: #expect(String(decoding: data, as: UTF8.self).contains("pos=\""))
            case .html: Issue.record("the page is InteractivePage's, not the renderer's")
            }
        }
    }

    @Test("tricky labels survive DOT export and Graphviz's parser with their exact text")
    func trickyLabelsRoundTrip() throws {
        let graph = TrickyGraph.graph
        let dot = DOTWriter().dot(for: graph)
        let imported = try DOTImporter().read(Array(dot.utf8), fileName: "tricky.dot")
        #expect(imported.graph == graph)
        #expect(imported.warnings.isEmpty, "\(imported.warnings)")
    }

    @Test("the SVG is well-formed XML holding every label, id and class")
    func svgIsWellFormed() throws {
        let graph = TrickyGraph.graph
        let svg = try renderer.render(DOTDrawing().dot(for: GraphView(graph))).data
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        for label in TrickyGraph.labels {
            // `\l` and `\r` are Graphviz's justification escapes, kept as written (as DOT files
            // from elsewhere use them): they end a line as `\n` does.
            let lines = label.replacingOccurrences(of: #"\l"#, with: "\n").replacingOccurrences(of: #"\r"#, with: "\n")
            let firstLine = String(lines.split(separator: "\n").first ?? "").trimmingCharacters(in: .whitespaces)
            #expect(collector.texts.contains { $0.contains(firstLine) }, "label \(label) is drawn")
        }
        #expect(collector.ids.contains("node-भारत"))
        #expect(collector.ids.contains("edge-0"))
        #expect(collector.classes.contains("node relgraph-node kind-topic"))
        #expect(collector.titles.contains { $0.contains("text: say \"hi\"") }, "tooltips hold attributes")
    }

    @Test("Hindi labels are drawn in Devanagari with a font that has the glyphs")
    func hindiLabels() throws {
        let svg = String(decoding: try renderer.render(DOTDrawing(language: "hi").dot(for: GraphView(Self.indiaRussia))).data, as: UTF8.self)
        #expect(svg.contains(">भारत<"))
        #expect(svg.contains("font-family=\"Noto Sans\""))
        // With pango laying out text, a Devanagari word is as wide as its glyphs, not Times' guess.
        #expect(renderer.plugins(.textlayout).contains("textlayout"))
    }

    @Test("a malformed DOT gives Graphviz's message, with the line, as an error")
    func malformedDOT() {
        #expect {
            try renderer.render("digraph {\n a -> b\n c -> -> d\n}")
        } throws: { error in
            guard let error = error as? GraphvizError, error.code == .syntax else { return false }
            return error.messages.contains { $0.contains("syntax error in line 3") }
        }
        #expect(throws: GraphLoadError.self) { try DOTImporter().read(Array("graph { a -> b }".utf8), fileName: "x.dot") }
    }

    @Test("errors that surface only in layout or rendering are caught, and do not stick")
    func lateErrors() throws {
        #expect(throws: GraphvizError.self) { try renderer.render("digraph { a [label=<<table><tr><td>x</table>>] }") }
        #expect(try renderer.render("digraph { a [color=\"#zzzzzz\" style=filled] }").warnings == ["#zzzzzz is not a known color."])
        let good = try renderer.render("digraph { a -> b }")
        let svg = String(decoding: good.data, as: UTF8.self)
        #expect(
            svg.contains("<title>a</title>") && svg.contains("<title>a&#45;&gt;b</title>") && svg.hasSuffix("</svg>\n"), "a good job after a bad one succeeds")
        #expect(good.warnings.isEmpty, "no message of the bad job sticks to the next")
    }

    @Test("warnings are captured, not printed")
    func warnings() throws {
        let rendering = try renderer.render("digraph { a [shape=nonsense] }")
        #expect(rendering.warnings.contains { $0.contains("nonsense") })
    }

    @Test("200 renders from concurrent tasks all succeed and agree")
    func concurrentRenders() async throws {
        let dot = DOTDrawing().dot(for: GraphView(TrickyGraph.graph))
        let expected = try renderer.render(dot).data
        let renderer = self.renderer
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for index in 0..<200 {
                group.addTask {
                    // Mix in failing jobs: each must fail, and its error must not leak into the next job.
                    if index % 10 == 0 { #expect(throws: GraphvizError.self) { try renderer.render("digraph { -> }") } }
                    return try renderer.render(dot).data
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test("the drawings in Graphs/ are up to date with the document (run `make graphs`)", arguments: ["en", "hi"])
    func committedDrawingsAreFresh(language: String) throws {
        let name = language == "en" ? "india-russia.svg" : "india-russia.hi.svg"
        let committed = try Data(contentsOf: Self.root.appendingPathComponent("Graphs/\(name)"))
        let view = GraphView(Self.indiaRussia)
        var drawing = DOTDrawing(language: language)
        try drawing.plan(for: view)
        let fresh = try renderer.render(view, drawing: drawing).data
        #expect(committed == Data(fresh), "Graphs/\(name) is stale: run `make graphs`")
    }

    @Test("the page in Graphs/ is up to date with the document (run `make graphs`)")
    func committedPageIsFresh() throws {
        let committed = try Data(contentsOf: Self.root.appendingPathComponent("Graphs/india-russia.html"))
        let view = GraphView(Self.indiaRussia)
        var drawing = DOTDrawing(language: "en")
        try drawing.plan(for: view)
        let fresh = try InteractivePage(view: view, drawing: drawing).render(using: renderer).data
        #expect(committed == Data(fresh), "Graphs/india-russia.html is stale: run `make graphs`")
    }

    @Test("the same input renders to byte-identical SVG")
    func deterministicSVG() throws {
        let dot = DOTDrawing().dot(for: GraphView(Self.indiaRussia))
        #expect(try renderer.render(dot).data == renderer.render(dot).data)
    }
}

/// Collects text, ids, classes and tooltips from an SVG.
final class SVGCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var ids: Set<String> = []
    var classes: Set<String> = []
    var titles: [String] = []
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if let id = attributes["id"] { ids.insert(id) }
        if let className = attributes["class"] { classes.insert(className) }
        if let title = attributes["xlink:title"] { titles.append(title) }
        inText = name == "text"
        if inText { texts.append("") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        inText = false
    }
}

@Suite("Reproducible PDFs")
struct PDFTests {
    @Test("a PDF rendered a second later is byte-identical")
    func reproduciblePDF() throws {
        let dot = DOTDrawing().dot(for: GraphView(Fixtures.indiaRussia))
        let first = try GraphvizRenderer().render(dot, format: .pdf).data
        Thread.sleep(forTimeInterval: 1.1)
        let second = try GraphvizRenderer().render(dot, format: .pdf).data
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains("/CreationDate (D:19700101000000"))
    }
}
