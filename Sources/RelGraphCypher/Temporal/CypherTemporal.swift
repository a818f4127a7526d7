import RelGraphCore

/// An instant or a reading of a clock or calendar, as openCypher's five temporal types hold
/// them: a date; a time of day without or with an offset from UTC; a date and time without a
/// zone; a date and time in a zone (an offset, or a named zone such as `Europe/Stockholm`).
///
/// Dates are proleptic Gregorian days counted from 1970-01-01 (years −999,999,999 to
/// 999,999,999), times nanoseconds since midnight.
public struct CypherTemporal: Hashable, Sendable {
    public enum Kind: Int, Hashable, Sendable {
        case date, localTime, time, localDateTime, dateTime

        /// The name `toString` and messages use, as Cypher spells the type's function.
        public var name: String {
            switch self {
            case .date: return "date"
            case .localTime: return "localtime"
            case .time: return "time"
            case .localDateTime: return "localdatetime"
            case .dateTime: return "datetime"
            }
        }

        var hasDate: Bool { self == .date || self == .localDateTime || self == .dateTime }
        var hasTime: Bool { self != .date }
        var hasOffset: Bool { self == .time || self == .dateTime }
    }

    public let kind: Kind
    /// Days since 1970-01-01 of the local date (0 for the time types).
    let epochDay: Int
    /// Nanoseconds since local midnight (0 for dates).
    let nanosecondOfDay: Int
    /// Seconds east of UTC (for `time` and `datetime`; 0 otherwise).
    let offsetSeconds: Int
    /// The named zone of a `datetime`, when it was given one.
    let zone: String?

    init(kind: Kind, epochDay: Int = 0, nanosecondOfDay: Int = 0, offsetSeconds: Int = 0, zone: String? = nil) {
        self.kind = kind
        self.epochDay = kind.hasDate ? epochDay : 0
        self.nanosecondOfDay = kind.hasTime ? nanosecondOfDay : 0
        self.offsetSeconds = kind.hasOffset ? offsetSeconds : 0
        self.zone = kind == .dateTime ? zone : nil
    }

    /// A document's partial date, as the date of its first day.
    init(date: PartialDate) {
        self.init(kind: .date, epochDay: CalendarMath.epochDay(year: date.year, month: date.month ?? 1, day: date.day ?? 1))
    }

    static let nanosecondsPerSecond = 1_000_000_000
    static let nanosecondsPerDay = 86_400 * 1_000_000_000

    /// The instant in nanoseconds since 1970-01-01T00:00Z, for the types that have one
    /// (`datetime`); local types count their local reading as if it were UTC.
    var epochNanoseconds: (seconds: Int, nanoseconds: Int) {
        let seconds = epochDay * 86_400 + nanosecondOfDay / CypherTemporal.nanosecondsPerSecond - offsetSeconds
        return (seconds, nanosecondOfDay % CypherTemporal.nanosecondsPerSecond)
    }

    /// The local date, for the types that have one.
    var date: CalendarDate { CalendarMath.date(ofEpochDay: epochDay) }

    /// `time` values compare by the UTC time of day they stand for.
    var utcNanosecondOfDay: Int { nanosecondOfDay - offsetSeconds * CypherTemporal.nanosecondsPerSecond }
}

/// An amount of time, as openCypher's durations hold it: months, days, seconds and
/// nanoseconds, each kept apart (a month is not a fixed number of days, nor a day of seconds).
/// `nanoseconds` is always in 0..<1,000,000,000; `seconds` carries the sign.
public struct CypherDuration: Hashable, Sendable {
    public let months: Int
    public let days: Int
    public let seconds: Int
    public let nanoseconds: Int

    /// Normalises the nanoseconds into 0..<10⁹ (carrying whole seconds).
    init(months: Int = 0, days: Int = 0, seconds: Int = 0, nanoseconds: Int = 0) {
        self.months = months
        self.days = days
        let carry = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : -((-nanoseconds + 999_999_999) / 1_000_000_000)
        self.seconds = seconds + carry
        self.nanoseconds = nanoseconds - carry * 1_000_000_000
    }

    static let zero = CypherDuration()
}
