/// Runs queries on a ``GraphView``, reusing its visit marks and queues from one query to the
/// next, so that a thousand queries on a million nodes allocate nothing per query.
///
/// ```swift
/// let india = graph.index(ofNode: "india")!, amethi = graph.index(ofNode: "amethi")!
/// var traversal = Traversal(graph)
/// let path = traversal.shortestPath(from: india, to: amethi)   // Path of NodeIndex and EdgeIndex
/// let around = traversal.reach(from: india, depth: 2)
/// ```
///
/// Its queries take and answer with ``NodeIndex`` and ``EdgeIndex``, the positions of nodes and
/// edges in ``view``'s graph; the id forms on ``Graph`` and ``GraphView``
/// (``GraphView/shortestPath(from:to:direction:)`` and the others) take ids or labels and answer
/// with ids and labels.
///
/// A traversal is a value with mutable scratch space: give each thread its own.
public struct Traversal {
    /// The graph and filter queries run on.
    public let view: GraphView
    var scratch: Scratch

    /// Queries on the part of the graph that `view` keeps.
    public init(_ view: GraphView) {
        self.view = view
        scratch = Scratch(nodeCount: view.graph.nodeCount)
    }

    /// Queries on the whole graph.
    public init(_ graph: Graph) { self.init(GraphView(graph)) }

    var graph: Graph { view.graph }

    /// Visit marks for two searches (forward and backward), cleared in O(1) by bumping a
    /// generation number, and the shortest-path search's records and queues.
    struct Scratch {
        var generation: UInt32 = 0
        var forwardMark: [UInt32]
        var forwardDistance: [Int32]
        var backwardMark: [UInt32]
        var backwardDistance: [Int32]
        var forwardNodes: [Int32] = []
        var backwardNodes: [Int32] = []
        /// The id ranks of the nodes a reach's layer finds (room for every node).
        var layerRanks: [Int32] = []
        /// A bit per id rank, for putting a large layer in id order; clear between layers.
        var rankBits: [UInt64] = []
        /// The shortest-path search's room.
        var paths = PathSearchSpace()
        /// The graph's ``NeighborList``, fetched the first time a path that can use it is asked for.
        var neighborList: NeighborList?

        init(nodeCount: Int) {
            forwardMark = [UInt32](repeating: 0, count: nodeCount)
            forwardDistance = [Int32](repeating: 0, count: nodeCount)
            backwardMark = forwardMark
            backwardDistance = forwardDistance
        }

        /// Makes room for reach layers, the first time a reach runs.
        mutating func prepareLayers(nodeCount: Int) {
            guard layerRanks.count != nodeCount else { return }
            layerRanks = [Int32](repeating: 0, count: nodeCount)
            rankBits = [UInt64](repeating: 0, count: (nodeCount + 63) / 64)
        }

        /// Starts a new query: every mark from earlier queries becomes stale.
        mutating func nextGeneration() -> UInt32 {
            if generation == UInt32.max {
                for index in forwardMark.indices {
                    forwardMark[index] = 0
                    backwardMark[index] = 0
                }
                paths.clearMarks()
                generation = 0
            }
            generation += 1
            forwardNodes.removeAll(keepingCapacity: true)
            backwardNodes.removeAll(keepingCapacity: true)
            return generation
        }
    }

    /// Of the kept edges joining `from` to `to` in `direction`, the one to report: the
    /// smallest relation id (Unicode scalar order), then the earliest edge; nil if none.
    func edge(from: Int, to: Int, _ direction: Direction) -> Int? {
        var best: Int32 = -1
        // The same edges lead from `to` to `from` against the direction: searched in the
        // shorter node's runs (the choice below does not depend on the order edges come in).
        let (node, neighbor, direction) =
            graph.adjacencyDegree(of: to) < graph.adjacencyDegree(of: from)
            ? (to, from, direction.reversed) : (from, to, direction)
        view.forEachEdge(from: node, to: neighbor, direction) { edge in
            if best < 0 || graph.reportsEdge(edge, before: best) { best = edge }
        }
        return best < 0 ? nil : Int(best)
    }

    /// Attaches edges to a node sequence.
    func path(through nodes: [NodeIndex], _ direction: Direction) -> Path {
        var edges: [EdgeIndex] = []
        edges.reserveCapacity(max(nodes.count - 1, 0))
        for (from, to) in zip(nodes, nodes.dropFirst()) {
            guard let edge = edge(from: from.position, to: to.position, direction) else { preconditionFailure("consecutive path nodes are adjacent") }
            edges.append(EdgeIndex(edge))
        }
        return Path(nodes: nodes, edges: edges)
    }
}

extension Graph {
    /// Whether a path reports `edge` rather than `other` for a step both make: the smaller
    /// relation id (Unicode scalar order), then the earlier edge.
    @inline(__always)
    func reportsEdge(_ edge: Int32, before other: Int32) -> Bool {
        let relations = storage.edgeRelations
        let rank = relationRanks[Int(relations[Int(edge)])], otherRank = relationRanks[Int(relations[Int(other)])]
        return rank < otherRank || (rank == otherRank && edge < other)
    }
}
