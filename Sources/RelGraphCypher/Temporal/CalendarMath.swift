import RelGraphCore

/// A year, month and day of the proleptic Gregorian calendar.
struct CalendarDate: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
}

/// The calendar arithmetic temporal values need: days since 1970-01-01 and back, leap years,
/// month lengths, ISO week dates, quarters and days of the year.
enum CalendarMath {
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int { PartialDate.daysIn(month: month, year: year) }

    static func daysIn(year: Int) -> Int { isLeap(year) ? 366 : 365 }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm; exact for every year).
    static func epochDay(year: Int, month: Int, day: Int) -> Int { PartialDate.dayNumber(year: year, month: month, day: day) }

    static func date(ofEpochDay epochDay: Int) -> CalendarDate {
        let z = epochDay + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// ISO day of the week: 1 Monday … 7 Sunday.
    static func dayOfWeek(epochDay: Int) -> Int {
        let value = (epochDay + 3) % 7
        return (value < 0 ? value + 7 : value) + 1
    }

    static func dayOfYear(_ date: CalendarDate) -> Int {
        epochDay(year: date.year, month: date.month, day: date.day) - epochDay(year: date.year, month: 1, day: 1) + 1
    }

    static func quarter(of month: Int) -> Int { (month - 1) / 3 + 1 }

    /// The first day of the first month of a quarter.
    static func firstMonth(ofQuarter quarter: Int) -> Int { (quarter - 1) * 3 + 1 }

    /// Day of the quarter, from 1.
    static func dayOfQuarter(_ date: CalendarDate) -> Int {
        epochDay(year: date.year, month: date.month, day: date.day) - epochDay(year: date.year, month: firstMonth(ofQuarter: quarter(of: date.month)), day: 1)
            + 1
    }

    /// The epoch day of the Monday of ISO week 1 of `weekYear`.
    static func firstDayOfWeekYear(_ weekYear: Int) -> Int {
        let january4 = epochDay(year: weekYear, month: 1, day: 4)
        return january4 - (dayOfWeek(epochDay: january4) - 1)
    }

    /// The ISO week-based year and week of a day.
    static func weekDate(epochDay day: Int) -> (weekYear: Int, week: Int) {
        let year = date(ofEpochDay: day).year
        var weekYear = year
        if day >= firstDayOfWeekYear(year + 1) { weekYear = year + 1 } else if day < firstDayOfWeekYear(year) { weekYear = year - 1 }
        return (weekYear, (day - firstDayOfWeekYear(weekYear)) / 7 + 1)
    }

    /// The number of ISO weeks in a week-based year (52 or 53).
    static func weeksIn(weekYear: Int) -> Int { (firstDayOfWeekYear(weekYear + 1) - firstDayOfWeekYear(weekYear)) / 7 }

    /// A date `months` months after `date`, its day clamped to the month's length.
    static func adding(months: Int, to date: CalendarDate) -> CalendarDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total >= 0 ? total / 12 : -((-total + 11) / 12)
        let month = total - year * 12 + 1
        return CalendarDate(year: year, month: month, day: min(date.day, daysIn(month: month, year: year)))
    }
}
