import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// `MATCH (a:K)-[r:R]->(b) RETURN count(*)` (and grouped by `type(r)`) is counted straight from
/// the edge columns; a `WITH` in between makes the executor match row by row instead. Both must
/// give the same rows in the same order, on the whole graph and through `--as-of`, `--kind` and
/// `--relation` views (the shortcut keeps no count from one view to the next).
@Suite("Counting shortcuts answer as row-by-row matching does")
struct CountShortcutTests {
    /// Random nodes of three kinds and edges of three relations, one symmetric, self-loops and
    /// parallel edges included, dates on some.
    static func randomGraph(_ random: inout SeededRandom) throws -> Graph {
        var builder = GraphBuilder()
        try builder.declareRelation(RelationType(id: "sym", isSymmetric: true))
        let kinds: [NodeKind] = [.actor, .treaty, .sector]
        let nodeCount = Int.random(in: 1...25, using: &random)
        for index in 0..<nodeCount {
            let date = random.chance(0.6) ? try PartialDate(parsing: String(1990 + Int.random(in: 0...30, using: &random))) : nil
            try builder.addNode(Node(id: "n\(index)", kind: random.pick(kinds), timing: date.map { Timing.on($0) } ?? .undated))
        }
        for index in 0..<Int.random(in: 0...70, using: &random) {
            let from = "n\(Int.random(in: 0..<nodeCount, using: &random))"
            let to = random.chance(0.1) ? from : "n\(Int.random(in: 0..<nodeCount, using: &random))"
            let date = random.chance(0.5) ? try PartialDate(parsing: String(1990 + Int.random(in: 0...30, using: &random))) : nil
            var edge = Edge(from: from, to: to, relation: random.pick(["r1", "r2", "sym"]))
            edge.id = "e\(index)"
            if let date { edge.timing = .on(date) }
            try builder.addEdge(edge)
        }
        return try builder.build()
    }

    static let nodePatterns = ["()", "(a)", "(a:actor)", "(a:treaty)", "(a:sector)"]
    static let relationships = ["-[r]->", "<-[r]-", "-[r]-", "-[r:r1]->", "<-[r:sym]-", "-[r:sym]-", "-[r:r1|sym]->", "-[r:r2|r1]-", "-[:r2]->", "--"]

    @Test("counts and counts per relation type, on random graphs and views, equal the row-by-row answers")
    func randomPatterns() throws {
        var random = SeededRandom(seed: 0xC0_0274)
        var nonZero = 0
        for round in 0..<120 {
            let graph = try CountShortcutTests.randomGraph(&random)
            let views = [
                GraphView(graph),
                graph.view(GraphFilter(asOf: try PartialDate(parsing: "2005"))),
                graph.view(GraphFilter(kinds: [.actor, .treaty])),
                graph.view(GraphFilter(relations: ["sym", "r2"])),
            ]
            for _ in 0..<6 {
                let left = random.pick(CountShortcutTests.nodePatterns)
                let right = random.pick(CountShortcutTests.nodePatterns).replacingOccurrences(of: "(a", with: "(b")
                let relationship = random.pick(CountShortcutTests.relationships)
                let pattern = "MATCH \(left)\(relationship)\(right)"
                let named = relationship.contains("[r")
                var returns = ["count(*)", "count(*) AS n, count(*) AS m"]
                if named { returns += ["type(r), count(*)", "count(r), type(r)", "type(r) AS t, count(*) ORDER BY t DESC"] }
                let projection = random.pick(returns)
                for view in views {
                    let fast = try view.query("\(pattern) RETURN \(projection)")
                    let slow = try view.query("\(pattern) WITH 0 AS pass\(named ? ", r" : "") RETURN \(projection)")
                    #expect(fast.rows == slow.rows, "round \(round): \(pattern) RETURN \(projection) in \(view.filter)")
                    if fast.rows != slow.rows { return }
                    if fast.rows.contains(where: { $0.contains { if case .integer(let count) = $0 { count > 0 } else { false } } }) { nonZero += 1 }
                }
            }
        }
        #expect(nonZero > 1000)
    }

    @Test("the India–Russia graph: who signed which treaties, and edges per relation")
    func indiaRussia() throws {
        let graph = Fixtures.indiaRussia
        let signed = try graph.query("MATCH (a:actor)-[:signed]->(t:treaty) RETURN count(*)")
        let signedByRows = try graph.query("MATCH (a:actor)-[:signed]->(t:treaty) RETURN count(a.id)")
        #expect(signed.rows == signedByRows.rows)
        #expect(signed.rows.first?.first.map { if case .integer(let count) = $0 { count > 0 } else { false } } == true)
        // A symmetric edge matches `-->` both ways.
        let perRelation = try graph.query("MATCH ()-[r]->() RETURN type(r), count(*)")
        let symmetric = Set(graph.relationTypes.filter(\.isSymmetric).map(\.id))
        let symmetricEdges = graph.edgeIndices.filter { symmetric.contains(graph.relation(ofEdge: $0)) && graph.from(ofEdge: $0) != graph.to(ofEdge: $0) }.count
        #expect(symmetricEdges > 0)
        #expect(perRelation.rows.reduce(0) { if case .integer(let count) = $1[1] { $0 + count } else { $0 } } == graph.edgeCount + symmetricEdges)
    }
}
