import RelGraphTestSupport
import Testing

@testable import RelGraph
@testable import RelGraphCore
@testable import RelGraphCypher
@testable import RelGraphDocument
@testable import RelGraphInterchange
@testable import RelGraphSearch

/// Readers of formats that keep parallel edges (Neo4j CSV) name them `e<n>`. The builder finds
/// them in the built graph's adjacency when every end is known; that must name exactly the edges
/// that a separate pass names, and those that the rules call duplicates.
@Suite("Naming parallel edges")
struct ParallelEdgeNamingTests {
    /// Nodes `a`…`d` and edges drawn among them with few relations and dates, so that many
    /// repeat (pairs, triples, longer runs), some with ids of their own.
    private static func builder(seed: UInt64, edges: Int, undeclaredKind: Bool = false) throws -> (GraphBuilder, [Edge]) {
        var random = SeededRandom(seed: seed)
        var builder = GraphBuilder()
        for (index, id) in ["a", "b", "c", "d"].enumerated() {
            try builder.addNode(Node(id: id, kind: undeclaredKind && index == 3 ? "unknown-kind" : .actor))
        }
        let dates = [Timing.undated, try Timing(date: PartialDate(parsing: "1999"), start: nil, end: nil)]
        var added: [Edge] = []
        for index in 0..<edges {
            let ends = ["a", "b", "c", "d"]
            let edge = Edge(
                id: Int.random(in: 0..<(seed % 3 == 0 ? 2 : 5), using: &random) == 0 ? "own\(index)" : nil,
                from: ends[Int.random(in: 0..<(seed % 2 == 0 ? 2 : 4), using: &random)],
                to: ends[Int.random(in: 0..<(seed % 2 == 0 ? 2 : 4), using: &random)],
                relation: ["r", "s"][Int.random(in: 0..<2, using: &random)],
                timing: dates[Int.random(in: 0..<2, using: &random)])
            try builder.addEdge(edge)
            added.append(edge)
        }
        return (builder, added)
    }

    /// Each edge the rules make a duplicate, with the edge it repeats: an edge without an id
    /// repeats the first earlier equal edge; one with an id, the first earlier equal edge without one.
    private static func duplicates(_ edges: [Edge]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        for (index, edge) in edges.enumerated() {
            let equal = edges[..<index].indices.filter {
                edges[$0].from == edge.from && edges[$0].to == edge.to && edges[$0].relation == edge.relation && edges[$0].timing == edge.timing
            }
            if let original = edge.id == nil ? equal.first : equal.first(where: { edges[$0].id == nil }) { found[index] = original }
        }
        return found
    }

    /// The edges without an id that are duplicates or repeated: those named.
    private static func parallel(_ edges: [Edge]) -> Set<Int> {
        Set(duplicates(edges).flatMap { [$0.key, $0.value] }.filter { edges[$0].id == nil })
    }

    @Test("parallel edges found in the built adjacency get the names a separate pass gives, and only those the rules call parallel")
    func namesFromAdjacency() throws {
        for seed in UInt64(1)...40 {
            let (builder, edges) = try Self.builder(seed: seed, edges: Int(seed % 5) * 7 + 2)
            var separate = builder
            separate.nameParallelEdges()
            let expected = try separate.build()
            let graph = try builder.build(namingParallelEdges: true)
            #expect(graph == expected, "seed \(seed)")
            let named = Set(graph.edges.enumerated().filter { $0.element.id == "e\($0.offset + 1)" }.map(\.offset))
            #expect(named == Self.parallel(edges), "seed \(seed)")
        }
    }

    @Test("when the graph has other problems, the messages are those of naming first and building after")
    func problemsAsBefore() throws {
        for seed in UInt64(1)...10 {
            let (builder, _) = try Self.builder(seed: seed, edges: 12, undeclaredKind: true)
            var separate = builder
            separate.nameParallelEdges()
            let expected: String, actual: String
            do { _ = try separate.build(); expected = "built" } catch { expected = "\(error.problems.map(\.error))" }
            do { _ = try builder.build(namingParallelEdges: true); actual = "built" } catch { actual = "\(error.problems.map(\.error))" }
            #expect(expected != "built" && actual == expected, "seed \(seed)")
        }
    }

    @Test("without naming, every repeat is reported against the edge it repeats, pairs as longer runs")
    func duplicatesReported() throws {
        for seed in UInt64(1)...60 {
            let (builder, edges) = try Self.builder(seed: seed, edges: 9)
            do {
                _ = try builder.build()
                #expect(Self.duplicates(edges).isEmpty, "seed \(seed)")
            } catch {
                let reported = Dictionary(uniqueKeysWithValues: error.problems.map { ($0.element.index, $0.original?.index ?? -1) })
                #expect(reported == Self.duplicates(edges), "seed \(seed)")
            }
        }
    }
}
