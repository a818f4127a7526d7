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
    /// filter leaves out with exit 1 ("'x' does not exist as of 1995"), after printing
    /// `emptyAnswer` for it, if given (with `--json` a query prints its object even then).
    func node(_ name: String, emptyAnswer: ((NodeIndex) -> JSONValue)? = nil) throws -> NodeIndex {
        try nodes([name], emptyAnswer: emptyAnswer.map { answer in { answer($0[0]) } })[0]
    }

    /// The nodes `names` mean, as ``node(_:emptyAnswer:)`` does for one: all of them are
    /// resolved before any is checked against the filter.
    func nodes(_ names: [String], emptyAnswer: (([NodeIndex]) -> JSONValue)? = nil) throws -> [NodeIndex] {
        let nodes = try names.map { try GraphInput.resolve($0, in: graph) }
        do {
            for node in nodes { try filter.require(node, in: view) }
        } catch {
            if let emptyAnswer { Console.output(emptyAnswer(nodes)) }
            throw error
        }
        return nodes
    }
}
