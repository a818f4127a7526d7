import ArgumentParser
import RelGraph

/// FILE FROM TO and `--directed`: what `path` and `paths` ask about.
struct PathEnds: ParsableArguments {
    @OptionGroup var input: GraphFileOptions
    @Argument(help: "Where the path starts (id or label).") var from: String
    @Argument(help: "Where the path ends (id or label).") var to: String
    @Flag(help: "Follow edges only in their direction.") var directed = false

    /// The direction paths may take edges in.
    var direction: Direction { directed ? .outgoing : .both }

    /// The graph under `filter`, and the two nodes resolved in it.
    func resolve(with filter: FilterOptions) throws -> (scope: QueryScope, source: NodeIndex, target: NodeIndex) {
        let scope = try QueryScope(input: input, filter: filter)
        return (scope, try scope.node(from), try scope.node(to))
    }
}
