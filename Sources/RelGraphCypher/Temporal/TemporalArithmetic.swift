import Foundation
import RelGraphCore

/// A temporal value plus a duration, as Neo4j computes it: months first (the day clamped to the
/// month's length), then days, then seconds and nanoseconds. A date takes only the whole days of
/// the seconds; times of day wrap around midnight; a datetime in a named zone adds months and
/// days to its local reading and seconds to its instant.
enum TemporalArithmetic {
    static func add(_ duration: CypherDuration, to value: CypherTemporal, at position: CypherPosition) throws(CypherError) -> CypherTemporal {
        switch value.kind {
        case .date:
            let date = CalendarMath.adding(months: duration.months, to: value.date)
            let days = CalendarMath.epochDay(year: date.year, month: date.month, day: date.day) + duration.days + duration.seconds / 86_400
            return try checked(CypherTemporal(kind: .date, epochDay: days), at: position)
        case .localTime, .time:
            let day = CypherTemporal.nanosecondsPerDay
            let shift = (duration.seconds % 86_400) * CypherTemporal.nanosecondsPerSecond + duration.nanoseconds
            let time = ((value.nanosecondOfDay + shift) % day + day) % day
            return CypherTemporal(kind: value.kind, nanosecondOfDay: time, offsetSeconds: value.offsetSeconds)
        case .localDateTime, .dateTime:
            let date = CalendarMath.adding(months: duration.months, to: value.date)
            let day = CalendarMath.epochDay(year: date.year, month: date.month, day: date.day) + duration.days
            var local = DateTimeParts(epochDay: day, nanosecondOfDay: value.nanosecondOfDay)
            var offset = value.offsetSeconds
            if let zoneName = value.zone, let zone = TimeZoneRules.zone(named: zoneName) {
                // Months and days on the local time line, then seconds on the instant.
                let resolved = TimeZoneRules.resolve(localSeconds: local.seconds, in: zone)
                local = DateTimeParts(seconds: resolved.localSeconds, nanoseconds: local.nanosecondOfDay % 1_000_000_000)
                offset = resolved.offset
                var instant = local.shifted(bySeconds: -offset)
                instant = instant.shifted(bySeconds: duration.seconds, nanoseconds: duration.nanoseconds)
                offset = TimeZoneRules.offset(of: zone, atEpochSecond: instant.seconds)
                local = instant.shifted(bySeconds: offset)
            } else {
                local = local.shifted(bySeconds: duration.seconds, nanoseconds: duration.nanoseconds)
            }
            return try checked(
                CypherTemporal(
                    kind: value.kind, epochDay: local.epochDay, nanosecondOfDay: local.nanosecondOfDay,
                    offsetSeconds: offset, zone: value.zone), at: position)
        }
    }

    /// Refuses dates outside the years openCypher allows (±999,999,999).
    static func checked(_ value: CypherTemporal, at position: CypherPosition) throws(CypherError) -> CypherTemporal {
        let year = value.date.year
        guard (-999_999_999...999_999_999).contains(year) else {
            throw CypherError(
                .argument, .invalidArgumentValue, "the year \(year) is out of range", line: position.line, column: position.column, phase: .runtime)
        }
        return value
    }
}

/// A date and time of day as one count of seconds (and nanoseconds) since 1970-01-01T00:00.
struct DateTimeParts {
    var epochDay: Int
    var nanosecondOfDay: Int

    init(epochDay: Int, nanosecondOfDay: Int) {
        self.epochDay = epochDay
        self.nanosecondOfDay = nanosecondOfDay
    }

    init(seconds: Int, nanoseconds: Int) {
        epochDay = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        nanosecondOfDay = (seconds - epochDay * 86_400) * 1_000_000_000 + nanoseconds
    }

    var seconds: Int { epochDay * 86_400 + nanosecondOfDay / 1_000_000_000 }
    var nanoseconds: Int { nanosecondOfDay % 1_000_000_000 }

    func shifted(bySeconds seconds: Int, nanoseconds: Int = 0) -> DateTimeParts {
        let total = self.nanoseconds + nanoseconds
        let carry = total >= 0 ? total / 1_000_000_000 : -((-total + 999_999_999) / 1_000_000_000)
        return DateTimeParts(seconds: self.seconds + seconds + carry, nanoseconds: total - carry * 1_000_000_000)
    }
}
