import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// RelGraph's answers checked against Kùzu 0.11, an embedded openCypher database, on the same
/// graphs (the schema mapping is in scripts/kuzu_reference.py; the dialect differences in
/// CypherQueryGenerator). Results must agree as multisets, or as lists where the query orders
/// every column.
@Suite("Cypher queries agree with Kùzu")
struct KuzuDifferentialTests {
    /// Questions a reader of the India–Russia note would ask, in both dialects. Where a Kùzu
    /// text is nil, it is RelGraph's with the mechanical renames of `kuzuDialect`.
    static let questions: [(String, String, String?)] = [
        ("who signed what", "MATCH (a:actor)-[:signed]->(t:treaty) RETURN a.id, t.id", nil),
        ("treaties signed after 2000", "MATCH (a:actor)-[:signed]->(t:treaty) WHERE t.date > '2000-01-01' RETURN DISTINCT t.id, t.date", nil),
        ("treaties and their sectors", "MATCH (t:treaty)-[:`in-sector`]->(s:sector) RETURN t.id, s.id", nil),
        (
            "treaties India signed after 2000, with sectors",
            "MATCH (:actor {id: 'india'})-[:signed]->(t:treaty)-[:`in-sector`]->(s:sector) WHERE t.date >= '2000-01-01' RETURN t.id, s.id", nil
        ),
        ("who met whom", "MATCH (a)-[:met]->(b) RETURN a.id, b.id", nil),
        ("who met whom, undirected", "MATCH (a)-[r:met]-(b) RETURN a.id, b.id", "MATCH (a)-[r:met]-(b) WHERE r.copy = 0 RETURN a.id, b.id"),
        ("meetings in 2021", "MATCH (a)-[r:met]->(b) WHERE r.date >= '2021-01-01' AND r.date < '2022-01-01' RETURN a.id, b.id", nil),
        ("counts per kind", "MATCH (n) RETURN n.kind, count(*) ORDER BY n.kind", "MATCH (n) RETURN n.kind, count(*) ORDER BY n.kind"),
        (
            "counts per relation", "MATCH ()-[r]->() RETURN type(r) AS relation, count(*) AS edges",
            "MATCH ()-[r]->() RETURN r.rel AS relation, count(*) AS edges"
        ),
        (
            "India's neighbours", "MATCH (:actor {id: 'india'})-[r]-(n) RETURN DISTINCT n.id",
            "MATCH (:actor {id: 'india'})-[r]-(n) WHERE r.copy = 0 RETURN DISTINCT n.id"
        ),
        ("India's degree", "MATCH (i {id: 'india'})-[r]-() RETURN count(r)", "MATCH (i {id: 'india'})-[r]-() WHERE r.copy = 0 RETURN count(r)"),
        ("what Russia cooperates on", "MATCH ({id: 'russia'})-[:`cooperates-on`]->(x) RETURN x.id, x.label", nil),
        ("projects in sectors", "MATCH (p:project)-[:`in-sector`]->(s) RETURN p.label, s.label ORDER BY p.label, s.label", nil),
        ("where projects are", "MATCH (p:project)-[:`located-in`]->(l:place) RETURN p.id, l.id", nil),
        ("sectors by number of treaties", "MATCH (t:treaty)-[:`in-sector`]->(s:sector) RETURN s.id, count(t) AS treaties ORDER BY treaties DESC, s.id", nil),
        ("who holds office", "MATCH (a:actor)-[:`holds-office`]->(o) RETURN a.label, o.label", nil),
        ("presidents", "MATCH (a)-[:`president-of`]->(c) RETURN a.id, c.id", nil),
        ("counterparts both ways", "MATCH (a)-[:`counterpart-of`]->(b) RETURN a.id, b.id", nil),
        ("events with dates", "MATCH (e:event) WHERE e.date IS NOT NULL RETURN e.id, e.date ORDER BY e.date, e.id", nil),
        ("undated events", "MATCH (e:event) WHERE e.date IS NULL AND e.start IS NULL RETURN e.id", nil),
        ("visits", "MATCH (a)-[:undertook]->(v:event)-[:`visit-to`]->(c) RETURN a.id, v.id, c.id", nil),
        ("Putin's visits", "MATCH (:actor {id: 'vladimir-putin'})-[:undertook]->(v) RETURN v.label ORDER BY v.label", nil),
        ("labels containing India", "MATCH (n) WHERE n.label CONTAINS 'India' RETURN n.id", nil),
        ("labels starting with Russia", "MATCH (n) WHERE n.label STARTS WITH 'Russia' RETURN n.id", nil),
        ("ids ending in 2021", "MATCH (n) WHERE n.id ENDS WITH '2021' RETURN n.id", nil),
        ("ids by regular expression", "MATCH (n) WHERE n.id =~ 'putin.*|.*yeltsin' RETURN n.id", nil),
        ("actors of a type", "MATCH (a:actor) WHERE a.type IN ['person', 'office'] RETURN a.type, count(*)", nil),
        ("treaties or projects", "MATCH (n:treaty|project) RETURN count(*)", nil),
        (
            "within two hops of Kudankulam", "MATCH (k {id: 'kudankulam'})-[*1..2]-(n) RETURN count(DISTINCT n)",
            "MATCH (k {id: 'kudankulam'})-[* TRAIL 1..2 (e, m | WHERE e.copy = 0)]-(n) RETURN count(DISTINCT n)"
        ),
        (
            "two-hop trails from Amethi", "MATCH (k {id: 'amethi'})-[*2]-(n) RETURN n.id, count(*)",
            "MATCH (k {id: 'amethi'})-[* TRAIL 2..2 (e, m | WHERE e.copy = 0)]-(n) RETURN n.id, count(*)"
        ),
        (
            "signed chains", "MATCH (a)-[:signed]->(t)<-[:signed]-(b) RETURN a.id, t.id, b.id",
            "MATCH (a)-[r1:signed]->(t)<-[r2:signed]-(b) WHERE r1.eid <> r2.eid RETURN a.id, t.id, b.id"
        ),
        ("actors with no visit", "MATCH (a:actor) WHERE NOT (a)-[:undertook]->() RETURN count(*)", nil),
        ("actors with a visit", "MATCH (a:actor) WHERE (a)-[:undertook]->() RETURN a.id", nil),
        ("optional sectors of treaties", "MATCH (t:treaty) OPTIONAL MATCH (t)-[:`in-sector`]->(s) RETURN t.id, s.id", nil),
        ("treaties with many sectors", "MATCH (t:treaty)-[:`in-sector`]->(s) WITH t, count(s) AS sectors WHERE sectors > 1 RETURN t.id, sectors", nil),
        ("collect sectors", "MATCH (t:treaty)-[:`in-sector`]->(s) RETURN t.id, collect(s.id) AS sectors", nil),
        ("unwind ids", "UNWIND ['india', 'russia', 'nowhere'] AS name MATCH (n {id: name}) RETURN n.id", nil),
        ("rifles", "MATCH (n) WHERE n.rifles IS NOT NULL RETURN n.id, n.rifles", nil),
        ("sum of rifles", "MATCH (n) RETURN sum(n.rifles), max(n.rifles), min(n.rifles), avg(n.rifles)", nil),
        (
            "shortest path Yeltsin to Amethi", "MATCH p = shortestPath((a {id: 'boris-yeltsin'})-[*]-(b {id: 'amethi'})) RETURN length(p)",
            "MATCH p = (a {id: 'boris-yeltsin'})-[* SHORTEST 1..30 (e, m | WHERE e.copy = 0)]-(b {id: 'amethi'}) RETURN length(p)"
        ),
        (
            "all shortest paths USA to Amethi", "MATCH p = allShortestPaths((a {id: 'usa'})-[*]-(b {id: 'amethi'})) RETURN length(p), count(*)",
            "MATCH p = (a {id: 'usa'})-[* ALL SHORTEST 1..30 (e, m | WHERE e.copy = 0)]-(b {id: 'amethi'}) RETURN length(p), count(*)"
        ),
        (
            "directed shortest path", "MATCH p = shortestPath((a {id: 's-jaishankar'})-[*]->(b {id: 'russia'})) RETURN length(p)",
            "MATCH p = (a {id: 's-jaishankar'})-[* SHORTEST 1..30]->(b {id: 'russia'}) RETURN length(p)"
        ),
        (
            "labels and types", "MATCH (a {id: 'india'})-[r:signed]->(t) RETURN labels(a), type(r), labels(t) LIMIT 1",
            "MATCH (a {id: 'india'})-[r:signed]->(t) RETURN [a.kind], r.rel, [t.kind] LIMIT 1"
        ),
        ("ordered treaties", "MATCH (t:treaty) RETURN t.id ORDER BY t.id DESC SKIP 2 LIMIT 3", nil),
        (
            "distinct relations from India", "MATCH ({id: 'india'})-[r]->() RETURN DISTINCT type(r) ORDER BY type(r)",
            "MATCH ({id: 'india'})-[r]->() RETURN DISTINCT r.rel ORDER BY r.rel"
        ),
        ("parameters", "MATCH (n) WHERE n.id = $who RETURN n.label", nil),
        (
            "case of labels", "MATCH (n:sector) RETURN toUpper(n.id), toLower(n.label), size(n.id)",
            "MATCH (n:sector) RETURN upper(n.id), lower(n.label), size(n.id)"
        ),
        ("coalesce types", "MATCH (n:actor) RETURN coalesce(n.type, 'unknown'), count(*)", nil),
        ("xor", "MATCH (n:actor) WHERE n.type = 'person' XOR n.label CONTAINS 'Minister' RETURN n.id", nil),
        (
            "paths as values", "MATCH p = (a {id: 'boris-yeltsin'})-[:`stressed-renewal-with`]->(b) RETURN p, nodes(p), relationships(p)",
            "MATCH p = (a {id: 'boris-yeltsin'})-[:stressed_renewal_with]->(b) RETURN p, nodes(p), rels(p)"
        ),
    ]

