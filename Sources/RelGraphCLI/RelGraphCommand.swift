import ArgumentParser
import Foundation
import RelGraph

@main
struct RelGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relgraph",
        abstract: "Map who is tied to what: query, draw and convert relationship graphs.",
        discussion: """
            FILE is a graph document (.yaml, .yml, .json), a DOT file (.dot, .gv), a GraphML file (.graphml), a GEXF file (.gexf), \
            a snapshot (.rgpack) or a neo4j-csv folder; --from names the format where the name does not, \
            and - reads standard input (with --from).
            NODE is a node id, or a label in any language (exact, ignoring case).

            Exit codes: 0 success, 1 nothing found, 64 usage error (also an unknown --kind or --relation), \
            65 invalid document or unknown/ambiguous NODE, 66 input missing or unreadable, 70 Graphviz failure, \
            73 output cannot be created, 74 output cannot be written (disk full, I/O error). \
            A pipe closed by its reader ends the program quietly.
            """,
        version: "0.1.0",
        subcommands: [
            Validate.self, Stats.self, Neighbors.self, PathCommand.self, Paths.self, Reach.self,
            Render.self, Export.self, Import.self, Search.self, ComponentsCommand.self, QueryCommand.self, Serve.self,
        ])

    /// Runs the command line: unfinished output files are removed on Ctrl-C or SIGTERM,
    /// a misspelt command gets a suggestion, and every message starts with `error:`.
    static func main() {
        UnfinishedFiles.removeAllOnTermination()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownCommandMessage(first) {
            Console.error(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(Import.neo4jAdminForms(arguments))
            try TemporaryFiles.$watcher.withValue(UnfinishedFiles()) { try command.run() }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code != .success, let better = UsageMessages.rewritten(message, arguments: arguments) {
                Console.error(better)
                Foundation.exit(code.rawValue)
            }
            if code == .success {
                Console.output(message)
            } else if !message.isEmpty {
                Console.error(message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message)
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// "error: unknown command 'stat'; did you mean 'stats'?" for a first argument that is
    /// neither an option nor a command.
    static func unknownCommandMessage(_ argument: String) -> String? {
        guard !argument.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]
        guard !names.contains(argument) else { return nil }
        let suggestion = NearestName(candidates: names).nearest(to: argument)
        return "error: unknown command '\(TerminalText.safe(argument))'"
            + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the commands are \(names.joined(separator: ", "))")
            + "\nsee 'relgraph --help'"
    }
}
