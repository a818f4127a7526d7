import RelGraph
import RelGraphTestSupport
import Testing

/// Compares the traversal engine with a brute-force reference on hundreds of random graphs with
/// non-ASCII ids, in every direction, under random kind, relation and time filters, depths and
/// limits: shortest paths, simple paths, reach in order, neighbours in order, component counts.
@Suite("Queries agree with a brute-force reference on random graphs")
struct RandomizedQueryTests {
    @Test("shortest paths, simple paths, reach and neighbours match the reference", arguments: 0..<300)
    func matchesReference(seed: Int) throws {
        let raw = RawGraph(seed: UInt64(seed))
        let graph = try raw.graph()
        var random = SeededRandom(seed: UInt64(seed) &+ 1_000_003)
        let filter = seed % 4 == 0 ? RawGraph.Filter() : RawGraph.randomFilter(using: &random)
        var traversal = Traversal(graph.view(filter.graphFilter))
        let index = raw.nodes.map { graph.index(ofNode: $0.id)! }
        let id = { (node: NodeIndex) in graph.id(ofNode: node) }
        for direction in Direction.allCases {
            let steps = raw.steps(direction, filter)
            let context = "seed \(seed) \(direction) \(filter)"
            for source in raw.nodes.indices {
                let kept = raw.keeps(node: source, filter)
                for target in raw.nodes.indices {
                    let all =
                        kept && raw.keeps(node: target, filter)
                        ? raw.allSimplePaths(steps, from: source, to: target, maxHops: raw.nodes.count) : []
                    let path = traversal.shortestPath(from: index[source], to: index[target], direction: direction)
                    #expect(path.map { $0.nodes.map(id) } == all.first, "\(context) \(raw.nodes[source].id)→\(raw.nodes[target].id)")
                    if let path {
                        let positions = path.nodes.map { node in index.firstIndex(of: node)! }
                        let expected = zip(positions, positions.dropFirst()).map { raw.stepEdge(from: $0, to: $1, direction, filter) }
                        #expect(path.edges.map { $0.position as Int? } == expected, "\(context) the edges of \(raw.nodes[source].id)→\(raw.nodes[target].id)")
                    }
                    let maxHops = Int.random(in: 0...4, using: &random)
                    let limit = Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : nil
                    let simple = traversal.simplePaths(from: index[source], to: index[target], maxHops: maxHops, limit: limit, direction: direction)
                    #expect(
                        simple.map { $0.nodes.map(id) } == Array(all.filter { $0.count <= maxHops + 1 }.prefix(limit ?? .max)),
                        "\(context) --max-hops \(maxHops) --limit \(limit.map(String.init) ?? "-")")
                }
                let depth = Int.random(in: 0...3, using: &random)
                let reached = traversal.reach(from: index[source], depth: depth, direction: direction)
                #expect(
                    reached.map { "\(id($0.node)):\($0.distance)" } == (kept ? raw.reach(steps, from: source, depth: depth) : []),
                    "\(context) --depth \(depth) from \(raw.nodes[source].id)")
                let kinds: Set<NodeKind>? = Bool.random(using: &random) ? [[NodeKind.actor, .place, .treaty].randomElement(using: &random)!] : nil
                let neighbors = traversal.neighbors(of: index[source], direction: direction, kinds: kinds)
                #expect(
                    neighbors.map { "\(id($0.node)) \(graph.relation(ofEdge: $0.edge)) \($0.direction.rawValue)" }
                        == (kept ? raw.neighbors(of: source, direction, filter, kinds: kinds) : []),
                    "\(context) neighbours of \(raw.nodes[source].id) --kind \(kinds.map { $0.map(\.rawValue) } ?? [])")
            }
        }
        // Components: the classes of undirected reachability among the kept nodes.
        let undirected = raw.steps(.both, filter)
        var seen = Set<Int>(), components = 0
        for node in raw.nodes.indices where raw.keeps(node: node, filter) && !seen.contains(node) {
            components += 1
            var stack = [node]
            while let current = stack.popLast() {
                if seen.insert(current).inserted { stack += undirected[current] }
            }
        }
        #expect(graph.view(filter.graphFilter).weakComponents().count == components, "seed \(seed) \(filter)")
    }

    @Test("ids with combining marks sort by scalar values, not as their precomposed look-alikes")
    func scalarOrderOfCombiningMarks() throws {
        // "a\u{308}" (a + combining diaeresis) looks like "ä" but its first scalar is "a": it sorts before "b".
        let graph = try Fixtures.graph(
            nodes: ["hub", "b", "a\u{308}", "ä", "क्ष", "क"],
            edges: [
                ("hub", "b", "r"), ("hub", "a\u{308}", "r"), ("hub", "ä", "r"), ("hub", "क्ष", "r"), ("hub", "क", "r"),
            ])
        var traversal = Traversal(graph)
        #expect(traversal.reach(from: graph.node("hub"), depth: 1).map { graph.id(ofNode: $0.node) } == ["hub", "a\u{308}", "b", "ä", "क", "क्ष"])
    }
}