    /// Mechanical renames from RelGraph's dialect to Kùzu's: backquoted names with `-` become
    /// `_` names, label unions use `:`, dates compare with `date(...)`, `end`/`start`/`date` are
    /// backquoted properties.
    static func kuzuDialect(_ query: String) -> String {
        var text = query
        if let regex = try? Regex("`([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)+)`") {
            text = text.replacing(regex) { match in String(match.output[1].substring!).replacingOccurrences(of: "-", with: "_") }
        }
        text = text.replacingOccurrences(of: ":treaty|project", with: ":treaty:project")
        for property in ["date", "start", "end"] {
            text = text.replacingOccurrences(of: ".\(property) ", with: ".`\(property)` ")
            text = text.replacingOccurrences(of: ".\(property),", with: ".`\(property)`,")
            if text.hasSuffix(".\(property)") { text = String(text.dropLast(property.count)) + "`\(property)`" }
        }
        if let regex = try? Regex("'(\\d{4}-\\d{2}-\\d{2})'") {
            text = text.replacing(regex) { match in "date('\(match.output[1].substring!)')" }
        }
        return text
    }

    @Test("at least 40 questions about the bundled graph get Kùzu's answers")
    func bundledGraph() throws {
        #expect(Self.questions.count >= 40)
        let graph = Fixtures.indiaRussia
        let document = Scratch.root.appendingPathComponent("india-russia-\(UUID()).json")
        try DocumentWriter(syntax: .json).document(for: graph).write(to: document, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: document) }
        let queries = Self.questions.map { name, mine, kuzu in
            DifferentialQuery(
                name: name, relgraph: mine, kuzu: kuzu ?? Self.kuzuDialect(mine), parameters: [:],
                ordered: mine.contains("ORDER BY"), unorderedColumns: mine.contains("collect(") ? [1] : [])
        }.map { query -> DifferentialQuery in
            var query = query
            if query.name == "parameters" {
                query.relgraph = query.relgraph.replacingOccurrences(of: "$who", with: "'india'");
                query.kuzu = query.kuzu.replacingOccurrences(of: "$who", with: "'india'")
            }
            return query
        }
        let report = try KuzuReference.compare([(document.path, graph, queries)])
        #expect(report.errors.isEmpty, "\(report.errors.joined(separator: "\n"))")
        #expect(report.mismatches.isEmpty, "\(report.mismatches.joined(separator: "\n"))")
        #expect(report.queries == queries.count)
        #expect(report.rows > 100)
    }

    @Test("relgraph path's lengths, between every two nodes, both undirected and --directed, are Kùzu's shortest paths")
    func pathLengths() throws {
        let graph = Fixtures.indiaRussia
        let document = Scratch.root.appendingPathComponent("india-russia-paths-\(UUID()).json")
        try DocumentWriter(syntax: .json).document(for: graph).write(to: document, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: document) }
        var queries: [DifferentialQuery] = []
        for (direction, arrow, filter) in [(Direction.both, "-", " (e, m | WHERE e.copy = 0)"), (.outgoing, "->", "")] {
            var traversal = Traversal(graph)
            var rows: [[CypherValue]] = []
            for from in graph.nodeIndices {
                for to in graph.nodeIndices where from != to {
                    if let path = traversal.shortestPath(from: from, to: to, direction: direction) {
                        rows.append([.string(graph.id(ofNode: from)), .string(graph.id(ofNode: to)), .integer(path.length)])
                    }
                }
            }
            queries.append(
                DifferentialQuery(
                    name: "relgraph path \(direction)", relgraph: "Traversal.shortestPath, every pair",
                    kuzu: "MATCH p = (a)-[* SHORTEST 1..30\(filter)]\(arrow)(b) WHERE a.id <> b.id RETURN a.id, b.id, length(p)",
                    precomputedRows: rows))
        }
        let report = try KuzuReference.compare([(document.path, graph, queries)])
        #expect(report.errors.isEmpty, "\(report.errors.joined(separator: "\n"))")
        #expect(report.mismatches.isEmpty, "\(report.mismatches.joined(separator: "\n"))")
        #expect(report.rows > 1000)
    }

    @Test("300 random small graphs × random queries covering §6 get Kùzu's answers (seed fixed)")
    func randomGraphs() throws {
        var random = SeededRandom(seed: 13)
        var cases: [(String, Graph, [DifferentialQuery])] = []
        let folder = Scratch.root.appendingPathComponent("relgraph-differential-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["RELGRAPH_KUZU_KEEP"] == nil { try? FileManager.default.removeItem(at: folder) } }
        let graphCount = Int(ProcessInfo.processInfo.environment["RELGRAPH_DIFFERENTIAL_GRAPHS"] ?? "") ?? 300
        for index in 0..<graphCount {
            let document = RandomGraphDocument(random: &random)
            let path = folder.appendingPathComponent("graph-\(index).json").path
            try document.json.write(toFile: path, atomically: true, encoding: .utf8)
            let graph = try GraphDocument.decode(document.json, syntax: .json, fileName: path)
            var generator = CypherQueryGenerator(random: SeededRandom(seed: random.next()), nodeIDs: document.nodeIDs)
            let queries = (0..<4).map { generator.query(name: "graph \(index) query \($0)") }
            cases.append((path, graph, queries))
        }
        let report = try KuzuReference.compare(cases, kinds: RandomGraphDocument.kinds, relations: RandomGraphDocument.relations, attributes: ["w": "INT64"])
        #expect(report.graphs == graphCount)
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5).joined(separator: "\n"))")
        #expect(report.mismatches.isEmpty, "\(report.mismatches.count) mismatches; first:\n\(report.mismatches.prefix(5).joined(separator: "\n"))")
    }
}
