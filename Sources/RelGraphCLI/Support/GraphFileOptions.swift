import ArgumentParser
import RelGraph

/// FILE, `--from` and `--quiet`: how every command that reads one graph is told where it is.
struct GraphFileOptions: ParsableArguments {
    @Argument(help: "The graph: a document, DOT, GraphML or GEXF file, .rgpack snapshot or neo4j-csv folder (- for standard input, with --from).")
    var file: String
    @Option(name: .customLong("from"), help: "The format of FILE where its name does not say: \(ReadableFormat.names).")
    var format: ReadableFormat?
    @OptionGroup var progress: ProgressOptions

    /// Reads the graph; warnings go to stderr (see ``GraphInput/load(_:from:options:)``).
    func load() throws -> Graph {
        try GraphInput.load(file, from: format)
    }
}
