import Foundation
import RelGraphTestSupport
import Testing

/// `export --to gexf`: GEXF 1.3 that NetworkX reads, with the note's nodes, edges and spells.
@Suite("export --to gexf")
struct GEXFExportTests {
    /// What NetworkX reads: node kinds, edge relations, and the spells of two dated elements.
    static let reader = #"""
        import json, sys, networkx as nx
        g = nx.read_gexf(sys.argv[1])
        print(json.dumps({
            "type": type(g).__name__,
            "nodes": sorted(f"{n} {d['kind']}" for n, d in g.nodes(data=True)),
            "edges": sorted(f"{u} {d['relation']} {v}" for u, v, d in g.edges(data=True)),
            "hindi": g.nodes["india"]["label_hi"],
            "interval": g.nodes["military-technical-cooperation-agreement"]["spells"],
            "symmetric": sorted({d["relation"] for _, _, d in g.edges(data=True) if d["symmetric"]}),
        }))
        """#

    @Test("NetworkX reads every node and edge of the note, with kinds, relations and Hindi labels")
    func networkXReadsTheNote() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("graph.gexf").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "-o", path).status == 0)
        let read = try #require(JSONSerialization.jsonObject(with: Data(Python.run(Self.reader, arguments: [path]).utf8)) as? [String: Any])
        #expect(read["type"] as? String == "MultiDiGraph")
        #expect(read["nodes"] as? [String] == IndiaRussiaFacts.nodes.map { "\($0.id) \($0.kind)" }.sorted())
        #expect(read["edges"] as? [String] == IndiaRussiaFacts.edges.map { "\($0.from) \($0.relation) \($0.to)" }.sorted())
        #expect(read["hindi"] as? String == "भारत")
        #expect(read["symmetric"] as? [String] == ["counterpart-of", "diplomatic-relations-with", "met", "partner-of"])
    }

    @Test("an interval becomes a spell from the first day of its start to the last day of its end")
    func intervalSpell() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("graph.gexf").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "gexf", "-o", path).status == 0)
        let read = try #require(JSONSerialization.jsonObject(with: Data(Python.run(Self.reader, arguments: [path]).utf8)) as? [String: Any])
        #expect(read["interval"] as? [[String]] == [["2021-01-01", "2031-12-31"]])
    }

    @Test("a point date opens a spell that does not end, as --as-of reads it")
    func pointDateSpell() throws {
        let result = try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "gexf")
        #expect(result.text.contains(#"<spell start="1993-01-01"/>"#))
        #expect(result.text.contains(#"<spell end="1991-12-31"/>"#), "an end alone closes a spell that has no start")
    }

    @Test("NetworkX reads the spells of dated edges: an interval, and a date that opens a spell")
    func edgeSpells() throws {
        let graph = try RelGraphCLI.file(
            named: "dated.yaml",
            """
            relgraph: 1
            nodes: [{id: a, kind: actor}, {id: b, kind: treaty}]
            edges: [{from: a, to: b, relation: signed, start: 1993-07, end: 2001}, {from: b, to: a, relation: signed, date: 1995}]
            """)
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("dated.gexf").path
        #expect(try RelGraphCLI.run("export", graph, "--to", "gexf", "-o", path).status == 0)
        let reader = """
            import json, sys, networkx as nx
            g = nx.read_gexf(sys.argv[1])
            print(json.dumps({f"{u}-{v}": d["spells"] for u, v, d in g.edges(data=True)}))
            """
        let spells = try #require(JSONSerialization.jsonObject(with: Data(Python.run(reader, arguments: [path]).utf8)) as? [String: [[String]]])
        #expect(spells["a-b"] == [["1993-07-01", "2001-12-31"]])
        // NetworkX reads a spell without an end as the text "None".
        #expect(spells["b-a"]?.first?.first == "1995-01-01")
    }

    @Test("a graph whose relations are all symmetric is undirected")
    func undirectedGraph() throws {
        let path = try RelGraphCLI.file(
            named: "met.yaml",
            "relgraph: 1\nrelations: [{id: met, symmetric: true}]\nnodes: [{id: a, kind: actor}, {id: b, kind: actor}]\nedges: [{from: a, to: b, relation: met}]\n"
        )
        let result = try RelGraphCLI.run("export", path, "--to", "gexf")
        #expect(result.text.contains(#"defaultedgetype="undirected""#))
    }

    @Test("attributes are declared with numbers for ids and their names for titles, and NetworkX reads every value by name, typed")
    func attributesByTitle() throws {
        let graph = try RelGraphCLI.file(
            named: "attributes.yaml",
            """
            relgraph: 1
            sources: [{id: archive, title: Archive}]
            nodes:
              - {id: a, kind: actor, type: country, label: {en: A, hi: ए}, source: archive, attributes: {rank: 3, "note-x": "<&>"}}
              - {id: b, kind: treaty, label: B}
            edges: [{from: a, to: b, relation: signed, source: archive, attributes: {binding: true, share: 0.5}}]
            """)
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("attributes.gexf").path
        #expect(try RelGraphCLI.run("export", graph, "--to", "gexf", "-o", path).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#"<attribute id="0" title="kind" type="string"/>"#))
        #expect(text.contains(#"<attribute id="0" title="relation" type="string"/>"#))
        #expect(text.contains(#"<attvalue for="0" value="signed"/><attvalue for="1" value="false"/>"#))
        let reader = """
            import json, sys, networkx as nx
            g = nx.read_gexf(sys.argv[1])
            (u, v, d), = g.edges(data=True)
            print(json.dumps({"a": g.nodes["a"], "b": g.nodes["b"], "edge": {k: d[k] for k in ("relation", "symmetric", "source", "binding", "share")}}))
            """
        let read = try #require(JSONSerialization.jsonObject(with: Data(Python.run(reader, arguments: [path]).utf8)) as? [String: [String: Any]])
        let a = try #require(read["a"]), b = try #require(read["b"]), edge = try #require(read["edge"])
        #expect(a["kind"] as? String == "actor" && a["type"] as? String == "country" && a["source"] as? String == "archive")
        #expect(a["label_hi"] as? String == "ए" && a["label"] as? String == "A")
        #expect(a["rank"] as? Int == 3 && a["note-x"] as? String == "<&>")
        #expect(b["kind"] as? String == "treaty" && b["rank"] == nil)
        #expect(edge["relation"] as? String == "signed" && edge["symmetric"] as? Bool == false && edge["source"] as? String == "archive")
        #expect(edge["binding"] as? Bool == true && edge["share"] as? Double == 0.5)
    }
}
