import RelGraphCore

/// Variable-length patterns walked trail by trail (every trail is a row), and the steps
/// every expansion takes.
extension CypherExecutor {
    /// Depth-first walk for `*min..max`: every trail (no edge twice, none used elsewhere in
    /// the `MATCH`) from `node`, binding the end node and the list of relationships.
    func walk(
        from node: Int, depth: Int, length: (minimum: Int, maximum: Int?), _ constraint: RelationshipConstraint, _ direction: Direction,
        target: Int?, _ targetConstraint: NodeConstraint, toSlot: Int, relationship: Int, reversed: Bool, trail: inout [Int32],
        _ match: MatchPlan, _ next: Int, _ row: inout Row, _ sink: Sink
    ) throws(CypherError) {
        if stopping { return }
        try budget.step()
        if depth >= length.minimum, target.map({ $0 == node }) ?? true, try nodeMeets(node, targetConstraint, row) {
            if target == nil { row[toSlot] = .node(NodeIndex(node)) }
            let edges = reversed ? trail.reversed() : trail
            row[relationship] = .list(edges.map { .relationship(EdgeIndex(Int($0))) })
            try self.match(match, next, &row, sink)
        }
        if let maximum = length.maximum, depth >= maximum { return }
        try forEachStep(from: node, direction, constraint, towards: nil, row) { neighbor, edge throws(CypherError) in
            trail.append(edge)
            self.used.append(edge)
            defer { trail.removeLast(); self.used.removeLast() }
            try self.walk(
                from: neighbor, depth: depth + 1, length: length, constraint, direction, target: target, targetConstraint,
                toSlot: toSlot, relationship: relationship, reversed: reversed, trail: &trail, match, next, &row, sink)
        }
    }

    /// Calls `body` with each (neighbour, edge) one step from `node` in `direction` over kept,
    /// unused edges of the allowed relations; symmetric edges both ways; a self-loop once.
    /// With `target`, only the edges to it, found by binary search in the sorted runs.
    func forEachStep(
        from node: Int, _ direction: Direction, _ constraint: RelationshipConstraint, towards target: Int?, _ row: Row,
        _ body: (Int, Int32) throws(CypherError) -> Void
    ) throws(CypherError) {
        let adjacency = graph.adjacency
        let relations = graph.storage.edgeRelations
        let allowed = constraint.allowedRelations
        let takeAllOut = direction != .incoming, takeAllIn = direction != .outgoing
        let outSlots = target.map { adjacency.slots(of: node, to: Int32($0), outgoing: true) } ?? adjacency.outRange(of: node)
        for slot in outSlots {
            if stopping { return }
            let entry = adjacency.outgoing[slot]
            guard takeAllOut || entry.isSymmetric else { continue }
            let edge = entry.edge
            guard view.contains(edge: Int(edge)), allowed.map({ $0[Int(relations[Int(edge)])] }) ?? true, !isUsed(edge) else { continue }
            if constraint.hasPropertyChecks, try !edgeMeets(Int(edge), constraint, row) { continue }
            try body(Int(entry.neighbor), edge)
        }
        let inSlots = target.map { adjacency.slots(of: node, to: Int32($0), outgoing: false) } ?? adjacency.inRange(of: node)
        for slot in inSlots {
            if stopping { return }
            let entry = adjacency.incoming[slot]
            guard takeAllIn || entry.isSymmetric else { continue }
            // A self-loop taken from the outgoing run is not taken again.
            if Int(entry.neighbor) == node, takeAllOut || entry.isSymmetric { continue }
            let edge = entry.edge
            guard view.contains(edge: Int(edge)), allowed.map({ $0[Int(relations[Int(edge)])] }) ?? true, !isUsed(edge) else { continue }
            if constraint.hasPropertyChecks, try !edgeMeets(Int(edge), constraint, row) { continue }
            try body(Int(entry.neighbor), edge)
        }
    }

    /// A variable-length pattern whose list of relationships an earlier clause bound
    /// (`MATCH ()-[rs*]->() WITH rs MATCH (a)-[rs*]->(b)`): that list, followed from `node`,
    /// must be a trail the pattern allows.
    func followBoundTrail(
        from node: Int, _ constraint: RelationshipConstraint, _ direction: Direction, target: Int?, _ targetConstraint: NodeConstraint,
        toSlot: Int, relationship: Int, reversed: Bool, _ match: MatchPlan, _ next: Int, _ row: inout Row, _ sink: Sink
    ) throws(CypherError) {
        guard case .list(let items) = row[relationship], let length = constraint.length,
            items.count >= length.minimum, length.maximum.map({ items.count <= $0 }) ?? true
        else { return }
        var edges: [Int] = []
        for item in items {
            guard case .relationship(let edge) = item else { return }
            edges.append(edge.position)
        }
        if reversed { edges.reverse() }
        var current = node
        let mark = used.count
        defer { used.removeLast(used.count - mark) }
        for edge in edges {
            var reached: Int?
            try forEachStep(from: current, direction, constraint, towards: nil, row) { neighbor, step throws(CypherError) in
                if reached == nil, Int(step) == edge { reached = neighbor }
            }
            guard let neighbor = reached else { return }
            used.append(Int32(edge))
            current = neighbor
        }
        if let target, target != current { return }
        guard try nodeMeets(current, targetConstraint, row) else { return }
        if target == nil { row[toSlot] = .node(NodeIndex(current)) }
        try self.match(match, next, &row, sink)
    }
}
