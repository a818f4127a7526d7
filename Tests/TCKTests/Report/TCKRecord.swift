import Foundation
import RelGraphTestSupport

/// The committed record of a TCK run: the pass-count floor `make test` holds the engine to
/// (`Tests/TCKTests/floor.txt`), every scenario that does not pass with its reason
/// (`Tests/TCKTests/outcomes.txt`), and the page the README links (`docs/TCK.md`).
/// `RELGRAPH_TCK_RECORD=1` (`make tck-record`) writes all three from the run.
enum TCKRecord {
    static let floorFile = Fixtures.root.appendingPathComponent("Tests/TCKTests/floor.txt")
    static let outcomesFile = Fixtures.root.appendingPathComponent("Tests/TCKTests/outcomes.txt")
    static let page = Fixtures.root.appendingPathComponent("docs/TCK.md")
    /// The table of the first run, before the engine was extended (kept for the page).
    static let baseline = Fixtures.root.appendingPathComponent("Tests/TCKTests/baseline.md")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["RELGRAPH_TCK_RECORD"] == "1" }

    /// The committed floor, or 0 when there is none yet.
    static func floor() -> Int {
        (try? String(contentsOf: floorFile, encoding: .utf8)).flatMap { Int($0.trimmedText) } ?? 0
    }

    /// The committed outcomes of scenarios that do not pass: key → `FAIL` or `SKIP`.
    static func listed() -> [String: String] {
        guard let text = try? String(contentsOf: outcomesFile, encoding: .utf8) else { return [:] }
        var listed: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2 { listed[String(fields[1])] = String(fields[0]) }
        }
        return listed
    }

    /// One line per scenario that does not pass: `FAIL|SKIP <tab> key <tab> reason`.
    static func outcomesText(_ outcomes: [(scenario: TCKScenario, outcome: TCKOutcome)]) -> String {
        var lines = ["# TCK scenarios that do not pass (written by RELGRAPH_TCK_RECORD=1 swift test --filter TCK): outcome, scenario, reason"]
        for (scenario, outcome) in outcomes where !outcome.isPassed {
            lines.append(
                "\(outcome.word)\t\(scenario.key)\t\(outcome.reason.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ⏎ "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The page: the table, then every skip and failure by folder.
    static func pageText(_ outcomes: [(scenario: TCKScenario, outcome: TCKOutcome)]) -> String {
        var text = """
            # RelGraph and the openCypher TCK

            The read-only scenarios of the openCypher Technology Compatibility Kit, run by `swift test
            --filter TCK` (part of `make test`; see [the runner](../Tests/TCKTests)). A scenario is read-only
            when its query has no `CREATE`, `MERGE`, `SET`, `DELETE`, `REMOVE`, `FOREACH` or `CALL` and it
            expects no side effects; its set-up graph is built by the runner from its `CREATE` statements. A
            scenario is *skipped* when its set-up cannot be expressed in RelGraph's model (reason given
            below); *applicable* scenarios are the others.

            \(TCKTable(outcomes).markdown)

            A skip is a scenario whose set-up RelGraph's model cannot hold: a node property named `id` (a
            RelGraph node's id is its identifier, a text), a temporal value or a duration stored in a property
            (attributes hold texts, numbers, booleans and lists of them; a date can only be a node's or
            relationship's `date`, `start` or `end`), or an answer that differs only because every RelGraph
            node has the properties `id` and `kind` (`keys(n)`, `properties(n)`). Set-ups with several labels
            on a node, or none, are expressed (see the README, "Labels").

            ## Before issue 20

            \((try? String(contentsOf: baseline, encoding: .utf8)) ?? "(Tests/TCKTests/baseline.md is missing)")
            """
        for kind in ["SKIP", "FAIL"] {
            let matching = outcomes.filter { $0.outcome.word == kind }
            text += "\n## \(kind == "SKIP" ? "Skipped" : "Failing") scenarios (\(matching.count))\n"
            var folder = ""
            for (scenario, outcome) in matching {
                if scenario.folder != folder {
                    folder = scenario.folder
                    text += "\n### \(folder)\n\n"
                }
                text += "- `\(scenario.feature)` \(scenario.name)\(scenario.example.map { " (example \($0))" } ?? ""): \(outcome.reason)\n"
            }
        }
        return text
    }

    /// Writes the floor, the outcomes and the page.
    static func write(_ outcomes: [(scenario: TCKScenario, outcome: TCKOutcome)]) throws {
        let passed = outcomes.filter(\.outcome.isPassed).count
        try "\(passed)\n".write(to: floorFile, atomically: true, encoding: .utf8)
        try outcomesText(outcomes).write(to: outcomesFile, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try pageText(outcomes).write(to: page, atomically: true, encoding: .utf8)
    }
}
