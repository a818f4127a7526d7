/// Which nodes and edges a query sees: by kind, by relation and by time.
public struct GraphFilter: Hashable, Sendable {
    /// Keep only nodes of these kinds (`nil`: every kind).
    public var kinds: Set<NodeKind>?
    /// Keep only edges of these relations (`nil`: every relation).
    public var relations: Set<String>?
    /// Keep only what exists at this date (contract §1 "Time"; `nil`: everything).
    public var asOf: PartialDate?

    public init(kinds: Set<NodeKind>? = nil, relations: Set<String>? = nil, asOf: PartialDate? = nil) {
        self.kinds = kinds
        self.relations = relations
        self.asOf = asOf
    }

    /// Whether the filter keeps everything.
    public var keepsEverything: Bool { kinds == nil && relations == nil && asOf == nil }
}

/// A graph seen through a ``GraphFilter``, without copying it: one bit per node and per edge
/// says what is kept. An edge is kept only where both its nodes are.
public struct GraphView: Sendable {
    public let graph: Graph
    public let filter: GraphFilter
    let nodeMask: BitSet?
    package let edgeMask: BitSet?

    /// The whole graph.
    public init(_ graph: Graph) {
        self.init(graph: graph, filter: GraphFilter(), nodeMask: nil, edgeMask: nil)
    }

    private init(graph: Graph, filter: GraphFilter, nodeMask: BitSet?, edgeMask: BitSet?) {
        self.graph = graph
        self.filter = filter
        self.nodeMask = nodeMask
        self.edgeMask = edgeMask
    }

    /// The part of `graph` that `filter` keeps.
    ///
    /// - Complexity: O(1) when the filter keeps everything, else O(*n* + *m*): one bit per node
    ///   and per edge, nothing copied.
    public init(_ graph: Graph, filter: GraphFilter) {
        guard !filter.keepsEverything else { self.init(graph); return }
        let storage = graph.storage
        var nodes = BitSet(count: graph.nodeCount, filled: true)
        if filter.kinds != nil || filter.asOf != nil {
            let keptKinds = filter.kinds.map { kinds in storage.kinds.values.map { kinds.contains($0) } }
            for node in 0..<graph.nodeCount {
                if let keptKinds, !keptKinds[Int(storage.nodeKinds[node])] { nodes.remove(node); continue }
                if let moment = filter.asOf, !storage.nodeTimings[node].exists(asOf: moment) { nodes.remove(node) }
            }
        }
        let keptRelations = filter.relations.map { relations in storage.relations.values.map { relations.contains($0) } }
        var edges = BitSet(count: graph.edgeCount, filled: true)
        for edge in 0..<graph.edgeCount {
            if let keptRelations, !keptRelations[Int(storage.edgeRelations[edge])] { edges.remove(edge); continue }
            if !nodes.contains(Int(storage.edgeFrom[edge])) || !nodes.contains(Int(storage.edgeTo[edge])) {
                edges.remove(edge); continue
            }
            if let moment = filter.asOf, !storage.edgeTimings[edge].exists(asOf: moment) { edges.remove(edge) }
        }
        self.init(graph: graph, filter: filter, nodeMask: nodes, edgeMask: edges)
    }

    /// This view, further limited to `nodes` (and the kept edges between them).
    ///
    /// - Complexity: O(*n* + *m*).
    public func restricted(to nodes: some Sequence<NodeIndex>) -> GraphView {
        var nodeMask = BitSet(count: graph.nodeCount, filled: false)
        for node in nodes where contains(node: node.position) { nodeMask.insert(node.position) }
        var edgeMask = BitSet(count: graph.edgeCount, filled: false)
        let from = graph.storage.edgeFrom, to = graph.storage.edgeTo
        for edge in 0..<graph.edgeCount where contains(edge: edge) {
            if nodeMask.contains(Int(from[edge])), nodeMask.contains(Int(to[edge])) { edgeMask.insert(edge) }
        }
        return GraphView(graph: graph, filter: filter, nodeMask: nodeMask, edgeMask: edgeMask)
    }

