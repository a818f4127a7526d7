extension Traversal {
    /// One shortest path (fewest hops) from `source` to `target`, or nil if there is none.
    ///
    /// Among several shortest paths this returns the one whose sequence of node ids is
    /// smallest, compared id by id in Unicode scalar order, without enumerating paths:
    /// 1. a bidirectional breadth-first search grows, layer by whole layer, the side whose
    ///    frontier has fewer edges to scan, until the two searches touch;
    /// 2. a sweep back through the forward layers marks the nodes from which a shortest path
    ///    continues;
    /// 3. a walk from the source takes, at each hop, the smallest id still on a shortest path.
    /// Hubs with huge degree are never scanned where a smaller list answers the same question.
    ///
    /// - Parameters:
    ///   - source: The index of the node the path starts at.
    ///   - target: The index of the node the path ends at.
    ///   - direction: `.both` (the default) ignores edge direction; `.outgoing` follows it.
    ///     Symmetric relations are followed both ways either way.
    /// - Complexity: O(*n* + *m*) in the worst case for *n* nodes and *m* edges; the search grows
    ///   the smaller frontier, so it usually touches a small part of the graph. The first path
    ///   over every edge either way (`.both` on an unfiltered view) also makes the graph's list
    ///   of distinct neighbours, O(*n* + *m*) once per graph, kept with it for later queries.
    public mutating func shortestPath(from source: NodeIndex, to target: NodeIndex, direction: Direction = .both) -> Path? {
        guard view.contains(node: source), view.contains(node: target) else { return nil }
        if source == target { return Path(nodes: [source], edges: []) }
        guard graph.edgeCount > 0 else { return nil }
        return shortestPathNodes(source.position, target.position, direction).map { path(through: $0, direction) }
    }

    /// The nodes of the path ``shortestPath(from:to:direction:)`` returns (`source != target`,
    /// both in the view, the graph with edges). The scratch space's buffers are moved out for
    /// the query (no copy) and read through raw pointers (``PathSearch``), then moved back.
    private mutating func shortestPathNodes(_ source: Int, _ target: Int, _ direction: Direction) -> [NodeIndex]? {
        let generation = scratch.nextGeneration()
        scratch.preparePathSearch(nodeCount: graph.nodeCount)
        var visits: [PathSearchVisit] = [], onPath: [UInt32] = []
        var forwardQueue: [Int32] = [], backwardQueue: [Int32] = [], marked: [Int32] = []
        var forwardLayers: [Int32] = [], backwardLayers: [Int32] = [], markedLayers: [Range<Int>] = []
        // The scratch buffers are taken out for the search (no copy: the traversal keeps them
        // between searches) and put back after it.
        func exchangeBuffers() {
            swap(&visits, &scratch.visits)
            swap(&onPath, &scratch.onPath)
            swap(&forwardQueue, &scratch.forwardQueue)
            swap(&backwardQueue, &scratch.backwardQueue)
            swap(&marked, &scratch.marked)
            swap(&forwardLayers, &scratch.forwardLayers)
            swap(&backwardLayers, &scratch.backwardLayers)
            swap(&markedLayers, &scratch.markedLayers)
        }
        exchangeBuffers()
        let idRanks = graph.idRanks
        func search(_ runs: some PathSteps) -> [NodeIndex]? {
            idRanks.withUnsafeBufferPointer { ranks in
                visits.withUnsafeMutableBufferPointer { visits in
                    onPath.withUnsafeMutableBufferPointer { onPath in
                        forwardQueue.withUnsafeMutableBufferPointer { forwardQueue in
                            backwardQueue.withUnsafeMutableBufferPointer { backwardQueue in
                                marked.withUnsafeMutableBufferPointer { marked in
                                    let search = PathSearch(
                                        runs: runs, generation: generation, visits: visits.baseAddress!,
                                        onPath: onPath.baseAddress!, marked: marked.baseAddress!)
                                    var forward = PathSearchSide(queue: forwardQueue.baseAddress!, layers: [])
                                    var backward = PathSearchSide(queue: backwardQueue.baseAddress!, layers: [])
                                    swap(&forward.layers, &forwardLayers)
                                    swap(&backward.layers, &backwardLayers)
                                    defer {
                                        swap(&forward.layers, &forwardLayers)
                                        swap(&backward.layers, &backwardLayers)
                                    }
                                    guard let distance = search.meet(source, target, &forward, &backward) else { return nil }
                                    search.sweep(forward, backward, &markedLayers)
                                    return search.walk(from: source, distance: distance, forward, backward, markedLayers, ranks: ranks.baseAddress!)
                                }
                            }
                        }
                    }
                }
            }
        }
        let nodes: [NodeIndex]?
        if direction == .both, view.edgeMask == nil {
            // Every edge, either way: the graph's list of distinct neighbours answers the same
            // steps with half the bytes and no parallel edges.
            if scratch.neighborList == nil { scratch.neighborList = graph.neighborList }
            nodes = scratch.neighborList!.withRuns(search)
        } else {
            nodes = view.withStepRuns(direction, search)
        }
        exchangeBuffers()
        return nodes
    }
}
