/// Compressed adjacency (CSR): for each node, its outgoing and its incoming edges as runs
/// of (neighbour, edge) entries, so traversal walks integer arrays and never hashes a string.
/// Each run is sorted by neighbour (then edge), so whether two nodes are joined is a binary
/// search, even between two hubs of a million edges each.
///
/// An entry's `edge` carries ``Adjacency/symmetricBit`` when the edge's relation is
/// symmetric, so a directed walk can follow such an edge against its direction cheaply.
package struct Adjacency: Sendable {
    /// One (neighbour, edge) pair in one 64-bit word: the neighbour in the low half, the edge and
    /// its symmetry flag in the high half. A single word has one layout in memory, so the
    /// entries of a snapshot file are used as they lie.
    package struct Entry: Sendable, BitwiseCopyable {
        package let bits: UInt64

        @inline(__always)
        package init(neighbor: Int32, edgeAndFlag: UInt32) {
            bits = UInt64(UInt32(bitPattern: neighbor)) | UInt64(edgeAndFlag) << 32
        }

        @inline(__always) package var neighbor: Int32 { Int32(truncatingIfNeeded: bits) }
        /// The edge index, with ``Adjacency/symmetricBit`` set for symmetric relations.
        @inline(__always) package var edgeAndFlag: UInt32 { UInt32(truncatingIfNeeded: bits >> 32) }
        @inline(__always) package var edge: Int32 { Int32(bitPattern: edgeAndFlag & ~Adjacency.symmetricBit) }
        @inline(__always) package var isSymmetric: Bool { edgeAndFlag & Adjacency.symmetricBit != 0 }
    }

    package static let symmetricBit: UInt32 = 1 << 31

    /// `outgoing[outOffsets[v] ..< outOffsets[v + 1]]` are the edges leaving `v`, by neighbour.
    package let outOffsets: Column<Int32>
    package let outgoing: Column<Entry>
    /// `incoming[inOffsets[v] ..< inOffsets[v + 1]]` are the edges entering `v`, by neighbour.
    package let inOffsets: Column<Int32>
    package let incoming: Column<Entry>

    /// Builds both directions, in parallel. `relations[edge]` indexes `symmetric`.
    init(nodeCount: Int, from: Column<Int32>, to: Column<Int32>, relations: Column<Int32>, symmetric: [Bool]) {
        let flags = symmetric.map { $0 ? Adjacency.symmetricBit : 0 }
        let (outgoing, incoming) = Parallel.both(
            { Adjacency.bucket(nodeCount: nodeCount, keys: from, neighbors: to, relations: relations, flags: flags) },
            { Adjacency.bucket(nodeCount: nodeCount, keys: to, neighbors: from, relations: relations, flags: flags) })
        (outOffsets, self.outgoing) = outgoing
        (inOffsets, self.incoming) = incoming
    }

    /// Adjacency already built, as a snapshot holds it.
    init(outOffsets: Column<Int32>, outgoing: Column<Entry>, inOffsets: Column<Int32>, incoming: Column<Entry>) {
        self.outOffsets = outOffsets
        self.outgoing = outgoing
        self.inOffsets = inOffsets
        self.incoming = incoming
    }

    /// The outgoing runs alone (offsets and entries, without symmetry flags), for checks made
    /// before a graph exists.
    static func outgoingRuns(nodeCount: Int, from: [Int32], to: [Int32]) -> (Column<Int32>, Column<Entry>) {
        bucket(nodeCount: nodeCount, keys: Column(from), neighbors: Column(to), relations: nil, flags: [])
    }

    /// One counting sort of the edges by `keys` straight into the entries (the edges read in
    /// order, so each run holds its edges in order), then each run sorted by neighbour: every
    /// node's run is ordered by neighbour and then by edge. An entry's flag is
    /// `flags[relations[edge]]` (none without relations).
    ///
    /// A counting sort by neighbour first would give the same order without the run sorts, but
    /// its second pass reads every edge's key, neighbour and relation at random: at five million
    /// edges that pass costs more than sorting runs of a few entries each, and its order array
    /// 4 bytes an edge more at the load's peak.
    private static func bucket(
        nodeCount: Int, keys: Column<Int32>, neighbors: Column<Int32>, relations: Column<Int32>?, flags: [UInt32]
    ) -> (Column<Int32>, Column<Entry>) {
        let edgeCount = keys.count
        let offsets = runStarts(of: keys, nodeCount: nodeCount)
        let entries = Column<Entry>(count: edgeCount) { entries in
            var next = offsets
            keys.withUnsafeBufferPointer { keys in
                neighbors.withUnsafeBufferPointer { neighbors in
                    (relations ?? Column()).withUnsafeBufferPointer { relations in
                        flags.withUnsafeBufferPointer { flags in
                            next.withUnsafeMutableBufferPointer { next in
                                for edge in 0..<edgeCount {
                                    let key = Int(keys[edge])
                                    let flag = relations.isEmpty ? 0 : flags[Int(relations[edge])]
                                    (entries.baseAddress! + Int(next[key])).initialize(to: Entry(neighbor: neighbors[edge], edgeAndFlag: UInt32(edge) | flag))
                                    next[key] &+= 1
                                }
                            }
                        }
                    }
                }
            }
            offsets.withUnsafeBufferPointer { offsets in
                for node in 0..<nodeCount {
                    sortByNeighbor(UnsafeMutableBufferPointer(rebasing: entries[Int(offsets[node])..<Int(offsets[node + 1])]))
                }
            }
        }
        return (Column(offsets), entries)
    }

    /// Orders a run that holds its edges in order by neighbour, then edge: an insertion sort
    /// (stable, so edges stay in order) for the short runs most nodes have, a sort on
    /// (neighbour, edge) for a hub's.
    @inline(__always)
    private static func sortByNeighbor(_ run: UnsafeMutableBufferPointer<Entry>) {
        var run = run
        guard run.count > 1 else { return }
        guard run.count <= 32 else {
            run.sort { ($0.neighbor, $0.edge) < ($1.neighbor, $1.edge) }
            return
        }
        for position in 1..<run.count {
            let entry = run[position]
            var slot = position
            while slot > 0, run[slot &- 1].neighbor > entry.neighbor {
                run[slot] = run[slot &- 1]
                slot &-= 1
            }
            run[slot] = entry
        }
    }

    /// `starts[node]` is where `node`'s run begins when items are grouped by `keys`;
    /// `starts[nodeCount]` is the number of items.
    private static func runStarts(of keys: Column<Int32>, nodeCount: Int) -> [Int32] {
        var starts = [Int32](repeating: 0, count: nodeCount + 1)
        starts.withUnsafeMutableBufferPointer { starts in
            keys.withUnsafeBufferPointer { keys in
                for key in keys { starts[Int(key) + 1] &+= 1 }
            }
            for node in 0..<nodeCount { starts[node + 1] &+= starts[node] }
        }
        return starts
    }

    /// The slots of `node`'s outgoing (or incoming) run whose neighbour is `neighbor`.
    @inline(__always)
    package func slots(of node: Int, to neighbor: Int32, outgoing isOutgoing: Bool) -> Range<Int> {
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

    @inline(__always) package func outRange(of node: Int) -> Range<Int> {
        Int(outOffsets[node])..<Int(outOffsets[node + 1])
    }

    @inline(__always) package func inRange(of node: Int) -> Range<Int> {
        Int(inOffsets[node])..<Int(inOffsets[node + 1])
    }
}
