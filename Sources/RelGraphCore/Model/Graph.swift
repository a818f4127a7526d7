/// A relationship graph: typed nodes joined by typed, dated edges, indexed for traversal.
///
/// A graph is an immutable value. Build one with ``GraphBuilder`` or read one with
/// `Graph(contentsOf:)` (the `RelGraph` module). Nodes and edges are numbered from 0 in the order they were given, as
/// ``NodeIndex`` and ``EdgeIndex``: the index forms of queries (``Traversal``) take and answer
/// with these, and ``node(at:)``/``edge(at:)``/``id(ofNode:)`` turn them back into values. The
/// id forms (``shortestPath(from:to:direction:)`` and the others) take ids or labels instead.
public struct Graph: Sendable {
    package let storage: GraphColumns
    /// The node with each id: a flat table of 8-byte slots over the id column (``IDSlots``).
    let idTable: IDSlots
    package let adjacency: Adjacency
    /// `idRanks[node]`: the node's position in the Unicode scalar order of ids.
    package let idRanks: Column<Int32>
    /// `relationSymmetric[code]` for each interned relation.
    package let relationSymmetric: [Bool]
    /// `nodesByRank[rank]`: the node whose id has that rank (the inverse of `idRanks`).
    package let nodesByRank: Column<Int32>
    /// `relationRanks[code]`: the relation's position in the Unicode scalar order of relation ids.
    let relationRanks: [Int32]
    /// What queries learned about the graph by a pass over it, kept for the next query.
    package let facts: GraphFacts

    package init(storage: GraphStorage) {
        let columns = GraphColumns(storage)
        self.storage = columns
        facts = GraphFacts()
        // A third of the builder's ``IDIndex`` (8 bytes a slot, the ids not repeated), which
        // the builder has released by now: the graph's peak memory is made just below.
        idTable = IDSlots(ids: columns.nodeIDs)
        let relationSymmetric = Self.symmetry(of: columns)
        self.relationSymmetric = relationSymmetric
        adjacency = Adjacency(
            nodeCount: columns.nodeCount, from: columns.edgeFrom, to: columns.edgeTo,
            relations: columns.edgeRelations, symmetric: relationSymmetric)
        let idRanks = IDOrder.ranks(of: storage.nodeIDs)
        self.idRanks = Column(idRanks)
        nodesByRank = Column(count: idRanks.count) { nodesByRank in
            for (node, rank) in idRanks.enumerated() { nodesByRank[Int(rank)] = Int32(node) }
        }
        relationRanks = IDOrder.ranks(of: storage.relations.values)
    }

    /// A graph whose columns, adjacency, id table and ranks were made already (a snapshot's,
    /// used in place). The caller has checked that they agree.
    package init(columns: GraphColumns, nodeIndex: IDSlots, adjacency: Adjacency, idRanks: Column<Int32>, nodesByRank: Column<Int32>) {
        storage = columns
        facts = GraphFacts()
        idTable = nodeIndex
        self.adjacency = adjacency
        self.idRanks = idRanks
        self.nodesByRank = nodesByRank
        relationSymmetric = Self.symmetry(of: columns)
        relationRanks = IDOrder.ranks(of: columns.relations.values)
    }

    /// Whether each interned relation is declared symmetric.
    private static func symmetry(of columns: GraphColumns) -> [Bool] {
        let symmetric = Set(columns.relationTypes.filter(\.isSymmetric).map(\.id))
        return columns.relations.values.map { symmetric.contains($0) }
    }

    /// The empty graph.
    public init() { self.init(storage: GraphStorage()) }

    // MARK: The document around the graph

    /// The graph's title, in one or more languages.
    public var title: LocalizedText { storage.title }
    /// Attributes of the graph itself (a DOT file's `rankdir`, …), ordered by name.
    public var graphAttributes: Attributes { storage.graphAttributes }
    /// The sources facts come from, as declared.
    public var sources: [Source] { storage.sources }
    /// Kinds declared under `kinds:`, in order.
    public var kindDeclarations: [KindDeclaration] { storage.kindDeclarations }
    /// Relation types declared under `relations:`, in order.
    public var relationTypes: [RelationType] { storage.relationTypes }

