/// Each node's neighbours either way, once each, in index order: the steps of a walk over the
/// whole graph that ignores direction, as one run of 4-byte entries per node.
///
/// The adjacency keeps, per node, an outgoing and an incoming run of 8-byte (neighbour, edge)
/// entries, with an entry per edge. A shortest-path search that ignores direction and keeps
/// every edge needs none of that: only who is next to whom. This list gives it half the bytes
/// per step, one offset per degree, one run per binary search, and no parallel edges.
///
/// Made from the adjacency the first time such a search runs and kept with the graph's facts
/// (``Graph/neighborList``): 4 bytes per node and 8 per pair of neighbours (the neighbour, and
/// the edge a path reports for the step; about 17 MB for 200,000 nodes and a million edges).
struct NeighborList: Sendable {
    /// `neighbors[offsets[v] ..< offsets[v + 1]]` are `v`'s neighbours, ascending, once each.
    let offsets: [Int32]
    let neighbors: [Int32]

    /// `edges[slot]`: the edge a path reports for the step to `neighbors[slot]`. Of the edges
    /// joining the two nodes either way, the one with the smallest relation id (Unicode scalar
    /// order), then the earliest: ``Traversal``'s choice for a step, made once per pair.
    let edges: [Int32]

    /// Merges each node's outgoing and incoming runs (both ordered by neighbour), dropping
    /// repeats, and keeps for each neighbour the edge a path reports.
    ///
    /// - Complexity: O(*n* + *m*) for *n* nodes and *m* edges.
    init(_ graph: Graph) {
        var offsets = [Int32](repeating: 0, count: graph.nodeCount + 1)
        guard graph.edgeCount > 0 else {
            self.offsets = offsets
            neighbors = []
            edges = []
            return
        }
        // Every edge, either way: the runs a path that ignores direction over every edge reads.
        let view = GraphView(graph)
        var total = 0
        view.withStepRuns(.both) { runs in
            for node in 0..<graph.nodeCount {
                var last: Int32 = -1
                runs.mergeSteps(node) { neighbor, _ in
                    if neighbor != last { total &+= 1 }
                    last = neighbor
                }
                offsets[node + 1] = Int32(truncatingIfNeeded: total)
            }
        }
        self.offsets = offsets
        var edges = [Int32](repeating: 0, count: total)
        neighbors = [Int32](unsafeUninitializedCapacity: total) { neighbors, initialized in
            view.withStepRuns(.both) { runs in
                for node in 0..<graph.nodeCount {
                    let start = initialized
                    runs.mergeSteps(node) { neighbor, edge in
                        if initialized > start, neighbors[initialized &- 1] == neighbor {
                            if graph.reportsEdge(edge, before: edges[initialized &- 1]) { edges[initialized &- 1] = edge }
                        } else {
                            neighbors.initializeElement(at: initialized, to: neighbor)
                            edges[initialized] = edge
                            initialized &+= 1
                        }
                    }
                }
            }
        }
        self.edges = edges
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

extension NeighborList {
    /// The edges a path over `nodes` reports (``edges``), one per step; each step's pair must be
    /// neighbours. Each step is found in the shorter run of its two nodes (the one the walk that
    /// chose it read, unless both are short), and the steps' edges are asked for together, so
    /// their cache misses overlap.
    ///
    /// - Complexity: O(*k* log *d*) for *k* steps and runs of length *d*.
    func edges(along nodes: [NodeIndex]) -> [EdgeIndex] {
        withRuns { runs in
            edges.withUnsafeBufferPointer { edges in
                [EdgeIndex](unsafeUninitializedCapacity: nodes.count - 1) { steps, initialized in
                    // First where each step is (its slot, held where its edge will go), then its edge.
                    for step in 0..<nodes.count - 1 {
                        let from = nodes[step].position, to = nodes[step + 1].position
                        let (node, neighbor) = runs.degree(to) < runs.degree(from) ? (to, from) : (from, to)
                        guard let slot = runs.slot(of: neighbor, inRunOf: node) else {
                            preconditionFailure("consecutive path nodes are adjacent")
                        }
                        Prefetch.read(edges.baseAddress! + slot)
                        steps.initializeElement(at: step, to: EdgeIndex(slot))
                    }
                    for step in 0..<nodes.count - 1 { steps[step] = EdgeIndex(Int(edges[steps[step].position])) }
                    initialized = nodes.count - 1
                }
            }
        }
    }
}

extension StepRuns {
    /// Calls `body` with each (neighbour, edge) of `node` either way, ordered by neighbour: its
    /// outgoing and incoming runs merged, a neighbour joined by several edges once per edge.
    @inline(__always)
    fileprivate func mergeSteps(_ node: Int, _ body: (_ neighbor: Int32, _ edge: Int32) -> Void) {
        var out = Int(outOffsets[node]), into = Int(inOffsets[node])
        let outEnd = Int(outOffsets[node + 1]), inEnd = Int(inOffsets[node + 1])
        while out < outEnd || into < inEnd {
            let entry: Adjacency.Entry
            if into == inEnd || (out < outEnd && outgoing[out].neighbor <= incoming[into].neighbor) {
                entry = outgoing[out]
                out &+= 1
            } else {
                entry = incoming[into]
                into &+= 1
            }
            body(entry.neighbor, entry.edge)
        }
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

    /// Whether `u` and `v` are neighbours: a binary search in the shorter run.
    @inline(__always)
    func isAdjacent(_ u: Int, _ v: Int, reversed: Bool) -> Bool {
        degree(v) < degree(u) ? slot(of: u, inRunOf: v) != nil : slot(of: v, inRunOf: u) != nil
    }

    /// Where `target` is in `node`'s run, if it is there: a branchless binary search.
    @inline(__always)
    func slot(of target: Int, inRunOf node: Int) -> Int? {
        let low = Int(offsets[node]), high = Int(offsets[node + 1])
        guard low < high else { return nil }
        let wanted = Int32(truncatingIfNeeded: target)
        var base = low, length = high &- low
        while length > 1 {
            let half = length >> 1
            base = neighbors[base &+ half] < wanted ? base &+ half : base
            length &-= half
        }
        let found = neighbors[base] < wanted ? base &+ 1 : base
        return found < high && neighbors[found] == wanted ? found : nil
    }
}
