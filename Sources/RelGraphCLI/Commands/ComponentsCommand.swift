import ArgumentParser
import RelGraph

struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "List the weakly connected components, largest first.",
        discussion: "Edge direction is ignored; isolated nodes are components of one. Ties by smallest id; members by id.")

    @OptionGroup var input: GraphFileOptions
    @Option(name: .customLong("kind"), help: "Keep only nodes of this kind (repeatable).") var kinds: [String] = []
    @OptionGroup var filter: FilterOptions
    @OptionGroup var answer: AnswerOptions
    @OptionGroup var engine: EngineOptions

    func run() throws {
        try engine.delegateIfAsked()
        try CommandFailure.reporting(progress: input.progress) {
            let scope = try QueryScope(input: input, filter: filter, kinds: kinds)
            let graph = scope.graph
            let components = scope.view.weakComponents().listed(in: graph)
            let (json, lang) = (answer.json, answer.lang)
            if json {
                Console.output(QueryJSON.components(components, in: graph))
            } else if !components.isEmpty {
                var blocks: [String] = []
                for (number, nodes) in components.enumerated() {
                    var table = Table(header: ["ID", "LABEL", "KIND"])
                    for node in nodes {
                        table.append([graph.id(ofNode: node), graph.displayName(ofNode: node, in: lang), graph.kindLabel(graph.kind(ofNode: node), in: lang)])
                    }
                    blocks.append("component \(number + 1): \(nodes.count) node\(nodes.count == 1 ? "" : "s")\n" + table.rendered)
                }
                Console.output(blocks.joined(separator: "\n\n"))
            }
            if components.isEmpty {
                throw CommandFailure(json ? "" : "no node is left by the filters", code: CommandFailure.nothingFound)
            }
        }
    }
}
