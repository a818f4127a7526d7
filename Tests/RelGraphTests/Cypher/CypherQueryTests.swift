import RelGraph
import RelGraphTestSupport
import Testing

/// The openCypher subset of contract §6, one behaviour per test, on the bundled graph and on a
/// small graph: a cycle a→b→c→a, a symmetric c–d, a self-loop on d, b→e twice, an island f.
@Suite("Cypher queries")
struct CypherQueryTests {
    static let small = Fixtures.smallGraph

    let graph = Fixtures.indiaRussia

    /// The rows of a query as text, one line per row, columns joined by `|`.
    func rows(_ query: String, in graph: Graph = Fixtures.indiaRussia, asOf: String? = nil, parameters: [String: CypherValue] = [:], language: String = "en")
        throws -> [String]
    {
        let view = graph.view(GraphFilter(asOf: asOf.flatMap(PartialDate.init)))
        let result = try view.query(query, parameters: parameters, language: language)
        return result.rows.map { $0.map { result.text($0, language: language) }.joined(separator: "|") }
    }

    func error(_ query: String) -> CypherError? {
        do {
            _ = try graph.query(query)
            return nil
        } catch {
            return error
        }
    }

    @Test("MATCH with a label and a relationship type finds who signed what")
    func matchLabelsAndTypes() throws {
        let signed = try rows("MATCH (a:actor)-[:signed]->(t:treaty) RETURN a.id, t.id")
        #expect(signed.count == 10)
        #expect(signed.contains("india|treaty-1993"))
    }

    @Test("label unions with | and relationship type unions with |")
    func unions() throws {
        #expect(try rows("MATCH (n:treaty|project) RETURN count(*)") == [String(graph.nodes.filter { $0.kind == .treaty || $0.kind == .project }.count)])
        let both = try rows("MATCH (:actor {id: 'india'})-[r:signed|`partner-in`]->() RETURN DISTINCT type(r) ORDER BY type(r)")
        #expect(both == ["partner-in", "signed"])
    }

    @Test("property maps, directions ->, <- and none")
    func directions() throws {
        #expect(try rows("MATCH (a {id: 'a'})-->(b) RETURN b.id", in: Self.small) == ["b"])
        #expect(try rows("MATCH (a {id: 'a'})<--(b) RETURN b.id", in: Self.small) == ["c"])
        #expect(try rows("MATCH (a {id: 'a'})--(b) RETURN b.id ORDER BY b.id", in: Self.small) == ["b", "c"])
    }

    @Test("a symmetric relation matches in both directions, even with an arrow")
    func symmetric() throws {
        #expect(try rows("MATCH (x)-[:peer]->(y) RETURN x.id, y.id ORDER BY x.id", in: Self.small) == ["c|d", "d|c"])
        #expect(try rows("MATCH (x {id: 'd'})<-[:peer]-(y) RETURN y.id", in: Self.small) == ["c"])
    }

    @Test("an undirected self-loop matches once, as in Neo4j")
    func selfLoop() throws {
        #expect(try rows("MATCH (x)-[:self]-(y) RETURN x.id, y.id", in: Self.small) == ["d|d"])
        #expect(try rows("MATCH (x)-[r]-(x) RETURN count(r)", in: Self.small) == ["1"])
    }

    @Test("comma-separated patterns join on shared variables; a relationship is not repeated in one MATCH")
    func severalPatterns() throws {
        #expect(try rows("MATCH (a)-[:r]->(b), (b)-[:r]->(c) RETURN a.id, c.id ORDER BY a.id", in: Self.small) == ["a|c", "b|a", "c|b"])
        // (a)-[r1]-(b)-[r2]-(c) never walks one edge back.
        #expect(try rows("MATCH (x {id: 'e'})-[r1]-(y)-[r2]-(z) WHERE z.id = 'e' RETURN count(*)", in: Self.small) == ["2"])
    }

    @Test("variable length *, *N, *N..M and *0..M follow trails")
    func variableLength() throws {
        #expect(try rows("MATCH (a {id: 'a'})-[:r*]->(b) RETURN b.id", in: Self.small) == ["b", "c", "a"])
        #expect(try rows("MATCH (a {id: 'a'})-[:r*2]->(b) RETURN b.id", in: Self.small) == ["c"])
        #expect(try rows("MATCH (a {id: 'a'})-[:r*2..3]->(b) RETURN b.id", in: Self.small) == ["c", "a"])
        #expect(try rows("MATCH (a {id: 'a'})-[:r*0..1]->(b) RETURN b.id", in: Self.small) == ["a", "b"])
        #expect(try rows("MATCH (a {id: 'a'})-[rs:r*3]->(b) RETURN size(rs)", in: Self.small) == ["3"])
    }

