extension GraphView {
    /// This view without the nodes its filter left stranded: nodes that have edges in the
    /// graph but none in the view (`render --relation signed` draws the signatories and what
    /// they signed, not every other node in a column). Nodes without any edge in the graph
    /// stay: the filter did not isolate them, and so do the nodes in `keeping` (a drawing's
    /// focus). A view that filters nothing is returned as is.
    ///
    /// - Complexity: O(n + m).
    public func droppingNodesIsolatedByFilter(keeping: Set<NodeIndex> = []) -> GraphView {
        guard !filter.keepsEverything else { return self }
        let kept = nodeIndices.filter { node in
            guard graph.adjacencyDegree(of: node) > 0, !keeping.contains(node) else { return true }
            var hasEdge = false
            forEachStep(from: node.position, .both) { _, _ in hasEdge = true }
            return hasEdge
        }
        return restricted(to: kept)
    }
}