/// Hub-heavy random graphs exercise the branches that avoid scanning hubs.
@Suite("Shortest paths on graphs with hubs agree with a reference")
struct HubShortestPathTests {
    /// The reference, from the raw edge list: BFS distances to the target, then from the source
    /// the smallest id (in scalar order) whose distance is one less, hop by hop.
    static func reference(_ names: [String], _ edges: [(Int, Int, String)], _ source: Int, _ target: Int, _ direction: Direction) -> [String]? {
        var steps = [[Int]](repeating: [], count: names.count), back = steps
        for (from, to, relation) in edges {
            let symmetric = relation == "sym"
            if direction != .incoming || symmetric { steps[from].append(to); back[to].append(from) }
            if direction != .outgoing || symmetric { steps[to].append(from); back[from].append(to) }
        }
        var distance = [Int](repeating: -1, count: names.count)
        distance[target] = 0
        var queue = [target], head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in back[node] where distance[next] < 0 {
                distance[next] = distance[node] + 1
                queue.append(next)
            }
        }
        guard distance[source] >= 0 else { return nil }
        var path = [source], current = source
        while current != target {
            current = steps[current].filter { distance[$0] == distance[current] - 1 }.min { RawGraph.precedes(names[$0], names[$1]) }!
            path.append(current)
        }
        return path.map { names[$0] }
    }

    /// Small graphs, and larger ones whose hubs are big enough that the search tests frontier
    /// pairs for edges instead of expanding them.
    @Test("paths through hubs", arguments: 0..<60)
    func hubs(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &* 7919)
        let count = seed < 40 ? 60 : 600
        let edgeCount = seed < 40 ? Int.random(in: 30...150, using: &random) : 2_000
        let names = (0..<count).map { "v\(String(format: "%04d", ($0 * 37) % count))" + ($0 % 5 == 0 ? "क्ष" : "") }
        var edges: [(Int, Int, String)] = []
        var seen = Set<String>()
        for _ in 0..<edgeCount {
            // A third (or, in the larger graphs, half) of edge ends land on one of three hubs.
            func end() -> Int {
                Int.random(in: 0..<(seed < 40 ? 3 : 2), using: &random) == 0 ? Int.random(in: 0..<3, using: &random) : Int.random(in: 0..<count, using: &random)
            }
            let edge = (end(), end(), ["r", "sym"].randomElement(using: &random)!)
            if seen.insert("\(edge.0)|\(edge.1)|\(edge.2)").inserted { edges.append(edge) }
        }
        let graph = try Fixtures.graph(nodes: names, edges: edges.map { (names[$0.0], names[$0.1], $0.2) }, symmetric: ["sym"])
        var traversal = Traversal(graph)
        for _ in 0..<60 {
            let source = Int.random(in: 0..<count, using: &random), target = Int.random(in: 0..<count, using: &random)
            for direction in Direction.allCases {
                #expect(
                    graph.ids(traversal.shortestPath(from: graph.node(names[source]), to: graph.node(names[target]), direction: direction))
                        == Self.reference(names, edges, source, target, direction),
                    "seed \(seed) \(direction) \(names[source])→\(names[target])")
            }
        }
    }
}
