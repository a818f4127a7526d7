import ArgumentParser
import RelGraph

struct Paths: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List all simple paths between two nodes, shortest first.",
        discussion: "Paths visit no node twice; ties are ordered by their node ids. Exit 1 when there are none.")

    @Argument(help: "The graph.") var file: String
    @Argument(help: "Where the paths start (id or label).") var from: String
    @Argument(help: "Where the paths end (id or label).") var to: String
    @Option(help: "The most hops a path may have.") var maxHops = 4
    @Option(help: "The most paths to list (default: all).") var limit: Int?
    @Flag(help: "Follow edges only in their direction.") var directed = false
    @OptionGroup var filter: FilterOptions
    @Option(help: "Language of labels.") var lang = "en"
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard maxHops >= 0 else { throw ValidationError("--max-hops must be 0 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        try CommandFailure.reporting {
            let scope = try QueryScope(file: file, filter: filter)
            let graph = scope.graph
            let source = try scope.node(from)
            let target = try scope.node(to)
            var traversal = Traversal(scope.view)
            let paths = traversal.simplePaths(
                from: source, to: target, maxHops: maxHops, limit: limit, direction: directed ? .outgoing : .both)
            if json {
                Console.output(QueryJSON.paths(paths, in: graph))
            } else if !paths.isEmpty {
                Console.output(paths.map { PathText.render($0, in: graph, language: lang) }.joined(separator: "\n\n"))
            }
            if paths.isEmpty {
                throw CommandFailure(
                    json ? "" : "no path of at most \(maxHops) hops from '\(graph.id(ofNode: source))' to '\(graph.id(ofNode: target))'",
                    code: CommandFailure.nothingFound)
            }
        }
    }
}
