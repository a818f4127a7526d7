import RelGraphCore

/// `shortestPath` and `allShortestPaths` between two bound nodes.
extension CypherExecutor {
    func shortestPaths(from sourceIndex: NodeIndex, to targetIndex: NodeIndex, _ constraint: RelationshipConstraint, _ direction: Direction, all: Bool)
        throws(CypherError) -> [Path]
    {
        let minimum = constraint.length?.minimum ?? 1, maximum = constraint.length?.maximum
        guard view.contains(node: sourceIndex), view.contains(node: targetIndex) else { return [] }
        if sourceIndex == targetIndex { return minimum == 0 ? [Path(nodes: [sourceIndex], edges: [])] : [] }
        if !all, constraint.properties.isEmpty {
            guard let path = withTraversal(of: constraint, { $0.shortestPath(from: sourceIndex, to: targetIndex, direction: direction) }),
                path.length >= minimum, maximum.map({ path.length <= $0 }) ?? true
            else { return [] }
            return [path]
        }
        // Breadth first from the source, remembering each node's distance; then every way
        // back from the target through nodes one step nearer.
        let (source, target) = (sourceIndex.position, targetIndex.position)
        var distance: [Int: Int] = [source: 0]
        var frontier = [source]
        var depth = 0
        while !frontier.isEmpty, distance[target] == nil {
            if let maximum, depth >= maximum { break }
            depth += 1
            var nextFrontier: [Int] = []
            for node in frontier {
                try forEachStep(from: node, direction, constraint, towards: nil, []) { neighbor, _ throws(CypherError) in
                    if distance[neighbor] == nil {
                        distance[neighbor] = depth
                        nextFrontier.append(neighbor)
                    }
                }
            }
            frontier = nextFrontier
        }
        guard let length = distance[target], length >= minimum else { return [] }
        var paths: [Path] = []
        var nodes = [targetIndex], edges: [EdgeIndex] = []
        func back(_ node: Int) throws(CypherError) {
            if node == source {
                paths.append(Path(nodes: nodes.reversed(), edges: edges.reversed()))
                return
            }
            let wanted = distance[node]! - 1
            try forEachStep(from: node, direction.reversed, constraint, towards: nil, []) { previous, edge throws(CypherError) in
                guard distance[previous] == wanted else { return }
                nodes.append(NodeIndex(previous))
                edges.append(EdgeIndex(Int(edge)))
                defer { nodes.removeLast(); edges.removeLast() }
                try back(previous)
            }
        }
        try back(target)
        paths.sort { lhs, rhs in
            for (a, b) in zip(lhs.nodes, rhs.nodes) where a != b { return graph.idRanks[a.position] < graph.idRanks[b.position] }
            return lhs.edges.lexicographicallyPrecedes(rhs.edges)
        }
        return all ? paths : Array(paths.prefix(1))
    }

    /// Runs `body` with a ``Traversal`` of the view restricted to the relations a pattern allows,
    /// made once per query and relation set.
    func withTraversal<Result>(of constraint: RelationshipConstraint, _ body: (inout Traversal) -> Result) -> Result {
        let key = constraint.allowedRelations.map { $0.map { $0 ? "1" : "0" }.joined() } ?? "*"
        var traversal =
            shortestTraversals[key]
            ?? {
                guard let allowed = constraint.allowedRelations else { return Traversal(view) }
                let names = Set(graph.storage.relations.values.enumerated().filter { allowed[$0.offset] }.map(\.element))
                var filter = view.filter
                filter.relations = filter.relations.map { $0.intersection(names) } ?? names
                return Traversal(GraphView(graph, filter: filter))
            }()
        defer { shortestTraversals[key] = traversal }
        return body(&traversal)
    }
}
