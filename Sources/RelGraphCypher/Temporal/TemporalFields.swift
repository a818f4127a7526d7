import RelGraphCore

/// Why text or a map does not make a temporal value.
struct InvalidTemporal: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Dates from their fields, each checked: calendar (year, month, day), ISO week (week-based
/// year, week, day of week), ordinal (year, day of year) and quarter (year, quarter, day of
/// quarter) dates; times from hours to nanoseconds.
enum TemporalFields {
    static let years = -999_999_999...999_999_999

    private static func check(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws(InvalidTemporal) {
        guard range.contains(value) else { throw InvalidTemporal("\(name) \(value) is out of range \(range.lowerBound)...\(range.upperBound)") }
    }

    static func calendarDate(year: Int, month: Int, day: Int) throws(InvalidTemporal) -> Int {
        try check(year, years, "year")
        try check(month, 1...12, "month")
        try check(day, 1...CalendarMath.daysIn(month: month, year: year), "day")
        return CalendarMath.epochDay(year: year, month: month, day: day)
    }

    static func weekDate(year: Int, week: Int, dayOfWeek: Int) throws(InvalidTemporal) -> Int {
        try check(year, years, "year")
        try check(week, 1...CalendarMath.weeksIn(weekYear: year), "week")
        try check(dayOfWeek, 1...7, "dayOfWeek")
        return CalendarMath.firstDayOfWeekYear(year) + (week - 1) * 7 + dayOfWeek - 1
    }

    static func ordinalDate(year: Int, day: Int) throws(InvalidTemporal) -> Int {
        try check(year, years, "year")
        try check(day, 1...CalendarMath.daysIn(year: year), "ordinalDay")
        return CalendarMath.epochDay(year: year, month: 1, day: 1) + day - 1
    }

    static func quarterDate(year: Int, quarter: Int, day: Int) throws(InvalidTemporal) -> Int {
        try check(year, years, "year")
        try check(quarter, 1...4, "quarter")
        let first = CalendarMath.epochDay(year: year, month: CalendarMath.firstMonth(ofQuarter: quarter), day: 1)
        let next =
            quarter == 4
            ? CalendarMath.epochDay(year: year + 1, month: 1, day: 1)
            : CalendarMath.epochDay(year: year, month: CalendarMath.firstMonth(ofQuarter: quarter + 1), day: 1)
        try check(day, 1...(next - first), "dayOfQuarter")
        return first + day - 1
    }

    /// Nanoseconds since midnight.
    static func time(hour: Int, minute: Int, second: Int, nanosecond: Int) throws(InvalidTemporal) -> Int {
        try check(hour, 0...23, "hour")
        try check(minute, 0...59, "minute")
        try check(second, 0...59, "second")
        try check(nanosecond, 0...999_999_999, "nanosecond")
        return ((hour * 60 + minute) * 60 + second) * 1_000_000_000 + nanosecond
    }
}
