import RelGraph
import RelGraphTestSupport
import Testing

@Suite("Partial dates and timings")
struct PartialDateTests {
    @Test("YYYY, YYYY-MM and YYYY-MM-DD parse and print back")
    func parsesThreePrecisions() throws {
        for text in ["1993", "2021-12", "2021-07-07", "0044"] {
            #expect(try PartialDate(parsing: text).description == text)
        }
    }

    @Test(
        "impossible dates are refused with the reason",
        arguments: [
            ("2021-02-30", "day 30 does not exist in 2021-02"),
            ("2021-13", "month 13 does not exist"),
            ("1993-1", "is not a date"),
            ("93", "is not a date"),
            ("2021-00-01", "month 0 does not exist"),
            ("0000", "year 0 is out of range"),
        ])
    func refusesImpossibleDates(text: String, reason: String) {
        #expect {
            try PartialDate(parsing: text)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("29 February exists only in leap years")
    func leapYears() throws {
        #expect(throws: Never.self) { try PartialDate(parsing: "2000-02-29") }
        #expect(throws: DateError.self) { try PartialDate(parsing: "1900-02-29") }
        #expect(throws: Never.self) { try PartialDate(parsing: "2024-02-29") }
    }

    @Test("a partial date spans its first to its last day")
    func spans() throws {
        let year = try PartialDate(parsing: "2031")
        #expect(year.lastDay - year.firstDay == 364)
        let february = try PartialDate(parsing: "2024-02")
        #expect(february.lastDay - february.firstDay == 28)
        #expect(try PartialDate(parsing: "1970-01-01").firstDay == 0)
    }

    @Test("end before start is refused, but a partial end in the start's year is not")
    func endBeforeStart() throws {
        #expect(throws: TimingError.self) {
            try Timing(date: nil, start: PartialDate(parsing: "2020"), end: PartialDate(parsing: "2019"))
        }
        #expect(throws: Never.self) {
            try Timing(date: nil, start: PartialDate(parsing: "2021-07"), end: PartialDate(parsing: "2021"))
        }
        #expect(throws: TimingError.self) {
            try Timing(date: PartialDate(parsing: "2020"), start: PartialDate(parsing: "2019"), end: nil)
        }
    }

    @Test("as-of keeps what has started and not yet ended, comparing whole partial dates")
    func asOfBoundaries() throws {
        let d = { (text: String) in try PartialDate(parsing: text) }
        let treaty1993 = Timing.on(try d("1993"))
        #expect(!treaty1993.exists(asOf: try d("1992-12-31")))
        #expect(treaty1993.exists(asOf: try d("1993-01-01")))
        #expect(treaty1993.exists(asOf: try d("1993")))
        let december = Timing.on(try d("2021-12"))
        #expect(december.exists(asOf: try d("2021")), "as of 2021 covers all of 2021")
        #expect(!december.exists(asOf: try d("2021-11-30")))
        let decade = try Timing(date: nil, start: d("2021"), end: d("2031"))
        #expect(decade.exists(asOf: try d("2031-12-31")), "an end year lasts to its last day")
        #expect(!decade.exists(asOf: try d("2032")))
        #expect(!decade.exists(asOf: try d("2020-12")))
        let untilDissolution = try Timing(date: nil, start: nil, end: d("1991-12"))
        #expect(untilDissolution.exists(asOf: try d("1900")), "an open start reaches back forever")
        #expect(untilDissolution.exists(asOf: try d("1991-12-31")))
        #expect(!untilDissolution.exists(asOf: try d("1992")))
        #expect(Timing.undated.exists(asOf: try d("0001")))
    }
}
