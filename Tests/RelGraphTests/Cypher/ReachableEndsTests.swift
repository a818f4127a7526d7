import RelGraph
import RelGraphTestSupport
import Testing

/// Variable-length patterns whose trails nothing reads are walked breadth first, once per
/// end node: the same answers as enumerating every trail, without the exponential cost.
@Suite("Variable-length patterns by reachable end nodes")
struct ReachableEndsTests {
    /// The end nodes of `pattern` from each node, by trail enumeration (the relationship list
    /// is read, so the breadth-first walk does not apply) and breadth first.
    func ends(_ pattern: String, in graph: Graph) throws -> (trails: [[CypherValue]], reach: [[CypherValue]]) {
        let bound = pattern.replacingOccurrences(of: "[", with: "[rs")
        // At most 8 edges: few enough trails to enumerate; the limit turns a blow-up into a failure.
        let trails = try graph.query(
            "MATCH (a)\(bound)(b) WITH DISTINCT a, b, size(rs) >= 0 AS read RETURN a.id, b.id ORDER BY a.id, b.id",
            limits: QueryLimits(timeLimit: TimeLimit.scaled(.seconds(20))))
        let reach = try graph.query("MATCH (a)\(pattern)(b) RETURN DISTINCT a.id, b.id ORDER BY a.id, b.id")
        return (trails.rows, reach.rows)
    }

    @Test("distinct end nodes equal those of trail enumeration, on random graphs with loops, parallel and symmetric edges")
    func randomGraphs() throws {
        var random = SeededRandom(seed: 20)
        // With a property map, the walk is RelGraph's own; without, it is the traversal's reach.
        let patterns = [
            "-[*]-", "-[*]->", "<-[*]-", "-[*0..]->", "-[*..2]-", "-[*1..3]->", "-[:r*]->", "-[:peer|r*..4]-", "-[*0..1]-",
            "-[* {w: 1}]-", "-[*..2 {w: 0}]->",
        ]
        for round in 0..<40 {
            let nodes = (0..<(2 + round % 6)).map { "n\($0)" }
            var edges: [(String, String, String)] = []
            for _ in 0..<Int.random(in: 0..<8, using: &random) {
                edges.append(
                    (
                        nodes[Int.random(in: 0..<nodes.count, using: &random)], nodes[Int.random(in: 0..<nodes.count, using: &random)],
                        ["r", "peer", "x"][Int.random(in: 0..<3, using: &random)]
                    ))
            }
            var builder = GraphBuilder()
            try builder.declareRelation(RelationType(id: "peer", isSymmetric: true))
            for node in nodes { try builder.addNode(Node(id: node, kind: .actor)) }
            for (index, edge) in edges.enumerated() {
                try builder.addEdge(
                    Edge(id: "e\(index)", from: edge.0, to: edge.1, relation: edge.2, attributes: Attributes([.init(name: "w", value: .integer(index % 2))])))
            }
            let graph = try builder.build()
            for pattern in patterns {
                let (trails, reach) = try ends(pattern, in: graph)
                #expect(trails == reach, "\(pattern) on \(edges)")
            }
        }
    }

    @Test("the start node is an end only where a closed trail returns to it")
    func startNode() throws {
        // a–b once: no closed trail from a (the only edge cannot be walked twice).
        let line = try Fixtures.graph(nodes: ["a", "b"], edges: [("a", "b", "r")])
        #expect(try line.query("MATCH (s {id: 'a'})-[*]-(e) RETURN DISTINCT e.id ORDER BY e.id").rows == [[.string("b")]])
        // Two parallel edges close a trail a–b–a.
        var builder = GraphBuilder()
        for id in ["a", "b"] { try builder.addNode(Node(id: id, kind: .actor)) }
        try builder.addEdge(Edge(id: "1", from: "a", to: "b", relation: "r"))
        try builder.addEdge(Edge(id: "2", from: "a", to: "b", relation: "r"))
        let parallel = try builder.build()
        #expect(try parallel.query("MATCH (s {id: 'a'})-[*]-(e) RETURN DISTINCT e.id ORDER BY e.id").rows == [[.string("a")], [.string("b")]])
        // A directed cycle of three closes only within three hops.
        let cycle = try Fixtures.graph(nodes: ["a", "b", "c"], edges: [("a", "b", "r"), ("b", "c", "r"), ("c", "a", "r")])
        #expect(try cycle.query("MATCH (s {id: 'a'})-[*..2]->(e) RETURN count(DISTINCT e)").rows == [[.integer(2)]])
        #expect(try cycle.query("MATCH (s {id: 'a'})-[*..3]->(e) RETURN count(DISTINCT e)").rows == [[.integer(3)]])
    }

    @Test("every node India reaches, by any trail, is counted at once on the bundled graph")
    func bundledGraph() throws {
        let started = ContinuousClock.now
        let result = try Fixtures.indiaRussia.query(
            "MATCH (a {id: 'india'})-[*]-(b) RETURN count(DISTINCT b)",
            limits: QueryLimits(timeLimit: TimeLimit.scaled(.seconds(5))))
        #expect(result.rows == [[.integer(Fixtures.indiaRussia.nodeCount)]])
        #expect(ContinuousClock.now - started < TimeLimit.scaled(.seconds(1)))
    }

    @Test("existence tests walk breadth first too: a pattern predicate over [*] answers at once")
    func existence() throws {
        let limits = QueryLimits(timeLimit: TimeLimit.scaled(.seconds(5)))
        let tested = try Fixtures.indiaRussia.query("MATCH (n) WHERE (n)-[*]-({id: 'amethi'}) RETURN count(n)", limits: limits)
        let reached = try Fixtures.indiaRussia.query("MATCH (n)-[*]-({id: 'amethi'}) RETURN count(DISTINCT n)", limits: limits)
        #expect(tested.rows == reached.rows)
        #expect(tested.rows != [[.integer(0)]])
    }
}
