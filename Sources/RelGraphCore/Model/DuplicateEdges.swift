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
        offsets: Column<Int32>, runs: Column<Adjacency.Entry>, edgeOf: (Adjacency.Entry) -> Int
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

    /// `edges` join the same two nodes in the same direction, in increasing order. Two edges
    /// that both carry an id are parallel edges, never duplicates (ids are unique already); an
    /// edge without an id repeats the first earlier equal edge, and an edge with an id repeats
    /// the first earlier equal edge that has none.
    private func reportDuplicates(among edges: [Int], into problems: inout [GraphBuildError.Problem]) {
        // Two edges (most groups): no table. The second repeats the first unless they differ
        // or both have ids, whichever of them has one.
        if edges.count == 2 {
            let first = edges[0], second = edges[1]
            guard edgeRelations[first] == edgeRelations[second], edgeTimings[first] == edgeTimings[second],
                !edgeIDs.contains(first) || !edgeIDs.contains(second)
            else { return }
            problems.append(
                .init(
                    element: .edge(second),
                    error: .duplicateEdge(from: nodeIDs[Int(edgeFrom[second])], to: nodeIDs[Int(edgeTo[second])], relation: relations[edgeRelations[second]]),
                    original: .edge(first)))
            return
        }
        struct Key: Hashable { var relation: Int32, timing: UInt64 }
        var first: [Key: Int] = [:]
        var firstAnonymous: [Key: Int] = [:]
        for edge in edges {
            let key = Key(relation: edgeRelations[edge], timing: edgeTimings[edge])
            let hasID = edgeIDs.contains(edge)
            let original = hasID ? firstAnonymous[key] : first[key]
            if first[key] == nil { first[key] = edge }
            if !hasID, firstAnonymous[key] == nil { firstAnonymous[key] = edge }
            guard let original else { continue }
            problems.append(
                .init(
                    element: .edge(edge),
                    error: .duplicateEdge(from: nodeIDs[Int(edgeFrom[edge])], to: nodeIDs[Int(edgeTo[edge])], relation: relations[edgeRelations[edge]]),
                    original: .edge(original)))
        }
    }
}

extension GraphBuilder {
    /// Gives an id to every edge without one that repeats another edge's ends, relation and
    /// dates, so importers keep parallel edges (as Neo4j, GraphML and DOT ports have them):
    /// `e<N>` for the N-th edge (from 1), with `-2`, `-3`… where that id is taken.
    /// Deterministic: the same input gives the same ids.
    /// - Complexity: O(m) for m edges.
    public mutating func nameParallelEdges() {
        nameParallelEdges(storage.duplicateEdgeProblems())
    }

    /// Names the edges of `problems` (the duplicates found) that have no id.
    mutating func nameParallelEdges(_ problems: [GraphBuildError.Problem]) {
        guard !problems.isEmpty else { return }
        var edges = Set<Int>()
        for problem in problems {
            edges.insert(problem.element.index)
            if let original = problem.original { edges.insert(original.index) }
        }
        for edge in edges.sorted() where !storage.edgeIDs.contains(edge) {
            let base = "e\(edge + 1)"
            var candidate = base, suffix = 2
            while index(ofEdge: candidate) != nil {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            setID(candidate, ofEdge: edge)
        }
    }
}
