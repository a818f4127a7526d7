/// A walk through the graph: nodes, and the edges between consecutive ones.
///
/// An edge walked against its direction is still the same edge: its `from` and `to` stay.
public struct Path: Hashable, Sendable {
    /// Node indices, from the start to the end.
    public var nodes: [Int]
    /// Edge indices; `edges[i]` joins `nodes[i]` and `nodes[i + 1]`.
    public var edges: [Int]

    public init(nodes: [Int], edges: [Int]) {
        precondition(edges.count == max(nodes.count - 1, 0), "a path has one edge fewer than nodes")
        self.nodes = nodes
        self.edges = edges
    }

    /// The number of hops.
    public var length: Int { edges.count }
}

/// A node adjacent to another, with the edge that joins them.
public struct Neighbor: Hashable, Sendable {
    /// The neighbouring node's index.
    public var node: Int
    /// The joining edge's index.
    public var edge: Int
    /// `.outgoing` when the queried node is the edge's `from`, `.incoming` when it is its `to`.
    public var direction: Direction
}

/// A node within reach, and how many hops away it is.
public struct ReachedNode: Hashable, Sendable {
    public var node: Int
    public var distance: Int
}
