import ArgumentParser
import RelGraph

/// Runs a query for a command: warnings to stderr; errors located in the query, with what to
/// do on the command line, and the contract's exit codes (64 for a query that writes, 1 when
/// the query ran out of its time or rows, 65 for any other invalid query).
enum CypherRunner {
    static func run(
        _ cypher: String, on view: GraphView, parameters: [String: CypherValue] = [:], language: String,
        limits: QueryLimits
    ) throws -> CypherResult {
        do {
            let result = try view.query(cypher, parameters: parameters, language: language, limits: limits)
            for warning in result.warnings { Console.error(warning.report(for: cypher)) }
            return result
        } catch {
            throw CommandFailure(message(for: error, in: cypher), code: code(for: error))
        }
    }

    static func code(for error: CypherError) -> ExitCode {
        switch error.kind {
        case .write: return CommandFailure.usage
        case .limit: return CommandFailure.nothingFound
        default: return CommandFailure.invalidInput
        }
    }

    /// The located report, with the command-line option that helps where there is one.
    static func message(for error: CypherError, in cypher: String) -> String {
        let report = error.report(for: cypher)
        guard let remedy = error.remedy else { return report }
        let advice = remedy == .giveTheParameter ? "pass it with --param \(error.subject ?? "NAME")=VALUE" : Phrasing.remedy(remedy)
        return report + "\nnote: " + advice
    }
}
