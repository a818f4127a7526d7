/// A walk through the graph: nodes, and the edges between consecutive ones.
///
/// An edge walked against its direction is still the same edge: its `from` and `to` stay.
/// The indices are positions in the graph the query ran on (see ``NodeIndex``); ``GraphPath``
/// is the same walk with ids, labels and relations.
public struct Path: Hashable, Sendable {
    /// The nodes, from the start to the end.
    public var nodes: [NodeIndex]
    /// The edges; `edges[i]` joins `nodes[i]` and `nodes[i + 1]`.
    public var edges: [EdgeIndex]

    public init(nodes: [NodeIndex], edges: [EdgeIndex]) {
        precondition(edges.count == max(nodes.count - 1, 0), "a path has one edge fewer than nodes")
        self.nodes = nodes
        self.edges = edges
    }

    /// The number of hops.
    public var length: Int { edges.count }
}

/// A node adjacent to another, with the edge that joins them.
public struct Neighbor: Hashable, Sendable {
    /// The neighbouring node.
    public var node: NodeIndex
    /// The joining edge.
    public var edge: EdgeIndex
    /// `.outgoing` when the queried node is the edge's `from`, `.incoming` when it is its `to`.
    public var direction: Direction
}

/// A node within reach, and how many hops away it is.
public struct ReachedNode: Hashable, Sendable {
    /// The node reached.
    public var node: NodeIndex
    /// Its distance from the start, in hops (0 for the start itself).
    public var distance: Int
}
