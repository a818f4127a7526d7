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
        return shortestPath(source.position, target.position, direction)
    }

    /// The path ``shortestPath(from:to:direction:)`` returns (`source != target`, both in the
    /// view, the graph with edges).
    private mutating func shortestPath(_ source: Int, _ target: Int, _ direction: Direction) -> Path? {
        let generation = scratch.nextGeneration()
        // The room is taken out for the search (no copy: the traversal keeps it between
        // searches) and put back after it.
        var space = PathSearchSpace()
        swap(&space, &scratch.paths)
        defer { swap(&space, &scratch.paths) }
        space.prepare(nodeCount: graph.nodeCount)
        return graph.idRanks.withUnsafeBufferPointer { ranks in
            if direction == .both, view.edgeMask == nil {
                // Every edge, either way: the graph's list of distinct neighbours answers the
                // same steps with half the bytes and no parallel edges, and holds each step's edge.
                if scratch.neighborList == nil { scratch.neighborList = graph.neighborList }
                let list = scratch.neighborList!
                let nodes = list.withRuns { space.nodes(from: source, to: target, over: $0, generation: generation, ranks: ranks.baseAddress!) }
                return nodes.map { Path(nodes: $0, edges: list.edges(along: $0)) }
            }
            let nodes = view.withStepRuns(direction) {
                space.nodes(from: source, to: target, over: $0, generation: generation, ranks: ranks.baseAddress!)
            }
            return nodes.map { path(through: $0, direction) }
        }
    }
}
