/// A view's adjacency as raw runs, for the inner loops of one query: the steps from a node
/// over kept edges, in a direction or against it, read without bounds checks.
///
/// Reading unchecked is sound because every position comes from the adjacency itself: a node
/// is one the caller checked is in the graph, or a neighbour read from an entry; offsets and
/// neighbours were checked when the graph was built (or its snapshot opened). Valid only inside
/// ``GraphView/withStepRuns(_:_:)``.
struct StepRuns: PathSteps {
    let outOffsets: UnsafePointer<Int32>
    let outgoing: UnsafePointer<Adjacency.Entry>
    let inOffsets: UnsafePointer<Int32>
    let incoming: UnsafePointer<Adjacency.Entry>
    let edgeMask: BitSet?
    /// Whether, along the direction, every outgoing (incoming) entry is a step, or only the
    /// symmetric ones.
    let takesOut: Bool
    let takesIn: Bool

    /// The number of adjacency entries walking from `node` scans (``Graph/adjacencyDegree(of:)``).
    @inline(__always)
    func degree(_ node: Int) -> Int {
        Int(outOffsets[node + 1] &- outOffsets[node]) &+ Int(inOffsets[node + 1] &- inOffsets[node])
    }

    @inline(__always)
    private func keeps(_ entry: Adjacency.Entry, _ takesAll: Bool) -> Bool {
        guard takesAll || entry.isSymmetric else { return false }
        if let edgeMask { return edgeMask.contains(Int(entry.edge)) }
        return true
    }

    /// Calls `body` with each neighbour one kept step from `node` (along the direction, or
    /// against it when `reversed`), as ``GraphView/forEachStep(from:_:_:)`` does, until `body`
    /// returns true. Returns whether it did.
    @inline(__always) @discardableResult
    func forEachStep(from node: Int, reversed: Bool, _ body: (_ neighbor: Int32) -> Bool) -> Bool {
        let takesOut = reversed ? self.takesIn : self.takesOut
        let takesIn = reversed ? self.takesOut : self.takesIn
        var slot = Int(outOffsets[node])
        var end = Int(outOffsets[node + 1])
        while slot < end {
            let entry = outgoing[slot]
            slot &+= 1
            if keeps(entry, takesOut), body(entry.neighbor) { return true }
        }
        slot = Int(inOffsets[node])
        end = Int(inOffsets[node + 1])
        while slot < end {
            let entry = incoming[slot]
            slot &+= 1
            if keeps(entry, takesIn), body(entry.neighbor) { return true }
        }
        return false
    }

    /// Hints that the neighbours of `node` (its first `limit` entries each way) will soon be
    /// read: `prefetch` is called with each, to ask for what the caller reads about them.
    @inline(__always)
    func prefetchNeighbors(of node: Int, limit: Int, _ prefetch: (_ neighbor: Int32) -> Void) {
        var slot = Int(outOffsets[node])
        var end = min(Int(outOffsets[node + 1]), slot &+ limit)
        while slot < end {
            prefetch(outgoing[slot].neighbor)
            slot &+= 1
        }
        slot = Int(inOffsets[node])
        end = min(Int(inOffsets[node + 1]), slot &+ limit)
        while slot < end {
            prefetch(incoming[slot].neighbor)
            slot &+= 1
        }
    }

    @inline(__always)
    func prefetchDegree(of node: Int32) {
        Prefetch.read(outOffsets + Int(node))
        Prefetch.read(inOffsets + Int(node))
    }

    /// Whether a kept edge leads from `u` to `v` (along the direction, or against it when
    /// `reversed`), found by binary search in the runs of whichever node has fewer entries: an
    /// edge from `u` to `v` along a direction is one from `v` to `u` against it.
    @inline(__always)
    func isAdjacent(_ u: Int, _ v: Int, reversed: Bool) -> Bool {
        degree(v) < degree(u) ? joins(v, u, reversed: !reversed) : joins(u, v, reversed: reversed)
    }

    private func joins(_ u: Int, _ v: Int, reversed: Bool) -> Bool {
        let takesOut = reversed ? self.takesIn : self.takesOut
        let takesIn = reversed ? self.takesOut : self.takesIn
        let target = Int32(truncatingIfNeeded: v)
        return holds(outgoing, Int(outOffsets[u]), Int(outOffsets[u + 1]), target, takesOut)
            || holds(incoming, Int(inOffsets[u]), Int(inOffsets[u + 1]), target, takesIn)
    }

    /// Whether the run `entries[low ..< high]` (ordered by neighbour) holds a kept step to `target`.
    /// The search halves the range without branching on the comparison (a conditional move),
    /// so a long run costs no mispredicted branches.
    @inline(__always)
    private func holds(_ entries: UnsafePointer<Adjacency.Entry>, _ low: Int, _ high: Int, _ target: Int32, _ takesAll: Bool) -> Bool {
        guard low < high else { return false }
        var base = low, length = high &- low
        while length > 1 {
            let half = length >> 1
            base = entries[base &+ half].neighbor < target ? base &+ half : base
            length &-= half
        }
        var low = entries[base].neighbor < target ? base &+ 1 : base
        while low < high, entries[low].neighbor == target {
            if keeps(entries[low], takesAll) { return true }
            low &+= 1
        }
        return false
    }
}

extension GraphView {
    /// Calls `body` with this view's adjacency as raw runs, followed in `direction`. The graph
    /// must have at least one edge.
    func withStepRuns<Result>(_ direction: Direction, _ body: (StepRuns) -> Result) -> Result {
        let adjacency = graph.adjacency
        precondition(!adjacency.outgoing.isEmpty && !adjacency.incoming.isEmpty, "raw runs need a graph with edges")
        return adjacency.outOffsets.withUnsafeBufferPointer { outOffsets in
            adjacency.outgoing.withUnsafeBufferPointer { outgoing in
                adjacency.inOffsets.withUnsafeBufferPointer { inOffsets in
                    adjacency.incoming.withUnsafeBufferPointer { incoming in
                        body(
                            StepRuns(
                                outOffsets: outOffsets.baseAddress!, outgoing: outgoing.baseAddress!,
                                inOffsets: inOffsets.baseAddress!, incoming: incoming.baseAddress!,
                                edgeMask: edgeMask, takesOut: direction != .incoming, takesIn: direction != .outgoing))
                    }
                }
            }
        }
    }
}
