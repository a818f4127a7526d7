import ArgumentParser
import RelGraph

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask a read-only openCypher question.",
        discussion: """
            A node's label is its kind; its properties are id, kind, type, label (in --lang), date, start, end,
            source and its attributes. A relationship's type is its relation. Symmetric relations match both ways.
            Example: relgraph query Graphs/india-russia.yaml "MATCH (a:actor)-[:signed]->(t:treaty) RETURN a, t"
            Exit 1 when no row is returned or the query runs past --timeout or --max-rows, 64 for a query that
            writes, 65 for an invalid query.
            """)

    @OptionGroup var input: GraphFileOptions
    @Argument(help: "The query.") var cypher: String
    @Option(name: .customLong("param"), help: "A parameter NAME=VALUE for $NAME (repeatable).") var parameters: [String] = []
    @Option(name: .customLong("as-of"), help: "Keep only what exists at this date (YYYY, YYYY-MM or YYYY-MM-DD).") var asOf: PartialDate?
    @OptionGroup var limits: QueryLimitOptions
    @OptionGroup var answer: AnswerOptions

    func run() throws {
        try CommandFailure.reporting(progress: input.progress) {
            var values: [String: CypherValue] = [:]
            for parameter in parameters {
                guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                    throw CommandFailure("error: --param needs NAME=VALUE, not '\(parameter)'", code: CommandFailure.usage)
                }
                values[String(parameter[..<equals])] = CypherValue(parameterText: String(parameter[parameter.index(after: equals)...]))
            }
            let graph = try input.load()
            let (json, lang) = (answer.json, answer.lang)
            let result = try CypherRunner.run(
                cypher, on: graph.view(GraphFilter(asOf: asOf)), parameters: values, language: lang,
                limits: limits.limits)
            if json {
                Console.output(result.json(language: lang))
            } else if !result.rows.isEmpty {
                var table = Table(header: result.columns)
                for row in result.rows { table.append(row.map { result.text($0, language: lang) }) }
                Console.output(table.rendered)
            }
            if result.rows.isEmpty {
                throw CommandFailure(json ? "" : "no rows", code: CommandFailure.nothingFound)
            }
        }
    }
}
