import RelGraphCore

/// Temporal values as text, in the ISO 8601 forms Neo4j prints: `2015-07-21`,
/// `21:40:32.142`, `21:40+01:00`, `2015-07-21T21:40:32.142+02:00[Europe/Stockholm]`,
/// `P1Y2M3DT4H5M6.5S`. Fractions of a second come in groups of three digits; durations drop
/// trailing zeros.
extension CypherTemporal: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .date: return TemporalText.date(epochDay)
        case .localTime: return TemporalText.time(nanosecondOfDay)
        case .time: return TemporalText.time(nanosecondOfDay) + TemporalText.offset(offsetSeconds)
        case .localDateTime: return TemporalText.date(epochDay) + "T" + TemporalText.time(nanosecondOfDay)
        case .dateTime:
            let text = TemporalText.date(epochDay) + "T" + TemporalText.time(nanosecondOfDay) + TemporalText.offset(offsetSeconds)
            return zone.map { text + "[\($0)]" } ?? text
        }
    }
}

extension CypherDuration: CustomStringConvertible {
    public var description: String {
        var text = "P"
        func append(_ value: Int, _ unit: Character) { if value != 0 { text += "\(value)\(unit)" } }
        append(months / 12, "Y")
        append(months % 12, "M")
        append(days, "D")
        if seconds != 0 || nanoseconds != 0 {
            text += "T"
            let negative = seconds < 0
            let (whole, fraction) = negative && nanoseconds > 0 ? (-seconds - 1, 1_000_000_000 - nanoseconds) : (abs(seconds), nanoseconds)
            let sign = negative ? "-" : ""
            if whole / 3600 != 0 { text += "\(sign)\(whole / 3600)H" }
            if whole % 3600 / 60 != 0 { text += "\(sign)\(whole % 3600 / 60)M" }
            if whole % 60 != 0 || fraction != 0 {
                text += "\(sign)\(whole % 60)" + TemporalText.fraction(fraction, trimmed: true) + "S"
            }
        }
        return text == "P" ? "PT0S" : text
    }
}

enum TemporalText {
    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `YYYY-MM-DD`; years beyond four digits get a sign (`+10000-01-01`, `-0001-01-01`).
    static func date(_ epochDay: Int) -> String {
        let date = CalendarMath.date(ofEpochDay: epochDay)
        return year(date.year) + "-" + twoDigits(date.month) + "-" + twoDigits(date.day)
    }

    static func year(_ year: Int) -> String {
        let digits = String(abs(year))
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        if year < 0 { return "-" + padded }
        return year > 9999 ? "+" + padded : padded
    }

    /// `HH:MM`, with `:SS` and a fraction where they are not zero.
    static func time(_ nanosecondOfDay: Int) -> String {
        let seconds = nanosecondOfDay / 1_000_000_000, nanoseconds = nanosecondOfDay % 1_000_000_000
        var text = twoDigits(seconds / 3600) + ":" + twoDigits(seconds % 3600 / 60)
        if seconds % 60 != 0 || nanoseconds != 0 {
            text += ":" + twoDigits(seconds % 60) + fraction(nanoseconds, trimmed: false)
        }
        return text
    }

    /// `.123`, `.123456` or `.123456789` (trimmed: as few digits as needed); empty for zero.
    static func fraction(_ nanoseconds: Int, trimmed: Bool) -> String {
        guard nanoseconds != 0 else { return "" }
        var digits = String(nanoseconds)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        if trimmed {
            while digits.last == "0" { digits.removeLast() }
        } else if nanoseconds % 1_000_000 == 0 {
            digits = String(digits.prefix(3))
        } else if nanoseconds % 1000 == 0 {
            digits = String(digits.prefix(6))
        }
        return "." + digits
    }

    /// `Z`, `+01:00`, or `+00:53:28` for an offset with seconds.
    static func offset(_ seconds: Int) -> String {
        guard seconds != 0 else { return "Z" }
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + twoDigits(magnitude / 3600) + ":" + twoDigits(magnitude % 3600 / 60)
        if magnitude % 60 != 0 { text += ":" + twoDigits(magnitude % 60) }
        return text
    }
}
