import ArgumentParser
import RelGraph

struct Reach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "List every node within K hops of NODE, nearest first.")

    @OptionGroup var input: GraphFileOptions
    @Argument(help: "A node id or label.") var node: String
    @Option(help: "The most hops away (K).") var depth = 2
    @Option(help: "out, in or both.") var direction: Direction = .both
    @OptionGroup var filter: FilterOptions
    @OptionGroup var answer: AnswerOptions
    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    }

    func run() throws {
        try engine.delegateIfAsked()
        try CommandFailure.reporting(progress: input.progress) {
            let scope = try QueryScope(input: input, filter: filter)
            let graph = scope.graph
            let start = try scope.node(node, emptyAnswer: answer.json ? { QueryJSON.reach([], from: $0, depth: depth, in: graph, language: answer.lang) } : nil)
            var traversal = Traversal(scope.view)
            let reached = traversal.reach(from: start, depth: depth, direction: direction)
            if answer.json {
                Console.output(QueryJSON.reach(reached, from: start, depth: depth, in: graph, language: answer.lang))
                return
            }
            var table = Table(header: ["DISTANCE", "ID", "LABEL", "KIND"])
            for entry in reached {
                table.append([
                    String(entry.distance), graph.id(ofNode: entry.node), graph.displayName(ofNode: entry.node, in: answer.lang),
                    graph.kindLabel(graph.kind(ofNode: entry.node), in: answer.lang),
                ])
            }
            Console.output(table.rendered)
        }
    }
}
