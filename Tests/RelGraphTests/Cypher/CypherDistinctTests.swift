import RelGraph
import RelGraphTestSupport
import Testing

/// `DISTINCT` (contract §6) in each place it can stand, with and without `ORDER BY`, on the
/// small graph (a cycle a→b→c→a, a symmetric c–d, a self-loop on d, b→e twice, an island f).
@Suite("Cypher DISTINCT")
struct CypherDistinctTests {
    func rows(_ query: String) throws -> [String] {
        let result = try Fixtures.smallGraph.query(query)
        return result.rows.map { $0.map { result.text($0) }.joined(separator: "|") }
    }

    @Test("RETURN DISTINCT without ORDER BY returns each row once, in the order first met")
    func returnDistinct() throws {
        #expect(try rows("UNWIND [3, 1, 3, 2, 1] AS x RETURN DISTINCT x") == ["3", "1", "2"])
    }

    @Test("RETURN DISTINCT compares whole rows: b→e twice is one row, b→c another")
    func wholeRows() throws {
        #expect(try rows("MATCH (b {id: 'b'})-->(n) RETURN DISTINCT b.id, n.id ORDER BY n.id") == ["b|c", "b|e"])
        #expect(try rows("MATCH (b {id: 'b'})-->(n) RETURN DISTINCT n.kind") == ["actor"])
    }

    @Test("RETURN DISTINCT with ORDER BY returns each row once, in order")
    func distinctOrdered() throws {
        #expect(try rows("UNWIND [3, 1, 3, 2, 1] AS x RETURN DISTINCT x ORDER BY x") == ["1", "2", "3"])
    }

    @Test("WITH DISTINCT drops duplicate rows before the next clause")
    func withDistinct() throws {
        #expect(try rows("UNWIND [1, 1, 2, 2, 2] AS x WITH DISTINCT x RETURN count(*)") == ["2"])
    }

    @Test("count(DISTINCT x) counts each value once; count(x) counts them all")
    func countDistinct() throws {
        #expect(try rows("UNWIND [1, 1, 2, null] AS x RETURN count(DISTINCT x), count(x)") == ["2|3"])
    }

    @Test("collect(DISTINCT x) keeps the first of each value, in order")
    func collectDistinct() throws {
        #expect(try rows("UNWIND [2, 1, 2, 3, 1] AS x RETURN collect(DISTINCT x)") == ["[2, 1, 3]"])
    }
}
