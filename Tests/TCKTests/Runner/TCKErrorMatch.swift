import RelGraph

/// Compares the error a query raised with the one a scenario expects: the TCK's error type
/// (`SyntaxError`, `TypeError`, ...), its phase (compile time or runtime) and its detail code.
enum TCKErrorMatch {
    static func compare(_ expected: TCKExpectedError, _ error: CypherError, query: String) -> TCKOutcome {
        .failed("expected \(expected.type) \(expected.detail) at \(expected.phase); RelGraph's errors carry no TCK code: "
            + error.report(for: query).replacingOccurrences(of: "\n", with: " ⏎ "))
    }
}
