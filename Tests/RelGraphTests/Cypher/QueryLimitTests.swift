import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Every query has a budget: a time limit, a cap on the rows a clause makes, a cancellation
/// flag. Past it, the query stops with a `.limit` error that names the clause it was in.
@Suite("Query limits")
struct QueryLimitTests {
    /// All trails from India, in both directions: far more than any budget here allows.
    let runaway = "MATCH (a {id: 'india'})-[*]-(b) RETURN b.id"

    @Test("a query past its time limit stops with a limit error naming its MATCH")
    func timeLimit() throws {
        let started = ContinuousClock.now
        let error = try #require(throws: CypherError.self) {
            try Fixtures.indiaRussia.query(runaway, limits: QueryLimits(timeLimit: .milliseconds(200)))
        }
        #expect(error.kind == .limit && error.code == .timeLimit && error.phase == .runtime)
        #expect(error.subject == "MATCH" && error.line == 1 && error.column == 1)
        #expect(error.message.contains("upper bound"))
        #expect(ContinuousClock.now - started < TimeLimit.scaled(.seconds(5)))
    }

    @Test("a clause that makes more rows than the cap stops with a limit error")
    func rowCap() throws {
        let error = try #require(throws: CypherError.self) {
            try Fixtures.indiaRussia.query(runaway, limits: QueryLimits(maximumRows: 1000))
        }
        #expect(error.code == .rowLimit && error.subject == "MATCH")
        #expect(error.message.contains("more than 1,000 rows"))
    }

    @Test("a MATCH whose patterns are bounded already is told to lower the bound, not to add one")
    func boundedAdvice() throws {
        let error = try #require(throws: CypherError.self) {
            try Fixtures.indiaRussia.query("MATCH (a {id: 'india'})-[*..8]-(b) RETURN b.id", limits: QueryLimits(maximumRows: 1000))
        }
        #expect(error.message.contains("lower its variable-length patterns' upper bound (8 now, such as [*..4])"))
        #expect(!error.message.contains("give its variable-length patterns an upper bound"))
    }

    @Test("a projection that would hold more rows than the cap stops too")
    func heldRows() throws {
        let error = try #require(throws: CypherError.self) {
            try Graph().query("UNWIND range(1, 5000) AS x RETURN x ORDER BY x DESC", limits: QueryLimits(maximumRows: 4000))
        }
        #expect(error.code == .rowLimit)
    }

    @Test("a cancelled query stops at its next check")
    func cancellation() throws {
        let cancellation = QueryCancellation()
        cancellation.cancel()
        let error = try #require(throws: CypherError.self) {
            try Fixtures.indiaRussia.query(runaway, limits: QueryLimits(cancellation: cancellation))
        }
        #expect(error.code == .cancelled)
    }

    @Test("a query within its limits answers as without them")
    func withinLimits() throws {
        let query = "MATCH (a:actor)-[:signed]->(t:treaty) RETURN a.id, t.id ORDER BY a.id, t.id"
        let limited = try Fixtures.indiaRussia.query(query, limits: QueryLimits(timeLimit: .seconds(30), maximumRows: 100))
        #expect(limited.rows == (try Fixtures.indiaRussia.query(query).rows))
    }
}