    /// This view, further limited to `nodes` and, of the kept edges between them, `edges`.
    ///
    /// - Complexity: O(*n* + *m*) to make the masks, plus the nodes and edges given.
    public func restricted(toNodes nodes: some Sequence<NodeIndex>, edges: some Sequence<EdgeIndex>) -> GraphView {
        var nodeMask = BitSet(count: graph.nodeCount, filled: false)
        for node in nodes where contains(node: node.position) { nodeMask.insert(node.position) }
        var edgeMask = BitSet(count: graph.edgeCount, filled: false)
        let from = graph.storage.edgeFrom, to = graph.storage.edgeTo
        for edge in edges where contains(edge: edge.position) {
            if nodeMask.contains(Int(from[edge.position])), nodeMask.contains(Int(to[edge.position])) { edgeMask.insert(edge.position) }
        }
        return GraphView(graph: graph, filter: filter, nodeMask: nodeMask, edgeMask: edgeMask)
    }

    /// Whether the view keeps the node at `index`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public func contains(node index: NodeIndex) -> Bool { contains(node: index.position) }

    /// Whether the view keeps the edge at `index` (and so both its nodes).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public func contains(edge index: EdgeIndex) -> Bool { contains(edge: index.position) }

    /// Whether the view keeps the node at this position (the raw form the hot loops use).
    @inline(__always)
    package func contains(node position: Int) -> Bool { nodeMask?.contains(position) ?? true }

    /// Whether the view keeps the edge at this position.
    @inline(__always)
    package func contains(edge position: Int) -> Bool { edgeMask?.contains(position) ?? true }

    /// The indices of the nodes kept, in index order.
    ///
    /// - Complexity: O(*n*).
    public var nodeIndices: [NodeIndex] { (0..<graph.nodeCount).filter(contains(node:)).map(NodeIndex.init) }

    /// The indices of the edges kept, in index order.
    ///
    /// - Complexity: O(*m*).
    public var edgeIndices: [EdgeIndex] { (0..<graph.edgeCount).filter(contains(edge:)).map(EdgeIndex.init) }

    /// Calls `body` with each kept edge that leads from `node` to `neighbor` in `direction`
    /// (symmetric edges both ways), found by binary search in both nodes' runs.
    @inline(__always)
    func forEachEdge(from node: Int, to neighbor: Int, _ direction: Direction, _ body: (_ edge: Int32) -> Void) {
        let adjacency = graph.adjacency
        let target = Int32(neighbor)
        for slot in adjacency.slots(of: node, to: target, outgoing: true) {
            let entry = adjacency.outgoing[slot]
            guard direction != .incoming || entry.isSymmetric, contains(edge: Int(entry.edge)) else { continue }
            body(entry.edge)
        }
        for slot in adjacency.slots(of: node, to: target, outgoing: false) {
            let entry = adjacency.incoming[slot]
            guard direction != .outgoing || entry.isSymmetric, contains(edge: Int(entry.edge)) else { continue }
            body(entry.edge)
        }
    }

    /// Whether a kept edge leads from `node` to `neighbor` in `direction`.
    @inline(__always)
    func isAdjacent(_ node: Int, _ neighbor: Int, _ direction: Direction) -> Bool {
        var found = false
        forEachEdge(from: node, to: neighbor, direction) { _ in found = true }
        return found
    }

    /// Calls `body` with each (neighbour, edge) one step from `node` in `direction`, over kept
    /// edges. Symmetric relations are followed both ways whatever the direction.
    @inline(__always)
    func forEachStep(from node: Int, _ direction: Direction, _ body: (_ neighbor: Int32, _ edge: Int32) -> Void) {
        let adjacency = graph.adjacency
        let mask = edgeMask
        let takeAllOut = direction != .incoming
        let takeAllIn = direction != .outgoing
        adjacency.outgoing.withUnsafeBufferPointer { entries in
            for slot in adjacency.outRange(of: node) {
                let entry = entries[slot]
                guard takeAllOut || entry.isSymmetric else { continue }
                let edge = entry.edge
                if let mask, !mask.contains(Int(edge)) { continue }
                body(entry.neighbor, edge)
            }
        }
        adjacency.incoming.withUnsafeBufferPointer { entries in
            for slot in adjacency.inRange(of: node) {
                let entry = entries[slot]
                guard takeAllIn || entry.isSymmetric else { continue }
                let edge = entry.edge
                if let mask, !mask.contains(Int(edge)) { continue }
                body(entry.neighbor, edge)
            }
        }
    }
}

extension Graph {
    /// This graph seen through `filter`.
    ///
    /// - Complexity: O(1) when the filter keeps everything, else O(*n* + *m*).
    public func view(_ filter: GraphFilter) -> GraphView { GraphView(self, filter: filter) }
}

extension GraphView: CustomStringConvertible {
    public var description: String { "GraphView(\(graph), \(filter))" }
}
