import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// A key that is not a valid id (`a b`) is given one made from it (`a-b`); a file may hold that
/// very id as another node's key. The real id stays its node's; the made one moves on.
@Suite("relgraph import: ids made for foreign keys never take another node's id")
struct ForeignNodeIDTests {
    /// The two nodes `a b` and `a-b` and the edges between them, in the document read back.
    func expectDistinct(_ result: RelGraphCLI.Result, _ context: String) throws {
        #expect(result.status == 0, "\(context): \(result.errors)")
        let graph = try GraphDocument.decode(result.text, syntax: .yaml)
        #expect(graph.nodeCount == 2, "\(context)")
        #expect(graph.index(ofNode: "a-b") != nil, "\(context): the real id stays")
        #expect(graph.index(ofNode: "a-b-2") != nil, "\(context): the made id moves on")
        let ends = (0..<graph.edgeCount).map { graph.edge(at: EdgeIndex($0)) }.map { ($0.from, $0.to) }
        #expect(ends.count == 2, "\(context)")
        #expect(ends.allSatisfy { $0.0 != $0.1 }, "\(context): no edge became a self-loop: \(ends)")
        #expect(Set(ends.map { "\($0.0)>\($0.1)" }) == ["a-b-2>a-b", "a-b>a-b-2"], "\(context)")
    }

    @Test("neo4j CSV: `a b` and `a-b` are two nodes in either order, and the edge between them is no self-loop")
    func neo4jCSV() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "id:ID,name\na b,First\na-b,Second\n".write(to: folder.appendingPathComponent("first.csv"), atomically: true, encoding: .utf8)
        try "id:ID,name\na-b,Second\na b,First\n".write(to: folder.appendingPathComponent("second.csv"), atomically: true, encoding: .utf8)
        try ":START_ID,:END_ID,:TYPE\na b,a-b,KNOWS\na-b,a b,KNOWS\n".write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        for nodes in ["first.csv", "second.csv"] {
            let result = try RelGraphCLI.run(["import", "--nodes=\(nodes)", "--relationships=r.csv", "-o", "-"], in: folder)
            try expectDistinct(result, nodes)
            let graph = try GraphDocument.decode(result.text, syntax: .yaml)
            #expect(graph.node(at: graph.index(ofNode: "a-b-2")!).label.text(in: "en") == "First", "the made id is the one of `a b`")
            let skipping = try RelGraphCLI.run(["import", "--nodes=\(nodes)", "--relationships=r.csv", "--skip-duplicate-nodes", "-o", "-"], in: folder)
            try expectDistinct(skipping, "\(nodes) --skip-duplicate-nodes")
        }
    }

    @Test("GraphML: `a b` and `a-b` are two nodes whichever comes first, edges named before nodes included")
    func graphML() throws {
        let orders = [
            ("edges first", #"<edge source="a b" target="a-b"/><node id="a b"/><node id="a-b"/><edge source="a-b" target="a b"/>"#),
            ("made first", #"<node id="a b"/><node id="a-b"/><edge source="a b" target="a-b"/><edge source="a-b" target="a b"/>"#),
            ("real first", #"<node id="a-b"/><node id="a b"/><edge source="a b" target="a-b"/><edge source="a-b" target="a b"/>"#),
        ]
        for (name, body) in orders {
            let path = try RelGraphCLI.file(named: "g.graphml", #"<graphml><graph edgedefault="directed">"# + body + "</graph></graphml>")
            let result = try RelGraphCLI.run("import", path, "-o", "-")
            try expectDistinct(result, name)
            let graph = try GraphDocument.decode(result.text, syntax: .yaml)
            #expect(graph.node(at: graph.index(ofNode: "a-b-2")!).attributes["graphml-id"] == .string("a b"), "\(name)")
        }
    }

    @Test("DOT: `a b` and `a-b` are two nodes whichever comes first")
    func dot() throws {
        for (name, text) in [("made first", #"digraph { "a b" -> "a-b"; "a-b" -> "a b" }"#), ("real first", #"digraph { "a-b" -> "a b"; "a b" -> "a-b" }"#)] {
            let path = try RelGraphCLI.file(named: "g.dot", text)
            try expectDistinct(try RelGraphCLI.run("import", path, "-o", "-"), name)
        }
    }
}
