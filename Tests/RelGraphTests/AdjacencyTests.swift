import RelGraphTestSupport
import Testing

@testable import RelGraph
@testable import RelGraphCore

/// The adjacency's runs: each node's edges out and in, ordered by neighbour and then by edge,
/// which binary searches, parallel-edge naming and snapshots rely on.
@Suite("Adjacency runs")
struct AdjacencyTests {
    /// Whether every run of `offsets`/`entries` is strictly ordered by (neighbour, edge).
    static func runsAreOrdered(_ offsets: Column<Int32>, _ entries: Column<Adjacency.Entry>) -> Bool {
        (0..<offsets.count - 1).allSatisfy { node in
            let run = entries[Int(offsets[node])..<Int(offsets[node + 1])].map { ($0.neighbor, $0.edge) }
            return zip(run, run.dropFirst()).allSatisfy { $0 < $1 }
        }
    }

    @Test("runs are ordered by neighbour, then edge, in short runs and in a hub's", arguments: [3, 40, 200])
    func runOrder(hubNeighbors: Int) throws {
        // A hub joined to many nodes, with parallel edges to some of them in both directions,
        // given in an order unlike the runs' own.
        let nodes = ["hub"] + (0..<hubNeighbors).map { "n\($0)" }
        var edges: [(String, String, String)] = []
        for round in ["r", "s", "t"] {
            for neighbor in stride(from: hubNeighbors - 1, through: 0, by: -1) where neighbor % 3 == 0 || round == "r" {
                edges.append(neighbor % 2 == 0 ? ("hub", "n\(neighbor)", round) : ("n\(neighbor)", "hub", round))
            }
        }
        let graph = try Fixtures.graph(nodes: nodes, edges: edges)
        let adjacency = graph.adjacency
        #expect(Self.runsAreOrdered(adjacency.outOffsets, adjacency.outgoing))
        #expect(Self.runsAreOrdered(adjacency.inOffsets, adjacency.incoming))
        #expect(adjacency.outgoing.count == edges.count && adjacency.incoming.count == edges.count)
    }
}
