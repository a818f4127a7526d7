import RelGraph
import RelGraphTestSupport
import Testing

/// Compares the traversal engine with a brute-force reference on hundreds of random graphs:
/// path lengths and the smallest id sequence, reach sets, simple paths and component counts.
@Suite("Queries agree with a brute-force reference on random graphs")
struct RandomizedQueryTests {
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random graph with up to 12 nodes, symmetric and directed relations, multi-edges and loops.
    static func randomGraph(seed: UInt64) throws -> Graph {
        var random = Random(state: seed)
        let count = Int.random(in: 1...12, using: &random)
        let names = (0..<count).map { "n\(String(UnicodeScalar(UInt8(97 + Int.random(in: 0...25, using: &random)))))\($0)" }.shuffled(using: &random)
        var edges: [(String, String, String)] = []
        for _ in 0..<Int.random(in: 0...(count * 2), using: &random) {
            let relation = ["r", "s", "sym"].randomElement(using: &random)!
            edges.append((names.randomElement(using: &random)!, names.randomElement(using: &random)!, relation))
        }
        var seen = Set<String>()
        edges = edges.filter { seen.insert("\($0.0)|\($0.1)|\($0.2)").inserted }
        return try Fixtures.graph(nodes: names, edges: edges, symmetric: ["sym"])
    }

    /// Naive adjacency: which nodes one step reaches, by direction.
    static func steps(_ graph: Graph, _ direction: Direction) -> [[Int]] {
        var steps = [[Int]](repeating: [], count: graph.nodeCount)
        for edge in 0..<graph.edgeCount {
            let from = graph.from(ofEdge: edge), to = graph.to(ofEdge: edge)
            if direction != .incoming || graph.isSymmetric(edge: edge) { steps[from].append(to) }
            if direction != .outgoing || graph.isSymmetric(edge: edge) { steps[to].append(from) }
        }
        return steps
    }

    /// Every simple path from `source` to `target` of at most `maxHops`, by exhaustive search.
    static func allSimplePaths(_ steps: [[Int]], _ source: Int, _ target: Int, maxHops: Int) -> [[Int]] {
        var paths: [[Int]] = []
        func extend(_ path: [Int]) {
            if path.last == target { paths.append(path); return }
            guard path.count - 1 < maxHops else { return }
            for next in Set(steps[path.last!]) where !path.contains(next) { extend(path + [next]) }
        }
        if source == target { return [[source]] }
        extend([source])
        return paths
    }

    static func ordered(_ paths: [[Int]], _ graph: Graph) -> [[String]] {
        paths.map { $0.map(graph.id(ofNode:)) }.sorted { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count < rhs.count }
            for (a, b) in zip(lhs, rhs) where a != b { return a.precedesInScalarOrder(b) }
            return false
        }
    }

    @Test("shortest paths, simple paths and reach match the reference", arguments: 0..<300)
    func matchesReference(seed: Int) throws {
        let graph = try Self.randomGraph(seed: UInt64(seed))
        var traversal = Traversal(graph)
        for direction in [Direction.both, .outgoing] {
            let steps = Self.steps(graph, direction)
            for source in 0..<graph.nodeCount {
                for target in 0..<graph.nodeCount {
                    let all = Self.ordered(Self.allSimplePaths(steps, source, target, maxHops: graph.nodeCount), graph)
                    let path = traversal.shortestPath(from: source, to: target, direction: direction)
                    #expect(graph.ids(path) == all.first, "seed \(seed) \(direction) \(graph.id(ofNode: source))→\(graph.id(ofNode: target))")
                    let upToFour = all.filter { $0.count <= 5 }
                    let simple = traversal.simplePaths(from: source, to: target, maxHops: 4, direction: direction).map { graph.ids($0)! }
                    #expect(simple == upToFour, "seed \(seed) \(direction)")
                }
                let reached = traversal.reach(from: source, depth: 2, direction: direction)
                var expected: [Int: Int] = [source: 0]
                var layer = [source]
                for distance in 1...2 {
                    layer = layer.flatMap { steps[$0] }.filter { expected[$0] == nil }
                    for node in layer where expected[node] == nil { expected[node] = distance }
                }
                #expect(Dictionary(uniqueKeysWithValues: reached.map { ($0.node, $0.distance) }) == expected)
                #expect(reached.map(\.distance) == reached.map(\.distance).sorted())
            }
        }
        // Components: count the classes of the undirected reachability relation.
        let undirected = Self.steps(graph, .both)
        var seen = Set<Int>(), components = 0
        for node in 0..<graph.nodeCount where !seen.contains(node) {
            components += 1
            var stack = [node]
            while let current = stack.popLast() {
                if seen.insert(current).inserted { stack += undirected[current] }
            }
        }
        #expect(GraphView(graph).weakComponents().count == components)
    }
}

/// Hub-heavy random graphs exercise the branches that avoid scanning hubs.
@Suite("Shortest paths on graphs with hubs agree with a reference")
struct HubShortestPathTests {
    /// The reference: BFS distances to the target, then from the source the smallest id
    /// whose distance is one less, hop by hop.
    static func reference(_ graph: Graph, _ source: Int, _ target: Int, _ direction: Direction) -> [String]? {
        let steps = RandomizedQueryTests.steps(graph, direction)
        let back = RandomizedQueryTests.steps(graph, direction.reversed)
        var distance = [Int](repeating: -1, count: graph.nodeCount)
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
            current = steps[current].filter { distance[$0] == distance[current] - 1 }
                .min { graph.id(ofNode: $0).precedesInScalarOrder(graph.id(ofNode: $1)) }!
            path.append(current)
        }
        return path.map(graph.id(ofNode:))
    }

    /// Small graphs, and larger ones whose hubs are big enough that the search tests frontier
    /// pairs for edges instead of expanding them.
    @Test("paths through hubs", arguments: 0..<60)
    func hubs(seed: Int) throws {
        var random = RandomizedQueryTests.Random(state: UInt64(seed) &* 7919)
        let count = seed < 40 ? 60 : 600
        let edgeCount = seed < 40 ? Int.random(in: 30...150, using: &random) : 2_000
        let names = (0..<count).map { "v\(String(format: "%04d", ($0 * 37) % count))" }
        var edges: [(String, String, String)] = []
        var seen = Set<String>()
        for _ in 0..<edgeCount {
            // A third (or, in the larger graphs, half) of edge ends land on one of three hubs.
            func end() -> String { Int.random(in: 0..<(seed < 40 ? 3 : 2), using: &random) == 0 ? names[Int.random(in: 0..<3, using: &random)] : names.randomElement(using: &random)! }
            let edge = (end(), end(), ["r", "sym"].randomElement(using: &random)!)
            if seen.insert("\(edge.0)|\(edge.1)|\(edge.2)").inserted { edges.append(edge) }
        }
        let graph = try Fixtures.graph(nodes: names, edges: edges, symmetric: ["sym"])
        var traversal = Traversal(graph)
        for _ in 0..<60 {
            let source = Int.random(in: 0..<count, using: &random), target = Int.random(in: 0..<count, using: &random)
            for direction in [Direction.both, .outgoing] {
                #expect(graph.ids(traversal.shortestPath(from: source, to: target, direction: direction)) == Self.reference(graph, source, target, direction),
                        "seed \(seed) \(direction) \(graph.id(ofNode: source))→\(graph.id(ofNode: target))")
            }
        }
    }
}
