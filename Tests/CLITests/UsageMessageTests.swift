import Foundation
import RelGraphTestSupport
import Testing

/// Usage errors that say what to do: the nearest option of all a command's options, and what
/// is wrong with an `--as-of` date.
@Suite("Usage messages")
struct UsageMessageTests {
    static let graph = RelGraphCLI.graph

    @Test("--fromat suggests --format, not --from: a swap of two letters is one edit")
    func swappedLetters() throws {
        let result = try RelGraphCLI.run("render", Self.graph, "--fromat", "svg")
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: unknown option '--fromat'; did you mean '--format'?\n"))
        #expect(result.errors.contains("see 'relgraph render --help'"))
    }

    @Test("an option of an option group is suggested too: --quite suggests --quiet")
    func optionGroups() throws {
        let result = try RelGraphCLI.run("stats", Self.graph, "--quite")
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: unknown option '--quite'; did you mean '--quiet'?"))
    }

    @Test("an inverted flag is suggested: --no-legnd suggests --no-legend")
    func invertedFlag() throws {
        let result = try RelGraphCLI.run("render", Self.graph, "--no-legnd")
        #expect(result.errors.hasPrefix("error: unknown option '--no-legnd'; did you mean '--no-legend'?"))
    }

    @Test("an option far from every other gets no suggestion")
    func noSuggestion() throws {
        let result = try RelGraphCLI.run("stats", Self.graph, "--zzzzzzzz")
        #expect(result.status == 64)
        #expect(result.errors == "error: unknown option '--zzzzzzzz'\nsee 'relgraph stats --help'\n")
    }

    @Test(
        "every long option of every command is found for suggestions",
        arguments: [
            ("render", ["--format", "--layout", "--from", "--quiet", "--as-of", "--relation", "--keep-isolated", "--no-legend"]),
            ("stats", ["--from", "--quiet", "--as-of", "--json"]),
            ("import", ["--nodes", "--relationships", "--delimiter", "--as-of", "--skip-bad-relationships"]),
        ])
    func everyOption(command: String, options: [String]) throws {
        for option in options {
            let misspelt = String(option.prefix(option.count - 1)) + "q"
            let result = try RelGraphCLI.run([command, Self.graph, misspelt])
            #expect(result.errors.contains("did you mean '\(option)'?"), "\(command) \(misspelt): \(result.errors)")
        }
    }

    @Test("--as-of 2021-02-30 says the day does not exist, as the document checker does")
    func impossibleDay() throws {
        let result = try RelGraphCLI.run("neighbors", Self.graph, "india", "--as-of", "2021-02-30")
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: --as-of '2021-02-30': day 30 does not exist in 2021-02, which has 28 days\n"))
    }

    @Test(
        "--as-of in another shape says how dates are written, in every command that takes it", arguments: ["stats", "search", "query", "render", "components"])
    func malformedDate(command: String) throws {
        var arguments = [command, Self.graph]
        if command == "search" { arguments.append("india") }
        if command == "query" { arguments.append("MATCH (n) RETURN n") }
        let result = try RelGraphCLI.run(arguments + ["--as-of", "1.1.2020"])
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: --as-of '1.1.2020': '1.1.2020' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"))
    }
}
