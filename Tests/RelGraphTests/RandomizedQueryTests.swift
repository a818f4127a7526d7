import RelGraph
import RelGraphTestSupport
import Testing

/// A random graph kept as the raw lists the test wrote, beside the `Graph` built from them, so
/// that the reference answers never read the product's adjacency, id order or filters.
struct RawGraph {
    struct RawNode {
        var id: String
        var kind: NodeKind
        /// Years of existence: `start` (or the `date`) and `end`, either open.
        var start: Int?, end: Int?
    }

    struct RawEdge {
        var from: Int, to: Int
        var relation: String
        var start: Int?, end: Int?
    }

    /// Relations the generator uses; `sym` and `साथी` are declared symmetric.
    static let relations = ["r", "s", "sym", "साथी", "संबंध"]
    static let symmetric: Set<String> = ["sym", "साथी"]

    var nodes: [RawNode] = []
    var edges: [RawEdge] = []

    /// First pieces of ids: ASCII, Latin with a precomposed accent and with a combining one
    /// (which sorts as `a`, not as `ä`, in scalar order), Devanagari with vowel signs and a
    /// conjunct (virama), digits.
    static let idPieces = ["a", "b", "Z", "0", "9", "é", "a\u{308}", "u\u{301}x", "ब", "भ", "क्ष", "कि", "अ", "z"]

