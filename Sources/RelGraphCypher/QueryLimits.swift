import Foundation
import RelGraphCore

/// How much a query may do before it is stopped with a ``CypherError`` of kind `.limit`: a
/// time limit, a cap on the rows any one clause makes or a projection holds, and a flag another
/// thread may raise to cancel it.
public struct QueryLimits: Sendable {
    /// The time the query may run (parsing, planning and matching).
    public var timeLimit: Duration?
    /// The rows one clause may pass on, or one `WITH`/`RETURN` may hold.
    public var maximumRows: Int?
    public var cancellation: QueryCancellation?

    public init(timeLimit: Duration? = nil, maximumRows: Int? = nil, cancellation: QueryCancellation? = nil) {
        self.timeLimit = timeLimit
        self.maximumRows = maximumRows
        self.cancellation = cancellation
    }

    /// No limit.
    public static let none = QueryLimits()
}

/// A flag that stops a running query (from another thread) at its next check, within
/// milliseconds.
public final class QueryCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Raises the flag; the query stops at its next check.
    ///
    /// - Complexity: O(1).
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Whether `cancel()` was called.
    ///
    /// - Complexity: O(1).
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}

/// The running count against a query's ``QueryLimits``: cheap enough to call for every step
/// of matching (a decrement), it looks at the clock and the cancellation flag every few
/// thousand steps.
struct QueryBudget {
    private let deadline: ContinuousClock.Instant?
    private let limits: QueryLimits
    private var stepsUntilCheck = QueryBudget.checkInterval
    private static let checkInterval = 4096
    /// The clause running now, and for a `MATCH` how long its patterns may grow, for messages.
    var clause: (name: String, position: CypherPosition, lengths: VariableLengths) = ("query", .start, .none)

    init(_ limits: QueryLimits) {
        self.limits = limits
        deadline = limits.timeLimit.map { ContinuousClock.now + $0 }
    }

    var maximumRows: Int { limits.maximumRows ?? Int.max }

    /// One step of work.
    @inline(__always)
    mutating func step() throws(CypherError) {
        stepsUntilCheck &-= 1
        if stepsUntilCheck <= 0 { try check() }
    }

    mutating func check() throws(CypherError) {
        stepsUntilCheck = QueryBudget.checkInterval
        if let deadline, ContinuousClock.now > deadline {
            let seconds = limits.timeLimit.map { String(format: "%g", Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) } ?? "?"
            throw failure(
                .timeLimit,
                "the query ran past its time limit of \(seconds) seconds, in the \(clause.name) at line \(clause.position.line), column \(clause.position.column)"
            )
        }
        if limits.cancellation?.isCancelled == true {
            throw failure(.cancelled, "the query was cancelled, in the \(clause.name) at line \(clause.position.line), column \(clause.position.column)")
        }
    }

    /// Refuses more than the row cap for the clause at hand.
    func checkRows(_ rows: Int) throws(CypherError) {
        guard rows > maximumRows else { return }
        throw failure(
            .rowLimit, "the \(clause.name) at line \(clause.position.line), column \(clause.position.column) made more than \(maximumRows.formatted()) rows")
    }

    private func failure(_ code: CypherError.Code, _ message: String) -> CypherError {
        let advice =
            switch clause.lengths {
            case .unbounded: "; give its variable-length patterns an upper bound (such as [*..4]), make it more selective, or add LIMIT"
            case .bounded(let longest) where longest > 1:
                "; lower its variable-length patterns' upper bound (\(longest) now, such as [*..\(max(1, longest / 2))]), make it more selective, or add LIMIT"
            case .bounded, .none: "; make the query more selective or add LIMIT"
            }
        return CypherError(
            .limit, code, message + advice, line: clause.position.line, column: clause.position.column,
            subject: clause.name, phase: .runtime)
    }
}

private extension Int {
    func formatted() -> String {
        let digits = String(self)
        var result = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}
