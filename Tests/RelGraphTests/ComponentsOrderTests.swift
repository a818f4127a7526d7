import RelGraph
import RelGraphTestSupport
import Testing

/// The order of `components` (contract §2, JSON outputs): largest first, then by smallest id;
/// the nodes of each by id (ids compared by Unicode scalar values).
@Suite("Weak components in the contract's order")
struct ComponentsOrderTests {
    static func listed(_ graph: Graph) -> [[String]] {
        GraphView(graph).weakComponents().listed(in: graph).map { $0.map(graph.id(ofNode:)) }
    }

    @Test("components come largest first")
    func largestFirst() throws {
        let graph = try Fixtures.graph(nodes: ["a", "b", "c", "d", "e", "f"], edges: [("d", "e", "r"), ("e", "f", "r"), ("b", "c", "r")])
        #expect(Self.listed(graph).map(\.count) == [3, 2, 1])
    }

    @Test("components of one size come by their smallest id, compared by Unicode scalars")
    func tiesBySmallestID() throws {
        // Smallest ids "Z" (U+005A) < "a" (U+0061) < "y" (U+0079, before "é", U+00E9): the
        // reverse of document order.
        let graph = try Fixtures.graph(nodes: ["é", "y", "a", "x", "Z", "w"], edges: [("é", "y", "r"), ("x", "a", "r"), ("w", "Z", "r")])
        #expect(Self.listed(graph) == [["Z", "w"], ["a", "x"], ["y", "é"]])
    }

    @Test("single nodes come by id after every larger component")
    func islandsByID() throws {
        let graph = try Fixtures.graph(nodes: ["q", "m", "p", "k"], edges: [("p", "q", "r")])
        #expect(Self.listed(graph) == [["p", "q"], ["k"], ["m"]])
    }
}
