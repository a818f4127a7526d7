import ArgumentParser
import Foundation
import RelGraph

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph in another format: DOT, JSON, YAML, GraphML, GEXF, Cypher, Neo4j bulk CSV or an rgpack snapshot.",
        discussion: """
            The format follows --to, else the extension of -o. neo4j-csv writes a folder (nodes.csv, \
            relationships.csv, declarations.json) and needs -o; so do jsonl and parquet (nodes/ and edges/ in \
            part files, graph.json: tables for Spark, DuckDB and pandas; parquet is written by relgraph-spark's \
            converter, installed by scripts/setup). --dialect picks what a Cypher script declares first: \
            constraints (neo4j), indexes (falkordb) or tables (kuzu). rgpack is a binary snapshot that every \
            command opens in a fraction of the time (docs/rgpack.md); it is not written to a terminal. \
            Files are written whole or not at all.
            """)

    @OptionGroup var input: GraphFileOptions
    @Option(help: "\(WritableFormat.names).") var to: WritableFormat?
    @Option(name: .shortAndLong, help: "Where to write (- for standard output).") var output: String?
    @Option(help: "Language of displayed labels (DOT, GraphML, CSV).") var lang = "en"
    @OptionGroup var time: AsOfOptions
    @Option(help: "With --to cypher: the server the script is for, neo4j (constraints), falkordb (indexes) or kuzu (table declarations).")
    var dialect: CypherDialect?

    func run() throws {
        try CommandFailure.reporting(progress: input.progress) {
            let format = try resolvedFormat()
            if format.isBinary, Output.path(output) == nil, isatty(STDOUT_FILENO) != 0 {
                let name = format.fileExtensions.first ?? format.name
                throw CommandFailure(
                    "error: \(format.name) is binary and is not written to a terminal; name a file with -o FILE.\(name), or pipe standard output",
                    code: CommandFailure.usage)
            }
            if dialect != nil, format.name != GraphFormat.cypher.name {
                throw CommandFailure("error: --dialect applies to --to cypher", code: CommandFailure.usage)
            }
            if format.name == GraphFormat.parquet.name, SparkEngine.locate() == nil {
                throw CommandFailure(
                    SparkEngine.missingMessage.replacingOccurrences(of: "--engine spark needs", with: "--to parquet needs"),
                    code: ExitCode(SparkEngine.unavailable))
            }
            let graph = try time.graph(input.load())
            let options = WriteOptions(language: lang, dialect: dialect?.rawValue)
            var warnings: [Diagnostic] = []
            switch format.writer {
            case .file(let write)?:
                try Output.write(to: output) { file in warnings = write(graph, options, &file) }
            case .folder(let write)?:
                guard let folder = Output.path(output) else {
                    throw CommandFailure("error: \(format.name) writes a folder; name it with -o", code: CommandFailure.usage)
                }
                try ProgressLine.tracking("writing \(folder)") {
                    do throws(OutputError) {
                        warnings = try write(graph, options, folder)
                    } catch {
                        throw CommandFailure(error)
                    }
                }
            case nil:
                preconditionFailure("--to takes only formats with a writer")
            }
            for warning in warnings { Console.error(Phrasing.diagnostic(warning)) }
        }
    }

    /// `--to`, else the format `-o`'s extension names.
    private func resolvedFormat() throws -> GraphFormat {
        if let to { return to.format }
        let formats = GraphFormats.relgraph
        if let fileExtension = Output.fileExtension(output), let named = formats.format(forExtension: fileExtension, among: formats.writable) {
            return named
        }
        throw CommandFailure("error: name the format with --to \(WritableFormat.names)", code: CommandFailure.usage)
    }
}

extension CypherDialect: ExpressibleByArgument {}
