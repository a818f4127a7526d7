import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

@Suite("relgraph import of GraphML")
struct GraphMLImportTests {
    func write(_ name: String, _ text: String) throws -> String { try RelGraphCLI.file(named: name, text) }

    @Test("NetworkX's GraphML (typed keys, defaults, parallel edges of a MultiDiGraph) imports with the same counts")
    func networkx() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("nx.graphml").path
        _ = try Python.run(
            """
            import sys, networkx as nx
            g = nx.MultiDiGraph()
            g.add_node("a", kind="actor", label="Alpha", weight=1.5, seats=3, active=True)
            g.add_node("b", label="Beta")
            g.add_node("New Delhi")
            g.add_edge("a", "b", relation="knows")
            g.add_edge("a", "b", relation="knows")
            g.add_edge("b", "New Delhi", note="x")
            nx.write_graphml(g, sys.argv[1])
            """, arguments: [path])
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(result.status == 0, "\(result.errors)")
        let graph = try GraphDocument.decode(result.text, syntax: .yaml)
        #expect(graph.nodeCount == 3)
        #expect(graph.edgeCount == 3, "parallel edges are kept")
        let a = graph.node(at: graph.index(ofNode: "a")!)
        #expect(a.label == LocalizedText("Alpha"))
        #expect(a.attributes["weight"] == .number(1.5))
        #expect(a.attributes["seats"] == .integer(3))
        #expect(a.attributes["active"] == .boolean(true))
        #expect(graph.index(ofNode: "New-Delhi") != nil)
        // And back: NetworkX reads the export with the same counts.
        let exported = folder.appendingPathComponent("back.graphml").path
        #expect(try RelGraphCLI.run("import", path, "-o", folder.appendingPathComponent("g.yaml").path).status == 0)
        #expect(try RelGraphCLI.run("export", folder.appendingPathComponent("g.yaml").path, "--to", "graphml", "-o", exported).status == 0)
        // import → export → import gives the same document.
        let again = try RelGraphCLI.run("import", exported, "-o", "-")
        #expect(again.text == (try String(contentsOfFile: folder.appendingPathComponent("g.yaml").path, encoding: .utf8)))
        let counts = try Python.run(
            """
            import sys, networkx as nx
            g = nx.read_graphml(sys.argv[1], force_multigraph=True)
            print(g.number_of_nodes(), g.number_of_edges())
            """, arguments: [exported])
        #expect(counts.trimmingCharacters(in: .whitespacesAndNewlines) == "3 3")
    }

    @Test("igraph's undirected GraphML gives symmetric relations; export says edgedefault=undirected")
    func igraphUndirected() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("ig.graphml").path
        _ = try Python.run(
            """
            import sys, igraph
            g = igraph.Graph([(0, 1), (1, 2), (2, 0)], directed=False)
            g.vs["name"] = ["x", "y", "z"]
            g.write_graphml(sys.argv[1])
            """, arguments: [path])
        let document = folder.appendingPathComponent("ig.yaml").path
        let result = try RelGraphCLI.run("import", path, "-o", document)
        #expect(result.status == 0, "\(result.errors)")
        let graph = try Graph(contentsOf: document)
        #expect(graph.edgeCount == 3)
        #expect(graph.relationType("linked-to").isSymmetric)
        let exported = try RelGraphCLI.run("export", document, "--to", "graphml")
        #expect(exported.text.contains("edgedefault=\"undirected\""))
        let back = folder.appendingPathComponent("back.graphml").path
        try exported.output.write(to: URL(fileURLWithPath: back))
        let counts = try Python.run(
            """
            import sys, igraph
            g = igraph.Graph.Read_GraphML(sys.argv[1])
            print(g.vcount(), g.ecount(), g.is_directed())
            """, arguments: [back])
        #expect(counts.trimmingCharacters(in: .whitespacesAndNewlines) == "3 3 False")
    }

    @Test("Gephi's GraphML: label keys, edge ids and weights, a title, parallel edges")
    func gephi() throws {
        let path = try write(
            "gephi.graphml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key attr.name="label" attr.type="string" for="node" id="label"/>
              <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
              <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
              <key attr.name="Modularity Class" attr.type="int" for="node" id="modularity_class"/>
              <graph edgedefault="directed">
                <node id="0"><data key="label">Myriel</data><data key="modularity_class">1</data></node>
                <node id="1"><data key="label">Napoleon</data><data key="modularity_class">1</data></node>
                <edge id="0" source="1" target="0"><data key="weight">1.0</data></edge>
                <edge id="1" source="1" target="0"><data key="weight">2.0</data><data key="edgelabel">again</data></edge>
              </graph>
            </graphml>
            """)
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("{id: \"0\", kind: actor, label: Myriel, attributes: {Modularity-Class: 1}}"), "\(result.text)")
        #expect(result.text.contains("{id: \"0\", from: \"1\", to: \"0\", relation: linked-to, attributes: {weight: 1.0}}"))
        #expect(result.text.contains("{id: \"1\", from: \"1\", to: \"0\", relation: linked-to, attributes: {Edge-Label: again, weight: 2.0}}"))
        let document = try RelGraphCLI.file(named: "gephi.yaml", result.text)
        let exported = try RelGraphCLI.run("export", document, "--to", "graphml")
        let process = try RelGraphCLI.file(named: "back.graphml", exported.text)
        #expect(try RelGraphCLI.run("import", process, "-o", "-").text == result.text, "import → export → import is lossless")
    }

    @Test("yEd labels, nested graphs, per-edge directed and key defaults")
    func yedAndNested() throws {
        let path = try write(
            "yed.graphml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key for="node" id="d6" yfiles.type="nodegraphics"/>
              <key for="edge" id="d10" yfiles.type="edgegraphics"/>
              <key for="node" id="d1" attr.name="kind" attr.type="string"><default>place</default></key>
              <graph edgedefault="directed" id="G">
                <node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel alignment="center">Delhi &amp; NCR</y:NodeLabel></y:ShapeNode></data></node>
                <node id="n1" yfiles.foldertype="group">
                  <graph edgedefault="directed" id="n1:">
                    <node id="n1::n0"><data key="d1">actor</data></node>
                  </graph>
                </node>
                <edge id="e0" source="n0" target="n1::n0" directed="false"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>near</y:EdgeLabel></y:PolyLineEdge></data></edge>
              </graph>
            </graphml>
            """)
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("{id: n0, kind: place, label: \"Delhi & NCR\"}"), "\(result.text)")
        #expect(result.text.contains("{id: \"n1::n0\", kind: actor}"))
        #expect(result.text.contains("{id: n1, kind: place}"))
        #expect(result.text.contains("graphml-label: near"))
        #expect(result.text.contains("symmetric: true"))
    }

    @Test("a billion-laughs file is refused at once, located, without expanding anything")
    func billionLaughs() throws {
        var entities = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 { entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10) + "\">\n" }
        let path = try write(
            "laughs.graphml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [
            \(entities)]>
            <graphml><key id="l" for="node" attr.name="label" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="l">&lol9;</data></node></graph></graphml>
            """)
        let start = Date()
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(result.status == 65)
        #expect(result.errors.contains("laughs.graphml:14:"), "\(result.errors)")
        #expect(result.errors.contains("never expands entities"))
    }

    @Test("an external entity is never read: the file named is not opened")
    func externalEntity() throws {
        let secret = try write("secret.txt", "TOP-SECRET")
        let path = try write(
            "xxe.graphml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file://\(secret)">]>
            <graphml><key id="l" for="node" attr.name="label" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="l">&xxe;</data></node></graph></graphml>
            """)
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(result.status == 65)
        #expect(!result.text.contains("TOP-SECRET") && !result.errors.contains("TOP-SECRET"))
        let ignored = try write(
            "dtd.graphml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE graphml SYSTEM "file://\(secret)">
            <graphml><graph edgedefault="directed"><node id="a"/></graph></graphml>
            """)
        let plain = try RelGraphCLI.run("import", ignored, "-o", "-")
        #expect(plain.status == 0)
        #expect(plain.errors.contains("DOCTYPE was ignored"))
    }

    @Test(
        "malformed GraphML is reported as FILE:LINE:COLUMN, exit 65",
        arguments: [
            ("<graphml><graph><node id=\"a\"></graph></graphml>", "bad.graphml:1:"),
            ("<graphml>\n  <graph>\n    <node id=a/>", "bad.graphml:3:14: error: the value of 'id' is not quoted"),
            (
                "<graphml><key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/><graph>\n<node id=\"a\"><data key=\"k\">many</data></node></graph></graphml>",
                "bad.graphml:2:14: error:"
            ),
            ("<graphml><graph><node id=\"a\"/>", "bad.graphml:1:"),
            ("<html>nope</html>", "this is not GraphML"),
        ])
    func malformed(text: String, message: String) throws {
        let path = try write("bad.graphml", text)
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(result.status == 65)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test(
        "GraphML that is not well-formed is refused at its line and column, never read with data lost",
        arguments: [
            (
                "<graphml><graph><node id=\"a\"></nod></graph></graphml>",
                "bad.graphml:1:30: error: the end tag '</nod>' does not match '<node>' (opened at 1:17)"
            ),
            (
                "<graphml><graph>\n<node id=\"a\"></edge></graph></graphml>",
                "bad.graphml:2:14: error: the end tag '</edge>' does not match '<node>' (opened at 2:1)"
            ),
            (
                "<graphml><graph><node id=\"a\"/></graph></graphml>\n<graphml/>",
                "bad.graphml:2:1: error: a second root element after the root element has ended"
            ),
            ("<graphml><graph><node id=\"a\"/></graph></graphml> tail", "bad.graphml:1:50: error: text after the root element has ended"),
            ("<graphml><graph><node id=\"a\" id=\"b\"/></graph></graphml>", "bad.graphml:1:30: error: the attribute 'id' is given twice on '<node>'"),
            ("</graphml>", "bad.graphml:1:1: error: the end tag '</graphml>' closes no open element"),
            ("<graphml><graph><node id=\"a\"/></graph>", "bad.graphml:1:39: error: the file ends inside <graphml> (opened at 1:1)"),
        ])
    func notWellFormed(text: String, message: String) throws {
        let path = try write("bad.graphml", text)
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(result.status == 65)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.text.isEmpty, "nothing is written")
    }

    @Test("a byte-order mark, an XML declaration and comments around the root element are well-formed")
    func wellFormedAroundRoot() throws {
        let path = try write(
            "ok.graphml",
            "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by hand -->\n<graphml><graph><node id=\"a\"/></graph></graphml>\n<!-- end -->\n")
        let result = try RelGraphCLI.run("import", path, "-o", "-")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("- {id: a, kind: actor}"))
    }

    @Test("standard input with --from, and a file without a known extension")
    func standardInput() throws {
        let path = try write("graph.txt", try String(contentsOfFile: RelGraphCLI.graph, encoding: .utf8))
        #expect(try RelGraphCLI.run("stats", path).status == 64)
        let named = try RelGraphCLI.run("stats", path, "--from", "yaml", "--json")
        #expect((named.json as? [String: Any])?["nodes"] as? Int == 44)
        let process = Process()
        process.executableURL = RelGraphCLI.binary
        process.arguments = ["stats", "-", "--from", "yaml", "--json"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: RelGraphCLI.graph))
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(((try JSONSerialization.jsonObject(with: data)) as? [String: Any])?["edges"] as? Int == 95)
    }
}
