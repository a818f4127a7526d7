import Foundation
import ArgumentParser
import RelGraph

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph in another format: DOT, JSON, YAML, GraphML, GEXF, Cypher, Neo4j bulk CSV or an rgpack snapshot.",
        discussion: """
            The format follows --to, else the extension of -o. neo4j-csv writes a folder (nodes.csv, \
            relationships.csv, declarations.json) and needs -o; so do jsonl and parquet (nodes/ and edges/ in \
            part files, graph.json: tables for Spark, DuckDB and pandas; parquet is written by relgraph-spark's \
            converter, installed by scripts/setup). rgpack is a binary snapshot that every \
            command opens in a fraction of the time (docs/rgpack.md); it is not written to a terminal. \
            Files are written whole or not at all.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, json, yaml, graphml, gexf, cypher, neo4jCSV = "neo4j-csv", rgpack, jsonl, parquet
    }

    @OptionGroup var input: GraphFileOptions
    @Option(help: "dot, json, yaml, graphml, gexf, cypher, neo4j-csv, rgpack, jsonl or parquet.") var to: Format?
    @Option(name: .shortAndLong, help: "Where to write (- for standard output).") var output: String?
    @Option(help: "Language of displayed labels (DOT, GraphML, CSV).") var lang = "en"
    @Option(help: "With --to cypher: the server the script is for, neo4j (constraints), falkordb (indexes) or kuzu (table declarations).")
    var dialect: CypherDialect?

    func run() throws {
        try CommandFailure.reporting(progress: input.progress) {
            let format = try resolvedFormat()
            if dialect != nil, format != .cypher {
                throw CommandFailure("error: --dialect applies to --to cypher", code: CommandFailure.usage)
            }
            if format == .rgpack, Output.path(output) == nil, isatty(STDOUT_FILENO) != 0 {
                throw CommandFailure("error: an rgpack snapshot is binary and is not written to a terminal; name a file with -o FILE.rgpack, or pipe standard output", code: CommandFailure.usage)
            }
            let graph = try input.load()
            switch format {
            case .rgpack:
                try Output.write(to: output) { file in SnapshotWriter().write(graph, to: file) }
            case .neo4jCSV:
                guard let folder = Output.path(output) else {
                    throw CommandFailure("error: neo4j-csv writes a folder; name it with -o", code: CommandFailure.usage)
                }
                for name in Neo4jCSV.listsHoldingArrayDelimiter(in: graph) {
                    Console.error("warning: list attribute '\(name)' has strings holding ';', Neo4j's array delimiter: they read back split there; GraphML, DOT and documents keep them whole")
                }
                try ProgressLine.tracking("writing \(folder)") {
                    do throws(OutputError) {
                        try Neo4jCSV.write(graph, toFolder: folder, language: lang)
                    } catch {
                        throw CommandFailure(error)
                    }
                }
            case .jsonl, .parquet:
                guard let folder = Output.path(output) else {
                    throw CommandFailure("error: \(format.rawValue) writes a folder (nodes/, edges/, graph.json); name it with -o", code: CommandFailure.usage)
                }
                try ProgressLine.tracking("writing \(folder)") {
                    try EngineTablesExport(folder: folder, language: lang).write(graph, parquet: format == .parquet)
                }
            case .dot:
                try Output.write(to: output) { sink in DOTWriter(language: lang).write(graph, to: &sink) }
            case .graphml:
                try Output.write(to: output) { sink in GraphMLWriter(language: lang).write(graph, to: &sink) }
            case .gexf:
                try Output.write(to: output) { sink in GEXFWriter(language: lang).write(graph, to: &sink) }
            case .cypher:
                try Output.write(to: output) { sink in CypherWriter(language: lang, dialect: dialect ?? .neo4j).write(graph, to: &sink) }
            case .json, .yaml:
                try Output.write(to: output) { sink in
                    DocumentWriter(syntax: format == .json ? .json : .yaml).write(graph, to: &sink)
                }
            }
        }
    }

    private func resolvedFormat() throws -> Format {
        if let to { return to }
        switch Output.fileExtension(output) {
        case "dot"?, "gv"?: return .dot
        case "json"?: return .json
        case "yaml"?, "yml"?: return .yaml
        case "graphml"?: return .graphml
        case "gexf"?: return .gexf
        case "cypher"?, "cql"?: return .cypher
        case "rgpack"?: return .rgpack
        default:
            throw CommandFailure("error: name the format with --to dot, json, yaml, graphml, gexf, cypher, neo4j-csv, rgpack, jsonl or parquet", code: CommandFailure.usage)
        }
    }
}

extension CypherDialect: ExpressibleByArgument {}
