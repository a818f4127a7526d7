import RelGraph
import RelGraphTestSupport
import Testing

@Suite("Traversal queries")
struct QueryTests {
    static let small = Fixtures.smallGraph

    let graph = Self.small

    @Test("neighbours list each edge once, ordered by id, relation and direction")
    func neighbors() {
        let traversal = Traversal(graph)
        let result = traversal.neighbors(of: graph.node("b")).map { "\(graph.id(ofNode: $0.node)) \(graph.relation(ofEdge: $0.edge)) \($0.direction.rawValue)" }
        #expect(result == ["a r in", "c r out", "e w out", "e x out"])
    }

    @Test("direction out and in filter neighbours; symmetric relations count both ways")
    func neighborDirections() {
        let traversal = Traversal(graph)
        let d = graph.node("d")
        let incoming = traversal.neighbors(of: d, direction: .incoming).map { "\(graph.id(ofNode: $0.node)) \($0.direction.rawValue)" }
        #expect(incoming == ["c in", "d in"])
        let outgoing = traversal.neighbors(of: d, direction: .outgoing).map { "\(graph.id(ofNode: $0.node)) \($0.direction.rawValue)" }
        #expect(outgoing == ["c in", "d out"], "the symmetric c–d edge is walked out of d, though d is its 'to'")
        let c = graph.node("c")
        #expect(traversal.neighbors(of: c, direction: .outgoing).map { graph.id(ofNode: $0.node) } == ["a", "d"])
    }

    @Test("a self-loop is listed once, as out, and as in under direction in")
    func selfLoop() {
        let traversal = Traversal(graph)
        let d = graph.node("d")
        for (direction, side) in [(Direction.both, "out"), (.outgoing, "out"), (.incoming, "in")] {
            #expect(traversal.neighbors(of: d, direction: direction).filter { $0.node == d }.map(\.direction.rawValue) == [side], "\(direction)")
        }
    }

    @Test("a symmetric self-loop is listed once, as out, and as in under direction in")
    func symmetricSelfLoop() throws {
        let graph = try Fixtures.graph(nodes: ["a"], edges: [("a", "a", "peer")], symmetric: ["peer"])
        let traversal = Traversal(graph)
        for (direction, side) in [(Direction.both, "out"), (.outgoing, "out"), (.incoming, "in")] {
            #expect(traversal.neighbors(of: NodeIndex(0), direction: direction).map(\.direction.rawValue) == [side], "\(direction)")
        }
    }

