import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// `render --format html` as a file: self-contained, carrying the contract's hooks, stable.
@Suite("render --format html: the page as a file")
struct InteractivePageTests {
    let graph = RelGraphCLI.graph

    func page(_ arguments: String...) throws -> String {
        let result = try RelGraphCLI.run(["render", graph, "--format", "html"] + arguments)
        #expect(result.status == 0, "\(result.errors)")
        return result.text
    }

    /// The text of the element that follows `marker`, up to `end`.
    func element(after marker: String, until end: String, in html: String) -> String? {
        guard let start = html.range(of: marker), let stop = html.range(of: end, range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<stop.lowerBound])
    }

    @Test("the page refers to no other file or address, and forbids itself any request; its fonts are inline data")
    func selfContained() throws {
        let html = try page()
        for reference in ["src=", "href=", "@import", "<link", "<iframe", "<img"] {
            #expect(!html.contains(reference), "\(reference)")
        }
        let urls = html.components(separatedBy: "url(").dropFirst()
        // Regular and bold of each face the text needs, cut to the document: Noto Sans, Noto
        // Sans Devanagari, and a face with arrows (→) for the legend.
        #expect(urls.count >= 4 && urls.count % 2 == 0, "\(urls.count)")
        #expect(urls.allSatisfy { $0.hasPrefix("data:font/otf;base64,") })
        #expect(html.components(separatedBy: "@font-face").count - 1 == urls.count)
        for face in ["/* Noto Sans */", "/* Noto Sans Devanagari */"] { #expect(html.components(separatedBy: face).count - 1 == 2, "\(face)") }
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:\""))
    }

    @Test("the page carries the contract's hooks: data, search, time, language, node and edge attributes")
    func hooks() throws {
        let html = try page()
        let graph = Fixtures.indiaRussia
        for id in ["id=\"relgraph-search\"", "id=\"relgraph-time\"", "id=\"relgraph-lang\"", "<script type=\"application/json\" id=\"relgraph-data\">"] {
            #expect(html.contains(id))
        }
        let json = try #require(element(after: "id=\"relgraph-data\">", until: "</script>", in: html))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((data["nodes"] as? [Any])?.count == graph.nodeCount)
        #expect((data["edges"] as? [Any])?.count == graph.edgeCount)
        #expect(data["languages"] as? [String] == ["en", "hi"])
        // The first drawing (English) names every node and edge; Hindi's waits in a template.
        let shown = try #require(element(after: "<div id=\"rg-canvas\"", until: "</svg>", in: html))
        #expect(shown.components(separatedBy: " data-id=\"").count - 1 == graph.nodeCount)
        #expect(shown.components(separatedBy: " data-from=\"").count - 1 == graph.edgeCount)
        #expect(shown.contains("data-id=\"india\""))
        #expect(shown.contains("data-from=\"india\" data-to=\"russia\" data-relation=\"partner-of\""))
        #expect(html.contains("<template class=\"rg-drawing-template\" data-lang=\"hi\" data-labels=\"auto\">"))
        // The switch of names on the lines: the same languages with every edge labelled.
        for language in ["en", "hi"] {
            #expect(html.contains("<template class=\"rg-drawing-template\" data-lang=\"\(language)\" data-labels=\"always\">"))
        }
        #expect((data["labels"] as? [[String: Any]])?.compactMap { $0["mode"] as? String } == ["auto", "always"])
    }

    @Test("the same graph gives the same page, to a file or standard output")
    func deterministic() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("page.html").path
        #expect(try RelGraphCLI.run("render", graph, "-o", path).status == 0)
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(file == (try RelGraphCLI.run("render", graph, "--format", "html").output))
        #expect(file == (try RelGraphCLI.run("render", graph, "--format", "html").output))
        print("page measures: the bundled graph's page is \(file.count) bytes (target < 1.5 MB)")
        #expect(file.count < 1_500_000)
    }

    @Test("-o page.html or page.htm writes the page; --format html with another extension is refused")
    func extensions() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        for name in ["page.html", "page.htm"] {
            let path = folder.appendingPathComponent(name).path
            #expect(try RelGraphCLI.run("render", graph, "-o", path).status == 0)
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        }
        #expect(try RelGraphCLI.run("render", graph, "--format", "html", "-o", folder.appendingPathComponent("x.svg").path).status == 64)
    }

    @Test("JSON text that would close the script element is escaped")
    func scriptSafe() throws {
        let path = try RelGraphCLI.file(
            named: "tags.yaml",
            """
            relgraph: 1
            nodes:
              - {id: a, kind: actor, label: "</script><script>alert(1)</script>"}
              - {id: b, kind: actor, label: "x & y <!--"}
            edges:
              - {from: a, to: b, relation: r}
            """)
        let html = try RelGraphCLI.run("render", path, "--format", "html").text
        let json = try #require(element(after: "id=\"relgraph-data\">", until: "</script>", in: html))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let labels = (data["nodes"] as? [[String: Any]])?.compactMap { ($0["label"] as? [String])?.first }
        #expect(labels == ["</script><script>alert(1)</script>", "x & y <!--"])
    }

    @Test("a copy of the binary elsewhere still writes the page: nothing is looked up beside it")
    func relocatableBinary() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let copy = folder.appendingPathComponent("relgraph")
        try FileManager.default.copyItem(at: RelGraphCLI.binary, to: copy)
        let moved = try RelGraphCLI.run(["render", graph, "--format", "html"], in: folder, binary: copy)
        #expect(moved.status == 0)
        #expect(moved.output == (try RelGraphCLI.run("render", graph, "--format", "html").output))
    }
}
