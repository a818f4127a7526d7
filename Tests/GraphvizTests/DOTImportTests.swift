import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

@Suite("Importing DOT")
struct DOTImportTests {
    func importing(_ dot: String) throws -> Graph {
        try DOTImporter().read(Array(dot.utf8), fileName: "test.dot").graph
    }

    @Test("RelGraph's own DOT of the bundled graph imports as the same graph")
    func ownExport() throws {
        #expect(try importing(DOTWriter().dot(for: Fixtures.indiaRussia)) == Fixtures.indiaRussia)
        #expect(try importing(DOTWriter(language: "hi").dot(for: Fixtures.indiaRussia)) == Fixtures.indiaRussia)
    }

    @Test("DOT without kinds or relations gets the defaults; undirected edges become symmetric")
    func defaults() throws {
        let directed = try importing("digraph { a -> b }")
        #expect(directed.node(at: NodeIndex(0)).kind == .actor)
        #expect(directed.relation(ofEdge: EdgeIndex(0)) == "linked-to")
        #expect(!directed.isSymmetric(edge: EdgeIndex(0)))
        let undirected = try importing("graph { a -- b; b -- c [relation=\"borders\"] }")
        #expect(undirected.isSymmetric(edge: EdgeIndex(0)) && undirected.isSymmetric(edge: EdgeIndex(1)))
        var importer = DOTImporter()
        importer.defaultKind = .place
        importer.defaultRelation = "next-to"
        let custom = try importer.read(Array("graph { a -- b }".utf8), fileName: "x.dot").graph
        #expect(custom.node(at: NodeIndex(0)).kind == .place && custom.relation(ofEdge: EdgeIndex(0)) == "next-to")
    }

