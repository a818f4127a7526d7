import ArgumentParser
import RelGraph

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count nodes, edges, kinds, relations and weakly connected components.")

    @OptionGroup var input: GraphFileOptions
    @OptionGroup var time: AsOfOptions
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var engine: EngineOptions

    func run() throws {
        try engine.delegateIfAsked()
        try CommandFailure.reporting(progress: input.progress) {
            let graph = try input.load()
            let statistics = time.view(of: graph).statistics()
            if json {
                Console.output(QueryJSON.statistics(statistics))
                return
            }
            var lines = [
                "nodes       \(statistics.nodes)",
                "edges       \(statistics.edges)",
                "components  \(statistics.components)",
                "",
            ]
            var kinds = Table(header: ["KIND", "NODES"])
            for (kind, count) in statistics.kinds { kinds.append([kind.rawValue, String(count)]) }
            var relations = Table(header: ["RELATION", "EDGES"])
            for (relation, count) in statistics.relations { relations.append([relation, String(count)]) }
            lines += [kinds.rendered, "", relations.rendered]
            Console.output(lines.joined(separator: "\n"))
        }
    }
}
