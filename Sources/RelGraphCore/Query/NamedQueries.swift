/// Queries by node id or label, answered with values that carry ids, labels and edges.
///
/// ```swift
/// let graph = try Graph(contentsOf: "Graphs/india-russia.yaml")
/// if let path = try graph.shortestPath(from: "boris-yeltsin", to: "amethi") {
///     print(path.nodes.map(\.id))          // ["boris-yeltsin", "india", "ak-203-joint-venture", "amethi"]
/// }
/// let in2021 = graph.view(GraphFilter(asOf: PartialDate("2021")))
/// let around = try in2021.reach(from: "amethi", depth: 1)
/// ```
///
/// Each call runs a fresh ``Traversal``, which allocates visit marks for the whole graph; for
/// many queries on a large graph, keep one `Traversal` and use its index forms
/// (``Traversal/shortestPath(from:to:direction:)`` and the others) in the loop.
extension GraphView {
    /// One shortest path between the nodes `source` and `target` name (an id, or a label in
    /// any language), or nil when there is none. Among several shortest paths, the one whose
    /// sequence of node ids is smallest.
    ///
    /// - Parameters:
    ///   - source: The id or label of the node the path starts at.
    ///   - target: The id or label of the node the path ends at.
    ///   - direction: `.both` (the default) ignores edge direction; `.outgoing` follows it.
    ///     Symmetric relations are followed both ways either way.
    /// - Throws: ``NodeLookupError`` when a name is unknown or ambiguous.
    /// - Complexity: O(*n* + *m*) in the worst case, for *n* nodes and *m* edges; a
    ///   bidirectional search usually touches far fewer.
    public func shortestPath(from source: String, to target: String, direction: Direction = .both) throws(NodeLookupError) -> GraphPath? {
        let (from, to) = (try graph.node(named: source), try graph.node(named: target))
        var traversal = Traversal(self)
        return traversal.shortestPath(from: from, to: to, direction: direction).map { GraphPath($0, in: graph) }
    }

    /// Every simple path (no node twice) of at most `maxHops` hops between the named nodes,
    /// shortest first, then by node-id sequence; at most `limit` of them.
    ///
    /// - Throws: ``NodeLookupError`` when a name is unknown or ambiguous.
    /// - Complexity: Proportional to the number of paths found and the branches explored
    ///   within `maxHops`, which grows exponentially with `maxHops` on dense graphs.
    public func simplePaths(
        from source: String, to target: String, maxHops: Int = 4, limit: Int? = nil, direction: Direction = .both
    ) throws(NodeLookupError) -> [GraphPath] {
        let (from, to) = (try graph.node(named: source), try graph.node(named: target))
        var traversal = Traversal(self)
        return traversal.simplePaths(from: from, to: to, maxHops: maxHops, limit: limit, direction: direction).map { GraphPath($0, in: graph) }
    }

    /// The nodes one edge away from the named node, each with its edge, ordered by neighbour
    /// id, relation id and direction.
    ///
    /// - Throws: ``NodeLookupError`` when the name is unknown or ambiguous.
    /// - Complexity: O(*d* log *d*) for a node of degree *d*.
    public func neighbors(of name: String, direction: Direction = .both, kinds: Set<NodeKind>? = nil) throws(NodeLookupError) -> [GraphNeighbor] {
        let node = try graph.node(named: name)
        return Traversal(self).neighbors(of: node, direction: direction, kinds: kinds).map { neighbor in
            GraphNeighbor(node: NodeReference(neighbor.node, in: graph), edge: EdgeReference(neighbor.edge, in: graph), direction: neighbor.direction)
        }
    }

    /// Every node within `depth` hops of the named node, nearest first, then by id; the node
    /// itself comes first, at distance 0.
    ///
    /// - Throws: ``NodeLookupError`` when the name is unknown or ambiguous.
    /// - Complexity: O(*n* + *m*) over the part of the graph within reach.
    public func reach(from name: String, depth: Int = 2, direction: Direction = .both) throws(NodeLookupError) -> [(node: NodeReference, distance: Int)] {
        let node = try graph.node(named: name)
        var traversal = Traversal(self)
        return traversal.reach(from: node, depth: depth, direction: direction).map { (NodeReference($0.node, in: graph), $0.distance) }
    }
}

extension Graph {
    /// One shortest path between two named nodes of the whole graph; see
    /// ``GraphView/shortestPath(from:to:direction:)``.
    ///
    /// - Complexity: O(*n* + *m*) in the worst case.
    public func shortestPath(from source: String, to target: String, direction: Direction = .both) throws(NodeLookupError) -> GraphPath? {
        try GraphView(self).shortestPath(from: source, to: target, direction: direction)
    }

    /// Every simple path between two named nodes of the whole graph; see
    /// ``GraphView/simplePaths(from:to:maxHops:limit:direction:)``.
    ///
    /// - Complexity: Proportional to the paths found and the branches explored.
    public func simplePaths(
        from source: String, to target: String, maxHops: Int = 4, limit: Int? = nil, direction: Direction = .both
    ) throws(NodeLookupError) -> [GraphPath] {
        try GraphView(self).simplePaths(from: source, to: target, maxHops: maxHops, limit: limit, direction: direction)
    }

