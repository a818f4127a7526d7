/// One scenario of the TCK (one example row of a scenario outline), as its feature file
/// states it: where it comes from and its steps, in order.
struct TCKScenario: Sendable {
    /// The feature folder, such as `clauses/match`.
    var folder: String
    /// The feature file's name without `.feature`, such as `Match4`.
    var feature: String
    /// The scenario's title, such as `[3] Matching nodes using multiple labels`.
    var name: String
    /// For an outline, the example row's number among its examples (from 1).
    var example: Int?
    /// The line of the `Scenario` keyword in the feature file.
    var line: Int
    var steps: [TCKStep]

    /// How the scenario is named in the outcomes file and in messages: folder, feature, title
    /// and example, unique across the TCK.
    var key: String {
        "\(folder)/\(feature) \(name)" + (example.map { " #\($0)" } ?? "")
    }

    /// The query the scenario executes.
    var query: String? {
        for case .query(let text) in steps { return text }
        return nil
    }

    /// Whether the scenario only reads: its query uses no writing clause and calls no
    /// procedure, and it expects no side effects.
    var isReadOnly: Bool {
        guard let query else { return false }
        for step in steps {
            switch step {
            case .sideEffects, .procedure, .controlQuery: return false
            default: continue
            }
        }
        return !TCKQueryText.writes(query)
    }
}

/// A step of a scenario, as far as the runner acts on it.
enum TCKStep: Sendable {
    /// `Given an empty graph` / `Given any graph`: the runner starts from an empty graph.
    case emptyGraph
    /// `Given the binary-tree-1 graph`: a graph of the TCK's `graphs/` folder.
    case namedGraph(String)
    /// `And having executed:` a statement that builds the graph.
    case setup(String)
    /// `And parameters are:` names and values (TCK value syntax).
    case parameters([(name: String, value: String)])
    /// `And there exists a procedure ...`.
    case procedure
    /// `When executing query:`.
    case query(String)
    /// `When executing control query:` (only after writes).
    case controlQuery(String)
    /// `Then the result should be ...`: the header, the rows (cells in TCK value syntax), whether
    /// their order counts and whether lists compare ignoring the order of their elements.
    case rows(header: [String], rows: [[String]], ordered: Bool, listsUnordered: Bool)
    /// `Then the result should be empty`.
    case empty
    /// `Then a TypeError should be raised at runtime: InvalidArgumentValue`.
    case error(TCKExpectedError)
    /// `And the side effects should be:` (only for writes).
    case sideEffects
    /// `And no side effects`, and steps the runner has nothing to do for.
    case ignored
}

/// An error a scenario expects: its type (`SyntaxError`, ...), when it is raised
/// (`compile time`, `runtime` or `any time`) and its detail code (`*` for any).
struct TCKExpectedError: Sendable, Equatable {
    var type: String
    var phase: String
    var detail: String
}
