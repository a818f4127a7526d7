import ArgumentParser
import RelGraph

/// `--timeout` and `--max-rows`: how much a Cypher query may do before it is stopped.
struct QueryLimitOptions: ParsableArguments {
    static let defaultTimeout = 60.0
    static let defaultMaximumRows = 10_000_000

    @Option(help: "Stop a query that runs longer than this many seconds (default 60).") var timeout: Double = defaultTimeout
    @Option(name: .customLong("max-rows"), help: "Stop a query when one clause makes more rows than this (default 10,000,000).")
    var maximumRows: Int = defaultMaximumRows

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout needs a number of seconds above 0, not \(timeout)") }
        guard maximumRows > 0 else { throw ValidationError("--max-rows needs a number of rows above 0, not \(maximumRows)") }
    }

    var limits: QueryLimits { Self.limits(timeout: timeout, maximumRows: maximumRows) }

    /// The limits of a query run without these options (`render --query`).
    static let defaults = limits(timeout: defaultTimeout, maximumRows: defaultMaximumRows)

    private static func limits(timeout: Double, maximumRows: Int) -> QueryLimits {
        QueryLimits(timeLimit: .milliseconds(Int64((timeout * 1000).rounded())), maximumRows: maximumRows)
    }
}
