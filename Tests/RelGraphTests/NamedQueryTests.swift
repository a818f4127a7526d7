import RelGraph
import RelGraphTestSupport
import Testing

/// Queries by node id or label, answered with ids, labels and edges (issue 15).
@Suite("Queries by name")
struct NamedQueryTests {
    let graph = Fixtures.indiaRussia

    @Test("shortestPath(from:to:) takes ids and answers with ids, labels and edges")
    func shortestPathByID() throws {
        let path = try #require(try graph.shortestPath(from: "boris-yeltsin", to: "amethi"))
        #expect(path.nodes.map(\.id) == ["boris-yeltsin", "india", "ak-203-joint-venture", "amethi"])
        #expect(path.nodes.first?.label.text(in: "hi") == "बोरिस यैल्तसिन")
        #expect(path.edges.map(\.relation) == ["stressed-renewal-with", "partner-in", "located-in"])
        #expect(path.length == 3)
    }

    @Test("a name may be a label in any language")
    func shortestPathByLabel() throws {
        let byLabel = try graph.shortestPath(from: "Boris Yeltsin", to: "अमेठी")
        let byID = try graph.shortestPath(from: "boris-yeltsin", to: "amethi")
        #expect(byLabel == byID)
    }

    @Test("the named form agrees with the index form")
    func namedAgreesWithIndices() throws {
        var traversal = Traversal(graph)
        let indices = traversal.shortestPath(from: graph.node("usa"), to: graph.node("amethi"))
        #expect(try graph.shortestPath(from: "usa", to: "amethi")?.indices == indices)
    }

    @Test("an unknown name throws with the nearest suggested")
    func unknownName() {
        #expect(throws: NodeLookupError.notFound("Indai", suggestion: "India")) { try graph.neighbors(of: "Indai") }
    }

    @Test("an ambiguous label throws with the candidates' ids")
    func ambiguousName() throws {
        let twins = try Fixtures.graph("relgraph: 1\nnodes: [{id: a, kind: actor, label: Delhi}, {id: b, kind: place, label: delhi}]")
        #expect(throws: NodeLookupError.ambiguous("DELHI", candidates: ["a", "b"])) { try twins.reach(from: "DELHI") }
    }

    @Test("queries under a filtered view need no var and respect the filter")
    func filteredView() throws {
        let in1995 = graph.view(GraphFilter(asOf: PartialDate("1995")))
        #expect(try in1995.neighbors(of: "soviet-union").isEmpty)
        let around = try graph.view(GraphFilter()).reach(from: "amethi", depth: 1)
        #expect(around.map(\.node.id) == ["amethi", "ak-203-joint-venture", "uttar-pradesh"])
        #expect(around.map(\.distance) == [0, 1, 1])
    }

    @Test("neighbours carry their edge and direction")
    func neighborsCarryEdges() throws {
        let neighbors = try graph.neighbors(of: "amethi")
        #expect(neighbors.map(\.node.id) == ["ak-203-joint-venture", "uttar-pradesh"])
        #expect(neighbors.map(\.edge.relation) == ["located-in", "located-in"])
        #expect(neighbors.map(\.direction) == [.incoming, .outgoing])
    }

    @Test("simple paths come shortest first by name")
    func simplePathsByName() throws {
        let paths = try graph.simplePaths(from: "amethi", to: "uttar-pradesh", maxHops: 1)
        #expect(paths.map { $0.nodes.map(\.id) } == [["amethi", "uttar-pradesh"]])
    }

    @Test("Graph(contentsOf:) reads a document by its extension")
    func loadingByOneCall() throws {
        #expect(try Graph(contentsOf: Fixtures.indiaRussiaPath) == graph)
        #expect(throws: GraphLoadError.self) { try Graph(contentsOf: "/nonexistent.yaml") }
    }
}
