import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// The interactive page (contract §5) driven in headless Chromium: what a person sees must be
/// what the command line answers.
@Suite("render --format html in a real browser", .serialized)
struct PageBrowserTests {
    static let graph = RelGraphCLI.graph

    /// The bundled graph's page, written once.
    static let bundledPage: Result<String, any Error> = Result {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("india-russia.html").path
        let result = try RelGraphCLI.run("render", graph, "-o", path)
        guard result.status == 0 else { throw PageError(message: result.errors) }
        return path
    }

    struct PageError: Error { var message: String }

    static func json(_ arguments: String...) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: RelGraphCLI.run(arguments).output) as? [String: Any] ?? [:]
    }

    static func expectNoNetwork(_ report: PageBrowser.Report, page: String) {
        #expect(report.requests.filter { !$0.hasPrefix("data:") } == ["file://" + page], "the page asks for nothing but itself (its fonts are inline data)")
        #expect(report.resources.isEmpty)
        #expect(report.console.isEmpty, "no errors or messages in the console")
    }

    @Test("typing in search finds भारत and Jaishankar, in either script")
    func search() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "search", [["search": "भारत"], ["search": "Jaishankar", "screenshot": "results"]])
        #expect(report.strings(0, "results").first == "india")
        #expect(report.strings(1, "results").contains("s-jaishankar"))
        #expect(Set(report.strings(1, "matched")) == Set(report.strings(1, "results")), "every hit is marked in the drawing")
        Self.expectNoNetwork(report, page: page)
    }

    @Test("a click on a node fades exactly the nodes that are not its neighbours")
    func focusFades() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "focus", [["click": "russia", "screenshot": "russia"]])
        let neighbours = try Self.json("neighbors", Self.graph, "russia", "--json")["neighbors"] as? [[String: Any]] ?? []
        let near = Set(neighbours.compactMap { $0["id"] as? String } + ["russia"])
        let all = Set(Fixtures.indiaRussia.nodes.map(\.id))
        #expect(Set(report.strings(0, "faded")) == all.subtracting(near))
        #expect(Set(report.strings(0, "unfaded")) == near)
        #expect(report.strings(0, "focus") == ["russia"])
        #expect((report.step(0)["details"] as? String ?? "").contains("president of Vladimir Putin"), "the details list its relations")
        Self.expectNoNetwork(report, page: page)
    }

    @Test("the page brings its own fonts, cut to its text: Latin and Devanagari load from the page itself")
    func ownFonts() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "fonts", [["fonts": true], ["lang": "hi", "fonts": true, "screenshot": "hindi"]])
        let english = report.strings(0, "fonts"), hindi = report.strings(1, "fonts")
        // The page's faces are cut to its text: Latin from Noto Sans (with all of ASCII, for
        // the search box), Devanagari from Noto Sans Devanagari (क, U+0915).
        func draws(_ faces: [String], _ weight: Int, _ scalar: UInt32) -> Bool {
            faces.contains {
                $0.hasPrefix("Noto Sans \(weight) ")
                    && ScriptsDrawnTests.unicodeRanges(String($0.dropFirst("Noto Sans 400 ".count))).contains { $0.contains(scalar) }
            }
        }
        #expect(draws(english, 400, 0x41) && draws(english, 400, 0x7E), "\(english)")
        #expect(draws(english, 700, 0x41), "the bold title: \(english)")
        #expect(draws(hindi, 400, 0x0915), "\(hindi)")
        #expect(draws(hindi, 700, 0x0915), "the bold Hindi title: \(hindi)")
        Self.expectNoNetwork(report, page: page)
    }

    @Test("a source's address becomes a link only when it is a web address")
    func sourceLinks() throws {
        let document = try RelGraphCLI.file(
            named: "sources.yaml",
            """
            relgraph: 1
            sources:
              - {id: web, title: {en: A report}, url: "https://example.org/report?a=1&b=2"}
              - {id: script, title: {en: A trap}, url: "javascript:alert(1)"}
            nodes:
              - {id: a, kind: actor, source: web}
              - {id: b, kind: actor, source: script}
            edges:
              - {from: a, to: b, relation: met}
            """)
        let page = document.replacingOccurrences(of: ".yaml", with: ".html")
        #expect(try RelGraphCLI.run("render", document, "-o", page).status == 0)
        let report = try PageBrowser.drive(page, name: "sources", [["click": "a"], ["click": "b"]])
        #expect(report.strings(0, "links") == ["https://example.org/report?a=1&b=2"])
        #expect(report.strings(1, "links").isEmpty)
        #expect((report.step(1)["details"] as? String ?? "").contains("A trap (javascript:alert(1))"))
        Self.expectNoNetwork(report, page: page)
    }

    @Test("the time slider at a date shows exactly the nodes render --as-of that date draws", arguments: ["1995", "2000-10", "2021"])
    func timeSlider(date: String) throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "time-\(date)", [["asof": date, "screenshot": "slider"]])
        let svg = try RelGraphCLI.run("render", Self.graph, "--as-of", date, "--no-legend").text
        #expect(report.step(0)["label"] as? String == date)
        #expect(Set(report.strings(0, "shown")) == PageBrowser.nodeIDs(inSVG: svg))
        #expect(report.step(0)["edges"] as? Int == svg.components(separatedBy: "class=\"edge ").count - 1, "and the same edges")
        Self.expectNoNetwork(report, page: page)
    }

    @Test(
        "the legend hides a kind or a relation as render without it draws the graph",
        arguments: [("kind", "place"), ("kind", "actor"), ("relation", "signed"), ("relation", "cooperates-on")])
    func legendToggles(type: String, id: String) throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "hide-\(id)", [["hide": [type, id], "screenshot": "hidden"]])
        let graph = Fixtures.indiaRussia
        var arguments = ["render", Self.graph, "--no-legend"]
        if type == "kind" {
            for kind in Set(graph.nodes.map(\.kind.rawValue)).subtracting([id]).sorted() { arguments += ["--kind", kind] }
        } else {
            for relation in Set(graph.relationsInUse).subtracting([id]).sorted() { arguments += ["--relation", relation] }
        }
        let svg = try RelGraphCLI.run(arguments).text
        #expect(Set(report.strings(0, "shown")) == PageBrowser.nodeIDs(inSVG: svg))
        #expect(report.step(0)["edges"] as? Int == svg.components(separatedBy: "class=\"edge ").count - 1)
        #expect(report.step(0)["hash"] as? String == "#hide=\(type):\(id)")
    }

    @Test("the switch of names on the lines names every edge, and back; it lives in the URL fragment")
    func edgeLabelSwitch() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(
            page, name: "edge-labels",
            [
                ["edgeLabels": false, "screenshot": "off"],
                ["edgeLabels": true, "screenshot": "on"],
                ["lang": "hi"], ["edgeLabels": true, "screenshot": "on-hindi"],
                ["edgeLabels": false],
            ])
        let edges = Fixtures.indiaRussia.edgeCount
        #expect(report.step(0)["switchShown"] as? Bool == true)
        #expect(report.step(0)["checked"] as? Bool == false)
        #expect(report.step(0)["edges"] as? Int == edges)
        let namedOff = report.step(0)["named"] as? Int ?? edges
        #expect(namedOff < edges, "by default relations are told by line colour and dash, the least used named")
        #expect((report.step(0)["lineSamples"] as? Int ?? 0) > 0, "the legend shows each relation's line")
        #expect(report.step(1)["checked"] as? Bool == true)
        #expect(report.step(1)["edges"] as? Int == edges)
        #expect(report.step(1)["named"] as? Int == edges, "every edge shows its name on the drawing")
        #expect(report.step(1)["lineSamples"] as? Int == 0, "no line samples where lines are not styled by relation")
        #expect(report.step(1)["hash"] as? String == "#labels=always")
        #expect(report.step(3)["named"] as? Int == edges, "in Hindi too")
        #expect(report.step(4)["named"] as? Int == namedOff)
        #expect(report.step(4)["hash"] as? String == "#lang=hi")
        Self.expectNoNetwork(report, page: page)
    }

    @Test("the language choice relabels every node in Hindi")
    func languageSwitch() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "language", [["lang": "hi", "screenshot": "hindi"]])
        let labels = report.step(0)["labels"] as? [String: String] ?? [:]
        let graph = Fixtures.indiaRussia
        #expect(labels["india"] == "भारत")
        #expect(labels.count == graph.nodeCount)
        for node in graph.nodeIndices {
            let expected = graph.displayName(ofNode: node, in: "hi")
            guard let shown = labels[graph.id(ofNode: node)], !shown.contains("…") else { continue }
            #expect(shown == expected.replacingOccurrences(of: "\n", with: " "), "\(graph.id(ofNode: node))")
        }
        #expect(report.step(0)["htmlLang"] as? String == "hi")
        Self.expectNoNetwork(report, page: page)
    }

    @Test(
        "the path picker highlights the path relgraph path returns, both ways",
        arguments: [("boris-yeltsin", "amethi"), ("amethi", "boris-yeltsin"), ("usa", "sputnik-v"), ("sputnik-v", "usa"), ("tamil-nadu", "soviet-dissolution")])
    func pathPicker(from: String, to: String) throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "path-\(from)-\(to)", [["path": [from, to], "screenshot": "path"]])
        let expected = try Self.json("path", Self.graph, from, to, "--json")
        let nodes = expected["nodes"] as? [String] ?? []
        #expect(!nodes.isEmpty)
        #expect(report.strings(0, "pathNodes") == nodes)
        #expect(Set(report.strings(0, "highlighted")) == Set(nodes))
        let edges = (expected["edges"] as? [[String: String]] ?? []).map { [$0["from"]!, $0["to"]!, $0["relation"]!] }
        let highlightedEdges = report.step(0)["highlightedEdges"] as? [[String]] ?? []
        #expect(Set(highlightedEdges) == Set(edges))
        Self.expectNoNetwork(report, page: page)
    }

    @Test("a keyboard reaches every node; Enter focuses one")
    func keyboard() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "keyboard", [["keyboard": "kudankulam", "screenshot": "kudankulam"]])
        #expect(report.step(0)["active"] as? String == "kudankulam")
        #expect(report.strings(0, "focus") == ["kudankulam"])
        #expect(report.step(0)["tabbable"] as? Int == Fixtures.indiaRussia.nodeCount)
    }

    @Test("keys and a drag pan and zoom the drawing; 0 fits it again")
    func panAndZoom() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "zoom", [["zoom": true]])
        let step = report.step(0)
        func box(_ key: String) -> [Double] { step[key] as? [Double] ?? [] }
        #expect(box("zoomedIn")[2] < box("before")[2] * 0.9, "+ zooms in")
        #expect(box("panned")[0] > box("zoomedIn")[0], "→ pans right")
        #expect(box("dragged")[0] > box("panned")[0] && box("dragged")[1] > box("panned")[1], "dragging up-left moves the view down-right")
        #expect(box("fitted") == box("before"))
    }

    @Test("two fingers spreading apart zoom in about their midpoint")
    func pinch() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "pinch", [["pinch": true, "screenshot": "pinched"]])
        let before = report.step(0)["before"] as? [Double] ?? [], after = report.step(0)["after"] as? [Double] ?? []
        #expect(after.count == 4 && after[2] < before[2] / 3, "fingers 60 px apart moved to 260 px: about four times closer")
        #expect(after.count == 4 && abs(after[2] / after[3] - before[2] / before[3]) < 0.01, "the aspect stays")
    }

    @Test("a click on an edge's line selects it and shows its details")
    func edgeClick() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(
            page, name: "edge-click", [["clickEdge": ["s-jaishankar", "jaishankar-visit-2021", "undertook"], "screenshot": "edge"]])
        #expect(report.step(0)["selected"] as? [[String]] == [["s-jaishankar", "jaishankar-visit-2021", "undertook"]])
        #expect((report.step(0)["details"] as? String ?? "").contains("2021-07-07 – 2021-07-09"))
    }

    @Test("a relation in a node's details selects that edge and shows its details")
    func edgeDetails() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "edge", [["relationLink": "amethi", "screenshot": "edge"]])
        let selected = report.step(0)["selected"] as? [[String]] ?? []
        #expect(selected == [["ak-203-joint-venture", "amethi", "located-in"]])
        #expect((report.step(0)["details"] as? String ?? "").contains("AK-203 rifle joint venture"))
    }

    @Test("printing hides the controls and lays the drawing out in the flow")
    func print() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "print", [["print": true]])
        #expect(report.step(0)["hiddenInPrint"] as? [String] == ["none", "none"])
        #expect(report.step(0)["svgPosition"] as? String == "static")
    }

    @Test(
        "with the slider set, the path picker finds what path --as-of finds",
        arguments: [("2000-10", "boris-yeltsin", "vladimir-putin"), ("1995", "s-jaishankar", "russia"), ("2000-10", "usa", "amethi")])
    func pathAsOf(date: String, from: String, to: String) throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "path-\(date)-\(from)", [["asof": date], ["path": [from, to], "screenshot": "path"]])
        let result = try RelGraphCLI.run("path", Self.graph, from, to, "--as-of", date, "--json")
        let expected = (try JSONSerialization.jsonObject(with: result.output) as? [String: Any])?["nodes"] as? [String] ?? []
        #expect(report.strings(1, "pathNodes") == expected)
        #expect(result.status == (expected.isEmpty ? 1 : 0))
    }

    @Test("choosing a search hit that the slider hides shows all dates again and focuses it")
    func hiddenHit() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(page, name: "hidden-hit", [["asof": "1995"], ["search": "ak-203-contracts", "enter": true], ["fragment": true]])
        #expect(!report.strings(0, "shown").contains("ak-203-contracts"))
        #expect(report.step(2)["hash"] as? String == "#focus=ak-203-contracts")
    }

    @Test("focus, date and language live in the URL fragment and come back on reload")
    func fragment() throws {
        let page = try Self.bundledPage.get()
        let report = try PageBrowser.drive(
            page, name: "fragment", [["asof": "2000-10"], ["lang": "hi"], ["click": "russia"], ["fragment": true], ["reload": true, "screenshot": "reloaded"]])
        #expect(report.step(3)["hash"] as? String == "#lang=hi&asof=2000-10&focus=russia")
        #expect(report.strings(4, "focus") == ["russia"])
        #expect(report.step(4)["lang"] as? String == "hi")
        #expect(report.step(4)["time"] as? String == "2000-10")
    }
}

