import Foundation

/// A partial date as the tests read it, for references of `--as-of` (contract §1 "Time"): the
/// first and last day it covers, from Foundation's Gregorian calendar, never from PartialDate.
public struct DaySpan: Sendable {
    /// The date as a document writes it (`2024`, `2024-02`, `2024-02-29`).
    public var text: String
    /// The first and last day it covers, as days since 1970-01-01.
    public var first: Int, last: Int

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Days since 1970-01-01 of a full date.
    public static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return Int((date.timeIntervalSince1970 / 86_400).rounded())
    }

    public init(year: Int, month: Int?, day: Int?) {
        text = String(year) + (month.map { String(format: "-%02d", $0) } ?? "") + (day.map { String(format: "-%02d", $0) } ?? "")
        first = Self.day(year, month ?? 1, day ?? 1)
        // The day before the next year's, month's or day's first day.
        switch (month, day) {
        case let (month?, day?): last = Self.day(year, month, day)
        case let (month?, nil): last = month == 12 ? Self.day(year + 1, 1, 1) - 1 : Self.day(year, month + 1, 1) - 1
        default: last = Self.day(year + 1, 1, 1) - 1
        }
    }

    /// Whether an element of these start (or date) and end exists as of `moment`: it starts no
    /// later than the moment's last day and ends no earlier than its first.
    public static func exists(start: DaySpan?, end: DaySpan?, asOf moment: DaySpan) -> Bool {
        (start.map { $0.first <= moment.last } ?? true) && (end.map { $0.last >= moment.first } ?? true)
    }

    /// A date of random precision around 2023–2024 (a leap February included).
    public static func random(using random: inout SeededRandom) -> DaySpan {
        let year = Int.random(in: 2023...2024, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return DaySpan(year: year, month: nil, day: nil)
        case 1: return DaySpan(year: year, month: Int.random(in: 1...12, using: &random), day: nil)
        default:
            let month = Int.random(in: 1...3, using: &random)
            let days = month == 2 ? (year == 2024 ? 29 : 28) : 31
            return DaySpan(year: year, month: month, day: [1, 2, days - 1, days].randomElement(using: &random)!)
        }
    }
}
