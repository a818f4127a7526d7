import RelGraphCore

/// `d.year`, `t.hour`, `dt.timezone`, `dur.minutes` ...: the components of temporal values
/// and durations, as openCypher names them.
enum TemporalComponents {
    /// A component of a temporal value, or nil when its type has no such component.
    static func component(_ name: String, of value: CypherTemporal) -> CypherValue? {
        if value.kind.hasDate, let component = dateComponent(name, value) { return component }
        if value.kind.hasTime, let component = timeComponent(name, value.nanosecondOfDay) { return component }
        if value.kind.hasOffset {
            switch name {
            case "timezone": return .string(value.zone ?? TemporalText.offset(value.offsetSeconds))
            case "offset": return .string(TemporalText.offset(value.offsetSeconds))
            case "offsetMinutes": return .integer(value.offsetSeconds / 60)
            case "offsetSeconds": return .integer(value.offsetSeconds)
            default: break
            }
        }
        if value.kind == .dateTime {
            let instant = value.epochNanoseconds
            switch name {
            case "epochSeconds": return .integer(instant.seconds)
            case "epochMillis": return .integer(instant.seconds * 1000 + instant.nanoseconds / 1_000_000)
            default: break
            }
        }
        return nil
    }

    private static func dateComponent(_ name: String, _ value: CypherTemporal) -> CypherValue? {
        let date = value.date
        switch name {
        case "year": return .integer(date.year)
        case "quarter": return .integer(CalendarMath.quarter(of: date.month))
        case "month": return .integer(date.month)
        case "week": return .integer(CalendarMath.weekDate(epochDay: value.epochDay).week)
        case "weekYear": return .integer(CalendarMath.weekDate(epochDay: value.epochDay).weekYear)
        case "day": return .integer(date.day)
        case "ordinalDay": return .integer(CalendarMath.dayOfYear(date))
        case "weekDay", "dayOfWeek": return .integer(CalendarMath.dayOfWeek(epochDay: value.epochDay))
        case "dayOfQuarter": return .integer(CalendarMath.dayOfQuarter(date))
        default: return nil
        }
    }

    private static func timeComponent(_ name: String, _ nanosecondOfDay: Int) -> CypherValue? {
        let seconds = nanosecondOfDay / 1_000_000_000, fraction = nanosecondOfDay % 1_000_000_000
        switch name {
        case "hour": return .integer(seconds / 3600)
        case "minute": return .integer(seconds % 3600 / 60)
        case "second": return .integer(seconds % 60)
        case "millisecond": return .integer(fraction / 1_000_000)
        case "microsecond": return .integer(fraction / 1000)
        case "nanosecond": return .integer(fraction)
        default: return nil
        }
    }

    /// A component of a duration (totals such as `minutes`, and parts such as `minutesOfHour`).
    static func component(_ name: String, of duration: CypherDuration) -> CypherValue? {
        let (months, days, seconds, nanoseconds) = (duration.months, duration.days, duration.seconds, duration.nanoseconds)
        switch name {
        case "years": return .integer(months / 12)
        case "quarters": return .integer(months / 3)
        case "months": return .integer(months)
        case "weeks": return .integer(days / 7)
        case "days": return .integer(days)
        case "hours": return .integer(seconds / 3600)
        case "minutes": return .integer(seconds / 60)
        case "seconds": return .integer(seconds)
        case "milliseconds": return .integer(seconds * 1000 + nanoseconds / 1_000_000)
        case "microseconds": return .integer(seconds * 1_000_000 + nanoseconds / 1000)
        case "nanoseconds": return .integer(seconds * 1_000_000_000 + nanoseconds)
        case "quartersOfYear": return .integer(months % 12 / 3)
        case "monthsOfQuarter": return .integer(months % 3)
        case "monthsOfYear": return .integer(months % 12)
        case "daysOfWeek": return .integer(days % 7)
        case "minutesOfHour": return .integer(seconds / 60 % 60)
        case "secondsOfMinute": return .integer(seconds % 60)
        case "millisecondsOfSecond": return .integer(nanoseconds / 1_000_000)
        case "microsecondsOfSecond": return .integer(nanoseconds / 1000)
        case "nanosecondsOfSecond": return .integer(nanoseconds)
        default: return nil
        }
    }
}
