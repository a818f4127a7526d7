import RelGraphCore

/// `date.truncate('month', d)`, `datetime.truncate('hour', dt, {minute: 5})`: the start of
/// the unit a value falls in, then the fields of the map set on it (a `timezone` there puts the
/// truncated reading in that zone).
enum TemporalTruncation {
    static let dateUnits = ["millennium", "century", "decade", "year", "weekyear", "quarter", "month", "week", "day"]
    static let timeUnits = ["hour", "minute", "second", "millisecond", "microsecond"]

    static func truncate(_ kind: CypherTemporal.Kind, unit: String, _ value: CypherTemporal, _ overrides: [String: CypherValue]) throws(InvalidTemporal)
        -> CypherTemporal?
    {
        let unit = unit.lowercased()
        guard dateUnits.contains(unit) || timeUnits.contains(unit) else { throw InvalidTemporal("'\(unit)' is not a unit to truncate to") }
        if dateUnits.contains(unit), unit != "day", !kind.hasDate { throw InvalidTemporal("\(kind.name) values cannot be truncated to a \(unit)") }
        if timeUnits.contains(unit), !kind.hasTime { throw InvalidTemporal("\(kind.name) values cannot be truncated to an \(unit)") }
        var day = value.epochDay
        var time = value.nanosecondOfDay
        if dateUnits.contains(unit) {
            time = 0
            day = truncatedDay(value, unit)
        } else {
            let size: Int
            switch unit {
            case "hour": size = 3_600_000_000_000
            case "minute": size = 60_000_000_000
            case "second": size = 1_000_000_000
            case "millisecond": size = 1_000_000
            default: size = 1000
            }
            time -= time % size
        }
        var entries = overrides
        let base = CypherTemporal(
            kind: value.kind.hasOffset
                ? (value.kind.hasDate ? .dateTime : .time) : (value.kind.hasDate ? (value.kind.hasTime ? .localDateTime : .date) : .localTime),
            epochDay: day, nanosecondOfDay: time, offsetSeconds: value.offsetSeconds, zone: value.zone)
        if kind.hasDate {
            guard value.kind.hasDate else { throw InvalidTemporal("\(value.kind.name) values have no date to truncate") }
            entries["date"] = .temporal(CypherTemporal(kind: .date, epochDay: day))
        }
        if kind.hasTime {
            entries["time"] = .temporal(value.kind.hasTime ? base : CypherTemporal(kind: .localTime))
        }
        return try TemporalConstruction.make(kind, from: entries, attachingZone: true)
    }

    private static func truncatedDay(_ value: CypherTemporal, _ unit: String) -> Int {
        let date = value.date
        func floor(_ year: Int, _ size: Int) -> Int { year >= 0 ? year / size * size : -((-year + size - 1) / size * size) }
        switch unit {
        case "millennium": return CalendarMath.epochDay(year: floor(date.year, 1000), month: 1, day: 1)
        case "century": return CalendarMath.epochDay(year: floor(date.year, 100), month: 1, day: 1)
        case "decade": return CalendarMath.epochDay(year: floor(date.year, 10), month: 1, day: 1)
        case "year": return CalendarMath.epochDay(year: date.year, month: 1, day: 1)
        case "weekyear": return CalendarMath.firstDayOfWeekYear(CalendarMath.weekDate(epochDay: value.epochDay).weekYear)
        case "quarter": return CalendarMath.epochDay(year: date.year, month: CalendarMath.firstMonth(ofQuarter: CalendarMath.quarter(of: date.month)), day: 1)
        case "month": return CalendarMath.epochDay(year: date.year, month: date.month, day: 1)
        case "week": return value.epochDay - (CalendarMath.dayOfWeek(epochDay: value.epochDay) - 1)
        default: return value.epochDay
        }
    }
}
