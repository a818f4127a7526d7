import RelGraphCore

/// Durations added, negated, multiplied and divided, and built from fractional amounts: a
/// fraction of a month becomes days at 30.436875 days a month (a 400-year cycle's average),
/// a fraction of a day seconds, a fraction of a second nanoseconds, as Neo4j does.
enum DurationArithmetic {
    static let nanosecondsPerMonth = 2_629_746.0 * 1e9
    static let nanosecondsPerDay = 86_400.0 * 1e9

    static func combine(_ a: CypherDuration, _ b: CypherDuration, at position: CypherPosition) throws(CypherError) -> CypherDuration {
        func sum(_ x: Int, _ y: Int) throws(CypherError) -> Int {
            let (value, overflow) = x.addingReportingOverflow(y)
            guard !overflow else { throw outOfRange(position) }
            return value
        }
        return CypherDuration(
            months: try sum(a.months, b.months), days: try sum(a.days, b.days),
            seconds: try sum(a.seconds, b.seconds), nanoseconds: a.nanoseconds + b.nanoseconds)
    }

    static func scale(_ duration: CypherDuration, by factor: Double, dividing: Bool, at position: CypherPosition) throws(CypherError) -> CypherDuration {
        if !dividing, factor == factor.rounded(), abs(factor) < 9e15 {
            let whole = Int(factor)
            func product(_ x: Int) throws(CypherError) -> Int {
                let (value, overflow) = x.multipliedReportingOverflow(by: whole)
                guard !overflow else { throw outOfRange(position) }
                return value
            }
            return CypherDuration(
                months: try product(duration.months), days: try product(duration.days),
                seconds: try product(duration.seconds), nanoseconds: try product(duration.nanoseconds))
        }
        if dividing, factor == 0 {
            throw CypherError(
                .argument, .invalidArgumentValue, "a duration cannot be divided by zero", line: position.line, column: position.column, phase: .runtime)
        }
        let f = dividing ? 1 / factor : factor
        return try approximate(
            months: Double(duration.months) * f, days: Double(duration.days) * f,
            seconds: Double(duration.seconds) * f, nanoseconds: Double(duration.nanoseconds) * f, at: position)
    }

    /// A duration from fractional amounts, each fraction carried down to the next unit.
    static func approximate(months: Double, days: Double, seconds: Double, nanoseconds: Double, at position: CypherPosition) throws(CypherError)
        -> CypherDuration
    {
        guard months.isFinite, days.isFinite, seconds.isFinite, nanoseconds.isFinite else { throw outOfRange(position) }
        let wholeMonths = months.rounded(.towardZero)
        var days = days + (months - wholeMonths) * nanosecondsPerMonth / nanosecondsPerDay
        let wholeDays = days.rounded(.towardZero)
        var seconds = seconds + (days - wholeDays) * 86_400
        days = wholeDays
        let wholeSeconds = seconds.rounded(.towardZero)
        let nanoseconds = (nanoseconds + (seconds - wholeSeconds) * 1e9).rounded()
        seconds = wholeSeconds
        for value in [wholeMonths, days, seconds, nanoseconds] where abs(value) >= 9.2e18 { throw outOfRange(position) }
        return CypherDuration(months: Int(wholeMonths), days: Int(days), seconds: Int(seconds), nanoseconds: Int(nanoseconds))
    }

    static func outOfRange(_ position: CypherPosition) -> CypherError {
        CypherError(.argument, .numberOutOfRange, "the duration is too large", line: position.line, column: position.column, phase: .runtime)
    }
}

extension CypherDuration {
    var negated: CypherDuration { CypherDuration(months: -months, days: -days, seconds: -seconds, nanoseconds: -nanoseconds) }
}
