/// The position of an edge in one ``Graph``: the typed handle that index-based queries return
/// for edges (``Path/edges``, ``Neighbor/edge``).
///
/// Edges are numbered from 0 in the order the graph was given them. An index is valid only in
/// the graph that gave it, and in views of that graph, for that graph's whole life. Two
/// parallel edges (same ends and relation) have two indices; ``Graph/id(ofEdge:)`` gives an
/// edge's own id where it has one.
///
/// ```swift
/// for (node, edge) in zip(path.nodes.dropFirst(), path.edges) {
///     print(graph.relation(ofEdge: edge), graph.id(ofNode: node))
/// }
/// ```
///
/// It wraps the plain integer it is stored as, as ``NodeIndex`` does, so an edge cannot be
/// passed where a node is meant, at no cost.
@frozen
public struct EdgeIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The edge's position among the graph's edges, from 0.
    public let position: Int

    /// The edge at `position` (from 0) of a graph's edges.
    @inlinable @inline(__always)
    public init(_ position: Int) { self.position = position }

    /// Whether `lhs` comes before `rhs` in the graph's edge order (the order edges were given).
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func < (lhs: EdgeIndex, rhs: EdgeIndex) -> Bool { lhs.position < rhs.position }

    /// The position, as a number.
    public var description: String { String(position) }
}
