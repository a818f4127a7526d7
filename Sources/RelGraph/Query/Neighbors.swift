extension Traversal {
    /// The nodes one edge away from `node`, each with its edge, ordered by neighbour id,
    /// relation id and direction (`in` before `out`), then edge order.
    ///
    /// Each edge is listed once. A symmetric relation counts for every direction; its
    /// `direction` tells which end the queried node is. A self-loop is listed once, as `out`
    /// unless only incoming edges were asked for.
    ///
    /// - Parameter kinds: keep only neighbours of these kinds (`nil`: all).
    public func neighbors(of node: Int, direction: Direction = .both, kinds: Set<NodeKind>? = nil) -> [Neighbor] {
        guard view.contains(node: node) else { return [] }
        let storage = graph.storage
        let keptKinds = kinds.map { kinds in storage.kinds.values.map { kinds.contains($0) } }
        var result: [Neighbor] = []
        let adjacency = graph.adjacency
        func keep(_ entry: Adjacency.Entry) -> Bool {
            guard view.contains(edge: Int(entry.edge)) else { return false }
            guard let keptKinds else { return true }
            return keptKinds[Int(storage.nodeKinds[Int(entry.neighbor)])]
        }
        for slot in adjacency.outRange(of: node) {
            let entry = adjacency.outgoing[slot]
            guard direction != .incoming || entry.isSymmetric, keep(entry) else { continue }
            result.append(Neighbor(node: Int(entry.neighbor), edge: Int(entry.edge), direction: .outgoing))
        }
        for slot in adjacency.inRange(of: node) {
            let entry = adjacency.incoming[slot]
            guard direction != .outgoing || entry.isSymmetric, keep(entry) else { continue }
            let listedAsOutgoing = direction != .incoming || entry.isSymmetric
            if Int(entry.neighbor) == node, listedAsOutgoing { continue }
            result.append(Neighbor(node: Int(entry.neighbor), edge: Int(entry.edge), direction: .incoming))
        }
        let ranks = graph.idRanks
        let relationRanks = graph.relationRanks
        result.sort { lhs, rhs in
            let left = (ranks[lhs.node], relationRanks[Int(storage.edgeRelations[lhs.edge])], lhs.direction == .incoming ? 0 : 1, lhs.edge)
            let right = (ranks[rhs.node], relationRanks[Int(storage.edgeRelations[rhs.edge])], rhs.direction == .incoming ? 0 : 1, rhs.edge)
            return left < right
        }
        return result
    }
}
