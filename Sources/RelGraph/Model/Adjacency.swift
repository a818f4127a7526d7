/// Compressed adjacency (CSR): for each node, its outgoing and its incoming edges as runs
/// of (neighbour, edge) entries, so traversal walks integer arrays and never hashes a string.
/// Each run is sorted by neighbour (then edge), so whether two nodes are joined is a binary
/// search, even between two hubs of a million edges each.
///
/// An entry's `edge` carries ``Adjacency/symmetricBit`` when the edge's relation is
/// symmetric, so a directed walk can follow such an edge against its direction cheaply.
struct Adjacency: Sendable {
    struct Entry: Sendable {
        var neighbor: Int32
        /// The edge index, with ``Adjacency/symmetricBit`` set for symmetric relations.
        var edgeAndFlag: UInt32

        @inline(__always) var edge: Int32 { Int32(bitPattern: edgeAndFlag & ~Adjacency.symmetricBit) }
        @inline(__always) var isSymmetric: Bool { edgeAndFlag & Adjacency.symmetricBit != 0 }
    }

    static let symmetricBit: UInt32 = 1 << 31

    /// `outgoing[outOffsets[v] ..< outOffsets[v + 1]]` are the edges leaving `v`, by neighbour.
    let outOffsets: [Int32]
    let outgoing: [Entry]
    /// `incoming[inOffsets[v] ..< inOffsets[v + 1]]` are the edges entering `v`, by neighbour.
    let inOffsets: [Int32]
    let incoming: [Entry]

    /// Builds both directions, in parallel.
    init(nodeCount: Int, from: [Int32], to: [Int32], isSymmetric: @escaping @Sendable (Int) -> Bool) {
        let (outgoing, incoming) = Parallel.both(
            { Adjacency.bucket(nodeCount: nodeCount, keys: from, neighbors: to, isSymmetric: isSymmetric) },
            { Adjacency.bucket(nodeCount: nodeCount, keys: to, neighbors: from, isSymmetric: isSymmetric) })
        (outOffsets, self.outgoing) = outgoing
        (inOffsets, self.incoming) = incoming
    }

    /// Two stable counting sorts: edges by neighbour, then by `keys`, so each node's run is
    /// ordered by neighbour and then by edge.
    private static func bucket(
        nodeCount: Int, keys: [Int32], neighbors: [Int32], isSymmetric: (Int) -> Bool
    ) -> ([Int32], [Entry]) {
        let byNeighbor = countingOrder(of: Array(0..<keys.count), by: neighbors, nodeCount: nodeCount)
        let order = countingOrder(of: byNeighbor, by: keys, nodeCount: nodeCount)
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        let entries = order.map { edge in
            Entry(neighbor: neighbors[edge], edgeAndFlag: UInt32(edge) | (isSymmetric(edge) ? symmetricBit : 0))
        }
        return (offsets, entries)
    }

    /// `items` reordered stably by `keys[item]`.
    private static func countingOrder(of items: [Int], by keys: [Int32], nodeCount: Int) -> [Int] {
        var next = [Int](repeating: 0, count: nodeCount + 1)
        for key in keys { next[Int(key) + 1] += 1 }
        for node in 0..<nodeCount { next[node + 1] += next[node] }
        var ordered = [Int](repeating: 0, count: items.count)
        for item in items {
            let key = Int(keys[item])
            ordered[next[key]] = item
            next[key] += 1
        }
        return ordered
    }

    /// The slots of `node`'s outgoing (or incoming) run whose neighbour is `neighbor`.
    @inline(__always)
    func slots(of node: Int, to neighbor: Int32, outgoing isOutgoing: Bool) -> Range<Int> {
        let range = isOutgoing ? outRange(of: node) : inRange(of: node)
        return (isOutgoing ? outgoing : incoming).withUnsafeBufferPointer { entries in
            var low = range.lowerBound, high = range.upperBound
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].neighbor < neighbor { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < range.upperBound, entries[end].neighbor == neighbor { end += 1 }
            return low..<end
        }
    }

    @inline(__always) func outRange(of node: Int) -> Range<Int> {
        Int(outOffsets[node])..<Int(outOffsets[node + 1])
    }

    @inline(__always) func inRange(of node: Int) -> Range<Int> {
        Int(inOffsets[node])..<Int(inOffsets[node + 1])
    }
}
