/// Which way edges are followed from a node.
public enum Direction: String, Hashable, Sendable, CaseIterable {
    /// Along edges, from `from` to `to`.
    case outgoing = "out"
    /// Against edges, from `to` to `from`.
    case incoming = "in"
    /// Both ways: how a node is connected, whatever the edges' direction.
    case both

    /// The direction that walks the same edges back.
    public var reversed: Direction {
        switch self {
        case .outgoing: return .incoming
        case .incoming: return .outgoing
        case .both: return .both
        }
    }
}
