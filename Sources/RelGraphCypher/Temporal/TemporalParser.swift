import RelGraphCore

/// Reads temporal values from ISO 8601 text as Neo4j accepts it: calendar (`2015-07-21`,
/// `20150721`, `2015-07`), week (`2015-W30-2`, `2015W302`, `2015-W30`), ordinal (`2015-202`)
/// and year (`2015`) dates; times `21:40:32.142`, `214032`, `21:40`, `21`; offsets `Z`,
/// `+01:00`, `+0100`, `-02`; zones `[Europe/Stockholm]`; and `T` between date and time.
struct TemporalParser {
    /// A reading of the text, before it becomes one kind of value.
    struct Parsed {
        var epochDay: Int?
        var nanosecondOfDay: Int?
        var offsetSeconds: Int?
        var zone: String?
    }

    private let characters: [Character]
    private var index = 0

    private init(_ text: String) { characters = Array(text) }

    static func parse(_ text: String, date hasDate: Bool, time hasTime: Bool) throws(InvalidTemporal) -> Parsed {
        var parser = TemporalParser(text)
        var parsed = Parsed()
        if hasDate {
            parsed.epochDay = try parser.date()
            if parser.accept("T") {
                guard hasTime else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
                parsed.nanosecondOfDay = try parser.time()
            }
        } else {
            _ = parser.accept("T")
            parsed.nanosecondOfDay = try parser.time()
        }
        if hasTime {
            if let offset = try parser.offset() { parsed.offsetSeconds = offset }
            if parser.accept("[") {
                var zone = ""
                while let character = parser.current, character != "]" { zone.append(character); parser.index += 1 }
                guard parser.accept("]"), !zone.isEmpty else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
                parsed.zone = zone
            }
        }
        guard parser.index == parser.characters.count else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
        return parsed
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private mutating func accept(_ character: Character) -> Bool {
        guard current == character else { return false }
        index += 1
        return true
    }

    /// Exactly `count` digits.
    private mutating func digits(_ count: Int) throws(InvalidTemporal) -> Int {
        guard index + count <= characters.count else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
        var value = 0
        for _ in 0..<count {
            guard let digit = current?.wholeNumberValue, current!.isASCII else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
            value = value * 10 + digit
            index += 1
        }
        return value
    }

    /// How many digits follow.
    private var digitRun: Int {
        var count = 0
        while index + count < characters.count, characters[index + count].isASCII, characters[index + count].isNumber { count += 1 }
        return count
    }

    private mutating func date() throws(InvalidTemporal) -> Int {
        var year: Int
        if current == "+" || current == "-" {
            let negative = current == "-"
            index += 1
            let run = digitRun
            guard run >= 4, run <= 9 else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
            year = try digits(run)
            if negative { year = -year }
        } else {
            year = try digits(4)
        }
        let dashed = accept("-")
        if accept("W") {
            let week = try digits(2)
            var dayOfWeek = 1
            if dashed ? accept("-") : true, let digit = current?.wholeNumberValue, current!.isASCII {
                dayOfWeek = digit
                index += 1
            }
            return try TemporalFields.weekDate(year: year, week: week, dayOfWeek: dayOfWeek)
        }
        let run = digitRun
        switch (dashed, run) {
        case (_, 0) where !dashed:
            return try TemporalFields.calendarDate(year: year, month: 1, day: 1)
        case (true, 2), (false, 2):
            let month = try digits(2)
            if dashed ? accept("-") : digitRun == 2 {
                return try TemporalFields.calendarDate(year: year, month: month, day: try digits(2))
            }
            return try TemporalFields.calendarDate(year: year, month: month, day: 1)
        case (_, 3):
            return try TemporalFields.ordinalDate(year: year, day: try digits(3))
        case (false, 4):
            let month = try digits(2)
            return try TemporalFields.calendarDate(year: year, month: month, day: try digits(2))
        default:
            throw InvalidTemporal("is not a temporal value in ISO 8601 form")
        }
    }

    /// `HH[:MM[:SS[.fff]]]` or `HH[MM[SS[.fff]]]`, as nanoseconds since midnight.
    private mutating func time() throws(InvalidTemporal) -> Int {
        let hour = try digits(2)
        var minute = 0, second = 0, fraction = 0
        let colons = current == ":"
        if colons ? accept(":") : digitRun >= 2 {
            minute = try digits(2)
            if colons ? accept(":") : digitRun >= 2 {
                second = try digits(2)
                if accept(".") || accept(",") {
                    let run = digitRun
                    guard run >= 1, run <= 9 else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
                    fraction = try digits(run)
                    for _ in run..<9 { fraction *= 10 }
                }
            }
        }
        guard hour < 24, minute < 60, second < 60 else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
        return ((hour * 60 + minute) * 60 + second) * 1_000_000_000 + fraction
    }

    /// `Z`, `+HH`, `+HHMM`, `+HH:MM`, `+HH:MM:SS`, or nil when there is none.
    private mutating func offset() throws(InvalidTemporal) -> Int? {
        if accept("Z") { return 0 }
        guard current == "+" || current == "-" else { return nil }
        let sign = current == "-" ? -1 : 1
        index += 1
        let hours = try digits(2)
        var minutes = 0, seconds = 0
        let colons = current == ":"
        if colons ? accept(":") : digitRun >= 2 {
            minutes = try digits(2)
            if colons ? accept(":") : digitRun >= 2 { seconds = try digits(2) }
        }
        guard hours <= 18, minutes < 60, seconds < 60 else { throw InvalidTemporal("is not a temporal value in ISO 8601 form") }
        return sign * (hours * 3600 + minutes * 60 + seconds)
    }

    /// A `timezone` value: an offset (`+01:00`, `Z`) or a zone name.
    static func zone(_ text: String) -> TemporalZone? {
        var parser = TemporalParser(text)
        if let offset = try? parser.offset(), parser.index == parser.characters.count { return .offset(offset) }
        if text == "UTC" || text == "GMT" { return .offset(0) }
        return TimeZoneRules.zone(named: text) != nil ? .named(text) : nil
    }
}

/// Where a time or datetime is: a fixed offset, or a named zone of the tz database.
enum TemporalZone: Equatable, Sendable {
    case offset(Int)
    case named(String)
}
