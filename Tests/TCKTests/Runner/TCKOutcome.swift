/// What running one scenario came to.
enum TCKOutcome: Sendable, Equatable {
    case passed
    /// The engine's answer differs from the TCK's, or it failed: why.
    case failed(String)
    /// The scenario cannot be expressed in RelGraph's model: why.
    case skipped(String)

    var isPassed: Bool { self == .passed }

    /// `PASS`, `FAIL` or `SKIP`.
    var word: String {
        switch self {
        case .passed: return "PASS"
        case .failed: return "FAIL"
        case .skipped: return "SKIP"
        }
    }

    var reason: String {
        switch self {
        case .passed: return ""
        case .failed(let reason), .skipped(let reason): return reason
        }
    }
}
