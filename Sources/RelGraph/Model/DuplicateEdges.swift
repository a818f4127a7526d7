extension GraphStorage {
    /// Edges that repeat an earlier edge's `from`, `to`, `relation` and timing, found in
    /// `adjacency`'s outgoing runs: each run is ordered by `to` and then by edge, so the edges
    /// between two nodes sit side by side and the first of equal edges comes first. O(m).
    func duplicateEdgeProblems(in adjacency: Adjacency) -> [GraphBuildError.Problem] {
        duplicateEdgeProblems(offsets: adjacency.outOffsets, runs: adjacency.outgoing) { Int($0.edge) }
    }

    /// The same check while some endpoints are unresolved (negative): those edges are left out.
    func duplicateEdgeProblems() -> [GraphBuildError.Problem] {
        let resolved = (0..<edgeCount).filter { edgeFrom[$0] >= 0 && edgeTo[$0] >= 0 }
        let (offsets, runs) = Adjacency.outgoingRuns(
            nodeCount: nodeCount, from: resolved.map { edgeFrom[$0] }, to: resolved.map { edgeTo[$0] })
        return duplicateEdgeProblems(offsets: offsets, runs: runs) { resolved[Int($0.edge)] }
    }

    private func duplicateEdgeProblems(
        offsets: [Int32], runs: [Adjacency.Entry], edgeOf: (Adjacency.Entry) -> Int
    ) -> [GraphBuildError.Problem] {
        var problems: [GraphBuildError.Problem] = []
        for node in 0..<nodeCount {
            var slot = Int(offsets[node])
            let end = Int(offsets[node + 1])
            while slot < end {
                // The edges from `node` to one neighbour: almost always a single one.
                var groupEnd = slot + 1
                while groupEnd < end, runs[groupEnd].neighbor == runs[slot].neighbor { groupEnd += 1 }
                if groupEnd - slot > 1 {
                    reportDuplicates(among: runs[slot..<groupEnd].map(edgeOf), into: &problems)
                }
                slot = groupEnd
            }
        }
        return problems.sorted { $0.element.order < $1.element.order }
    }

    /// `edges` join the same two nodes in the same direction, in increasing order.
    private func reportDuplicates(among edges: [Int], into problems: inout [GraphBuildError.Problem]) {
        struct Key: Hashable { var relation: Int32, timing: Timing }
        var first: [Key: Int] = [:]
        for edge in edges {
            let key = Key(relation: edgeRelations[edge], timing: edgeTimings[edge])
            guard let original = first[key] else {
                first[key] = edge
                continue
            }
            problems.append(.init(
                element: .edge(edge),
                error: .duplicateEdge(from: nodeIDs[Int(edgeFrom[edge])], to: nodeIDs[Int(edgeTo[edge])], relation: relations[edgeRelations[edge]]),
                original: .edge(original)))
        }
    }
}