/// The page of a generated 2,000-node graph: the same answers as the command line, and the
/// times a person waits (reported, not gated: the machine is shared).
@Suite("render --format html of 2,000 nodes in a real browser", .serialized)
struct LargePageBrowserTests {
    @Test("a 2,000-node page searches, focuses, slides through time and finds paths as the CLI does")
    func largePage() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let graph = folder.appendingPathComponent("generated.yaml").path
        try GeneratedGraph.yaml(nodes: 2_000, extraEdges: 1_000).write(toFile: graph, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("generated.html").path
        let started = Date()
        let render = try RelGraphCLI.run("render", graph, "--layout", "sfdp", "--lang", "en", "-o", page)
        let renderSeconds = Date().timeIntervalSince(started)
        #expect(render.status == 0, "\(render.errors)")
        let size = try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int ?? 0

        let report = try PageBrowser.drive(
            page, name: "large",
            [
                ["search": "Node 1234"],
                ["click": "n0042", "screenshot": "focus"],
                ["clear": true],
                ["path": ["n0007", "n1999"], "screenshot": "path"],
                ["clear": true],
                ["asof": "1990", "screenshot": "1990"],
            ])
        #expect(report.strings(0, "results").first == "n1234")

        let neighbours = try JSONSerialization.jsonObject(with: RelGraphCLI.run("neighbors", graph, "n0042", "--json").output) as? [String: Any]
        let near = Set(((neighbours?["neighbors"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } + ["n0042"])
        #expect(Set(report.strings(1, "unfaded")) == near)
        #expect(report.strings(1, "faded").count == 2_000 - near.count)

        let path = try JSONSerialization.jsonObject(with: RelGraphCLI.run("path", graph, "n0007", "n1999", "--json").output) as? [String: Any]
        #expect(report.strings(3, "pathNodes") == path?["nodes"] as? [String])

        let drawn = PageBrowser.nodeIDs(inSVG: try RelGraphCLI.run("render", graph, "--layout", "sfdp", "--as-of", "1990", "--no-legend").text)
        #expect(Set(report.strings(5, "shown")) == drawn)
        PageBrowserTests.expectNoNetwork(report, page: page)

        let focusMs = report.step(1)["clickMs"] as? Double ?? .infinity
        let updateMs = report.step(1)["updateMs"] as? Double ?? .infinity
        print(
            "page measures: 2,000 nodes: \(size) bytes, written in \(String(format: "%.1f", renderSeconds)) s; shown \(String(format: "%.0f", report.readyMilliseconds)) ms after navigation (target < 2000); focus click \(String(format: "%.1f", focusMs)) ms with style and layout, script \(String(format: "%.1f", updateMs)) ms (target < 100)"
        )
    }
}
