import RelGraph

extension GraphView {
    /// The view as a graph of its own: the title and declarations, the nodes and edges the view
    /// keeps, in graph order (for `export` and `import` with `--as-of`).
    ///
    /// - Complexity: O(*n* + *m*) of the view.
    func subgraph() throws -> Graph {
        var builder = GraphBuilder(reservingNodes: nodeIndices.count, edges: edgeIndices.count)
        try builder.setTitle(graph.title)
        try builder.setGraphAttributes(graph.graphAttributes)
        for source in graph.sources { try builder.addSource(source) }
        for kind in graph.kindDeclarations { try builder.declareKind(kind) }
        for relation in graph.relationTypes { try builder.declareRelation(relation) }
        for node in nodeIndices { try builder.addNode(graph.node(at: node)) }
        for edge in edgeIndices { try builder.addEdge(graph.edge(at: edge)) }
        return try builder.build()
    }
}