    @Test("labels decode Graphviz escapes, entities and HTML; other attributes are typed")
    func labelsAndAttributes() throws {
        let graph = try importing(
            #"""
            digraph G {
              node [shape=box fontsize=10]
              a [label="first\nsecond\lthird &amp; \N" weight=3 ratio=0.5 visible=true URL="http://x?a=1&b=2"]
              b [label=<<b>Bold</b><br/>भारत &lt;3>]
              c [label="\N"]
              a -> b [label="edge text" color=red penwidth=2]
            }
            """#)
        let a = graph.node(at: NodeIndex(0))
        #expect(a.label == LocalizedText("first\nsecond\\lthird & a"), "\\l (a left-aligned line) is kept as written")
        #expect(a.attributes["weight"] == .integer(3))
        #expect(a.attributes["ratio"] == .number(0.5))
        #expect(a.attributes["visible"] == .boolean(true))
        #expect(a.attributes["shape"] == .string("box"), "node defaults apply to each node")
        #expect(a.attributes["URL"] == .string("http://x?a=1&b=2"))
        #expect(graph.node(at: NodeIndex(1)).label == LocalizedText("Bold\nभारत <3"))
        #expect(graph.node(at: NodeIndex(2)).label.isEmpty, "\\N is just the name")
        #expect(graph.edge(at: EdgeIndex(0)).attributes["color"] == .string("red"))
        #expect(graph.edge(at: EdgeIndex(0)).relation == "edge-text", "an edge's label is what the edge says: its relation")
        #expect(graph.relationType("edge-text").label == LocalizedText("edge text"))
        #expect(graph.edge(at: EdgeIndex(0)).attributes["penwidth"] == .integer(2))
    }

    @Test("clusters are flattened and remembered; names that are not ids become ids")
    func clustersAndNames() throws {
        let graph = try importing(
            """
            digraph {
              subgraph cluster_outer { label="Outer"; x; subgraph cluster_inner { y } }
              subgraph plain { z }
              "New Delhi" -> "नई दिल्ली"; "New Delhi" -> "New-Delhi"; "-dash" -> x
            }
            """)
        #expect(graph.node(at: graph.node("x")).attributes["cluster"] == .string("cluster_outer"))
        #expect(graph.node(at: graph.node("y")).attributes["cluster"] == .string("cluster_inner"))
        #expect(graph.node(at: graph.node("z")).attributes["cluster"] == nil)
        let delhi = graph.node(at: graph.node("New-Delhi-2"))
        #expect(delhi.label == LocalizedText("New Delhi"))
        #expect(delhi.attributes["dot-name"] == .string("New Delhi"))
        #expect(graph.index(ofNode: "नई-दिल्ली") != nil)
        #expect(graph.index(ofNode: "dash") != nil)
    }

    @Test("keywords in odd case, ports, strict graphs and repeated edges import")
    func oddShapes() throws {
        let graph = try importing("STRICT DiGraph { NODE [color=blue]; a:p1 -> b:p2:n; \"node\" -> \"EDGE\"; a -> b }")
        #expect(graph.nodeCount == 4)
        #expect(graph.edgeCount == 2, "strict merges the repeated a -> b")
        // Outside strict graphs, repeated edges and edges through different ports are parallel
        // edges: all kept, named e<N> by their position, or by their DOT key.
        let repeated = try DOTImporter().read(Array("digraph { a -> b; a -> b:p1; a -> b [key=k] }".utf8), fileName: "r.dot")
        #expect(repeated.graph.edgeCount == 3)
        #expect(repeated.graph.edges.map(\.id) == ["e1", "e2", "k"])
        #expect(repeated.warnings.isEmpty)
    }

    @Test("a syntax error reports Graphviz's message with the line")
    func syntaxError() {
        #expect {
            try DOTImporter().read(Array("digraph {\n a -> b\n c -> -> d\n}".utf8), fileName: "bad.dot")
        } throws: { error in
            "\(error)".hasPrefix("bad.dot:3: error: graphviz: syntax error in line 3")
        }
    }

    @Test("bad dates in DOT are refused with the element named")
    func badDates() {
        #expect {
            try DOTImporter().read(Array(#"digraph { a [date="2021-02-30"] }"#.utf8), fileName: "d.dot")
        } throws: { error in
            "\(error)" == "d.dot: error: node 'a': 'date': day 30 does not exist in 2021-02, which has 28 days"
        }
    }

    @Test("Latin-1 files are read as Latin-1")
    func latin1() throws {
        let bytes = Array("digraph { \"caf".utf8) + [0xE9] + Array("\" }".utf8)
        let imported = try DOTImporter().read(bytes, fileName: "l.dot")
        #expect(imported.graph.node(at: NodeIndex(0)).id == "café")
        #expect(imported.warnings.count == 1)
    }

    @Test("Graphviz's own example graphs all import, with as many nodes as Graphviz's gvpr counts")
    func realWorldFiles() throws {
        let folder = "/usr/share/doc/graphviz/examples/graphs"
        guard let files = FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }).filter({ $0.hasSuffix(".gv") }).sorted(),
            !files.isEmpty
        else {
            Issue.record("graphviz-doc is not installed (the set-up installs it)")
            return
        }
        #expect(files.count == 52, "graphviz-doc 2.42 ships 52 example graphs")
        // Graphviz's own count of each file's nodes, in one gvpr run.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gvpr")
        process.arguments = [#"BEG_G{printf("%s\t%d\n", $F, nNodes($G))}"#] + files.map { "\(folder)/\($0)" }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let counts = Dictionary(
            String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map { line in
                let fields = line.split(separator: "\t")
                return (String(fields[0]), Int(fields[1]) ?? -1)
            }, uniquingKeysWith: { first, _ in first })
        process.waitUntilExit()
        for file in files {
            do {
                let result = try DOTImporter().read(contentsOf: "\(folder)/\(file)")
                #expect(result.graph.nodeCount == counts["\(folder)/\(file)"], "\(file)")
            } catch {
                Issue.record("\(file) did not import: \(error)")
            }
        }
    }
}

@Suite("cgraph's line numbers")
struct LineNumberTests {
    @Test("a syntax error names its line even after a file that ended with a line break")
    func lineAfterTrailingNewline() throws {
        _ = try DOTImporter().read(Array("digraph {\n a -> b\n}\n".utf8), fileName: "good.dot")
        #expect {
            try DOTImporter().read(Array("digraph {\n a -> b\n c -> -> d\n}".utf8), fileName: "bad.dot")
        } throws: { error in
            "\(error)".hasPrefix("bad.dot:3: error:")
        }
    }
}
