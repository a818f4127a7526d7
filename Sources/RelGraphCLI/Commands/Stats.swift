import ArgumentParser
import RelGraph

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count nodes, edges, kinds, relations and weakly connected components.")

    @Argument(help: "The graph (- for standard input, with --from).") var file: String
    @Option(name: .customLong("from"), help: "The format of FILE where its name does not say: yaml, json, dot, graphml, neo4j-csv or rgpack.") var inputFormat: GraphInput.Format?
    @Flag(help: "Print JSON.") var json = false

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try CommandFailure.reporting(progress: progress) {
            let graph = try GraphInput.load(file, from: inputFormat)
            let statistics = GraphView(graph).statistics()
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