    /// The unique order of ids the contract states: Unicode scalar values, compared one by one.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    init(seed: UInt64, maximumNodes: Int = 12) {
        var random = SeededRandom(seed: seed)
        let count = Int.random(in: 1...maximumNodes, using: &random)
        func years() -> (Int?, Int?) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1: return (Int.random(in: 1990...2000, using: &random), nil)
            case 2: let start = Int.random(in: 1990...2000, using: &random); return (start, start + Int.random(in: 0...5, using: &random))
            case 3: return (nil, Int.random(in: 1990...2000, using: &random))
            default: return (nil, nil)
            }
        }
        for index in 0..<count {
            let (start, end) = years()
            nodes.append(RawNode(
                id: Self.idPieces.randomElement(using: &random)! + "\(index)",
                kind: [NodeKind.actor, .place, .treaty].randomElement(using: &random)!, start: start, end: end))
        }
        nodes.shuffle(using: &random)
        var seen = Set<String>()
        for _ in 0..<Int.random(in: 0...(count * 2), using: &random) {
            let (start, end) = years()
            let edge = RawEdge(
                from: Int.random(in: 0..<count, using: &random), to: Int.random(in: 0..<count, using: &random),
                relation: Self.relations.randomElement(using: &random)!, start: start, end: end)
            // Two edges with the same ends, relation and dates are an error in a document.
            if seen.insert("\(edge.from)|\(edge.to)|\(edge.relation)|\(String(describing: start))|\(String(describing: end))").inserted {
                edges.append(edge)
            }
        }
    }

    static func timing(_ start: Int?, _ end: Int?) throws -> Timing {
        try Timing(date: nil, start: start.map { try PartialDate(year: $0) }, end: end.map { try PartialDate(year: $0) })
    }

    func graph() throws -> Graph {
        var builder = GraphBuilder()
        for relation in Self.symmetric { try builder.declareRelation(RelationType(id: relation, isSymmetric: true)) }
        for node in nodes { try builder.addNode(Node(id: node.id, kind: node.kind, timing: Self.timing(node.start, node.end))) }
        for edge in edges {
            try builder.addEdge(Edge(from: nodes[edge.from].id, to: nodes[edge.to].id, relation: edge.relation, timing: Self.timing(edge.start, edge.end)))
        }
        return try builder.build()
    }

    /// A filter as the command line builds it, and the same filter as a predicate of the test's own.
    struct Filter: CustomStringConvertible {
        var kinds: Set<NodeKind>?
        var relations: Set<String>?
        var asOf: Int?

        var graphFilter: GraphFilter {
            GraphFilter(kinds: kinds, relations: relations, asOf: asOf.map { try! PartialDate(year: $0) })
        }

        /// `--as-of` a year keeps what starts no later than the year and ends no earlier (contract §1).
        func exists(_ start: Int?, _ end: Int?) -> Bool {
            guard let asOf else { return true }
            return (start ?? .min) <= asOf && (end ?? .max) >= asOf
        }

        var description: String {
            "kinds \(kinds.map { $0.map(\.rawValue).sorted() } ?? []) relations \(relations.map { $0.sorted() } ?? []) as-of \(asOf.map(String.init) ?? "-")"
        }
    }

    static func randomFilter(using random: inout SeededRandom) -> Filter {
        var filter = Filter()
        if Bool.random(using: &random) {
            filter.kinds = Set([NodeKind.actor, .place, .treaty].filter { _ in Int.random(in: 0..<3, using: &random) > 0 })
        }
        if Bool.random(using: &random) {
            filter.relations = Set(relations.filter { _ in Int.random(in: 0..<3, using: &random) > 0 })
        }
        if Bool.random(using: &random) { filter.asOf = Int.random(in: 1988...2002, using: &random) }
        return filter
    }

    func keeps(node index: Int, _ filter: Filter) -> Bool {
        let node = nodes[index]
        return (filter.kinds?.contains(node.kind) ?? true) && filter.exists(node.start, node.end)
    }

    func keeps(edge index: Int, _ filter: Filter) -> Bool {
        let edge = edges[index]
        return (filter.relations?.contains(edge.relation) ?? true) && keeps(node: edge.from, filter) && keeps(node: edge.to, filter)
            && filter.exists(edge.start, edge.end)
    }

    /// Which nodes one step reaches from each node, walking the kept edges in `direction`
    /// (symmetric relations both ways), by raw node position.
    func steps(_ direction: Direction, _ filter: Filter = Filter()) -> [[Int]] {
        var steps = [[Int]](repeating: [], count: nodes.count)
        for (index, edge) in edges.enumerated() where keeps(edge: index, filter) {
            let symmetric = Self.symmetric.contains(edge.relation)
            if direction != .incoming || symmetric { steps[edge.from].append(edge.to) }
            if direction != .outgoing || symmetric { steps[edge.to].append(edge.from) }
        }
        return steps
    }

    /// Every simple path of at most `maxHops` hops, as ids, shortest first and then by ids.
    func allSimplePaths(_ steps: [[Int]], from source: Int, to target: Int, maxHops: Int) -> [[String]] {
        var paths: [[Int]] = []
        func extend(_ path: [Int]) {
            if path.last == target { paths.append(path); return }
            guard path.count - 1 < maxHops else { return }
            for next in Set(steps[path.last!]) where !path.contains(next) { extend(path + [next]) }
        }
        extend([source])
        return paths.map { $0.map { nodes[$0].id } }.sorted { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count < rhs.count }
            for (a, b) in zip(lhs, rhs) where a != b { return Self.precedes(a, b) }
            return false
        }
    }

    /// Every node within `depth` steps, as "id:distance", by distance and then id.
    func reach(_ steps: [[Int]], from source: Int, depth: Int) -> [String] {
        var distance: [Int: Int] = [source: 0]
        var layer = [source]
        for step in stride(from: 1, through: depth, by: 1) {
            layer = layer.flatMap { steps[$0] }.filter { distance[$0] == nil }
            for node in layer { distance[node] = step }
        }
        return distance.sorted { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : Self.precedes(nodes[lhs.key].id, nodes[rhs.key].id)
        }.map { "\(nodes[$0.key].id):\($0.value)" }
    }

    /// The neighbours of `node` as "id relation direction", by the contract's order: neighbour
    /// id, relation id, direction (`in` before `out`), then document order.
    func neighbors(of node: Int, _ direction: Direction, _ filter: Filter, kinds: Set<NodeKind>?) -> [String] {
        var found: [(id: String, relation: String, direction: String, edge: Int)] = []
        for (index, edge) in edges.enumerated() where keeps(edge: index, filter) {
            let symmetric = Self.symmetric.contains(edge.relation)
            var entry: (Int, String)?
            if edge.from == node && edge.to == node {
                entry = (node, direction == .incoming ? "in" : "out")
            } else if edge.from == node, direction != .incoming || symmetric {
                entry = (edge.to, "out")
            } else if edge.to == node, direction != .outgoing || symmetric {
                entry = (edge.from, "in")
            }
            guard let (neighbor, side) = entry, kinds?.contains(nodes[neighbor].kind) ?? true else { continue }
            found.append((nodes[neighbor].id, edge.relation, side, index))
        }
        found.sort { lhs, rhs in
            if lhs.id != rhs.id { return Self.precedes(lhs.id, rhs.id) }
            if lhs.relation != rhs.relation { return Self.precedes(lhs.relation, rhs.relation) }
            if lhs.direction != rhs.direction { return lhs.direction < rhs.direction }
            return lhs.edge < rhs.edge
        }
        return found.map { "\($0.id) \($0.relation) \($0.direction)" }
    }
}

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
        let id = { (node: Int) in graph.id(ofNode: node) }
        for direction in Direction.allCases {
            let steps = raw.steps(direction, filter)
            let context = "seed \(seed) \(direction) \(filter)"
            for source in raw.nodes.indices {
                let kept = raw.keeps(node: source, filter)
                for target in raw.nodes.indices {
                    let all = kept && raw.keeps(node: target, filter)
                        ? raw.allSimplePaths(steps, from: source, to: target, maxHops: raw.nodes.count) : []
                    let path = traversal.shortestPath(from: index[source], to: index[target], direction: direction)
                    #expect(path.map { $0.nodes.map(id) } == all.first, "\(context) \(raw.nodes[source].id)→\(raw.nodes[target].id)")
                    let maxHops = Int.random(in: 0...4, using: &random)
                    let limit = Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : nil
                    let simple = traversal.simplePaths(from: index[source], to: index[target], maxHops: maxHops, limit: limit, direction: direction)
                    #expect(simple.map { $0.nodes.map(id) } == Array(all.filter { $0.count <= maxHops + 1 }.prefix(limit ?? .max)),
                            "\(context) --max-hops \(maxHops) --limit \(limit.map(String.init) ?? "-")")
                }
                let depth = Int.random(in: 0...3, using: &random)
                let reached = traversal.reach(from: index[source], depth: depth, direction: direction)
                #expect(reached.map { "\(id($0.node)):\($0.distance)" } == (kept ? raw.reach(steps, from: source, depth: depth) : []),
                        "\(context) --depth \(depth) from \(raw.nodes[source].id)")
                let kinds: Set<NodeKind>? = Bool.random(using: &random) ? [[NodeKind.actor, .place, .treaty].randomElement(using: &random)!] : nil
                let neighbors = traversal.neighbors(of: index[source], direction: direction, kinds: kinds)
                #expect(neighbors.map { "\(id($0.node)) \(graph.relation(ofEdge: $0.edge)) \($0.direction.rawValue)" }
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
        let graph = try Fixtures.graph(nodes: ["hub", "b", "a\u{308}", "ä", "क्ष", "क"], edges: [
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
            func end() -> Int { Int.random(in: 0..<(seed < 40 ? 3 : 2), using: &random) == 0 ? Int.random(in: 0..<3, using: &random) : Int.random(in: 0..<count, using: &random) }
            let edge = (end(), end(), ["r", "sym"].randomElement(using: &random)!)
            if seen.insert("\(edge.0)|\(edge.1)|\(edge.2)").inserted { edges.append(edge) }
        }
        let graph = try Fixtures.graph(nodes: names, edges: edges.map { (names[$0.0], names[$0.1], $0.2) }, symmetric: ["sym"])
        var traversal = Traversal(graph)
        for _ in 0..<60 {
            let source = Int.random(in: 0..<count, using: &random), target = Int.random(in: 0..<count, using: &random)
            for direction in Direction.allCases {
                #expect(graph.ids(traversal.shortestPath(from: graph.node(names[source]), to: graph.node(names[target]), direction: direction))
                        == Self.reference(names, edges, source, target, direction),
                        "seed \(seed) \(direction) \(names[source])→\(names[target])")
            }
        }
    }
}
