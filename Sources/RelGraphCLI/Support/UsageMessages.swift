import ArgumentParser
import RelGraph

/// Clearer words for two of the argument parser's usage errors (exit 64):
/// - an unknown option gets the nearest of all the command's options by edit distance, a swap of
///   two letters counting as one edit (`--fromat` → `--format`, where the parser's own distance
///   ties it with `--from` and names the first declared);
/// - an invalid `--as-of` date says what is wrong with it, as the document checker does
///   ("day 30 does not exist in 2021-02, which has 28 days"), where the parser says only "invalid".
enum UsageMessages {
    /// The message to print instead of the parser's `message`, if there is a better one.
    ///
    /// - Complexity: O(options of the command) edit distances for an unknown option.
    static func rewritten(_ message: String, arguments: [String]) -> String? {
        let command = subcommand(in: arguments)
        let seeHelp = "see 'relgraph\(command.map { " " + $0._commandName } ?? "") --help'"
        if let option = quoted(after: "Unknown option '", in: message), option.hasPrefix("--") {
            let names = command.map(longOptions(of:)) ?? []
            let suggestion = NearestName(candidates: names.map { String($0.dropFirst(2)) }).nearest(to: String(option.dropFirst(2)))
            return "error: unknown option '\(TerminalText.safe(option))'" + (suggestion.map { "; did you mean '--\($0)'?" } ?? "") + "\n" + seeHelp
        }
        if message.contains("is invalid for '--as-of"), let value = quoted(after: "The value '", in: message) {
            let reason: String
            do throws(DateError) {
                _ = try PartialDate(parsing: value)
                return nil
            } catch {
                reason = error.description
            }
            return "error: --as-of '\(TerminalText.safe(value))': \(reason)\n" + seeHelp
        }
        return nil
    }

    /// The command the arguments run: the first argument that names one.
    static func subcommand(in arguments: [String]) -> ParsableCommand.Type? {
        guard let first = arguments.first else { return nil }
        return RelGraphCommand.configuration.subcommands.first { $0._commandName == first || $0.configuration.aliases.contains(first) }
    }

    /// Every long option of `command` (its own and its option groups', hidden ones too), as
    /// its help lists them: `--format`, `--legend`, `--no-legend`, ….
    static func longOptions(of command: ParsableCommand.Type) -> [String] {
        let help = RelGraphCommand.helpMessage(for: command, includeHidden: true, columns: 10_000)
        var names: [String] = []
        for line in help.split(separator: "\n") where line.hasPrefix("  -") {
            // The names come first, then two spaces or more, then the help text.
            let declaration = line.dropFirst(2).components(separatedBy: "  ").first ?? ""
            for token in declaration.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" || $0 == "=" }) where token.hasPrefix("--") {
                let name = String(token)
                if name.count > 2, !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// The text between `prefix` and the next `'` in `message`.
    private static func quoted(after prefix: String, in message: String) -> String? {
        guard let start = message.range(of: prefix)?.upperBound, let end = message[start...].firstIndex(of: "'") else { return nil }
        return String(message[start..<end])
    }
}
