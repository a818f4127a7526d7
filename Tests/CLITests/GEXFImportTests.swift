import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// GEXF import (contract §3): RelGraph's own export reads back as the same graph; Gephi's and
/// NetworkX's GEXF read with spells, attributes by title and parallel edges.
@Suite("relgraph import: GEXF")
struct GEXFImportTests {
    static let fixtures = Fixtures.root.appendingPathComponent("Tests/Fixtures/gexf")

    /// `export --to gexf`, then `import` of it: the canonical YAML of both.
    static func roundTrip(_ document: String) throws -> (before: String, after: String) {
        let folder = try RelGraphCLI.temporaryFolder()
        let gexf = folder.appendingPathComponent("graph.gexf").path
        let export = try RelGraphCLI.run("export", document, "-o", gexf)
        try #require(export.status == 0, "\(export.errors)")
        let before = try RelGraphCLI.run("export", document, "--to", "yaml")
        let after = try RelGraphCLI.run("import", gexf, "-o", "-")
        try #require(after.status == 0, "\(after.errors)")
        #expect(after.errors.isEmpty)
        return (before.text, after.text)
    }

    @Test("the bundled graph exported to GEXF reads back as the same document")
    func bundledRoundTrip() throws {
        let (before, after) = try Self.roundTrip(RelGraphCLI.graph)
        #expect(after == before)
    }

    @Test("partial dates, parallel edges with ids, lists, styles and every language survive the round trip")
    func trickyRoundTrip() throws {
        let document = try RelGraphCLI.file(
            named: "tricky.yaml",
            """
            relgraph: 1
            title: {en: Tricky, zh: 棘手, fr: Épineux}
            sources: [{id: archive, title: {en: The archive}, url: "https://example.org/a?b=1&c=2"}]
            kinds: [{id: ministry, label: {en: Ministry, zh: 部}, style: {shape: box, color: "#336699"}}]
            relations: [{id: met, label: {en: met with}, symmetric: true}, {id: funds, label: {fr: finance}}]
            nodes:
              - {id: a, kind: ministry, type: foreign, label: {zh: 外交部, en: Foreign ministry}, start: 1949-10, source: archive, attributes: {tags: [x, "y <&>"], staff: [1, 2], founded: 1949, share: 0.25, open: true}}
              - {id: b, kind: actor, label: "Plain <label> & \\"quotes\\"", date: 2021-07-07}
              - {id: "7", kind: place, end: 2031}
              - {id: c, kind: event}
            edges:
              - {id: "5", from: a, to: b, relation: funds, date: 2021}
              - {id: first, from: a, to: b, relation: met, start: 2019-12, end: 2024}
              - {id: second, from: a, to: b, relation: met, start: 2019-12, end: 2024}
              - {from: b, to: "7", relation: funds, attributes: {amount: 12.5}}
              - {from: c, to: c, relation: met}
            """)
        let (before, after) = try Self.roundTrip(document)
        #expect(after == before)
    }

