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

    /// The graph under `filter`, and the two nodes resolved in it; when the filter leaves one
    /// out, `emptyAnswer` of the two, if given, is printed before the failure.
    func resolve(
        with filter: FilterOptions, emptyAnswer: ((_ source: NodeIndex, _ target: NodeIndex, _ graph: Graph) -> JSONValue)? = nil
    ) throws -> (scope: QueryScope, source: NodeIndex, target: NodeIndex) {
        let scope = try QueryScope(input: input, filter: filter)
        let ends = try scope.nodes([from, to], emptyAnswer: emptyAnswer.map { answer in { answer($0[0], $0[1], scope.graph) } })
        return (scope, ends[0], ends[1])
    }
}
