extension Traversal {
    /// The nodes one edge away from `node`, each with its edge, ordered by neighbour id,
    /// relation id and direction (`in` before `out`), then edge order.
    ///
    /// Each edge is listed once. A symmetric relation counts for every direction; its
    /// `direction` tells which end the queried node is. A self-loop is listed once, as `out`
    /// unless only incoming edges were asked for.
    ///
    /// - Parameters:
    ///   - node: The index of the node whose neighbours are listed.
    ///   - direction: Which edges to follow: `.outgoing`, `.incoming` or `.both` (the default).
    ///   - kinds: Keep only neighbours of these kinds (`nil`: all).
    /// - Complexity: O(*d* log *d*) for a node of degree *d*.
    public func neighbors(of node: NodeIndex, direction: Direction = .both, kinds: Set<NodeKind>? = nil) -> [Neighbor] {
        guard view.contains(node: node) else { return [] }
        let node = node.position
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
            // A self-loop (symmetric or not) is listed by the incoming side under `.incoming`.
            if Int(entry.neighbor) == node, direction == .incoming { continue }
            result.append(Neighbor(node: NodeIndex(Int(entry.neighbor)), edge: EdgeIndex(Int(entry.edge)), direction: .outgoing))
        }
        for slot in adjacency.inRange(of: node) {
            let entry = adjacency.incoming[slot]
            guard direction != .outgoing || entry.isSymmetric, keep(entry) else { continue }
            if Int(entry.neighbor) == node, direction != .incoming { continue }
            result.append(Neighbor(node: NodeIndex(Int(entry.neighbor)), edge: EdgeIndex(Int(entry.edge)), direction: .incoming))
        }
        // Order by (neighbour id, relation id, direction); entries were collected in edge
        // order within each direction, so a stable sort on that key leaves ties in edge order.
        let ranks = graph.idRanks
        let relationRanks = graph.relationRanks
        var keys = result.map { neighbor -> UInt64 in
            UInt64(UInt32(ranks[neighbor.node.position])) << 32 | UInt64(UInt32(relationRanks[Int(storage.edgeRelations[neighbor.edge.position])])) << 1
                | (neighbor.direction == .incoming ? 0 : 1)
        }
        var positions = (0..<UInt32(result.count)).map { $0 }
        RadixSort.sort(&keys, &positions)
        result = positions.map { result[Int($0)] }
        return result
    }
}