    /// The neighbours of a named node in the whole graph; see ``GraphView/neighbors(of:direction:kinds:)``.
    ///
    /// - Complexity: O(*d* log *d*) for a node of degree *d*.
    public func neighbors(of name: String, direction: Direction = .both, kinds: Set<NodeKind>? = nil) throws(NodeLookupError) -> [GraphNeighbor] {
        try GraphView(self).neighbors(of: name, direction: direction, kinds: kinds)
    }

    /// The nodes within `depth` hops of a named node in the whole graph; see
    /// ``GraphView/reach(from:depth:direction:)``.
    ///
    /// - Complexity: O(*n* + *m*) over the part of the graph within reach.
    public func reach(from name: String, depth: Int = 2, direction: Direction = .both) throws(NodeLookupError) -> [(node: NodeReference, distance: Int)] {
        try GraphView(self).reach(from: name, depth: depth, direction: direction)
    }

    /// The index of the node `name` means: its id, else its label in any language.
    ///
    /// - Throws: ``NodeLookupError`` when no node or several nodes answer to `name`.
    /// - Complexity: O(1) for an id; O(*n*) for a label.
    public func node(named name: String) throws(NodeLookupError) -> NodeIndex {
        switch lookUpNode(name) {
        case .found(let node): return node
        case .ambiguous(let nodes): throw .ambiguous(name, candidates: nodes.map(id(ofNode:)))
        case .notFound(let suggestion): throw .notFound(name, suggestion: suggestion)
        }
    }
}

/// A name that does not pick out one node.
public struct NodeLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure it is (new codes may come: switch with a `default`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        /// No node has this id or label; `suggestion` is the closest one, if close.
        public static let notFound = Code(description: "notFound")
        /// Several nodes carry this label; their ids, in id order.
        public static let ambiguous = Code(description: "ambiguous")
    }

    /// The failure with its details.
    package enum Reason: Hashable, Sendable {
        /// No node has this id or label; `suggestion` is the closest one, if close.
        case notFound(String, suggestion: String?)
        /// Several nodes carry this label; their ids, in id order.
        case ambiguous(String, candidates: [String])
    }

    package let reason: Reason

    package init(_ reason: Reason) { self.reason = reason }

    package static func notFound(_ value0: String, suggestion: String?) -> Self { Self(.notFound(value0, suggestion: suggestion)) }
    package static func ambiguous(_ value0: String, candidates: [String]) -> Self { Self(.ambiguous(value0, candidates: candidates)) }

    public var code: Code {
        switch reason {
        case .notFound: return .notFound
        case .ambiguous: return .ambiguous
        }
    }

    public var description: String {
        switch reason {
        case let .notFound(name, suggestion):
            return "no node has the id or label '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .ambiguous(name, candidates):
            return "'\(name)' is the label of \(candidates.count) nodes (\(candidates.joined(separator: ", "))); name one by its id"
        }
    }
}

/// A node of a query's answer: its index, id, kind and label.
public struct NodeReference: Hashable, Sendable {
    /// The node's index in its graph (for the index forms of queries).
    public var index: NodeIndex
    public var id: String
    public var kind: NodeKind
    public var label: LocalizedText

    public init(_ index: NodeIndex, in graph: Graph) {
        self.index = index
        id = graph.id(ofNode: index)
        kind = graph.kind(ofNode: index)
        label = graph.label(ofNode: index)
    }
}

/// An edge of a query's answer: its index, ends (by id), relation and dates.
public struct EdgeReference: Hashable, Sendable {
    /// The edge's index in its graph.
    public var index: EdgeIndex
    public var from: String
    public var to: String
    public var relation: String
    public var timing: Timing

    public init(_ index: EdgeIndex, in graph: Graph) {
        self.index = index
        from = graph.id(ofNode: graph.from(ofEdge: index))
        to = graph.id(ofNode: graph.to(ofEdge: index))
        relation = graph.relation(ofEdge: index)
        timing = graph.timing(ofEdge: index)
    }
}

/// A path of a query's answer: its nodes and the edges between consecutive ones. An edge
/// walked against its direction keeps its own `from` and `to`.
public struct GraphPath: Hashable, Sendable {
    public var nodes: [NodeReference]
    public var edges: [EdgeReference]

    /// The number of hops.
    public var length: Int { edges.count }

    /// The same path by indices, for the index forms of queries.
    public var indices: Path { Path(nodes: nodes.map(\.index), edges: edges.map(\.index)) }

    public init(_ path: Path, in graph: Graph) {
        nodes = path.nodes.map { NodeReference($0, in: graph) }
        edges = path.edges.map { EdgeReference($0, in: graph) }
    }
}

/// A neighbour of a query's answer: the node, the edge that joins it, and which end of the
/// edge the queried node is (`.outgoing`: it is the edge's `from`).
public struct GraphNeighbor: Hashable, Sendable {
    public var node: NodeReference
    public var edge: EdgeReference
    public var direction: Direction
}
