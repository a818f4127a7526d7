import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

@Suite("Interchange formats")
struct InterchangeTests {
    static let graphs: [(String, Graph)] = [("india-russia", Fixtures.indiaRussia), ("tricky", TrickyGraph.graph)]

    static func graph(named name: String) throws -> Graph {
        try #require(graphs.first { $0.0 == name }).1
    }

    @Test("JSON and YAML documents load back as the same graph", arguments: graphs.map(\.0))
    func documentRoundTrip(name: String) throws {
        let graph = try Self.graph(named: name)
        for syntax in GraphDocument.Syntax.allCases {
            let text = DocumentWriter(syntax: syntax).document(for: graph)
            let back = try GraphDocument.decode(text, syntax: syntax, fileName: "round-trip")
            #expect(back == graph, "\(syntax)")
            #expect(DocumentWriter(syntax: syntax).document(for: back) == text, "the same graph gives the same bytes")
        }
    }

    @Test("the canonical YAML of the bundled graph is plain where it can be")
    func canonicalYAML() {
        let yaml = DocumentWriter(syntax: .yaml).document(for: Fixtures.indiaRussia)
        #expect(yaml.hasPrefix("relgraph: 1\ntitle: "))
        #expect(yaml.contains("\n  - {id: india, kind: actor, type: country, label: {en: India, hi: भारत}, source: note}\n"))
        #expect(yaml.contains("{from: india, to: treaty-1993, relation: signed, date: 1993, source: note}"))
    }

    @Test("Neo4j CSV folders load back as the same graph", arguments: graphs.map(\.0))
    func neo4jRoundTrip(name: String) throws {
        let graph = try Self.graph(named: name)
        let folder = Scratch.root.appendingPathComponent("relgraph-csv-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Neo4jCSV.write(graph, toFolder: folder)
        let back = try Graph(contentsOf: folder)
        #expect(back == graph)
        for (a, b) in zip(back.nodes, graph.nodes) where a != b { Issue.record("\(a) != \(b)") }
        for (a, b) in zip(back.edges, graph.edges) where a != b { Issue.record("\(a) != \(b)") }
    }

    @Test("Neo4j CSV headers are what neo4j-admin reads, with RFC 4180 quoting")
    func neo4jHeaders() throws {
        var nodes = "", relationships = ""
        Neo4jCSV.writeNodes(of: TrickyGraph.graph, to: &nodes)
        Neo4jCSV.writeRelationships(of: TrickyGraph.graph, to: &relationships)
        let nodeHeader = nodes.prefix { $0 != "\n" }
        #expect(
            nodeHeader
                == "id:ID,kind:LABEL,label,label_en,label_hi,label_languages,type,date,start,end,source,count:long,flag:boolean,looks-bool,looks-numeric,ratio:double,text"
        )
        #expect(relationships.hasPrefix(":START_ID,:END_ID,:TYPE,symmetric:boolean,date,start,end,source,note\n"))
        #expect(nodes.contains(#""say ""hi""""#), "quotes are doubled inside quoted fields")
        #expect(nodes.contains("\"two\nlines\""), "line breaks are quoted")
        #expect(nodes.contains(",\"  spaced  \","), "outer spaces are quoted")
        #expect(nodes.contains("\n\"a:b\",") == false && nodes.contains("\na:b,"))
    }

    @Test("Neo4j CSV from elsewhere: several labels, typed columns, bad values located")
    func foreignNeo4j() throws {
        let folder = Scratch.root.appendingPathComponent("relgraph-csv-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "personId:ID,:LABEL,name,age:int\np1,Person;Actor,Tom,42\np2,Person,Ann,\n".write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
        try ":START_ID,:END_ID,:TYPE,since:int\np1,p2,KNOWS,1999\n".write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
        let graph = try Graph(contentsOf: folder)
        #expect(graph.node(at: NodeIndex(0)).kind == "Person")
        #expect(graph.node(at: NodeIndex(0)).attributes["labels"] == .list(["Person", "Actor"]))
        #expect(graph.node(at: NodeIndex(0)).attributes["age"] == .integer(42))
        #expect(graph.node(at: NodeIndex(1)).attributes["age"] == nil)
        #expect(graph.edge(at: EdgeIndex(0)).relation == "KNOWS")
        try ":START_ID,:END_ID,:TYPE,since:int\np1,p3,KNOWS,x\n".write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
        do {
            _ = try Graph(contentsOf: folder)
            Issue.record("bad CSV was accepted")
        } catch {
            #expect(error.description == "\(folder)/relationships.csv:2:13: error: 'since' must be an integer, not 'x'")
        }
    }

    @Test("GraphML reads in networkx with counts, kinds, labels, relations and typed attributes")
    func graphMLInNetworkX() throws {
        let file = Scratch.root.appendingPathComponent("relgraph-\(UUID()).graphml").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try GraphMLWriter(language: "hi").document(for: TrickyGraph.graph).write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                   "bhārat": g.nodes["भारत"], "graph": g.nodes["graph"], "edge": g.edges["node", "graph", 0] if g.is_multigraph() else g.edges["node", "graph"]}
            print(json.dumps(out, ensure_ascii=False, sort_keys=True))
            """
        let output = try Python.run(script, arguments: [file])
        let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        #expect(result["nodes"] as? Int == TrickyGraph.graph.nodeCount)
        #expect(result["edges"] as? Int == TrickyGraph.graph.edgeCount)
        let bharat = result["bhārat"] as! [String: Any]
        #expect(bharat["kind"] as? String == "topic")
        #expect(bharat["text"] as? String == "&amp; &lt;")
        #expect(bharat["count"] as? Int == 6)
        #expect(bharat["flag"] as? Bool == true)
        #expect(bharat["looks-numeric"] as? String == "071")
        let graphNode = result["graph"] as! [String: Any]
        #expect(graphNode["label"] as? String == #"back\slash (हिंदी)"#)
        #expect(graphNode["label_en"] as? String == #"back\slash"#)
        #expect(graphNode["ratio"] as? Double == 0.25)
        let edge = result["edge"] as! [String: Any]
        #expect(edge["relation"] as? String == "knows")
        #expect(edge["symmetric"] as? Bool == true)
        #expect(edge["label"] as? String == "जानता है")
    }

    @Test("exports of the same graph are byte-identical")
    func deterministicExports() throws {
        let graph = Fixtures.indiaRussia
        #expect(DOTWriter().dot(for: graph) == DOTWriter().dot(for: try Graph(contentsOf: Fixtures.indiaRussiaPath)))
        #expect(GraphMLWriter().document(for: graph) == GraphMLWriter().document(for: graph))
        #expect(DocumentWriter(syntax: .json).document(for: graph) == DocumentWriter(syntax: .json).document(for: graph))
    }
}
