import ArgumentParser
import RelGraph

struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "List the weakly connected components, largest first.",
        discussion: "Edge direction is ignored; isolated nodes are components of one. Ties by smallest id; members by id.")

    @Argument(help: "The graph.") var file: String
    @Option(name: .customLong("kind"), help: "Keep only nodes of this kind (repeatable).") var kinds: [String] = []
    @OptionGroup var filter: FilterOptions
    @Option(help: "Language of labels.") var lang = "en"
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try CommandFailure.reporting {
            let graph = try GraphInput.load(file)
            let components = graph.view(filter.filter(kinds: kinds)).weakComponents().listed(in: graph)
            if json {
                Console.output(QueryJSON.components(components, in: graph))
            } else if !components.isEmpty {
                var blocks: [String] = []
                for (number, nodes) in components.enumerated() {
                    var table = Table(header: ["ID", "LABEL", "KIND"])
                    for node in nodes {
                        table.append([graph.id(ofNode: node), graph.displayName(ofNode: node, in: lang), graph.kind(ofNode: node).rawValue])
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
