/// Compressed adjacency (CSR): for each node, its outgoing and its incoming edges as runs
/// of (neighbour, edge) entries, so traversal walks integer arrays and never hashes a string.
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

    /// `outgoing[outOffsets[v] ..< outOffsets[v + 1]]` are the edges leaving `v`, in edge order.
    let outOffsets: [Int32]
    let outgoing: [Entry]
    /// `incoming[inOffsets[v] ..< inOffsets[v + 1]]` are the edges entering `v`, in edge order.
    let inOffsets: [Int32]
    let incoming: [Entry]

    init(nodeCount: Int, from: [Int32], to: [Int32], isSymmetric: (Int) -> Bool) {
        (outOffsets, outgoing) = Adjacency.bucket(nodeCount: nodeCount, keys: from, neighbors: to, isSymmetric: isSymmetric)
        (inOffsets, incoming) = Adjacency.bucket(nodeCount: nodeCount, keys: to, neighbors: from, isSymmetric: isSymmetric)
    }

    /// A stable counting sort of edges by `keys`.
    private static func bucket(
        nodeCount: Int, keys: [Int32], neighbors: [Int32], isSymmetric: (Int) -> Bool
    ) -> ([Int32], [Entry]) {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var next = offsets
        let entries = [Entry](unsafeUninitializedCapacity: keys.count) { buffer, count in
            for edge in keys.indices {
                let key = Int(keys[edge])
                let slot = Int(next[key])
                next[key] += 1
                let flag: UInt32 = isSymmetric(edge) ? symmetricBit : 0
                buffer[slot] = Entry(neighbor: neighbors[edge], edgeAndFlag: UInt32(edge) | flag)
            }
            count = keys.count
        }
        return (offsets, entries)
    }

    @inline(__always) func outRange(of node: Int) -> Range<Int> {
        Int(outOffsets[node])..<Int(outOffsets[node + 1])
    }

    @inline(__always) func inRange(of node: Int) -> Range<Int> {
        Int(inOffsets[node])..<Int(inOffsets[node + 1])
    }
}
