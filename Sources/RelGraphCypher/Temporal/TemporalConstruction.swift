import RelGraphCore

/// `date({...})`, `time({...})`, `datetime({...})` and their kin: temporal values from maps of
/// fields, from other temporal values (`{date: d, time: t, day: 28}` takes what it does not
/// set from them), and from text.
///
/// A time zone comes from the `time` or `datetime` given, else `timezone`, else UTC. Where both
/// are given, the instant is kept and expressed in `timezone` (selection); truncation instead
/// puts the truncated reading in the zone given (``attachingZone``).
enum TemporalConstruction {
    static let dateKeys: Set<String> = ["year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter"]
    static let timeKeys: Set<String> = ["hour", "minute", "second", "millisecond", "microsecond", "nanosecond"]

    /// A value of `kind` from a map (nil when a field is null).
    static func make(_ kind: CypherTemporal.Kind, from entries: [String: CypherValue], attachingZone: Bool = false) throws(InvalidTemporal) -> CypherTemporal? {
        var fields: [String: Int] = [:]
        var dateBase: CypherTemporal?, timeBase: CypherTemporal?
        var zone: TemporalZone?
        for (key, value) in entries {
            if value.isNull { return nil }
            switch key {
            case "date", "time", "datetime":
                guard let base = value.temporal else { throw InvalidTemporal("'\(key)' must be a temporal value, not \(value.described)") }
                if key != "time" {
                    guard base.kind.hasDate else { throw InvalidTemporal("'\(key)' must have a date; \(base.kind.name) has none") }
                    dateBase = base
                }
                if key != "date" {
                    guard base.kind.hasTime else { throw InvalidTemporal("'\(key)' must have a time; \(base.kind.name) has none") }
                    timeBase = base
                }
            case "timezone":
                guard kind.hasOffset, case .string(let text) = value, let parsed = TemporalParser.zone(text) else {
                    throw InvalidTemporal("'\(value)' is not a time zone")
                }
                zone = parsed
            default:
                guard (kind.hasDate && dateKeys.contains(key)) || (kind.hasTime && timeKeys.contains(key)) else {
                    throw InvalidTemporal("\(kind.name)(...) has no field '\(key)'")
                }
                guard case .integer(let number) = value else { throw InvalidTemporal("'\(key)' must be an integer, not \(value.described)") }
                fields[key] = number
            }
        }
        let day = kind.hasDate ? try epochDay(fields, base: dateBase) : 0
        guard kind.hasTime else { return CypherTemporal(kind: .date, epochDay: day) }
        if !kind.hasDate, fields.isEmpty, timeBase == nil, !(kind.hasOffset && zone != nil) {
            throw InvalidTemporal("\(kind.name)(...) needs at least an hour")
        }
        let time = try nanosecondOfDay(fields, base: timeBase)
        guard kind.hasOffset else { return CypherTemporal(kind: kind, epochDay: day, nanosecondOfDay: time) }
        let source: TemporalZone? = timeBase.flatMap { $0.kind.hasOffset ? ($0.zone.map(TemporalZone.named) ?? .offset($0.offsetSeconds)) : nil }
        return try zoned(kind, day: day, time: time, source: attachingZone ? nil : source, target: zone ?? (attachingZone ? source : nil))
    }

    /// The local date from the date fields, with what they leave out taken from `base`.
    private static func epochDay(_ fields: [String: Int], base: CypherTemporal?) throws(InvalidTemporal) -> Int {
        let given = fields.keys.filter(dateKeys.contains)
        if given.isEmpty, let base { return base.epochDay }
        let baseDate = base?.date
        let year = fields["year"]
        if fields["week"] != nil || fields["dayOfWeek"] != nil {
            let baseWeek = base.map { CalendarMath.weekDate(epochDay: $0.epochDay) }
            guard let weekYear = year ?? baseWeek?.weekYear, let week = fields["week"] ?? baseWeek?.week else {
                throw InvalidTemporal("a week date needs a year and a week")
            }
            let dayOfWeek = fields["dayOfWeek"] ?? base.map { CalendarMath.dayOfWeek(epochDay: $0.epochDay) } ?? 1
            return try TemporalFields.weekDate(year: weekYear, week: week, dayOfWeek: dayOfWeek)
        }
        guard let year = year ?? baseDate?.year else { throw InvalidTemporal("a date needs a year") }
        if let ordinal = fields["ordinalDay"] { return try TemporalFields.ordinalDate(year: year, day: ordinal) }
        if fields["quarter"] != nil || fields["dayOfQuarter"] != nil {
            guard let quarter = fields["quarter"] ?? baseDate.map({ CalendarMath.quarter(of: $0.month) }) else {
                throw InvalidTemporal("a quarter date needs a quarter")
            }
            let day = fields["dayOfQuarter"] ?? baseDate.map(CalendarMath.dayOfQuarter) ?? 1
            return try TemporalFields.quarterDate(year: year, quarter: quarter, day: day)
        }
        if fields["day"] != nil, fields["month"] == nil, baseDate == nil { throw InvalidTemporal("a day needs a month") }
        return try TemporalFields.calendarDate(year: year, month: fields["month"] ?? baseDate?.month ?? 1, day: fields["day"] ?? baseDate?.day ?? 1)
    }

