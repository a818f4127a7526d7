extension GraphStorage {
    /// Edges that repeat an earlier edge's `from`, `to`, `relation` and timing. Edges whose
    /// endpoints are unresolved (negative) are left out.
    ///
    /// Edges are bucketed by `from` with a counting sort, then each bucket is sorted by
    /// (`to`, relation), so equal edges end up side by side: O(m log d) for degree d.
    func duplicateEdgeProblems() -> [GraphBuildError.Problem] {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for edge in 0..<edgeCount where edgeFrom[edge] >= 0 && edgeTo[edge] >= 0 {
            offsets[Int(edgeFrom[edge]) + 1] += 1
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var next = offsets
        var buckets = [Int32](repeating: 0, count: Int(offsets[nodeCount]))
        for edge in 0..<edgeCount where edgeFrom[edge] >= 0 && edgeTo[edge] >= 0 {
            let from = Int(edgeFrom[edge])
            buckets[Int(next[from])] = Int32(edge)
            next[from] += 1
        }
        var problems: [GraphBuildError.Problem] = []
        var run: [(to: Int32, relation: Int32, edge: Int32)] = []
        for node in 0..<nodeCount {
            let range = Int(offsets[node])..<Int(offsets[node + 1])
            guard range.count > 1 else { continue }
            run.removeAll(keepingCapacity: true)
            for slot in range {
                let edge = Int(buckets[slot])
                run.append((edgeTo[edge], edgeRelations[edge], Int32(edge)))
            }
            run.sort { ($0.to, $0.relation, $0.edge) < ($1.to, $1.relation, $1.edge) }
            var groupStart = 0
            for position in 1...run.count {
                if position < run.count, run[position].to == run[groupStart].to,
                   run[position].relation == run[groupStart].relation
                { continue }
                for later in (groupStart + 1)..<max(position, groupStart + 1) {
                    let edge = Int(run[later].edge)
                    guard let original = (groupStart..<later).first(where: { edgeTimings[Int(run[$0].edge)] == edgeTimings[edge] })
                    else { continue }
                    problems.append(.init(
                        element: .edge(edge),
                        error: .duplicateEdge(from: nodeIDs[node], to: nodeIDs[Int(run[later].to)], relation: relations[edgeRelations[edge]]),
                        original: .edge(Int(run[original].edge))))
                }
                groupStart = position
            }
        }
        return problems
    }
}
