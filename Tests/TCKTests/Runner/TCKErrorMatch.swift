import RelGraph

/// Compares the error a query raised with the one a scenario expects: the TCK's error type
/// (`SyntaxError`, `TypeError`, ...), its phase (compile time or runtime) and its detail code.
enum TCKErrorMatch {
    /// The TCK's name for the kind of an error.
    static func typeName(_ kind: CypherError.Kind) -> String {
        switch kind {
        case .syntax: return "SyntaxError"
        case .write: return "SyntaxError"
        case .semantic: return "SemanticError"
        case .type: return "TypeError"
        case .argument: return "ArgumentError"
        case .missingParameter: return "ParameterMissing"
        case .limit: return "QueryLimit"
        }
    }

    static func phaseName(_ phase: CypherError.Phase) -> String {
        phase == .compile ? "compile time" : "runtime"
    }

    static func compare(_ expected: TCKExpectedError, _ error: CypherError, query: String) -> TCKOutcome {
        let type = typeName(error.kind), phase = phaseName(error.phase), detail = error.code.rawValue
        let typeMatches = type == expected.type
        let phaseMatches = expected.phase == "any time" || expected.phase == phase
        let detailMatches = expected.detail == "*" || expected.detail == detail
        if typeMatches, phaseMatches, detailMatches { return .passed }
        return .failed(
            "expected \(expected.type) \(expected.detail) at \(expected.phase), got \(type) \(detail) at \(phase): "
                + error.report(for: query).replacingOccurrences(of: "\n", with: " ⏎ "))
    }
}
