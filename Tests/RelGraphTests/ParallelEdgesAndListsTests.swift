import RelGraph
import RelGraphTestSupport
import Testing

@Suite("Parallel edges and list attributes")
struct ParallelEdgesAndListsTests {
    static let document = """
        relgraph: 1
        nodes:
          - {id: a, kind: actor, attributes: {roles: [Neo, "The One"], scores: [1, 2.5, true]}}
          - {id: b, kind: actor}
        edges:
          - {id: r1, from: a, to: b, relation: knows}
          - {id: r2, from: a, to: b, relation: knows, attributes: {tags: []}}
        """

    @Test("edges with distinct ids may repeat ends, relation and dates; lists keep their element types")
    func parallelEdges() throws {
        let graph = try Fixtures.graph(Self.document)
        #expect(graph.edgeCount == 2)
        #expect(graph.edges.map(\.id) == ["r1", "r2"])
        #expect(graph.node(at: NodeIndex(0)).attributes["scores"] == .list([.integer(1), .number(2.5), .boolean(true)]))
    }

    @Test("the canonical writers give back the same graph", arguments: [GraphDocument.Syntax.yaml, .json])
    func canonical(syntax: GraphDocument.Syntax) throws {
        let graph = try Fixtures.graph(Self.document)
        let text = DocumentWriter(syntax: syntax).document(for: graph)
        #expect(try GraphDocument.decode(text, syntax: syntax) == graph)
    }

    @Test("a repeated edge without an id is still an error; so are a repeated id and a nested list")
    func errors() {
        #expect(
            Fixtures.problems(
                "relgraph: 1\nnodes:\n  - {id: a, kind: actor}\nedges:\n  - {id: x, from: a, to: a, relation: r}\n  - {from: a, to: a, relation: r}\n"
            )
            .first?.contains("duplicate edge") == true)
        #expect(
            Fixtures.problems(
                "relgraph: 1\nnodes:\n  - {id: a, kind: actor}\nedges:\n  - {id: x, from: a, to: a, relation: r}\n  - {id: x, from: a, to: a, relation: s}\n")
                == ["bad.yaml:6:10: error: edge id 'x' is used twice; give each edge its own id (first given at line 5, column 5)"])
        #expect(Fixtures.problems("relgraph: 1\nnodes:\n  - {id: a, kind: actor, attributes: {x: [[1]]}}\n").first?.contains("a list holding a list") == true)
    }

    @Test("DOT, GraphML and Neo4j CSV exports carry ids and lists")
    func exports() throws {
        let graph = try Fixtures.graph(Self.document)
        let dot = DOTWriter().dot(for: graph)
        #expect(dot.contains("\"a\" -> \"b\" [key=\"r1\""))
        #expect(dot.contains("\"relgraph/lists\"=\"roles scores\""))
        let graphml = GraphMLWriter().document(for: graph)
        #expect(graphml.contains("<edge id=\"r2\" source=\"a\" target=\"b\">"))
        #expect(graphml.contains("rg:list=\"string\""))
        var relationships = ""
        Neo4jCSV.writeRelationships(of: graph, to: &relationships)
        #expect(relationships.hasPrefix(":START_ID,:END_ID,:TYPE,id,"))
        var nodes = ""
        Neo4jCSV.writeNodes(of: graph, to: &nodes)
        #expect(nodes.contains("roles:string[]"))
        #expect(nodes.contains("Neo;The One"))
    }
}