    /// The time of day from the time fields, with what they leave out taken from `base`.
    private static func nanosecondOfDay(_ fields: [String: Int], base: CypherTemporal?) throws(InvalidTemporal) -> Int {
        let baseSeconds = base.map { $0.nanosecondOfDay / 1_000_000_000 }
        let hour = fields["hour"] ?? baseSeconds.map { $0 / 3600 } ?? 0
        let minute = fields["minute"] ?? baseSeconds.map { $0 % 3600 / 60 } ?? 0
        let second = fields["second"] ?? baseSeconds.map { $0 % 60 } ?? 0
        var fraction = base.map { $0.nanosecondOfDay % 1_000_000_000 } ?? 0
        let (milli, micro, nano) = (fields["millisecond"], fields["microsecond"], fields["nanosecond"])
        if milli != nil || micro != nil || nano != nil {
            if milli != nil, let micro, !(0...999).contains(micro) { throw InvalidTemporal("microsecond \(micro) is out of range 0...999") }
            if milli != nil || micro != nil, let nano, !(0...999).contains(nano) { throw InvalidTemporal("nanosecond \(nano) is out of range 0...999") }
            if let milli, !(0...999).contains(milli) { throw InvalidTemporal("millisecond \(milli) is out of range 0...999") }
            if base != nil, (micro ?? 0) < 1000, (nano ?? 0) < 1000 {
                // Over a base time, each sub-second field replaces its own three digits.
                let (baseMilli, baseMicro, baseNano) = (fraction / 1_000_000, fraction / 1000 % 1000, fraction % 1000)
                fraction = (milli ?? baseMilli) * 1_000_000 + (micro ?? baseMicro) * 1000 + (nano ?? baseNano)
            } else {
                fraction = (milli ?? 0) * 1_000_000 + (micro ?? 0) * 1000 + (nano ?? 0)
            }
        }
        return try TemporalFields.time(hour: hour, minute: minute, second: second, nanosecond: fraction)
    }

    /// A time or datetime read in `source` (when its parts came from a zoned value) and
    /// expressed in `target`, or read in `target`, or in UTC.
    private static func zoned(_ kind: CypherTemporal.Kind, day: Int, time: Int, source: TemporalZone?, target: TemporalZone?) throws(InvalidTemporal)
        -> CypherTemporal
    {
        var local = DateTimeParts(epochDay: day, nanosecondOfDay: time)
        if let source, let target, source != target {
            let instant = local.shifted(bySeconds: -offset(of: source, local: local))
            local = instant.shifted(bySeconds: offset(of: target, instant: instant))
            if kind == .time { local.epochDay = 0 }
        }
        let zone = target ?? source ?? .offset(0)
        var offsetSeconds = offset(of: zone, local: local)
        if case .named(let name) = zone, kind == .dateTime, let rules = TimeZoneRules.zone(named: name) {
            let resolved = TimeZoneRules.resolve(localSeconds: local.seconds, in: rules)
            offsetSeconds = resolved.offset
            local = DateTimeParts(seconds: resolved.localSeconds, nanoseconds: local.nanoseconds)
        }
        var zoneName: String?
        if case .named(let name) = zone { zoneName = name }
        return CypherTemporal(kind: kind, epochDay: local.epochDay, nanosecondOfDay: local.nanosecondOfDay, offsetSeconds: offsetSeconds, zone: zoneName)
    }

    /// A zone's offset for a local reading.
    static func offset(of zone: TemporalZone, local: DateTimeParts) -> Int {
        switch zone {
        case .offset(let seconds): return seconds
        case .named(let name):
            guard let rules = TimeZoneRules.zone(named: name) else { return 0 }
            return TimeZoneRules.resolve(localSeconds: local.seconds, in: rules).offset
        }
    }

    /// A zone's offset at an instant.
    static func offset(of zone: TemporalZone, instant: DateTimeParts) -> Int {
        switch zone {
        case .offset(let seconds): return seconds
        case .named(let name):
            guard let rules = TimeZoneRules.zone(named: name) else { return 0 }
            return TimeZoneRules.offset(of: rules, atEpochSecond: instant.seconds)
        }
    }

    /// A value of `kind` from ISO 8601 text.
    static func parse(_ kind: CypherTemporal.Kind, _ text: String) throws(InvalidTemporal) -> CypherTemporal {
        let parsed = try TemporalParser.parse(text, date: kind.hasDate, time: kind.hasTime)
        let day = parsed.epochDay ?? 0, time = parsed.nanosecondOfDay ?? 0
        switch kind {
        case .date, .localTime, .localDateTime:
            return CypherTemporal(kind: kind, epochDay: day, nanosecondOfDay: time)
        case .time:
            return CypherTemporal(kind: .time, nanosecondOfDay: time, offsetSeconds: parsed.offsetSeconds ?? 0)
        case .dateTime:
            if let zoneName = parsed.zone {
                guard TimeZoneRules.zone(named: zoneName) != nil else { throw InvalidTemporal("'\(zoneName)' is not a time zone") }
                if let offset = parsed.offsetSeconds {
                    return CypherTemporal(kind: .dateTime, epochDay: day, nanosecondOfDay: time, offsetSeconds: offset, zone: zoneName)
                }
                return try zoned(.dateTime, day: day, time: time, source: nil, target: .named(zoneName))
            }
            return CypherTemporal(kind: .dateTime, epochDay: day, nanosecondOfDay: time, offsetSeconds: parsed.offsetSeconds ?? 0)
        }
    }
}