    /// The document's own words for what RelGraph writes (its `ui:` block), by language.
    public var uiWords: UIWords { storage.uiWords }

    /// The words RelGraph writes in `language`: the document's own over the built-in table.
    ///
    /// - Complexity: O(1).
    public func words(in language: String) -> Wording { storage.uiWords.wording(in: language) }

    /// The declared type of a relation, or a directed relation labelled by its id.
    public func relationType(_ id: String) -> RelationType {
        storage.relationTypes.first { $0.id == id } ?? RelationType(id: id)
    }

    /// The declaration of a kind, if the document declares it.
    public func declaration(of kind: NodeKind) -> KindDeclaration? {
        storage.kindDeclarations.first { $0.kind == kind }
    }

    /// A kind's label in `language`: its declared label, its name in the document's `ui:`
    /// words or the built-in ones, or its id.
    public func kindLabel(_ kind: NodeKind, in language: String) -> String {
        declaration(of: kind)?.label.text(in: language) ?? words(in: language).kindName(kind) ?? kind.rawValue
    }

    /// `timing` as people read it in `language`, in the document's words (`since 2021`).
    public func timingText(_ timing: Timing, in language: String) -> String {
        timing.text(using: words(in: language))
    }

    // MARK: Nodes

    /// The number of nodes.
    public var nodeCount: Int { storage.nodeCount }

    /// The index of every node, in node order (the order the nodes were given).
    public var nodeIndices: some RandomAccessCollection<NodeIndex> { (0..<nodeCount).lazy.map(NodeIndex.init) }

    /// The index of the node with this id, or nil when no node has it.
    ///
    /// - Complexity: O(1) on average (a hash table, or a snapshot's flat table, of ids).
    public func index(ofNode id: String) -> NodeIndex? { idTable.index(of: id, ids: storage.nodeIDs).map { NodeIndex(Int($0)) } }

    /// The node at `index`, as a value.
    ///
    /// - Complexity: O(*a*) for a node of *a* attributes (they are copied out).
    public func node(at index: NodeIndex) -> Node {
        let index = index.position
        return Node(
            id: storage.nodeIDs[index], kind: storage.kinds[storage.nodeKinds[index]], type: storage.nodeTypes[index],
            label: storage.nodeLabels[index], timing: storage.nodeTimings[index],
            attributes: storage.nodeAttributes[index], source: sourceID(storage.nodeSources[index]))
    }

    /// The id of the node at `index`.
    public func id(ofNode index: NodeIndex) -> String { storage.nodeIDs[index.position] }
    /// The kind of the node at `index`.
    public func kind(ofNode index: NodeIndex) -> NodeKind { storage.kinds[storage.nodeKinds[index.position]] }
    /// The label of the node at `index`.
    public func label(ofNode index: NodeIndex) -> LocalizedText { storage.nodeLabels[index.position] }
    /// The timing of the node at `index`.
    public func timing(ofNode index: NodeIndex) -> Timing { storage.nodeTimings[index.position] }

    /// The node's label in `language` (with fallbacks), or its id when it has no label.
    public func displayName(ofNode index: NodeIndex, in language: String) -> String {
        storage.nodeLabels[index.position].text(in: language) ?? storage.nodeIDs[index.position]
    }

    /// All nodes, as values, in order.
    public var nodes: some RandomAccessCollection<Node> { (0..<nodeCount).lazy.map { node(at: NodeIndex($0)) } }

    // MARK: Edges

    /// The number of edges.
    public var edgeCount: Int { storage.edgeCount }

    /// The index of every edge, in edge order (the order the edges were given).
    public var edgeIndices: some RandomAccessCollection<EdgeIndex> { (0..<edgeCount).lazy.map(EdgeIndex.init) }

