import RelGraphTestSupport
import Testing

@testable import RelGraph
@testable import RelGraphCore

/// The list an unfiltered shortest path that ignores direction walks: who is next to whom,
/// either way, once each, in index order.
@Suite("Each node's neighbours either way, once each")
struct NeighborListTests {
    /// a→b twice (two relations), b→a, a→a, a–c symmetric, d alone.
    static let graph = try! Fixtures.graph(
        nodes: ["a", "b", "c", "d"],
        edges: [("a", "b", "r"), ("a", "b", "s"), ("b", "a", "r"), ("a", "a", "r"), ("c", "a", "sym")],
        symmetric: ["sym"])

    func neighbors(_ id: String) -> [String] {
        let list = Self.graph.neighborList
        let node = Self.graph.index(ofNode: id)!.position
        return list.neighbors[Int(list.offsets[node])..<Int(list.offsets[node + 1])].map { Self.graph.id(ofNode: NodeIndex(Int($0))) }
    }

    @Test("parallel edges and edges both ways give one neighbour; a self-loop gives the node itself")
    func distinctNeighbors() {
        #expect(neighbors("a") == ["a", "b", "c"])
        #expect(neighbors("b") == ["a"])
        #expect(neighbors("c") == ["a"])
    }

    @Test("each neighbour keeps the edge a path reports: the smallest relation id, then the earliest edge, either way")
    func reportedEdges() {
        let graph = Self.graph
        let (a, b, c) = (graph.index(ofNode: "a")!, graph.index(ofNode: "b")!, graph.index(ofNode: "c")!)
        // a→b r (edge 0), a→b s (1), b→a r (2): r before s, then edge 0 before edge 2, from either end.
        #expect(graph.neighborList.edges(along: [a, b]) == [EdgeIndex(0)])
        #expect(graph.neighborList.edges(along: [b, a]) == [EdgeIndex(0)])
        #expect(graph.neighborList.edges(along: [b, a, c]) == [EdgeIndex(0), EdgeIndex(4)])
        #expect(graph.neighborList.edges(along: [a, a]) == [EdgeIndex(3)])
    }

    @Test("a node without edges has no neighbours")
    func isolatedNode() {
        #expect(neighbors("d") == [])
    }

    @Test("the list is made once and shared by the graph's copies")
    func sharedByCopies() {
        let copy = Self.graph
        let first = Self.graph.neighborList.neighbors, second = copy.neighborList.neighbors
        #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test("a path over every edge either way is the one a view keeping every edge finds by its runs")
    func sameAnswerAsTheRuns() throws {
        let graph = Fixtures.indiaRussia
        let everything = GraphView(graph).restricted(toNodes: (0..<graph.nodeCount).map(NodeIndex.init), edges: (0..<graph.edgeCount).map(EdgeIndex.init))
        var byList = Traversal(graph), byRuns = Traversal(everything)
        for source in 0..<graph.nodeCount {
            for target in 0..<graph.nodeCount {
                let (s, t) = (NodeIndex(source), NodeIndex(target))
                #expect(byList.shortestPath(from: s, to: t) == byRuns.shortestPath(from: s, to: t))
            }
        }
    }
}