    @Test("NetworkX's GEXF reads: labels, typed attributes by title, spells, parallel edges keyed")
    func networkX() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("nx.gexf").path
        _ = try Python.run(
            """
            import sys, networkx as nx
            G = nx.MultiDiGraph()
            G.add_node("Alice Smith", label="Alice", age=31, score=2.5, active=True, spells=[("2001-01-01", "2010-12-31")])
            G.add_node("bob", label="Bob", age=40)
            G.add_edge("Alice Smith", "bob", key="k1", relation="knows", since=1999)
            G.add_edge("Alice Smith", "bob", key="k2", relation="knows", since=2005)
            G.add_edge("bob", "Alice Smith", spells=[("2005-01-01", None)])
            nx.write_gexf(G, sys.argv[1])
            """, arguments: [path])
        let result = try RelGraphCLI.run("export", path, "--to", "json")
        try #require(result.status == 0, "\(result.errors)")
        let graph = try GraphDocument.decode(result.text, syntax: .json, fileName: "nx.json")
        let alice = try #require(graph.index(ofNode: "Alice-Smith"))
        #expect(graph.label(ofNode: alice) == LocalizedText("Alice"))
        #expect(graph.node(at: alice).attributes["age"] == .integer(31))
        #expect(graph.node(at: alice).attributes["score"] == .number(2.5))
        #expect(graph.node(at: alice).attributes["active"] == .boolean(true))
        #expect(graph.timing(ofNode: alice) == .between(start: PartialDate("2001-01-01"), end: PartialDate("2010-12-31")))
        #expect(graph.edges.map(\.id) == ["k1", "k2", nil], "NetworkX's own keys become the parallel edges' ids")
        #expect(graph.edges.map(\.relation) == ["knows", "knows", "linked-to"])
        #expect(graph.edges.last?.timing == .between(start: PartialDate("2005-01-01"), end: nil))
    }

    @Test("NetworkX reads RelGraph's GEXF as RelGraph reads it back: the same nodes and edges")
    func networkXAgrees() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("graph.gexf").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "-o", path).status == 0)
        let networkX = try Python.run(
            """
            import sys, networkx as nx
            g = nx.read_gexf(sys.argv[1])
            print(g.number_of_nodes(), g.number_of_edges())
            """, arguments: [path])
        let stats = try #require(try RelGraphCLI.run("stats", path, "--json").json as? [String: Any])
        #expect(networkX.trimmingCharacters(in: .whitespacesAndNewlines) == "\(stats["nodes"] ?? 0) \(stats["edges"] ?? 0)")
    }

    @Test("Gephi's GEXF 1.3 reads: attributes by title with defaults, lists, spells, mutual edges, nested nodes")
    func gephi() throws {
        let result = try RelGraphCLI.run("export", Self.fixtures.appendingPathComponent("gephi-1.3.gexf").path, "--to", "json")
        try #require(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("warning: 2 nested nodes were read as nodes of the graph"))
        let graph = try GraphDocument.decode(result.text, syntax: .json, fileName: "gephi.json")
        #expect(graph.title == LocalizedText("EU–China ties, edited in Gephi"))
        #expect(graph.nodes.map(\.id) == ["eu", "cn", "cai", "s2020", "s2023", "summits"])
        let eu = graph.node(at: try #require(graph.index(ofNode: "eu")))
        #expect(eu.attributes["members"] == .list([.string("Germany"), .string("France"), .string("Lithuania")]))
        #expect(eu.attributes["in-EU"] == .boolean(true))
        #expect(graph.node(at: try #require(graph.index(ofNode: "cn"))).attributes["in-EU"] == .boolean(false), "a default fills what a node leaves out")
        #expect(graph.node(at: try #require(graph.index(ofNode: "cai"))).kind == .treaty)
        #expect(graph.timing(ofNode: try #require(graph.index(ofNode: "s2023"))) == .between(start: PartialDate("2023-12-07"), end: PartialDate("2023-12-08")))
        #expect(graph.relationType("partner-of").isSymmetric, "mutual edges make their relation symmetric")
        #expect(graph.edges.map(\.relation) == ["negotiated", "negotiated", "partner-of", "partner-of", "attended"], "GEXF 1.3's edge kind names a relation")
        let edges = Array(graph.edges)
        #expect(edges[2].attributes["weight"] == .number(3) && edges[0].attributes["weight"] == nil)
        #expect(edges[3].id == "talks-2020" && edges[0].id == nil)
    }

    @Test("--from gexf reads standard input; a GEXF file of another name is known by its content")
    func byContent() throws {
        let gexf = try String(contentsOf: Self.fixtures.appendingPathComponent("gephi-1.3.gexf"), encoding: .utf8)
        let renamed = try RelGraphCLI.file(named: "ties.xml", gexf)
        let stats = try RelGraphCLI.run("stats", renamed, "--json")
        #expect((stats.json as? [String: Any])?["nodes"] as? Int == 6, "\(stats.errors)")
        let stdin = try RelGraphCLI.run(
            ["neighbors", "-", "cai", "--from", "gexf", "--json"], standardInput: Self.fixtures.appendingPathComponent("gephi-1.3.gexf").path)
        #expect(stdin.status == 0, "\(stdin.errors)")
    }

    @Test(
        "a broken GEXF file is an error at its line and column, exit 65, nothing written",
        arguments: [
            (
                "<gexf version=\"1.3\"><graph><nodes><node id=\"a\"><attvalues><attvalue for=\"9\" value=\"x\"/></attvalues></node></nodes></graph></gexf>",
                "bad.gexf:1:59: error: <attvalue for=\"9\"> names no node <attribute>"
            ),
            (
                "<gexf version=\"1.3\"><graph><attributes class=\"node\"><attribute id=\"0\" title=\"n\" type=\"integer\"/></attributes><nodes><node id=\"a\"><attvalues><attvalue for=\"0\" value=\"ten\"/></attvalues></node></nodes></graph></gexf>",
                "bad.gexf:1:141: error: 'n' must be an integer"
            ),
            (
                "<gexf version=\"1.3\"><graph><nodes><node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"z\"/></edges></graph></gexf>",
                "bad.gexf:1:64: error: no node has the id 'z'"
            ),
            ("<graphml><graph/></graphml>", "bad.gexf:1:1: error: this is not GEXF"),
            ("<gexf><graph><nodes><node id=\"a\"></nodes></graph></gexf>", "bad.gexf:1:34: error: the end tag '</nodes>' does not match '<node>'"),
        ])
    func brokenFile(text: String, expected: String) throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try text.write(to: folder.appendingPathComponent("bad.gexf"), atomically: true, encoding: .utf8)
        let result = try RelGraphCLI.run(["import", "bad.gexf", "-o", "out.yaml"], in: folder)
        #expect(result.status == 65)
        #expect(result.errors.hasPrefix(expected), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path))
    }
}
