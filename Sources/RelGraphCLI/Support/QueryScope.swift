import RelGraph

/// What every query command starts with: the graph read from FILE, the part of it the
/// filter options keep, and NODE arguments resolved in it.
struct QueryScope {
    let graph: Graph
    let view: GraphView
    let filter: FilterOptions

    /// Reads the graph `input` names and applies `filter` (and `kinds`, for commands that
    /// filter nodes by kind).
    init(input: GraphFileOptions, filter: FilterOptions, kinds: [String] = []) throws {
        graph = try input.load()
        view = graph.view(try filter.filter(for: graph, kinds: kinds))
        self.filter = filter
    }

    /// The node `name` means: unknown or ambiguous names fail with exit 65, a node the
    /// filter leaves out with exit 1 ("'x' does not exist as of 1995").
    func node(_ name: String) throws -> NodeIndex {
        let node = try GraphInput.resolve(name, in: graph)
        try filter.require(node, in: view)
        return node
    }
}