    @Test("OPTIONAL MATCH keeps rows without a match, with nulls")
    func optionalMatch() throws {
        let result = try rows("MATCH (n {id: 'f'}) OPTIONAL MATCH (n)-->(m) RETURN n.id, m", in: Self.small)
        #expect(result == ["f|"])
        #expect(try Self.small.query("MATCH (n {id: 'f'}) OPTIONAL MATCH (n)-->(m) RETURN m").rows == [[.null]])
    }

    @Test("WHERE with comparisons, AND, OR, XOR, NOT, IN, string predicates, IS NULL and =~")
    func whereClauses() throws {
        #expect(try rows("MATCH (n:sector) WHERE n.id IN ['defence', 'energy'] AND NOT n.id = 'energy' RETURN n.id") == ["defence"])
        #expect(try rows("MATCH (n) WHERE n.id STARTS WITH 'putin' RETURN n.id") == ["putin-visit-2000", "putin-visit-2021"])
        #expect(try rows("MATCH (n) WHERE n.id ENDS WITH 'yeltsin' OR n.id CONTAINS 'kudan' RETURN n.id ORDER BY n.id") == ["boris-yeltsin", "kudankulam"])
        #expect(
            try rows("MATCH (n:actor) WHERE n.id = 'india' XOR n.type = 'country' RETURN count(*)") == [
                String(graph.nodes.filter { $0.kind == .actor && $0.type == "country" }.count - 1)
            ])
        #expect(try rows("MATCH (n) WHERE n.id =~ 'putin-visit-20[0-9]{2}' RETURN count(*)") == ["2"])
        #expect(
            try rows("MATCH (n:event) WHERE n.date IS NULL AND n.start IS NULL RETURN count(*)") == [
                String(graph.nodes.filter { $0.kind == .event && $0.timing == .undated }.count)
            ])
    }

    @Test("dates compare chronologically, a partial date as its first day")
    func dates() throws {
        #expect(try rows("MATCH (t:treaty) WHERE t.date >= '2000-10-01' AND t.date < '2021' RETURN t.id") == ["strategic-partnership-declaration"])
        #expect(try rows("MATCH (t:treaty {id: 'treaty-1993'}) RETURN t.date, t.date.year") == ["1993|1993"])
    }

    @Test("a pattern in WHERE is true when it has a match")
    func patternPredicates() throws {
        #expect(try rows("MATCH (n) WHERE (n)-[:self]->() RETURN n.id", in: Self.small) == ["d"])
        #expect(try rows("MATCH (n) WHERE NOT (n)--() RETURN n.id", in: Self.small) == ["f"])
    }

    @Test("WITH, UNWIND, aliases, DISTINCT, ORDER BY, SKIP and LIMIT")
    func projections() throws {
        #expect(try rows("UNWIND [3, 1, 2, 1] AS x RETURN DISTINCT x AS y ORDER BY y DESC") == ["3", "2", "1"])
        #expect(try rows("UNWIND [3, 1, 2] AS x WITH x * 10 AS y WHERE y > 10 RETURN y ORDER BY y SKIP 1 LIMIT 1") == ["30"])
        let grouped = try rows("MATCH (t:treaty)-[:`in-sector`]->(s) WITH t, count(s) AS n WHERE n >= 1 RETURN t.id, n ORDER BY t.id")
        #expect(grouped.count == Set(try rows("MATCH (t:treaty)-[:`in-sector`]->() RETURN t.id")).count)
    }

    @Test("count, collect, min, max, sum and avg, grouped by the other columns")
    func aggregates() throws {
        #expect(try rows("UNWIND [1, 2, 3, null] AS x RETURN count(*), count(x), collect(x), min(x), max(x), sum(x), avg(x)") == ["4|3|[1, 2, 3]|1|3|6|2.0"])
        #expect(
            try rows("MATCH (n) RETURN n.kind AS kind, count(*) AS n ORDER BY n DESC, kind LIMIT 1") == [
                "actor|\(graph.nodes.filter { $0.kind == .actor }.count)"
            ])
        #expect(try rows("MATCH (n {id: 'nobody'}) RETURN count(*), collect(n), sum(n.w)") == ["0|[]|0"])
        #expect(try rows("MATCH (a)-[:r]->(b) RETURN count(DISTINCT a)", in: Self.small) == ["3"])
    }

    @Test("shortestPath returns the path `relgraph path` returns; allShortestPaths every one")
    func shortestPaths() throws {
        let path = try rows("MATCH p = shortestPath((a {id: 'boris-yeltsin'})-[*]-(b {id: 'amethi'})) RETURN length(p), nodes(p)")
        #expect(path == ["3|[Boris Yeltsin, India, AK-203 rifle joint venture, Amethi]"])
        let all = try rows("MATCH p = allShortestPaths((a {id: 'usa'})-[*]-(b {id: 'amethi'})) RETURN length(p)")
        #expect(all.count >= 1 && Set(all).count == 1)
        #expect(try rows("MATCH p = shortestPath((a {id: 'a'})-[*..1]->(b {id: 'c'})) RETURN p", in: Self.small).isEmpty)
    }

    @Test("parameters, backquoted names and the functions of §6")
    func functions() throws {
        #expect(try rows("MATCH (n {id: $who}) RETURN n.label", parameters: ["who": .string("india")]) == ["India"])
        #expect(
            try rows(
                "MATCH (`the node` {id: 'india'})-[r:signed]->(t {id: 'treaty-1993'}) RETURN id(`the node`), labels(t), type(r), toUpper(`the node`.id), toLower(t.kind), size(t.id), coalesce(t.type, 'none')"
            )
                == ["india|[treaty]|signed|INDIA|treaty|11|none"])
        #expect(try rows("MATCH p = (a {id: 'a'})-[:r]->(b) RETURN length(p), size(nodes(p)), size(relationships(p))", in: Self.small) == ["1|2|1"])
    }

    @Test("labels follow the language; rows come in the same order every time")
    func languageAndDeterminism() throws {
        #expect(try rows("MATCH (n {id: 'india'}) RETURN n.label, n", language: "hi") == ["भारत|भारत"])
        let query = "MATCH (a)-[r]-(b) RETURN a.id, type(r), b.id"
        #expect(try rows(query) == (try rows(query)))
    }

    @Test("--as-of applies to everything a query sees")
    func asOf() throws {
        let before = try rows("MATCH (t:treaty) RETURN count(*)", asOf: "1995")
        let after = try rows("MATCH (t:treaty) RETURN count(*)", asOf: "2022")
        #expect(Int(before[0])! < Int(after[0])!)
        #expect(try rows("MATCH (a)-[:signed]->(t {id: 'agreements-2021-12'}) RETURN a.id", asOf: "2020").isEmpty)
    }

    @Test("a syntax error gives line, column and a caret")
    func syntaxError() throws {
        let query = "MATCH (a:actor)\nRETURN a.id +* 2"
        let failure = try #require(error(query))
        #expect(failure.kind == .syntax)
        #expect(failure.report(for: query) == "QUERY:2:14: error: expected an expression, found *\nRETURN a.id +* 2\n             ^")
    }

    @Test("writing clauses are refused as writes")
    func writes() throws {
        for query in ["CREATE (a:actor {id: 'x'})", "MATCH (a) SET a.x = 1 RETURN a", "MATCH (a) DETACH DELETE a", "MERGE (a {id: 'x'})"] {
            #expect(error(query)?.kind == .write, "\(query)")
        }
    }

    @Test("unknown variables and functions are errors naming the nearest")
    func semanticErrors() throws {
        #expect(error("MATCH (node) RETURN nod.id")?.message == "the variable 'nod' is not defined here; did you mean 'node'?")
        #expect(error("MATCH (n) RETURN toLowr(n.id)")?.message == "unknown function 'toLowr'; did you mean 'toLower'?")
    }

    @Test("unknown kinds, relations and properties are warnings naming the nearest")
    func warnings() throws {
        let query = "MATCH (a:actr)-[:signd]->(t) RETURN t.lable"
        let result = try graph.query(query)
        #expect(result.rows.isEmpty)
        #expect(
            result.warnings.map(\.message) == [
                "no node has the kind 'actr'; did you mean 'actor'?",
                "no edge has the relation 'signd'; did you mean 'signed'?",
                "no node has the property 'lable'; did you mean 'label'?",
            ])
        #expect(result.warnings[0].report(for: query).hasPrefix("QUERY:1:10: warning: no node has the kind 'actr'"))
    }

    @Test("JSON rows: nodes, relationships, paths and dates in the contract's shapes")
    func json() throws {
        let result = try graph.query("MATCH p = (a {id: 'india'})-[r:signed]->(t {id: 'treaty-1993'}) RETURN a, r, t.date, p")
        let text = result.json().serialized(indented: false)
        #expect(
            text
                == #"{"columns":["a","r","t.date","p"],"rows":[[{"id":"india","kind":"actor","label":"India"},{"from":"india","to":"treaty-1993","relation":"signed"},"1993",{"nodes":[{"id":"india","kind":"actor","label":"India"},{"id":"treaty-1993","kind":"treaty","label":"Treaty of Friendship and Cooperation (1993)"}],"edges":[{"from":"india","to":"treaty-1993","relation":"signed"}]}]]}"#
        )
    }
}
