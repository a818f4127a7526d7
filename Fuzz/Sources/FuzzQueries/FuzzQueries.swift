// libFuzzer target: the queries. The input builds a small graph (ids with Devanagari and
// digits, a symmetric relation, self-loops, parallel edges, dated nodes and edges) and then
// asks queries through random filters; each answer is checked against a brute-force
// reference built from the raw edge list. Built only by `make fuzz` (see Fuzz/README.md).
import RelGraph

/// Hands out the input's bytes one at a time, zeros once they run out.
struct ByteStream {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var isEmpty: Bool { position >= bytes.count }
    mutating func next() -> Int {
        defer { position += 1 }
        return position < bytes.count ? Int(bytes[position]) : 0
    }
}

let idPool = ["a", "b", "B", "é", "क", "कि", "z1", "10", "2", "a b", "ñ", "ab"]
let relationPool = ["partner-of", "supplies", "signed", "part-of"]

func year(_ byte: Int) -> PartialDate? { try? PartialDate(year: 1980 + byte % 40) }

func timing(_ stream: inout ByteStream) -> Timing {
    let mode = stream.next()
    let start = mode & 1 != 0 ? year(stream.next()) : nil
    let end = mode & 2 != 0 ? year(stream.next()) : nil
    return (try? Timing(date: nil, start: start, end: end)) ?? (try! Timing(date: nil, start: nil, end: nil))
}

func makeGraph(_ stream: inout ByteStream) -> Graph? {
    var builder = GraphBuilder()
    try? builder.declareRelation(RelationType(id: "partner-of", isSymmetric: true))
    let nodeCount = 1 + stream.next() % idPool.count
    for index in 0..<nodeCount {
        let kind = NodeKind.builtIn[stream.next() % NodeKind.builtIn.count]
        _ = try? builder.addNode(Node(id: idPool[index], kind: kind, timing: timing(&stream)))
    }
    let edgeCount = stream.next() % 24
    for _ in 0..<edgeCount {
        let from = idPool[stream.next() % nodeCount], to = idPool[stream.next() % nodeCount]
        let relation = relationPool[stream.next() % relationPool.count]
        _ = try? builder.addEdge(Edge(from: from, to: to, relation: relation, timing: timing(&stream)))
    }
    return try? builder.build()
}

func scalarsPrecede(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
}

/// The reference: every step the view allows, from the raw edge list. Nodes and edges are
/// plain positions here (`NodeIndex.position`), compared with the typed answers.
struct Reference {
    let view: GraphView
    let graph: Graph
    /// `stepsByDirection[direction][node]`, computed once per view.
    let stepsByDirection: [Direction: [[(neighbor: Int, edge: Int)]]]

    init(_ view: GraphView) {
        self.view = view
        self.graph = view.graph
        var table: [Direction: [[(neighbor: Int, edge: Int)]]] = [:]
        for direction in Direction.allCases {
            var steps = [[(neighbor: Int, edge: Int)]](repeating: [], count: graph.nodeCount)
            for edge in graph.edgeIndices where view.contains(edge: edge) {
                let u = graph.from(ofEdge: edge).position, v = graph.to(ofEdge: edge).position, symmetric = graph.isSymmetric(edge: edge)
                if direction != .incoming || symmetric { steps[u].append((v, edge.position)) }
                if direction != .outgoing || symmetric { steps[v].append((u, edge.position)) }
            }
            table[direction] = steps
        }
        stepsByDirection = table
    }

    func steps(from node: Int, _ direction: Direction) -> [(neighbor: Int, edge: Int)] {
        stepsByDirection[direction]![node]
    }

    func distances(from start: Int, _ direction: Direction, within depth: Int = .max) -> [Int: Int] {
        guard view.contains(node: NodeIndex(start)) else { return [:] }
        var distance = [start: 0], queue = [start], head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            guard distance[node]! < depth else { continue }
            for step in steps(from: node, direction) where distance[step.neighbor] == nil {
                distance[step.neighbor] = distance[node]! + 1
                queue.append(step.neighbor)
            }
        }
        return distance
    }

    func simplePaths(from source: Int, to target: Int, maxHops: Int, _ direction: Direction) -> [[Int]] {
        guard view.contains(node: NodeIndex(source)), view.contains(node: NodeIndex(target)) else { return [] }
        if source == target { return [[source]] }
        var found: [[Int]] = []
        func walk(_ nodes: [Int]) {
            if nodes.last == target { found.append(nodes); return }
            guard nodes.count - 1 < maxHops else { return }
            for neighbor in Set(steps(from: nodes.last!, direction).map(\.neighbor)) where !nodes.contains(neighbor) {
                walk(nodes + [neighbor])
            }
        }
        walk([source])
        return found.sorted { a, b in
            if a.count != b.count { return a.count < b.count }
            for (x, y) in zip(a, b) where x != y { return scalarsPrecede(graph.id(ofNode: NodeIndex(x)), graph.id(ofNode: NodeIndex(y))) }
            return false
        }
    }

    /// Whether `path` is a walk of the view in `direction` along the edges it names.
    func isWalk(_ path: Path, _ direction: Direction) -> Bool {
        guard path.edges.count == path.nodes.count - 1, path.nodes.allSatisfy(view.contains(node:)) else { return false }
        for (hop, edge) in path.edges.enumerated() {
            let steps = steps(from: path.nodes[hop].position, direction)
            guard steps.contains(where: { $0.neighbor == path.nodes[hop + 1].position && $0.edge == edge.position }) else { return false }
        }
        return true
    }
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

