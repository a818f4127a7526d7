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
            if !constraint.hasPropertyChecks, usedBase == used.count {
                // Nothing but relations and the view to respect: the traversal's own reach (by
                // distance, then id), and the start's closed trail looked for on its own.
                let reached = withTraversal(of: constraint) { $0.reach(from: NodeIndex(source), depth: maximum, direction: direction) }
                if length.minimum == 1,
                    try breadthFirst(from: source, constraint, direction, maximum: maximum, needsClosure: true, stopsAtClosure: true).closesAtStart
                {
                    order.append(source)
                }
                order += reached.dropFirst().map(\.node.position)
            } else {
                let (reached, closesAtStart) = try breadthFirst(
                    from: source, constraint, direction, maximum: maximum,
                    needsClosure: length.minimum == 1, stopsAtClosure: false)
                if length.minimum == 1, closesAtStart { order.append(source) }
                order += reached
            }
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
    /// whether a closed trail of at most `maximum` edges returns to `source` (only looked for
    /// when `needsClosure`; once found, the walk is a plain breadth-first search, or ends
    /// when `stopsAtClosure`).
    private func breadthFirst(
        from source: Int, _ constraint: RelationshipConstraint, _ direction: Direction, maximum: Int,
        needsClosure: Bool, stopsAtClosure: Bool
    ) throws(CypherError) -> (reached: [Int], closesAtStart: Bool) {
        // Per node, the first edge of its shortest way from the start (-1: the start, -2: not met
        // yet), and of its shortest way that leaves by another edge (-2: none yet).
        var first = [Int32](repeating: -2, count: graph.nodeCount)
        var second = needsClosure ? [Int32](repeating: -2, count: graph.nodeCount) : []
        first[source] = -1
        var reached: [Int] = []
        var queue: [(node: Int32, distance: Int32, way: Int32)] = [(Int32(source), 0, -1)]
        var head = 0
        var closesAtStart = !needsClosure
        while head < queue.count {
            if stopsAtClosure, closesAtStart { break }
            let (node, distance, way) = (Int(queue[head].node), Int(queue[head].distance), queue[head].way)
            head += 1
            try budget.step()
            let lookingForClosure = !closesAtStart
            // A second way is only worth following while the start's closure is unknown.
            if !lookingForClosure, node != source, first[node] != way { continue }
            try forEachStep(from: node, direction, constraint, towards: nil, []) { neighbor, edge throws(CypherError) in
                if neighbor == source {
                    // Back at the start: a closed trail unless it would leave and return by one edge.
                    if distance + 1 <= maximum, node == source || edge != way { closesAtStart = true }
                    return
                }
                let branch = node == source ? edge : way
                let known = first[neighbor]
                if known == -2 {
                    first[neighbor] = branch
                    reached.append(neighbor)
                } else if !closesAtStart, known != branch, second[neighbor] == -2 {
                    second[neighbor] = branch
                } else {
                    return
                }
                if distance + 1 < maximum { queue.append((Int32(neighbor), Int32(distance + 1), branch)) }
            }
        }
        return (reached, closesAtStart)
    }
}
