import Foundation
import RelGraphTestSupport
import Testing

/// Every option of `relgraph render`, through the built binary, checked against the note's
/// facts (`IndiaRussiaFacts`) as sets of drawn nodes and edges.
@Suite("render's options, end to end")
struct RenderOptionsTests {
    let graph = RelGraphCLI.graph

    static let allNodes = Set(IndiaRussiaFacts.nodes.map(\.id))
    static let allEdges = IndiaRussiaFacts.edges.map { "\($0.from) \($0.relation) \($0.to)" }.sorted()

    /// The edges of the note among `nodes`, as "from relation to", sorted.
    static func edges(among nodes: Set<String>, where keep: (IndiaRussiaFacts.Edge) -> Bool = { _ in true }) -> [String] {
        IndiaRussiaFacts.edges.filter { nodes.contains($0.from) && nodes.contains($0.to) && keep($0) }.map { "\($0.from) \($0.relation) \($0.to)" }.sorted()
    }

    /// Renders SVG to standard output and reads it; the command must succeed.
    func drawing(_ arguments: String...) throws -> SVGDrawing {
        let result = try RelGraphCLI.run(["render", graph] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.errors)")
        return try SVGDrawing(result.output)
    }

    @Test(
        "render --layout draws every node and edge with each engine, the same bytes every time",
        arguments: ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])
    func layout(engine: String) throws {
        let first = try RelGraphCLI.run("render", graph, "--layout", engine)
        #expect(first.status == 0)
        #expect(first.errors.split(separator: "\n").allSatisfy { $0.hasPrefix("warning: graphviz: ") }, "\(first.errors)")
        let svg = try SVGDrawing(first.output)
        #expect(Set(svg.nodes) == Self.allNodes)
        #expect(svg.edges.sorted() == Self.allEdges)
        let again = try RelGraphCLI.run("render", graph, "--layout", engine)
        if engine == "fdp" {
            // Graphviz 2.42's fdp places nodes differently now and then, in its own command too
            // (README, "Drawing"): the same nodes and edges, not the same bytes.
            let svgAgain = try SVGDrawing(again.output)
            #expect(Set(svgAgain.nodes) == Self.allNodes && svgAgain.edges.sorted() == Self.allEdges)
        } else {
            #expect(again.output == first.output, "deterministic")
        }
    }

    @Test("render --layout fdp draws the same graph run after run, its legend in the block above")
    func fdpDrawsTheSameGraph() throws {
        // The legend is the graph's label, outside every layout, so fdp cannot move it; fdp
        // itself still places nodes differently now and then (Graphviz 2.42, README "Drawing").
        let results = try (0..<4).map { _ in try RelGraphCLI.run("render", graph, "--layout", "fdp") }
        #expect(results.allSatisfy { $0.status == 0 && $0.errors.isEmpty }, "\(results.map { "\($0.status) \($0.errors)" })")
        for result in results {
            let drawing = try SVGDrawing(result.output)
            #expect(Set(drawing.nodes) == Self.allNodes && drawing.edges.sorted() == Self.allEdges)
        }
        let svg = try SVGDrawing(results[0].output)
        #expect(svg.hasLegend && svg.legendKinds == ["actor", "treaty", "project", "sector", "event", "place", "topic"])
        #expect(svg.legendTexts.first == "Legend")
    }

    @Test("render --layout reaches Graphviz: each engine places the nodes differently; without it the engine is chosen by size")
    func layoutsDiffer() throws {
        var positions: [String: String] = [:]
        for engine in ["dot", "neato", "fdp", "sfdp", "circo", "twopi"] {
            let laidOut = try RelGraphCLI.run("render", graph, "--layout", engine, "--format", "dot", "--no-legend")
            #expect(laidOut.status == 0)
            positions[engine] = try Self.nodePositions(laidOut.text).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        }
        #expect(Set(positions.values).count == 6, "six engines, six different placements")
        // The bundled graph is dense and has more relations than distinct line looks: its edges
        // are labelled, laid out by neato with a node on every edge's way (LayoutBudget).
        #expect(try RelGraphCLI.run("render", graph).output == RelGraphCLI.run("render", graph, "--layout", "neato").output)
        #expect(
            try RelGraphCLI.run("render", graph, "--edge-labels", "never").output
                == RelGraphCLI.run("render", graph, "--edge-labels", "never", "--layout", "dot").output)
    }

    /// Node name → `pos`, as Graphviz's own `gvpr` reads laid-out DOT.
    static func nodePositions(_ dot: String) throws -> [String: String] {
        let input = try RelGraphCLI.file(named: "laid-out.dot", dot)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gvpr")
        process.arguments = [#"N{printf("%s\t%s\n", $.name, $.pos)}"#, input]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gvpr reads the laid-out DOT")
        var positions: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            positions[String(fields[0])] = fields.count > 1 ? String(fields[1]) : ""
        }
        return positions
    }

    @Test("render --format dot writes laid-out DOT that Graphviz reads back, every node placed")
    func formatDOT() throws {
        let result = try RelGraphCLI.run("render", graph, "--format", "dot")
        #expect(result.status == 0)
        let positions = try Self.nodePositions(result.text)
        // Edges drawn through a node on their way (`edge/N`, DOTDrawing's way nodes) are edges.
        #expect(Set(positions.keys.filter { !$0.hasPrefix("edge/") }) == Self.allNodes, "the legend is the graph's label, not nodes")
        #expect(positions.values.allSatisfy { $0.split(separator: ",").count == 2 && $0.split(separator: ",").allSatisfy { Double($0) != nil } })
        #expect(!result.text.contains("_draw_"), "plain DOT has no drawing operations")
    }

    @Test("render --format xdot adds Graphviz's drawing operations to every node")
    func formatXDOT() throws {
        let result = try RelGraphCLI.run("render", graph, "--format", "xdot")
        #expect(result.status == 0)
        #expect(result.text.contains("xdotversion="))
        #expect(Set(try Self.nodePositions(result.text).keys).isSuperset(of: Self.allNodes))
        // One _draw_ per node (44) at least; edges and the graph have their own.
        #expect(result.text.components(separatedBy: "_draw_=").count - 1 >= 44 + 95)
    }

    @Test("render --format svg, png and pdf write their format whatever -o is called", arguments: [("svg", "<?xml"), ("png", "\u{89}PNG"), ("pdf", "%PDF-")])
    func formatWithoutExtension(format: String, magic: String) throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("drawing").path
        #expect(try RelGraphCLI.run("render", graph, "--format", format, "-o", path).status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.starts(with: magic.unicodeScalars.map { UInt8($0.value) }))
    }

    @Test("-T and -K are Graphviz's spellings of --format and --layout, joined or apart")
    func graphvizShortOptions() throws {
        let long = try RelGraphCLI.run("render", graph, "--format", "dot", "--layout", "circo")
        #expect(long.status == 0)
        #expect(!long.text.contains("rankdir"), "circo, not dot")
        #expect(try RelGraphCLI.run("render", graph, "-Tdot", "-Kcirco").output == long.output)
        #expect(try RelGraphCLI.run("render", graph, "-T", "dot", "-K", "circo").output == long.output)
        #expect(try RelGraphCLI.run("render", graph, "-Tpng").output.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try RelGraphCLI.run("render", graph, "-Tjpeg").status == 64)
    }

    @Test("render -o - writes to standard output and creates no file named '-'")
    func outputDash() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let dash = try RelGraphCLI.run(["render", graph, "-o", "-"], in: folder)
        #expect(dash.status == 0)
        #expect(dash.output == (try RelGraphCLI.run("render", graph)).output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let png = try RelGraphCLI.run(["render", graph, "-o", "-", "--format", "png"], in: folder)
        #expect(png.output.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("render draws a legend of the kinds shown; --no-legend draws none and nothing else changes")
    func noLegend() throws {
        let with = try drawing()
        #expect(with.hasLegend)
        #expect(with.legendKinds == ["actor", "treaty", "project", "sector", "event", "place", "topic"])
        let without = try drawing("--no-legend")
        #expect(!without.hasLegend)
        #expect(without.legendKinds.isEmpty)
        #expect(Set(without.nodes) == Self.allNodes && without.edges.sorted() == Self.allEdges)
        #expect(Set(with.nodes) == Self.allNodes && with.edges.sorted() == Self.allEdges)
        // The legend lists only the kinds drawn.
        #expect(try drawing("--kind", "place", "--kind", "sector", "--keep-isolated").legendKinds == ["sector", "place"])
        #expect(try drawing("--kind", "place", "--kind", "sector").legendKinds == ["place"], "sectors are not joined to places: none is drawn")
    }

    @Test("render --highlight marks exactly the shortest path's nodes and edges")
    func highlight() throws {
        let svg = try drawing("--highlight", "Boris Yeltsin", "amethi")
        #expect(svg.highlightedNodes == ["boris-yeltsin", "india", "ak-203-joint-venture", "amethi"])
        #expect(
            svg.highlightedEdges == [
                "boris-yeltsin stressed-renewal-with india", "india partner-in ak-203-joint-venture", "ak-203-joint-venture located-in amethi",
            ])
        #expect(Set(svg.nodes) == Self.allNodes, "the rest is drawn, faded")
    }

    @Test("render --highlight between unconnected nodes exits 1, names them and writes nothing")
    func highlightWithoutPath() throws {
        let islands = try RelGraphCLI.file(
            named: "islands.yaml",
            """
            relgraph: 1
            nodes: [{id: a, kind: actor}, {id: b, kind: actor}, {id: c, kind: place}]
            edges: [{from: a, to: b, relation: knows}]

            """)
        let folder = try RelGraphCLI.temporaryFolder()
        let result = try RelGraphCLI.run("render", islands, "--highlight", "a", "c", "-o", folder.appendingPathComponent("out.svg").path)
        #expect(result.status == 1)
        #expect(result.errors.contains("no path from 'a' to 'c'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try RelGraphCLI.run("render", islands, "--highlight", "a", "b").status == 0)
    }

    @Test("render --focus --depth draws exactly the nodes within that many hops and the edges among them")
    func focus() throws {
        let one: Set = ["amethi", "ak-203-joint-venture", "uttar-pradesh"]
        let near = try drawing("--focus", "amethi", "--depth", "1")
        #expect(Set(near.nodes) == one)
        #expect(near.edges.sorted() == Self.edges(among: one))
        let two = one.union(["ak-203-contracts", "defence", "india", "russia"])
        let wider = try drawing("--focus", "अमेठी", "--depth", "2")
        #expect(Set(wider.nodes) == two)
        #expect(wider.edges.sorted() == Self.edges(among: two))
        #expect(wider.edges.count == 14)
        #expect(try drawing("--focus", "amethi", "--depth", "0").nodes == ["amethi"])
    }

    @Test("render --kind draws only nodes of the named kinds and the edges among them (--keep-isolated: also those left without edges)")
    func kind() throws {
        let places = try drawing("--kind", "place", "--keep-isolated")
        #expect(Set(places.nodes) == ["amethi", "uttar-pradesh", "tamil-nadu", "central-asia"])
        #expect(places.edges == ["amethi located-in uttar-pradesh"])
        #expect(Set(try drawing("--kind", "place").nodes) == ["amethi", "uttar-pradesh"])
        let kept = Set(IndiaRussiaFacts.nodes.filter { $0.kind == "project" || $0.kind == "sector" }.map(\.id))
        let projects = try drawing("--kind", "project", "--kind", "sector", "--keep-isolated")
        #expect(Set(projects.nodes) == kept)
        #expect(projects.edges.sorted() == Self.edges(among: kept))
        let joined = Set(IndiaRussiaFacts.edges.filter { kept.contains($0.from) && kept.contains($0.to) }.flatMap { [$0.from, $0.to] })
        #expect(Set(try drawing("--kind", "project", "--kind", "sector").nodes) == joined)
    }

    @Test("render --relation draws only edges of the named relations")
    func relation() throws {
        let located = try drawing("--relation", "located-in", "--relation", "in-sector")
        #expect(located.edges.sorted() == Self.edges(among: Self.allNodes) { $0.relation == "located-in" || $0.relation == "in-sector" })
        #expect(located.edges.count == 13)
    }

    @Test("render --as-of draws what exists at that date, as the contract's time rules say", arguments: [1991, 1995, 2000, 2021, 2032])
    func asOf(year: Int) throws {
        let svg = try drawing("--as-of", String(year), "--keep-isolated")
        let nodes = IndiaRussiaFacts.nodeIDs(asOfYear: year)
        let edges = IndiaRussiaFacts.edges(asOfYear: year)
        #expect(Set(svg.nodes) == nodes)
        #expect(svg.edges.sorted() == edges.map { "\($0.from) \($0.relation) \($0.to)" }.sorted())
        // Without --keep-isolated, the nodes the date leaves without any of their edges go.
        let withEdges = Set(IndiaRussiaFacts.edges.flatMap { [$0.from, $0.to] })
        let joined = Set(edges.flatMap { [$0.from, $0.to] })
        #expect(Set(try drawing("--as-of", String(year)).nodes) == nodes.filter { !withEdges.contains($0) || joined.contains($0) })
    }

    @Test("render --lang hi writes the Hindi labels of nodes, edges and the legend")
    func language() throws {
        let svg = try drawing("--lang", "hi")
        for node in IndiaRussiaFacts.nodes {
            #expect(svg.texts(ofNode: node.id).joined(separator: " ") == node.hindi, "\(node.id)")
        }
        // Edges are labelled where the drawing is sparse enough (here: one relation).
        #expect(try drawing("--lang", "hi", "--relation", "signed").texts(ofEdge: "india signed treaty-1993") == ["हस्ताक्षर किए", "1993"])
        #expect(svg.legendTexts.prefix(8) == ["संकेत", "कर्ता", "संधि", "परियोजना", "क्षेत्र", "घटना", "स्थान", "विषय"])
        let english = try drawing()
        #expect(english.texts(ofNode: "india") == ["India"])
        #expect(english.legendTexts.first == "Legend")
    }
}
