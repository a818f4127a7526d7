import RelGraphCore

/// The end nodes of a variable-length pattern, each once, found breadth first: for patterns
/// where nothing can tell trails apart (``ReachPlanning``), `(a)-[*]-(b) RETURN count(DISTINCT b)`
/// costs one walk of what `a` reaches instead of one row per trail.
///
/// A node other than the start is the end of a trail of 1 to *max* edges exactly when it is
/// within *max* hops (a shortest walk repeats no edge). The start itself needs a closed trail:
/// the walk keeps, for each node, its distance along the two shortest ways that leave the start
/// by different edges; an edge back into the start closes a trail of the first way's length + 1
/// unless that way left by the same edge, in which case the second way closes it. Edges the
/// `MATCH` bound already are never walked, as in trail matching.
extension CypherExecutor {
    func reachEnds(
        from source: Int, _ constraint: RelationshipConstraint, _ direction: Direction, target: Int?, _ targetConstraint: NodeConstraint,
        toSlot: Int, relationship: Int, _ match: MatchPlan, _ next: Int, _ row: inout Row, _ sink: Sink
    ) throws(CypherError) {
        let length = constraint.length ?? (1, 1)
        let maximum = length.maximum ?? Int.max
        var order: [Int] = []
        if length.minimum == 0 { order.append(source) }
        if maximum > 0 {
            let (reached, closesAtStart) = try breadthFirst(from: source, constraint, direction, maximum: maximum)
            if length.minimum == 1, closesAtStart { order.append(source) }
            order += reached
        }
        row[relationship] = .null
        for node in order {
            if stopping { return }
            if let target, node != target { continue }
            guard try nodeMeets(node, targetConstraint, row) else { continue }
            if target == nil { row[toSlot] = .node(NodeIndex(node)) }
            try self.match(match, next, &row, sink)
        }
    }

    /// The nodes within `maximum` hops of `source` (not `source`), in the order met, and
    /// whether a closed trail of at most `maximum` edges returns to `source`.
    private func breadthFirst(from source: Int, _ constraint: RelationshipConstraint, _ direction: Direction, maximum: Int)
        throws(CypherError) -> (reached: [Int], closesAtStart: Bool)
    {
        // A node's ways from the start: (distance, first edge), at most two with different first edges.
        var first: [Int: (distance: Int, edge: Int32)] = [source: (0, -1)]
        var second: [Int: (distance: Int, edge: Int32)] = [:]
        var reached: [Int] = []
        var queue: [(node: Int, distance: Int, edge: Int32)] = [(source, 0, -1)]
        var head = 0
        var closesAtStart = false
        while head < queue.count {
            let (node, distance, way) = queue[head]
            head += 1
            try budget.step()
            try forEachStep(from: node, direction, constraint, towards: nil, []) { neighbor, edge throws(CypherError) in
                if neighbor == source {
                    // Back at the start: a closed trail unless it would leave and return by one edge.
                    if distance + 1 <= maximum, node == source || edge != way { closesAtStart = true }
                    return
                }
                let branch = node == source ? edge : way
                if let known = first[neighbor] {
                    guard known.edge != branch, second[neighbor] == nil else { return }
                    second[neighbor] = (distance + 1, branch)
                } else {
                    first[neighbor] = (distance + 1, branch)
                    reached.append(neighbor)
                }
                if distance + 1 < maximum { queue.append((neighbor, distance + 1, branch)) }
            }
        }
        return (reached, closesAtStart)
    }
}