    @Test("neighbours filter by kind and relation")
    func neighborFilters() throws {
        let graph = Fixtures.indiaRussia
        let traversal = Traversal(graph.view(GraphFilter(relations: ["signed"])))
        let treaties = traversal.neighbors(of: graph.node("russia"), kinds: [.treaty]).map { graph.id(ofNode: $0.node) }
        #expect(
            treaties == [
                "agreements-2021-12", "ak-203-contracts", "military-technical-cooperation-agreement", "strategic-partnership-declaration", "treaty-1993",
            ])
    }

    @Test("the shortest path ignores direction by default and follows it when asked")
    func shortestPathDirection() {
        var traversal = Traversal(graph)
        #expect(graph.ids(traversal.shortestPath(from: graph.node("a"), to: graph.node("c"))) == ["a", "c"])
        #expect(graph.ids(traversal.shortestPath(from: graph.node("a"), to: graph.node("c"), direction: .outgoing)) == ["a", "b", "c"])
        #expect(graph.ids(traversal.shortestPath(from: graph.node("d"), to: graph.node("a"), direction: .outgoing)) == ["d", "c", "a"])
        #expect(traversal.shortestPath(from: graph.node("e"), to: graph.node("a"), direction: .outgoing) == nil)
    }

    @Test("no path to an island; a node reaches itself in zero hops")
    func trivialPaths() {
        var traversal = Traversal(graph)
        #expect(traversal.shortestPath(from: graph.node("a"), to: graph.node("f")) == nil)
        #expect(traversal.shortestPath(from: graph.node("f"), to: graph.node("f"))?.length == 0)
    }

    @Test("among shortest paths the smallest id sequence wins")
    func smallestSequence() throws {
        let graph = try Fixtures.graph(
            nodes: ["s", "z1", "m", "a1", "t"],
            edges: [("s", "z1", "r"), ("s", "m", "r"), ("z1", "t", "r"), ("m", "a1", "r"), ("a1", "t", "r"), ("s", "a1", "r")])
        var traversal = Traversal(graph)
        // s–a1–t and s–z1–t have two hops; "a1" < "z1".
        #expect(graph.ids(traversal.shortestPath(from: graph.node("s"), to: graph.node("t"))) == ["s", "a1", "t"])
    }

    @Test("a hop over several edges reports the smallest relation")
    func multiEdgeChoice() {
        var traversal = Traversal(graph)
        let path = traversal.shortestPath(from: graph.node("a"), to: graph.node("e"))!
        #expect(path.edges.map { graph.relation(ofEdge: $0) } == ["r", "w"])
    }

    @Test("simple paths come shortest first, then by id sequence, within max hops and limit")
    func simplePaths() {
        var traversal = Traversal(graph)
        let paths = traversal.simplePaths(from: graph.node("a"), to: graph.node("d")).map { graph.ids($0)! }
        #expect(paths == [["a", "c", "d"], ["a", "b", "c", "d"]])
        #expect(traversal.simplePaths(from: graph.node("a"), to: graph.node("d"), maxHops: 2).map { graph.ids($0)! } == [["a", "c", "d"]])
        #expect(traversal.simplePaths(from: graph.node("a"), to: graph.node("d"), limit: 1).map { graph.ids($0)! } == [["a", "c", "d"]])
        #expect(traversal.simplePaths(from: graph.node("a"), to: graph.node("f")).isEmpty)
        #expect(traversal.simplePaths(from: graph.node("a"), to: graph.node("d"), direction: .outgoing).map { graph.ids($0)! } == [["a", "b", "c", "d"]])
    }

    @Test("reach lists distances, nearest first, then by id")
    func reach() {
        var traversal = Traversal(graph)
        let reached = traversal.reach(from: graph.node("a"), depth: 1).map { "\(graph.id(ofNode: $0.node)):\($0.distance)" }
        #expect(reached == ["a:0", "b:1", "c:1"])
        let all = traversal.reach(from: graph.node("a"), depth: 5).map { "\(graph.id(ofNode: $0.node)):\($0.distance)" }
        #expect(all == ["a:0", "b:1", "c:1", "d:2", "e:2"])
        let upstream = traversal.reach(from: graph.node("e"), depth: 2, direction: .incoming).map { graph.id(ofNode: $0.node) }
        #expect(upstream == ["e", "b", "a"])
    }

    @Test("large reach layers and hub neighbour lists come out in id order")
    func largeLayersInIDOrder() throws {
        var random = SeededRandom(seed: 42)
        let leaves = (0..<3_000).map { _ in "leaf-\(UInt32.random(in: 0...UInt32.max, using: &random))-ü\(Int.random(in: 0...9, using: &random))" }
        let unique = Array(Set(leaves))
        var edges = unique.map { ("hub", $0, "r") }
        edges += unique.prefix(500).map { ($0, "hub", "s") }
        let graph = try Fixtures.graph(nodes: ["hub"] + unique, edges: edges)
        var traversal = Traversal(graph)
        let reached = traversal.reach(from: graph.node("hub"), depth: 1).dropFirst().map { graph.id(ofNode: $0.node) }
        #expect(reached == unique.sorted { $0.precedesInScalarOrder($1) })
        let neighbors = traversal.neighbors(of: graph.node("hub")).map {
            "\(graph.id(ofNode: $0.node)) \(graph.relation(ofEdge: $0.edge)) \($0.direction.rawValue)"
        }
        let expected = edges.map { $0.0 == "hub" ? "\($0.1) \($0.2) out" : "\($0.0) \($0.2) in" }.sorted { lhs, rhs in
            let l = lhs.split(separator: " "), r = rhs.split(separator: " ")
            if l[0] != r[0] { return l[0].precedesInScalarOrder(r[0]) }
            if l[1] != r[1] { return l[1].precedesInScalarOrder(r[1]) }
            return l[2].precedesInScalarOrder(r[2])
        }
        #expect(neighbors == expected)
    }

    @Test("weak components ignore direction and count islands")
    func components() {
        #expect(GraphView(graph).weakComponents().count == 2)
        let view = graph.view(GraphFilter(relations: ["r"]))
        #expect(view.weakComponents().count == 4, "{a,b,c}, {d}, {e}, {f}")
        #expect(view.weakComponents().members.map { $0.map(graph.id(ofNode:)) } == [["a", "b", "c"], ["d"], ["e"], ["f"]])
    }

    @Test("as-of drops elements not yet started or already ended, and edges of dropped nodes")
    func asOf() throws {
        let graph = Fixtures.indiaRussia
        let before = graph.view(GraphFilter(asOf: try PartialDate(parsing: "1991")))
        #expect(!before.contains(node: graph.node("treaty-1993")))
        #expect(before.contains(node: graph.node("soviet-union")))
        #expect(before.contains(node: graph.node("treaty-1971")))
        let after = graph.view(GraphFilter(asOf: try PartialDate(parsing: "1994")))
        #expect(!after.contains(node: graph.node("soviet-union")), "the Soviet Union ended in 1991-12")
        #expect(!after.contains(node: graph.node("treaty-1971")), "replaced in 1993")
        var traversal = Traversal(after)
        #expect(traversal.shortestPath(from: graph.node("india"), to: graph.node("soviet-dissolution")) == nil)
        let during = graph.view(GraphFilter(asOf: try PartialDate(parsing: "2021-07-08")))
        #expect(during.contains(node: graph.node("jaishankar-visit-2021")))
        #expect(!during.contains(node: graph.node("putin-visit-2021")))
        #expect(!graph.view(GraphFilter(asOf: try PartialDate(parsing: "2021-07-10"))).contains(node: graph.node("jaishankar-visit-2021")))
    }

    @Test("statistics count the bundled graph: nodes per kind and edges per relation, as the note's facts give them")
    func statistics() {
        let statistics = GraphView(Fixtures.indiaRussia).statistics()
        #expect(statistics.nodes == 44)
        #expect(statistics.edges == 95)
        #expect(statistics.components == 1)
        let kinds = Dictionary(grouping: IndiaRussiaFacts.nodes, by: \.kind).mapValues(\.count)
        #expect(statistics.kinds.map { "\($0.kind.rawValue) \($0.count)" } == kinds.keys.sorted().map { "\($0) \(kinds[$0]!)" })
        let relations = Dictionary(grouping: IndiaRussiaFacts.edges, by: \.relation).mapValues(\.count)
        #expect(statistics.relations.map { "\($0.relation) \($0.count)" } == relations.keys.sorted().map { "\($0) \(relations[$0]!)" })
    }

    @Test("names resolve by id, then by label in any language ignoring case")
    func lookup() throws {
        let graph = Fixtures.indiaRussia
        #expect(graph.lookUpNode("india") == .found(graph.node("india")))
        #expect(graph.lookUpNode("भारत") == .found(graph.node("india")))
        #expect(graph.lookUpNode("BORIS YELTSIN") == .found(graph.node("boris-yeltsin")))
        #expect(graph.lookUpNode("Indai") == .notFound(suggestion: "India"))
        let twins = try Fixtures.graph("relgraph: 1\nnodes: [{id: a, kind: actor, label: Delhi}, {id: b, kind: place, label: {hi: दिल्ली, en: delhi}}]")
        #expect(twins.lookUpNode("DELHI") == .ambiguous([NodeIndex(0), NodeIndex(1)]))
    }
}
