import RelGraph
import RelGraphTestSupport
import Testing

/// Errors and warnings that say what to write instead, for what a Neo4j user writes first.
@Suite("Query errors and warnings that teach")
struct QueryMessageTests {
    func error(_ query: String, in graph: Graph = Fixtures.indiaRussia) -> CypherError? {
        do {
            _ = try graph.query(query)
            return nil
        } catch {
            return error
        }
    }

    func warnings(_ query: String) throws -> [String] {
        try Fixtures.indiaRussia.query(query).warnings.map(\.message)
    }

    @Test("a relationship type with dashes, not backquoted, is refused with its backquoted form")
    func dashedType() throws {
        let failure = try #require(error("MATCH (a)-[r:partner-of]->(b) RETURN a"))
        #expect(failure.kind == .syntax && failure.column == 14)
        #expect(failure.message.contains("[:`partner-of`]"))
    }

    @Test("an aggregate mixed with a value that is not a grouping key is a located compile-time error, as in Neo4j")
    func ambiguousAggregation() throws {
        // The query that crashed RelGraph (issue 20), on an empty graph and on the bundled one.
        for graph in [Graph(), Fixtures.indiaRussia] {
            let failure = try #require(error("MATCH (me:Person)--(you:Person) RETURN me.age + count(you.age)", in: graph))
            #expect(failure.code == .ambiguousAggregationExpression && failure.phase == .compile)
            #expect(failure.line == 1 && failure.column == 40)
        }
        #expect(error("MATCH (me:actor)--(you:actor) RETURN me.label, me.label + count(you)") == nil)
    }

    @Test("n.name and n.title, where the graph has neither, point to label")
    func nameSuggestsLabel() throws {
        #expect(try warnings("MATCH (n) WHERE n.name = 'India' RETURN n.title").allSatisfy { $0.contains("'label' (n.label)") })
    }

    @Test("a date compared with a number, or searched as text, is a warning that says how dates compare")
    func dateWarnings() throws {
        #expect(
            try warnings("MATCH (t:treaty) WHERE t.date > 1990 RETURN t") == [
                "t.date is a date, which never equals or orders against a number: compare it with a date ('1993', '1993-05' or date('1993-05-01')), or compare t.date.year with the number"
            ])
        #expect(try warnings("MATCH (t:treaty) WHERE t.date STARTS WITH '19' RETURN t").first?.contains("toString(t.date)") == true)
    }

    @Test("types are named with their article: an integer, a string")
    func articles() throws {
        let failure = try #require(error("UNWIND [1] AS x RETURN x.name"))
        #expect(failure.message == "an integer has no properties (asked for 'name')")
        #expect(error("RETURN toUpper(1)")?.message == "toUpper(...) cannot take an integer")
    }

    @Test("constructs outside the subset are named, with what to write")
    func unsupportedConstructs() throws {
        #expect(error("MATCH (n) RETURN size((n)-->())")?.message.contains("COUNT {") == true)
        #expect(error("CALL db.labels()")?.message.contains("CALL is not part of RelGraph's read-only Cypher") == true)
        #expect(error("MATCH (n $props) RETURN n")?.code == .invalidParameterUse)
        #expect(error("MATCH (n)-[:r 1..2]->(m) RETURN m")?.message.contains("needs '*'") == true)
    }

    @Test("a missing parameter is refused before running, naming it")
    func missingParameter() throws {
        let failure = try #require(error("MATCH (n {id: $who}) RETURN n"))
        #expect(failure.kind == .missingParameter && failure.subject == "who" && failure.phase == .compile)
        #expect(!failure.message.contains("--param"))
    }
}
