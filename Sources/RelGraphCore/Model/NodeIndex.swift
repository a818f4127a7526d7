/// The position of a node in one ``Graph``: the typed handle of the index forms of queries.
///
/// Nodes are numbered from 0 in the order the graph was given them (document order, not id
/// order: sort by ``Graph/id(ofNode:)`` when id order matters). An index is valid only in the
/// graph that gave it, and in views of that graph; it stays valid for that graph's whole life,
/// since a graph never changes. Another graph, even one read from the same document after an
/// edit, numbers its nodes afresh.
///
/// ```swift
/// let india = graph.index(ofNode: "india")!      // NodeIndex
/// graph.id(ofNode: india)                        // "india"
/// var traversal = Traversal(graph)
/// for reached in traversal.reach(from: india, depth: 2) { print(graph.id(ofNode: reached.node)) }
/// ```
///
/// Like the index types of swift-collections (`BitSet.Index`, `RigidSet.Index`), it wraps a
/// plain integer so that a node and an edge, or a node and a count, cannot be mixed up, at no
/// cost: it is the 32-bit integer the graph's adjacency already holds, and comparing, hashing and
/// converting compile to integer operations (measured: the traversal benchmarks run as fast as
/// with bare `Int`s, and listing a hub's neighbours a little faster). Use ``Graph/id(ofNode:)``
/// or the id-based queries (``Graph/shortestPath(from:to:direction:)`` and the others) to talk
/// about nodes by name.
@frozen
public struct NodeIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in 32 bits, as the graph's adjacency stores it (a graph holds fewer than
    /// 2³¹ nodes and edges), so arrays of indices and the values that carry them
    /// (``Neighbor``: 12 bytes, not 24) are half the size.
    @usableFromInline let storedPosition: Int32

    /// The node's position among the graph's nodes, from 0.
    @inlinable public var position: Int { @inline(__always) get { Int(storedPosition) } }

    /// The node at `position` (from 0) of a graph's nodes; `position` must be below 2³¹.
    @inlinable @inline(__always)
    public init(_ position: Int) { storedPosition = Int32(position) }

    /// Whether `lhs` comes before `rhs` in the graph's node order (the order nodes were given).
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func < (lhs: NodeIndex, rhs: NodeIndex) -> Bool { lhs.storedPosition < rhs.storedPosition }

    /// The position, as a number (as `BitSet.Index` prints itself).
    public var description: String { String(position) }
}
