import RelGraph
import RelGraphTestSupport
import Testing

/// Where rows stop and how dates order in Cypher (contract §6): `SKIP` and `LIMIT` at their
/// boundaries; dates of any precision compare as their first day, date with date as well as
/// date with text.
@Suite("Cypher LIMIT, SKIP and date order")
struct CypherOrderingTests {
    /// Three events: a whole year, a month and a day of it.
    static let dated: Graph = {
        do {
            var builder = GraphBuilder()
            for (id, date) in [("june", "2021-06"), ("year", "2021"), ("mid-january", "2021-01-15")] {
                try builder.addNode(Node(id: id, kind: .event, timing: .on(try PartialDate(parsing: date))))
            }
            return try builder.build()
        } catch {
            fatalError("the dated graph must build: \(error)")
        }
    }()

    func rows(_ query: String, in graph: Graph = Fixtures.smallGraph) throws -> [String] {
        let result = try graph.query(query)
        return result.rows.map { $0.map { result.text($0) }.joined(separator: "|") }
    }

    @Test("LIMIT N keeps the first N rows when there is one more")
    func limitOneShort() throws {
        #expect(try rows("UNWIND [1, 2, 3] AS x RETURN x LIMIT 2") == ["1", "2"])
    }

    @Test("LIMIT N keeps every row when there are N or fewer, and none with LIMIT 0")
    func limitAtOrAboveCount() throws {
        #expect(try rows("UNWIND [1, 2, 3] AS x RETURN x LIMIT 3") == ["1", "2", "3"])
        #expect(try rows("UNWIND [1, 2, 3] AS x RETURN x LIMIT 5") == ["1", "2", "3"])
        #expect(try rows("UNWIND [1, 2, 3] AS x RETURN x LIMIT 0").isEmpty)
    }

    @Test("SKIP N drops the first N rows, and every row when N is the count or more")
    func skip() throws {
        #expect(try rows("UNWIND [1, 2, 3] AS x RETURN x SKIP 1") == ["2", "3"])
        #expect(try rows("UNWIND [1, 2, 3] AS x RETURN x SKIP 3").isEmpty)
        #expect(try rows("UNWIND [1, 2, 3] AS x RETURN x SKIP 4").isEmpty)
    }

    @Test("ORDER BY a date orders partial dates by their first day: 2021, 2021-01-15, 2021-06")
    func orderByDate() throws {
        #expect(try rows("MATCH (n) RETURN n.id ORDER BY n.date", in: Self.dated) == ["year", "mid-january", "june"])
        #expect(try rows("MATCH (n) RETURN n.id ORDER BY n.date DESC", in: Self.dated) == ["june", "mid-january", "year"])
    }

    @Test("a date compared with a date: 2021 is before 2021-06 and before 2021-01-15")
    func dateWithDate() throws {
        #expect(try rows("MATCH (y {id: 'year'}), (n) WHERE y.date < n.date RETURN n.id ORDER BY n.id", in: Self.dated) == ["june", "mid-january"])
        #expect(try rows("MATCH (y {id: 'year'}), (n) WHERE y.date = n.date RETURN n.id", in: Self.dated) == ["year"])
    }

    @Test("a date compared with a text of a date: 2021-06 is on or after '2021-06-01' and before '2021-06-02'")
    func dateWithText() throws {
        #expect(
            try rows("MATCH (n {id: 'june'}) RETURN n.date >= '2021-06-01', n.date < '2021-06-02', n.date < '2021-06-01'", in: Self.dated) == [
                "true|true|false"
            ])
    }
}
