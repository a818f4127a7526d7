import RelGraphCore

/// How temporal values of one kind compare: dates by day, local times and local datetimes by
/// their reading, times by the UTC time of day, datetimes by the instant.
enum TemporalOrder {
    /// -1, 0 or 1; the values are of the same kind.
    static func compare(_ a: CypherTemporal, _ b: CypherTemporal) -> Int {
        func order(_ x: Int, _ y: Int) -> Int { x < y ? -1 : x == y ? 0 : 1 }
        switch a.kind {
        case .date: return order(a.epochDay, b.epochDay)
        case .localTime: return order(a.nanosecondOfDay, b.nanosecondOfDay)
        case .time: return order(a.utcNanosecondOfDay, b.utcNanosecondOfDay)
        case .localDateTime:
            let days = order(a.epochDay, b.epochDay)
            return days != 0 ? days : order(a.nanosecondOfDay, b.nanosecondOfDay)
        case .dateTime:
            let (x, y) = (a.epochNanoseconds, b.epochNanoseconds)
            let seconds = order(x.seconds, y.seconds)
            return seconds != 0 ? seconds : order(x.nanoseconds, y.nanoseconds)
        }
    }

    /// For sorting values at the same instant: by offset, then zone name.
    static func tieBreak(_ a: CypherTemporal, _ b: CypherTemporal) -> Int {
        if a.offsetSeconds != b.offsetSeconds { return a.offsetSeconds < b.offsetSeconds ? -1 : 1 }
        let (x, y) = (a.zone ?? "", b.zone ?? "")
        return x == y ? 0 : (x < y ? -1 : 1)
    }
}
