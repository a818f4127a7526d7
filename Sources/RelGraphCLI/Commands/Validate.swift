import ArgumentParser
import RelGraph

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check graph documents; print nothing when they are valid.",
        discussion: "Every problem is reported as FILE:LINE:COLUMN: error: MESSAGE. Exit 65 when a document is invalid.")

    @Argument(help: "Graph documents, DOT, GraphML or GEXF files, .rgpack snapshots or neo4j-csv folders (- for standard input, with --from).")
    var files: [String]
    @Option(name: .customLong("from"), help: "The format of the files where their names do not say: \(ReadableFormat.names).") var inputFormat: ReadableFormat?
    /// Taken as every command that reads a graph takes it (contract §2), so that one set of
    /// options serves every command; a document is valid or not as a whole, whatever the date.
    @Option(name: .customLong("as-of"), help: "Accepted as every command takes it; a document is checked whole, whatever the date.")
    var asOf: PartialDate?

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        var worst: CommandFailure?
        try CommandFailure.reporting(progress: progress) {
            for file in files {
                do {
                    _ = try GraphInput.load(file, from: inputFormat)
                } catch let failure as CommandFailure {
                    Console.error(failure.message)
                    if worst == nil || failure.code.rawValue > worst!.code.rawValue { worst = failure }
                }
            }
        }
        if let worst { throw worst.code }
    }
}
