/// Each node's neighbours either way, once each, in index order: the steps of a walk over the
/// whole graph that ignores direction, as one run of 4-byte entries per node.
///
/// The adjacency keeps, per node, an outgoing and an incoming run of 8-byte (neighbour, edge)
/// entries, with an entry per edge. A shortest-path search that ignores direction and keeps
/// every edge needs none of that: only who is next to whom. This list gives it half the bytes
/// per step, one offset per degree, one run per binary search, and no parallel edges.
///
/// Made from the adjacency the first time such a search runs and kept with the graph's facts
/// (``Graph/neighborList``): 4 bytes per node and per pair of neighbours (about 9 MB for 200,000
/// nodes and a million edges).
struct NeighborList: Sendable {
    /// `neighbors[offsets[v] ..< offsets[v + 1]]` are `v`'s neighbours, ascending, once each.
    let offsets: [Int32]
    let neighbors: [Int32]

    /// Merges each node's outgoing and incoming runs (both ordered by neighbour), dropping repeats.
    ///
    /// - Complexity: O(*n* + *m*) for *n* nodes and *m* edges.
    init(_ graph: Graph) {
        var offsets = [Int32](repeating: 0, count: graph.nodeCount + 1)
        guard graph.edgeCount > 0 else {
            self.offsets = offsets
            neighbors = []
            return
        }
        // Every edge, either way: the runs a path that ignores direction over every edge reads.
        let view = GraphView(graph)
        var total = 0
        view.withStepRuns(.both) { runs in
            for node in 0..<graph.nodeCount {
                total &+= runs.mergeDistinct(node) { _ in }
                offsets[node + 1] = Int32(truncatingIfNeeded: total)
            }
        }
        self.offsets = offsets
        neighbors = [Int32](unsafeUninitializedCapacity: total) { neighbors, initialized in
            view.withStepRuns(.both) { runs in
                for node in 0..<graph.nodeCount {
                    runs.mergeDistinct(node) { neighbor in
                        neighbors.initializeElement(at: initialized, to: neighbor)
                        initialized &+= 1
                    }
                }
            }
        }
    }

    /// Calls `body` with the list as raw runs. The graph must have at least one edge.
    func withRuns<Result>(_ body: (NeighborRuns) -> Result) -> Result {
        precondition(!neighbors.isEmpty, "raw runs need a graph with edges")
        return offsets.withUnsafeBufferPointer { offsets in
            neighbors.withUnsafeBufferPointer { neighbors in
                body(NeighborRuns(offsets: offsets.baseAddress!, neighbors: neighbors.baseAddress!))
            }
        }
    }
}

extension StepRuns {
    /// Calls `body` with each distinct neighbour of `node` either way, ascending, and returns
    /// how many: its outgoing and incoming runs merged, repeats dropped.
    @inline(__always) @discardableResult
    fileprivate func mergeDistinct(_ node: Int, _ body: (Int32) -> Void) -> Int {
        var out = Int(outOffsets[node]), into = Int(inOffsets[node])
        let outEnd = Int(outOffsets[node + 1]), inEnd = Int(inOffsets[node + 1])
        var last: Int32 = -1, count = 0
        while out < outEnd || into < inEnd {
            let next: Int32
            if into == inEnd || (out < outEnd && outgoing[out].neighbor <= incoming[into].neighbor) {
                next = outgoing[out].neighbor
                out &+= 1
            } else {
                next = incoming[into].neighbor
                into &+= 1
            }
            if next != last {
                body(next)
                last = next
                count &+= 1
            }
        }
        return count
    }
}

extension Graph {
    /// Each node's neighbours either way, once each (``NeighborList``): made on first use, then
    /// kept for the graph's life and shared by its copies.
    ///
    /// - Complexity: O(*n* + *m*) the first time, O(1) after.
    var neighborList: NeighborList {
        facts.fact("query: each node's neighbours either way, once each") { NeighborList(self) }
    }
}

/// A ``NeighborList`` as raw runs, for the inner loops of one search: the same questions
/// ``StepRuns`` answers, for a walk over every edge that ignores direction.
///
/// Reading unchecked is sound for the reasons ``StepRuns`` gives: every node read is one the
/// caller checked, or a neighbour read from the list, which was made from a checked adjacency.
struct NeighborRuns: PathSteps {
    let offsets: UnsafePointer<Int32>
    let neighbors: UnsafePointer<Int32>

    @inline(__always)
    func degree(_ node: Int) -> Int { Int(offsets[node + 1] &- offsets[node]) }

    /// Direction does not matter here: every step leads both ways.
    @inline(__always) @discardableResult
    func forEachStep(from node: Int, reversed: Bool, _ body: (_ neighbor: Int32) -> Bool) -> Bool {
        var slot = Int(offsets[node])
        let end = Int(offsets[node + 1])
        while slot < end {
            if body(neighbors[slot]) { return true }
            slot &+= 1
        }
        return false
    }

    @inline(__always)
    func prefetchNeighbors(of node: Int, limit: Int, _ prefetch: (_ neighbor: Int32) -> Void) {
        var slot = Int(offsets[node])
        let end = min(Int(offsets[node + 1]), slot &+ limit)
        while slot < end {
            prefetch(neighbors[slot])
            slot &+= 1
        }
    }

    @inline(__always)
    func prefetchDegree(of node: Int32) { Prefetch.read(offsets + Int(node)) }

    /// Whether `u` and `v` are neighbours: a branchless binary search in the shorter run.
    @inline(__always)
    func isAdjacent(_ u: Int, _ v: Int, reversed: Bool) -> Bool {
        let (node, target) = degree(v) < degree(u) ? (v, u) : (u, v)
        let low = Int(offsets[node]), high = Int(offsets[node + 1])
        guard low < high else { return false }
        let wanted = Int32(truncatingIfNeeded: target)
        var base = low, length = high &- low
        while length > 1 {
            let half = length >> 1
            base = neighbors[base &+ half] < wanted ? base &+ half : base
            length &-= half
        }
        let found = neighbors[base] < wanted ? base &+ 1 : base
        return found < high && neighbors[found] == wanted
    }
}
