/// A calendar date known to the year, the month or the day: `1993`, `2021-12`, `2021-07-07`.
///
/// Partial dates compare through the days they cover: ``firstDay`` is the earliest day the
/// date can mean and ``lastDay`` the latest, so `2031` spans 2031-01-01 through 2031-12-31.
public struct PartialDate: Hashable, Sendable {
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// The year, 1 through 9999.
    public var year: Int { Int(storedYear) }
    /// The month, 1 through 12, when the date is known to the month.
    public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
    /// The day of the month, when the date is known to the day.
    public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }

    /// Creates a date, checking that it exists in the (proleptic Gregorian) calendar.
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(DateError) {
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        if let month, !(1...12).contains(month) { throw .monthOutOfRange(month) }
        if let day {
            guard let month else { throw .dayWithoutMonth }
            let length = PartialDate.daysIn(month: month, year: year)
            guard (1...length).contains(day) else {
                throw .dayOutOfRange(day: day, month: month, year: year, length: length)
            }
        }
        storedYear = Int16(year)
        storedMonth = UInt8(month ?? 0)
        storedDay = UInt8(day ?? 0)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    // Inlinable, as `init(parsingUTF8:)` is: readers in other modules parse millions of dates,
    // and a generic call across a module boundary runs unspecialized, a witness-table call per
    // byte (4% of reading the nodes of a large JSON document).
    @inlinable
    public init(parsing text: some StringProtocol) throws(DateError) {
        try self.init(parsingUTF8: text.utf8)
    }

    /// ``init(parsing:)`` of UTF-8 bytes.
    @inlinable
    package init(parsingUTF8 bytes: some Collection<UInt8>) throws(DateError) {
        // Byte by byte: dates are parsed millions of times when large graphs load.
        var numbers = (0, 0, 0)
        var part = 0, digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                guard digits == (part == 0 ? 4 : 2), part < 2 else { throw .malformed(String(decoding: bytes, as: UTF8.self)) }
                part += 1
                digits = 0
                continue
            }
            guard (0x30...0x39).contains(byte), digits < (part == 0 ? 4 : 2) else { throw .malformed(String(decoding: bytes, as: UTF8.self)) }
            let digit = Int(byte - 0x30)
            switch part {
            case 0: numbers.0 = numbers.0 * 10 + digit
            case 1: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
            digits += 1
        }
        guard digits == (part == 0 ? 4 : 2) else { throw .malformed(String(decoding: bytes, as: UTF8.self)) }
        try self.init(year: numbers.0, month: part >= 1 ? numbers.1 : nil, day: part == 2 ? numbers.2 : nil)
    }

    /// The earliest day this date can mean, as a day number (days since 1970-01-01).
    public var firstDay: Int {
        PartialDate.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The latest day this date can mean, as a day number (days since 1970-01-01).
    public var lastDay: Int {
        let month = self.month ?? 12
        return PartialDate.dayNumber(
            year: year, month: month, day: day ?? PartialDate.daysIn(month: month, year: year))
    }

    /// The earliest full date this date can mean: `1993` is 1993-01-01, `2021-12` 2021-12-01.
    public var firstFullDate: PartialDate {
        try! PartialDate(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The latest full date this date can mean: `2031` is 2031-12-31, `2024-02` 2024-02-29.
    public var lastFullDate: PartialDate {
        let month = self.month ?? 12
        return try! PartialDate(year: year, month: month, day: day ?? PartialDate.daysIn(month: month, year: year))
    }

    /// The number of days of `month` (1–12) in `year`, proleptic Gregorian.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    package static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension PartialDate: CustomStringConvertible, LosslessStringConvertible {
    /// The date as written in documents: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        let length = storedDay != 0 ? 10 : storedMonth != 0 ? 7 : 4
        return String(unsafeUninitializedCapacity: length) { buffer in
            func digits(_ value: Int, _ count: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + count - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(0x30 + value % 10)
                    value /= 10
                }
            }
            digits(Int(storedYear), 4, at: 0)
            if storedMonth != 0 {
                buffer[4] = UInt8(ascii: "-")
                digits(Int(storedMonth), 2, at: 5)
            }
            if storedDay != 0 {
                buffer[7] = UInt8(ascii: "-")
                digits(Int(storedDay), 2, at: 8)
            }
            return length
        }
    }

    public init?(_ description: String) {
        guard let date = try? PartialDate(parsing: description) else { return nil }
        self = date
    }
}

/// Why a text is not a valid ``PartialDate``.
public struct DateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure it is (new codes may come: switch with a `default`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        public static let malformed = Code(description: "malformed")
        public static let yearOutOfRange = Code(description: "yearOutOfRange")
        public static let monthOutOfRange = Code(description: "monthOutOfRange")
        public static let dayWithoutMonth = Code(description: "dayWithoutMonth")
        public static let dayOutOfRange = Code(description: "dayOutOfRange")
    }

    /// The failure with its details.
    package enum Reason: Hashable, Sendable {
        case malformed(String)
        case yearOutOfRange(Int)
        case monthOutOfRange(Int)
        case dayWithoutMonth
        case dayOutOfRange(day: Int, month: Int, year: Int, length: Int)
    }

    package let reason: Reason

    package init(_ reason: Reason) { self.reason = reason }

    @usableFromInline package static func malformed(_ value: String) -> Self { Self(.malformed(value)) }
    package static func yearOutOfRange(_ value: Int) -> Self { Self(.yearOutOfRange(value)) }
    package static func monthOutOfRange(_ value: Int) -> Self { Self(.monthOutOfRange(value)) }
    package static let dayWithoutMonth = Self(.dayWithoutMonth)
    package static func dayOutOfRange(day: Int, month: Int, year: Int, length: Int) -> Self {
        Self(.dayOutOfRange(day: day, month: month, year: year, length: length))
    }

    public var code: Code {
        switch reason {
        case .malformed: return .malformed
        case .yearOutOfRange: return .yearOutOfRange
        case .monthOutOfRange: return .monthOutOfRange
        case .dayWithoutMonth: return .dayWithoutMonth
        case .dayOutOfRange: return .dayOutOfRange
        }
    }

    public var description: String {
        switch reason {
        case .malformed(let text):
            return "'\(text)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2021-07-07)"
        case .yearOutOfRange(let year):
            return "year \(year) is out of range; years run from 0001 to 9999"
        case .monthOutOfRange(let month):
            return "month \(month) does not exist; months run from 01 to 12"
        case .dayWithoutMonth:
            return "a day needs a month"
        case let .dayOutOfRange(day, month, year, length):
            return "day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month), which has \(length) days"
        }
    }
}
