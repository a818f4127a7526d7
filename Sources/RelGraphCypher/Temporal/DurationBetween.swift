import RelGraphCore

/// `duration.between(a, b)`, `duration.inMonths`, `inDays`, `inSeconds`: the time from `a` to
/// `b`, as java.time and Neo4j count it. Whole months first (a month is counted once its day and
/// time of day are reached), then whole days, then the rest in seconds. A value without a date
/// takes the other's; a value without a zone is read in the other's; where both have zones, `b`
/// is read in `a`'s, and the rest is counted between instants.
enum DurationBetween {
    enum Unit { case all, months, days, seconds }

    static func between(_ a: CypherTemporal, _ b: CypherTemporal, _ unit: Unit) -> CypherDuration {
        guard a.kind.hasDate || b.kind.hasDate else {
            if unit == .months || unit == .days { return .zero }
            var end = b.nanosecondOfDay
            if a.kind.hasOffset, b.kind.hasOffset { end += (a.offsetSeconds - b.offsetSeconds) * CypherTemporal.nanosecondsPerSecond }
            return CypherDuration(nanoseconds: end - a.nanosecondOfDay)
        }
        let zone = Self.zone(of: a) ?? Self.zone(of: b)
        let start = DateTimeParts(epochDay: a.kind.hasDate ? a.epochDay : b.epochDay, nanosecondOfDay: a.nanosecondOfDay)
        var end = DateTimeParts(epochDay: b.kind.hasDate ? b.epochDay : a.epochDay, nanosecondOfDay: b.nanosecondOfDay)
        if let zone, let other = Self.zone(of: b), other != zone {
            // `b` as a reading in `a`'s zone.
            let instant = end.shifted(bySeconds: -TemporalConstruction.offset(of: other, local: end))
            end = instant.shifted(bySeconds: TemporalConstruction.offset(of: zone, instant: instant))
        }
        if unit == .seconds { return difference(start, end, in: zone) }
        var months = 0
        if unit != .days {
            months = monthsBetween(start, end)
            if unit == .months { return CypherDuration(months: months) }
        }
        let shiftedDate = CalendarMath.adding(months: months, to: CalendarMath.date(ofEpochDay: start.epochDay))
        var middle = DateTimeParts(
            epochDay: CalendarMath.epochDay(year: shiftedDate.year, month: shiftedDate.month, day: shiftedDate.day),
            nanosecondOfDay: start.nanosecondOfDay)
        let days = daysBetween(middle, end)
        if unit == .days { return CypherDuration(days: days) }
        middle.epochDay += days
        let rest = difference(middle, end, in: zone)
        return CypherDuration(months: months, days: days, seconds: rest.seconds, nanoseconds: rest.nanoseconds)
    }

    private static func zone(of value: CypherTemporal) -> TemporalZone? {
        guard value.kind.hasOffset else { return nil }
        return value.zone.map(TemporalZone.named) ?? .offset(value.offsetSeconds)
    }

    /// From `from` to `to`: between the instants they are in `zone`, else between readings.
    private static func difference(_ from: DateTimeParts, _ to: DateTimeParts, in zone: TemporalZone?) -> CypherDuration {
        let fromOffset = zone.map { TemporalConstruction.offset(of: $0, local: from) } ?? 0
        let toOffset = zone.map { TemporalConstruction.offset(of: $0, local: to) } ?? 0
        return CypherDuration(seconds: (to.seconds - toOffset) - (from.seconds - fromOffset), nanoseconds: to.nanoseconds - from.nanoseconds)
    }

    /// Whole months from `a` to `b` (toward zero), as `LocalDateTime.until(b, MONTHS)`.
    private static func monthsBetween(_ a: DateTimeParts, _ b: DateTimeParts) -> Int {
        let endDay = adjustedEndDay(a, b)
        let start = CalendarMath.date(ofEpochDay: a.epochDay), end = CalendarMath.date(ofEpochDay: endDay)
        let packedStart = (start.year * 12 + start.month - 1) * 32 + start.day
        let packedEnd = (end.year * 12 + end.month - 1) * 32 + end.day
        return (packedEnd - packedStart) / 32
    }

    /// Whole days from `a` to `b` (toward zero), as `LocalDateTime.until(b, DAYS)`.
    private static func daysBetween(_ a: DateTimeParts, _ b: DateTimeParts) -> Int { adjustedEndDay(a, b) - a.epochDay }

    /// `b`'s day, one day nearer to `a`'s when its time of day is not reached yet.
    private static func adjustedEndDay(_ a: DateTimeParts, _ b: DateTimeParts) -> Int {
        if b.epochDay > a.epochDay, b.nanosecondOfDay < a.nanosecondOfDay { return b.epochDay - 1 }
        if b.epochDay < a.epochDay, b.nanosecondOfDay > a.nanosecondOfDay { return b.epochDay + 1 }
        return b.epochDay
    }
}