    /// The edge at `index`, as a value.
    ///
    /// - Complexity: O(*a*) for an edge of *a* attributes.
    public func edge(at index: EdgeIndex) -> Edge {
        let index = index.position
        return Edge(
            id: storage.edgeIDs[index], from: storage.nodeIDs[Int(storage.edgeFrom[index])], to: storage.nodeIDs[Int(storage.edgeTo[index])],
            relation: storage.relations[storage.edgeRelations[index]], timing: storage.edgeTimings[index],
            attributes: storage.edgeAttributes[index], source: sourceID(storage.edgeSources[index]))
    }

    /// The edge's own id, if it has one.
    public func id(ofEdge index: EdgeIndex) -> String? { storage.edgeIDs[index.position] }

    /// The index of the node the edge leaves.
    public func from(ofEdge index: EdgeIndex) -> NodeIndex { NodeIndex(Int(storage.edgeFrom[index.position])) }
    /// The index of the node the edge enters.
    public func to(ofEdge index: EdgeIndex) -> NodeIndex { NodeIndex(Int(storage.edgeTo[index.position])) }
    /// The edge's relation id.
    public func relation(ofEdge index: EdgeIndex) -> String { storage.relations[storage.edgeRelations[index.position]] }
    /// The timing of the edge at `index`.
    public func timing(ofEdge index: EdgeIndex) -> Timing { storage.edgeTimings[index.position] }
    /// Whether the edge's relation is declared symmetric.
    public func isSymmetric(edge index: EdgeIndex) -> Bool { relationSymmetric[Int(storage.edgeRelations[index.position])] }

    /// The number of edges that touch the node, in either direction (a self-loop counts twice).
    ///
    /// - Complexity: O(1).
    public func adjacencyDegree(of node: NodeIndex) -> Int { adjacencyDegree(of: node.position) }

    /// ``adjacencyDegree(of:)`` by raw position, for the traversal loops.
    @inline(__always)
    func adjacencyDegree(of position: Int) -> Int {
        adjacency.outRange(of: position).count + adjacency.inRange(of: position).count
    }

    /// All edges, as values, in order.
    public var edges: some RandomAccessCollection<Edge> { (0..<edgeCount).lazy.map { edge(at: EdgeIndex($0)) } }

    /// The relation ids in use, in order of first use.
    public var relationsInUse: [String] { storage.relations.values }

    private func sourceID(_ code: Int32) -> String? {
        code < 0 ? nil : storage.sources[Int(code)].id
    }
}

extension Graph: Equatable {
    /// Two graphs are equal when they hold the same document: the same title, declarations,
    /// `ui:` words, nodes and edges in the same order.
    public static func == (lhs: Graph, rhs: Graph) -> Bool {
        lhs.title == rhs.title && lhs.graphAttributes == rhs.graphAttributes && lhs.sources == rhs.sources && lhs.kindDeclarations == rhs.kindDeclarations
            && lhs.relationTypes == rhs.relationTypes && lhs.uiWords == rhs.uiWords && lhs.nodeCount == rhs.nodeCount
            && lhs.edgeCount == rhs.edgeCount && lhs.nodes.elementsEqual(rhs.nodes)
            && lhs.edges.elementsEqual(rhs.edges)
    }
}

extension Graph {
    /// A relation's label in `language` (with fallbacks), or its id when it has none.
    public func relationLabel(_ relation: String, in language: String) -> String {
        relationType(relation).label.text(in: language) ?? relation
    }
}

extension Graph: CustomStringConvertible {
    public var description: String { "Graph(\(nodeCount) nodes, \(edgeCount) edges)" }
}

extension Graph {
    /// The title and declarations without nodes or edges.
    package var declarationsOnly: Graph {
        var storage = GraphStorage()
        storage.title = self.storage.title
        storage.graphAttributes = self.storage.graphAttributes
        storage.sources = self.storage.sources
        storage.kindDeclarations = self.storage.kindDeclarations
        storage.relationTypes = self.storage.relationTypes
        return Graph(storage: storage)
    }
}