func filter(_ stream: inout ByteStream, _ graph: Graph) -> GraphFilter {
    var filter = GraphFilter()
    let flags = stream.next()
    if flags & 1 != 0 {
        let bits = stream.next()
        filter.kinds = Set(NodeKind.builtIn.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element))
    }
    if flags & 2 != 0 {
        let bits = stream.next()
        filter.relations = Set(relationPool.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element))
    }
    if flags & 4 != 0 { filter.asOf = year(stream.next()) }
    return filter
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var stream = ByteStream(bytes: UnsafeBufferPointer(start: data, count: size))
    guard let graph = makeGraph(&stream), graph.nodeCount > 0 else { return 0 }
    let n = graph.nodeCount
    for _ in 0..<16 where !stream.isEmpty {
        let view = graph.view(filter(&stream, graph))
        let reference = Reference(view)
        var traversal = Traversal(view)
        let operation = stream.next() % 5
        let a = stream.next() % n, b = stream.next() % n
        let (nodeA, nodeB) = (NodeIndex(a), NodeIndex(b))
        let direction = Direction.allCases[stream.next() % Direction.allCases.count]
        let context = {
            "\(operation) \(graph.id(ofNode: nodeA)) \(graph.id(ofNode: nodeB)) \(direction) \(view.filter) in \(graph.edges.map { "\($0.from)-\($0.relation)->\($0.to)" })"
        }
        switch operation {
        case 0:
            let path = traversal.shortestPath(from: nodeA, to: nodeB, direction: direction)
            let expected = reference.distances(from: a, direction)[b]
            check(path?.length == expected, "shortest path length \(String(describing: path)) vs \(String(describing: expected)): \(context())")
            if let path {
                check(path.nodes.first == nodeA && path.nodes.last == nodeB && reference.isWalk(path, direction), "bad shortest path \(path): \(context())")
            }
        case 1:
            let maxHops = stream.next() % 5, limitByte = stream.next() % 8
            let limit = limitByte == 0 ? nil : limitByte
            let paths = traversal.simplePaths(from: nodeA, to: nodeB, maxHops: maxHops, limit: limit, direction: direction)
            let expected = Array(reference.simplePaths(from: a, to: b, maxHops: maxHops, direction).prefix(limit ?? .max))
            check(
                paths.map { $0.nodes.map(\.position) } == expected,
                "simple paths \(paths.map(\.nodes)) vs \(expected) (hops \(maxHops), limit \(String(describing: limit))): \(context())")
            for path in paths { check(reference.isWalk(path, direction), "bad simple path \(path): \(context())") }
        case 2:
            let depth = stream.next() % 5
            let reached = traversal.reach(from: nodeA, depth: depth, direction: direction)
            let expected = reference.distances(from: a, direction, within: depth)
                .sorted {
                    $0.value != $1.value ? $0.value < $1.value : scalarsPrecede(graph.id(ofNode: NodeIndex($0.key)), graph.id(ofNode: NodeIndex($1.key)))
                }
                .map { [$0.key, $0.value] }
            check(reached.map { [$0.node.position, $0.distance] } == expected, "reach \(reached) vs \(expected) (depth \(depth)): \(context())")
        case 3:
            let kindBits = stream.next()
            let kinds = kindBits & 1 == 0 ? nil : Set(NodeKind.builtIn.enumerated().filter { kindBits & (2 << $0.offset) != 0 }.map(\.element))
            let found = traversal.neighbors(of: nodeA, direction: direction, kinds: kinds)
            var expected = view.contains(node: nodeA) ? reference.steps(from: a, direction) : []
            if let kinds { expected = expected.filter { kinds.contains(graph.kind(ofNode: NodeIndex($0.neighbor))) } }
            let foundPairs = found.map { [$0.node.position, $0.edge.position] }, expectedPairs = Set(expected.map { [$0.neighbor, $0.edge] })
            check(
                Set(foundPairs) == expectedPairs && foundPairs.count == expectedPairs.count,
                "neighbours \(foundPairs) vs \(expectedPairs): \(context())")
            let order = found.map { graph.id(ofNode: $0.node) }
            check(zip(order, order.dropFirst()).allSatisfy { !scalarsPrecede($1, $0) }, "neighbours out of id order \(order): \(context())")
        default:
            let components = view.weakComponents()
            for node in graph.nodeIndices {
                check((components.component(of: node) != nil) == view.contains(node: node), "component membership of \(node): \(context())")
                guard let component = components.component(of: node) else { continue }
                for other in reference.distances(from: node.position, .both).keys {
                    check(components.component(of: NodeIndex(other)) == component, "\(node) and \(other) in different components: \(context())")
                }
            }
            let expectedCount = Set(
                (0..<n).filter { view.contains(node: NodeIndex($0)) }.map { node in
                    reference.distances(from: node, .both).keys.min()!
                }
            ).count
            check(components.count == expectedCount, "component count \(components.count) vs \(expectedCount): \(context())")
        }
    }
    return 0
}
