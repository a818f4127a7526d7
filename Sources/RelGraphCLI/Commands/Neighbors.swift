import ArgumentParser
import RelGraph

struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "List the nodes one edge away from NODE.",
        discussion: "Ordered by id, relation and direction. Exit 1 when there are none.",
        aliases: ["neighbours"])

    @OptionGroup var input: GraphFileOptions
    @Argument(help: "A node id or label.") var node: String
    @Option(help: "out, in or both.") var direction: Direction = .both
    @Option(name: .customLong("kind"), help: "Keep only neighbours of this kind (repeatable).") var kinds: [String] = []
    @OptionGroup var filter: FilterOptions
    @OptionGroup var answer: AnswerOptions
    @OptionGroup var engine: EngineOptions

    func run() throws {
        try engine.delegateIfAsked()
        try CommandFailure.reporting(progress: input.progress) {
            let scope = try QueryScope(input: input, filter: filter)
            let graph = scope.graph
            let start = try scope.node(node, emptyAnswer: answer.json ? { QueryJSON.neighbors([], of: $0, in: graph, language: answer.lang) } : nil)
            let neighborKinds = kinds.isEmpty ? nil : Set(try Vocabulary.kinds(kinds, in: graph))
            let neighbors = Traversal(scope.view).neighbors(of: start, direction: direction, kinds: neighborKinds)
            if answer.json {
                Console.output(QueryJSON.neighbors(neighbors, of: start, in: graph, language: answer.lang))
            } else if !neighbors.isEmpty {
                var table = Table(header: ["ID", "LABEL", "KIND", "RELATION", "DIRECTION", "DATE"])
                for neighbor in neighbors {
                    let relation = graph.relation(ofEdge: neighbor.edge)
                    table.append([
                        graph.id(ofNode: neighbor.node), graph.displayName(ofNode: neighbor.node, in: answer.lang),
                        graph.kindLabel(graph.kind(ofNode: neighbor.node), in: answer.lang), graph.relationLabel(relation, in: answer.lang),
                        neighbor.direction.rawValue, graph.timing(ofEdge: neighbor.edge).description,
                    ])
                }
                Console.output(table.rendered)
            }
            if neighbors.isEmpty {
                throw CommandFailure(answer.json ? "" : "no neighbours of '\(graph.id(ofNode: start))' match", code: CommandFailure.nothingFound)
            }
        }
    }
}
