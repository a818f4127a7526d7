import ArgumentParser
import RelGraph

struct Paths: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "List all simple paths between two nodes, shortest first.",
        discussion: "Paths visit no node twice; ties are ordered by their node ids. Exit 1 when there are none.")

    @OptionGroup var ends: PathEnds
    @Option(help: "The most hops a path may have.") var maxHops = 4
    @Option(help: "The most paths to list (default: all).") var limit: Int?
    @OptionGroup var filter: FilterOptions
    @OptionGroup var answer: AnswerOptions

    func validate() throws {
        guard maxHops >= 0 else { throw ValidationError("--max-hops must be 0 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        try CommandFailure.reporting(progress: ends.input.progress) {
            let (scope, source, target) = try ends.resolve(with: filter, emptyAnswer: answer.json ? { QueryJSON.paths([], in: $2) } : nil)
            let graph = scope.graph
            var traversal = Traversal(scope.view)
            let paths = traversal.simplePaths(
                from: source, to: target, maxHops: maxHops, limit: limit, direction: ends.direction)
            if answer.json {
                Console.output(QueryJSON.paths(paths, in: graph))
            } else if !paths.isEmpty {
                Console.output(paths.map { PathText.render($0, in: graph, language: answer.lang) }.joined(separator: "\n\n"))
            }
            if paths.isEmpty {
                throw CommandFailure(
                    answer.json ? "" : "no path of at most \(maxHops) hops from '\(graph.id(ofNode: source))' to '\(graph.id(ofNode: target))'",
                    code: CommandFailure.nothingFound)
            }
        }
    }
}
