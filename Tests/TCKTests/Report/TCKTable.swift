/// The pass, fail and skip counts of a TCK run, per feature folder and in total, as a Markdown
/// table.
struct TCKTable {
    struct Counts {
        var passed = 0, failed = 0, skipped = 0
        var total: Int { passed + failed + skipped }
        /// The scenarios the model can express.
        var applicable: Int { passed + failed }

        mutating func add(_ outcome: TCKOutcome) {
            switch outcome {
            case .passed: passed += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            }
        }
    }

    private(set) var folders: [(name: String, counts: Counts)] = []
    private(set) var total = Counts()

    init(_ outcomes: [(scenario: TCKScenario, outcome: TCKOutcome)]) {
        var byFolder: [String: Counts] = [:]
        for (scenario, outcome) in outcomes {
            byFolder[scenario.folder, default: Counts()].add(outcome)
            total.add(outcome)
        }
        folders = byFolder.keys.sorted().map { ($0, byFolder[$0]!) }
    }

    private static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    /// The table: one row per folder, then the total.
    var markdown: String {
        var lines = [
            "| feature folder | read-only scenarios | pass | fail | skip | pass / all | pass / applicable |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        func row(_ name: String, _ counts: Counts) -> String {
            "| \(name) | \(counts.total) | \(counts.passed) | \(counts.failed) | \(counts.skipped) | "
                + "\(Self.percent(counts.passed, counts.total)) | \(Self.percent(counts.passed, counts.applicable)) |"
        }
        for (name, counts) in folders { lines.append(row(name, counts)) }
        lines.append(row("**total**", total))
        return lines.joined(separator: "\n")
    }
}
