import RelGraph

/// A random graph kept as the raw lists the test wrote, beside the `Graph` built from them, so
/// that the reference answers never read the product's adjacency, id order or filters.
public struct RawGraph {
    public struct RawNode {
        public var id: String
        public var kind: NodeKind
        /// Years of existence: `start` (or the `date`) and `end`, either open.
        public var start: Int?, end: Int?
    }

    public struct RawEdge {
        public var from: Int, to: Int
        public var relation: String
        public var start: Int?, end: Int?
    }

    /// Relations the generator uses; `sym` and `साथी` are declared symmetric.
    public static let relations = ["r", "s", "sym", "साथी", "संबंध"]
    public static let symmetric: Set<String> = ["sym", "साथी"]

    public var nodes: [RawNode] = []
    public var edges: [RawEdge] = []

    /// First pieces of ids: ASCII, Latin with a precomposed accent and with a combining one
    /// (which sorts as `a`, not as `ä`, in scalar order), Devanagari with vowel signs and a
    /// conjunct (virama), digits.
    public static let idPieces = ["a", "b", "Z", "0", "9", "é", "a\u{308}", "u\u{301}x", "ब", "भ", "क्ष", "कि", "अ", "z"]

    /// The unique order of ids the contract states: Unicode scalar values, compared one by one.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    public init(seed: UInt64, maximumNodes: Int = 12) {
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
            nodes.append(
                RawNode(
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

    /// The graph as a YAML document, written by the test (ids double-quoted).
    public func yaml() -> String {
        func dates(_ start: Int?, _ end: Int?) -> String {
            (start.map { ", start: \($0)" } ?? "") + (end.map { ", end: \($0)" } ?? "")
        }
        var lines = ["relgraph: 1", "relations:"]
        lines += Self.symmetric.sorted().map { "  - {id: \"\($0)\", symmetric: true}" }
        lines.append(nodes.isEmpty ? "nodes: []" : "nodes:")
        lines += nodes.map { "  - {id: \"\($0.id)\", kind: \($0.kind.rawValue)\(dates($0.start, $0.end))}" }
        lines.append(edges.isEmpty ? "edges: []" : "edges:")
        lines += edges.map { "  - {from: \"\(nodes[$0.from].id)\", to: \"\(nodes[$0.to].id)\", relation: \"\($0.relation)\"\(dates($0.start, $0.end))}" }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func timing(_ start: Int?, _ end: Int?) throws -> Timing {
        try Timing(date: nil, start: start.map { try PartialDate(year: $0) }, end: end.map { try PartialDate(year: $0) })
    }

    public func graph() throws -> Graph {
        var builder = GraphBuilder()
        for relation in Self.symmetric { try builder.declareRelation(RelationType(id: relation, isSymmetric: true)) }
        for node in nodes { try builder.addNode(Node(id: node.id, kind: node.kind, timing: Self.timing(node.start, node.end))) }
        for edge in edges {
            try builder.addEdge(Edge(from: nodes[edge.from].id, to: nodes[edge.to].id, relation: edge.relation, timing: Self.timing(edge.start, edge.end)))
        }
        return try builder.build()
    }

    /// A filter as the command line builds it, and the same filter as a predicate of the test's own.
    public struct Filter: CustomStringConvertible {
        public var kinds: Set<NodeKind>?
        public var relations: Set<String>?
        public var asOf: Int?

        public init(kinds: Set<NodeKind>? = nil, relations: Set<String>? = nil, asOf: Int? = nil) {
            (self.kinds, self.relations, self.asOf) = (kinds, relations, asOf)
        }

        public var graphFilter: GraphFilter {
            GraphFilter(kinds: kinds, relations: relations, asOf: asOf.map { try! PartialDate(year: $0) })
        }

        /// `--as-of` a year keeps what starts no later than the year and ends no earlier (contract §1).
        public func exists(_ start: Int?, _ end: Int?) -> Bool {
            guard let asOf else { return true }
            return (start ?? .min) <= asOf && (end ?? .max) >= asOf
        }

        public var description: String {
            "kinds \(kinds.map { $0.map(\.rawValue).sorted() } ?? []) relations \(relations.map { $0.sorted() } ?? []) as-of \(asOf.map(String.init) ?? "-")"
        }
    }

    public static func randomFilter(using random: inout SeededRandom) -> Filter {
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

    public func keeps(node index: Int, _ filter: Filter) -> Bool {
        let node = nodes[index]
        return (filter.kinds?.contains(node.kind) ?? true) && filter.exists(node.start, node.end)
    }

    public func keeps(edge index: Int, _ filter: Filter) -> Bool {
        let edge = edges[index]
        return (filter.relations?.contains(edge.relation) ?? true) && keeps(node: edge.from, filter) && keeps(node: edge.to, filter)
            && filter.exists(edge.start, edge.end)
    }

    /// Which nodes one step reaches from each node, walking the kept edges in `direction`
    /// (symmetric relations both ways), by raw node position.
    public func steps(_ direction: Direction, _ filter: Filter = Filter()) -> [[Int]] {
        var steps = [[Int]](repeating: [], count: nodes.count)
        for (index, edge) in edges.enumerated() where keeps(edge: index, filter) {
            let symmetric = Self.symmetric.contains(edge.relation)
            if direction != .incoming || symmetric { steps[edge.from].append(edge.to) }
            if direction != .outgoing || symmetric { steps[edge.to].append(edge.from) }
        }
        return steps
    }

    /// The edge a path reports for its step from `from` to `to` (raw positions): of the kept
    /// edges joining them in `direction` (symmetric relations both ways), the one with the
    /// smallest relation id in scalar order, then the earliest; nil if none.
    public func stepEdge(from: Int, to: Int, _ direction: Direction, _ filter: Filter = Filter()) -> Int? {
        let joining = edges.indices.filter { index in
            let edge = edges[index], symmetric = Self.symmetric.contains(edge.relation)
            guard keeps(edge: index, filter) else { return false }
            return (edge.from == from && edge.to == to && (direction != .incoming || symmetric))
                || (edge.to == from && edge.from == to && (direction != .outgoing || symmetric))
        }
        return joining.min { lhs, rhs in
            let (a, b) = (edges[lhs].relation, edges[rhs].relation)
            return a != b ? Self.precedes(a, b) : lhs < rhs
        }
    }

    /// Every simple path of at most `maxHops` hops, as ids, shortest first and then by ids.
    public func allSimplePaths(_ steps: [[Int]], from source: Int, to target: Int, maxHops: Int) -> [[String]] {
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
    public func reach(_ steps: [[Int]], from source: Int, depth: Int) -> [String] {
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
    public func neighbors(of node: Int, _ direction: Direction, _ filter: Filter, kinds: Set<NodeKind>?) -> [String] {
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
