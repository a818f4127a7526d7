import RelGraph
import RelGraphTestSupport
import Testing

/// Temporal values in queries, and the graph's own dates as dates: a partial date counts as its
/// first day wherever a day is needed, and prints as written.
@Suite("Temporal values in queries")
struct TemporalQueryTests {
    func value(_ expression: String, in graph: Graph = Graph()) throws -> String {
        let result = try graph.query("RETURN \(expression) AS value")
        return result.text(result.rows[0][0])
    }

    @Test("a node's partial dates are dates: components, comparison and arithmetic as of their first day")
    func partialDates() throws {
        let graph = Fixtures.indiaRussia
        let rows = try graph.query(
            """
            MATCH (t {id: 'treaty-1971'})
            RETURN t.start AS start, t.start.year AS year, t.start.month AS month, t.start = date('1971-01-01') AS first,
                   t.start + duration('P1M') AS later, t.start < date('1971-06-01') AS before
            """
        ).rows
        let later = try graph.query("RETURN date('1971-02-01')").rows[0][0]
        #expect(rows == [[.date(try PartialDate(parsing: "1971")), .integer(1971), .integer(1), .boolean(true), later, .boolean(true)]])
    }

    @Test("durations between a node's start and end, as the issue's query asks them of relationships")
    func durationsBetweenDates() throws {
        let graph = Fixtures.indiaRussia
        let treaties = try graph.query(
            """
            MATCH (n) WHERE n.start >= date('1970') AND duration.between(n.start, n.end).years > 10
            RETURN n.id, duration.between(n.start, n.end).years AS years
            """)
        #expect(treaties.rows == [[.string("treaty-1971"), .integer(22)]])
        let relationships = try graph.query("MATCH ()-[r]->() WHERE r.start >= date('2000') AND duration.between(r.start, r.end).years > 10 RETURN r")
        #expect(relationships.rows.isEmpty)
        let days = try graph.query("MATCH ()-[r:undertook]->() WHERE r.start IS NOT NULL RETURN duration.inDays(r.start, r.end).days AS days")
        #expect(days.rows == [[.integer(2)]])
    }

    @Test("temporal values print in ISO 8601, fractions of a second in groups of three digits")
    func text() throws {
        #expect(
            try value("datetime({year: 2017, month: 8, day: 8, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: 'Europe/Stockholm'})")
                == "2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]")
        #expect(try value("localtime('21:40:32.5')") == "21:40:32.500")
        #expect(try value("duration({seconds: -60, milliseconds: -1})") == "PT-1M-0.001S")
        #expect(try value("date('2015-W30-2')") == "2015-07-21")
    }

    @Test("a named zone's historical offset comes from the tz database")
    func historicalOffset() throws {
        #expect(try value("datetime('1818-07-21T21:40:32.142[Europe/Stockholm]')") == "1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]")
    }

    @Test("adding a month keeps the day where the month has it, else the month's last day")
    func monthArithmetic() throws {
        #expect(try value("date('2021-01-31') + duration({months: 1})") == "2021-02-28")
        #expect(try value("date('2020-01-31') + duration({months: 1})") == "2020-02-29")
    }

    @Test("truncation takes the start of the unit, then the fields given")
    func truncation() throws {
        #expect(try value("date.truncate('quarter', date('1984-11-11'), {day: 2})") == "1984-10-02")
        #expect(try value("datetime.truncate('hour', datetime('1984-10-11T12:31:14+01:00'))") == "1984-10-11T12:00+01:00")
    }

    @Test("text that is not a temporal value is an argument error located at the call")
    func malformed() throws {
        let error = try #require(throws: CypherError.self) { try Graph().query("RETURN date('2021-02-30') AS d") }
        #expect(error.kind == .argument && error.line == 1 && error.column == 8)
        #expect(error.message.contains("day 30 is out of range"))
    }
}
