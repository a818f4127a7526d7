import RelGraphCore

/// `duration.between(a, b)`, `duration.inMonths`, `inDays`, `inSeconds`: the time from `a` to
/// `b`, as java.time and Neo4j count it. Whole months first (a month is counted once its day and
/// time of day are reached), then whole days, then the rest in seconds. Where both values have a
/// zone, `b` is read in `a`'s zone and the rest is counted between instants; where either has no
/// date, only times of day are compared.
enum DurationBetween {
    enum Unit { case all, months, days, seconds }

    static func between(_ a: CypherTemporal, _ b: CypherTemporal, _ unit: Unit) -> CypherDuration {
        let bothZoned = a.kind.hasOffset && b.kind.hasOffset
        guard a.kind.hasDate, b.kind.hasDate else {
            if unit == .months || unit == .days { return .zero }
            var end = b.nanosecondOfDay
            if bothZoned { end += (a.offsetSeconds - b.offsetSeconds) * CypherTemporal.nanosecondsPerSecond }
            return CypherDuration(nanoseconds: end - a.nanosecondOfDay)
        }
        let start = DateTimeParts(epochDay: a.epochDay, nanosecondOfDay: a.nanosecondOfDay)
        var end = DateTimeParts(epochDay: b.epochDay, nanosecondOfDay: b.nanosecondOfDay)
        if bothZoned {
            // `b` as a reading in `a`'s zone.
            let instant = end.shifted(bySeconds: -b.offsetSeconds)
            end = instant.shifted(bySeconds: offsetOfStartZone(a, at: instant))
        }
        if unit == .seconds {
            let (seconds, nanoseconds) = difference(start, end, a, bothZoned)
            return CypherDuration(seconds: seconds, nanoseconds: nanoseconds)
        }
        var months = 0
        if unit != .days {
            months = monthsBetween(start, end)
            if unit == .months { return CypherDuration(months: months) }
        }
        let shiftedDate = CalendarMath.adding(months: months, to: CalendarMath.date(ofEpochDay: start.epochDay))
        var middle = DateTimeParts(epochDay: CalendarMath.epochDay(year: shiftedDate.year, month: shiftedDate.month, day: shiftedDate.day),
                                   nanosecondOfDay: start.nanosecondOfDay)
        let days = daysBetween(middle, end)
        if unit == .days { return CypherDuration(days: days) }
        middle.epochDay += days
        let (seconds, nanoseconds) = difference(middle, end, a, bothZoned)
        return CypherDuration(months: months, days: days, seconds: seconds, nanoseconds: nanoseconds)
    }

    private static func offsetOfStartZone(_ a: CypherTemporal, at instant: DateTimeParts) -> Int {
        guard let name = a.zone, let zone = TimeZoneRules.zone(named: name) else { return a.offsetSeconds }
        return TimeZoneRules.offset(of: zone, atEpochSecond: instant.seconds)
    }

    /// From `from` to `to` in seconds and nanoseconds: between instants when zoned (the start
    /// resolved in its zone), else between readings.
    private static func difference(_ from: DateTimeParts, _ to: DateTimeParts, _ a: CypherTemporal, _ zoned: Bool) -> (seconds: Int, nanoseconds: Int) {
        var fromOffset = 0, toOffset = 0
        if zoned, let name = a.zone, let zone = TimeZoneRules.zone(named: name) {
            fromOffset = TimeZoneRules.resolve(localSeconds: from.seconds, in: zone).offset
            toOffset = TimeZoneRules.resolve(localSeconds: to.seconds, in: zone).offset
        }
        let seconds = (to.seconds - toOffset) - (from.seconds - fromOffset)
        return (seconds, to.nanoseconds - from.nanoseconds)
    }

    /// Whole months from `a` to `b` (toward zero), as `LocalDateTime.until(b, MONTHS)`.
    private static func monthsBetween(_ a: DateTimeParts, _ b: DateTimeParts) -> Int {
        var endDay = b.epochDay
        if endDay > a.epochDay, b.nanosecondOfDay < a.nanosecondOfDay { endDay -= 1 }
        else if endDay < a.epochDay, b.nanosecondOfDay > a.nanosecondOfDay { endDay += 1 }
        let start = CalendarMath.date(ofEpochDay: a.epochDay), end = CalendarMath.date(ofEpochDay: endDay)
        let packedStart = (start.year * 12 + start.month - 1) * 32 + start.day
        let packedEnd = (end.year * 12 + end.month - 1) * 32 + end.day
        return (packedEnd - packedStart) / 32
    }

    /// Whole days from `a` to `b` (toward zero), as `LocalDateTime.until(b, DAYS)`.
    private static func daysBetween(_ a: DateTimeParts, _ b: DateTimeParts) -> Int {
        var endDay = b.epochDay
        if endDay > a.epochDay, b.nanosecondOfDay < a.nanosecondOfDay { endDay -= 1 }
        else if endDay < a.epochDay, b.nanosecondOfDay > a.nanosecondOfDay { endDay += 1 }
        return endDay - a.epochDay
    }
}
