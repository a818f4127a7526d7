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
/// It wraps the 32-bit integer the adjacency stores, as ``NodeIndex`` does, so an edge cannot be
/// passed where a node is meant, at no cost.
@frozen
public struct EdgeIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in 32 bits, as the graph's adjacency stores it (a graph holds fewer than
    /// 2³¹ nodes and edges), so arrays of indices and the values that carry them
    /// (``Neighbor``: 12 bytes, not 24) are half the size.
    @usableFromInline let storedPosition: Int32

    /// The edge's position among the graph's edges, from 0.
    @inlinable public var position: Int { @inline(__always) get { Int(storedPosition) } }

    /// The edge at `position` (from 0) of a graph's edges; `position` must be below 2³¹.
    @inlinable @inline(__always)
    public init(_ position: Int) { storedPosition = Int32(position) }

    /// Whether `lhs` comes before `rhs` in the graph's edge order (the order edges were given).
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func < (lhs: EdgeIndex, rhs: EdgeIndex) -> Bool { lhs.storedPosition < rhs.storedPosition }

    /// The position, as a number.
    public var description: String { String(position) }
}
