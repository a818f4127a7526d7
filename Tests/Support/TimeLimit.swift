import Foundation

/// Time limits in tests that check that work is bounded (no hang, no blow-up). Sanitized builds
/// (`.ci/run`'s AddressSanitizer and ThreadSanitizer passes) run several times slower, so CI sets
/// `RELGRAPH_TEST_TIME_SCALE` there; everywhere else the limits hold as written.
public enum TimeLimit {
    /// How much more time a sanitized build is given (1 when unset).
    public static let scale: Int = {
        guard let text = ProcessInfo.processInfo.environment["RELGRAPH_TEST_TIME_SCALE"], let value = Int(text), value >= 1 else { return 1 }
        return value
    }()

    /// `limit`, stretched for a sanitized build.
    public static func scaled(_ limit: Duration) -> Duration { limit * scale }
}
