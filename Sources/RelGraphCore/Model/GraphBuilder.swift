/// Assembles a ``Graph`` element by element, checking each one.
///
/// Problems local to an element (a bad id, a duplicate node) are thrown by the call that adds
/// it. References may point forward: an edge may name a node, or a node a kind or source,
/// that is added later; ``build()`` checks them all and reports every problem at once.
///
/// ```swift
/// var builder = GraphBuilder()
/// try builder.addNode(Node(id: "india", kind: .actor, label: ["en": "India", "hi": "भारत"]))
/// try builder.addNode(Node(id: "russia", kind: .actor))
/// try builder.addEdge(Edge(from: "india", to: "russia", relation: "partner-of"))
/// let graph = try builder.build()
/// ```
public struct GraphBuilder: Sendable {
    package var storage = GraphStorage()
    private var nodeIndex = IDIndex()
    /// Edge ids given so far, with the edge that has each.
    private var edgeIndex: [String: Int32] = [:]
    /// Names of nodes that edges referred to before the nodes were added.
    private var pendingNodeNames: [String] = []
    private var pendingNodeIndex: [String: Int32] = [:]
    /// Sources named before (or without) being declared: name -> interned code.
    private var sourceCodes = InternTable<String>()
    private var declaredKinds: Set<NodeKind> = Set(NodeKind.builtIn)
    private var declaredRelations: Set<String> = []

    public init() {}

    /// Creates a builder with room for `nodes` nodes and `edges` edges.
    public init(reservingNodes nodes: Int, edges: Int) {
        storage.reserve(nodes: nodes, edges: edges)
        nodeIndex = IDIndex(minimumCapacity: nodes)
    }

    /// The graph's title.
    public var title: LocalizedText { storage.title }

    /// Attributes of the graph itself (as DOT's `rankdir=LR`).
    public var graphAttributes: Attributes { storage.graphAttributes }

    /// Sets the graph's title, checked as node labels are: valid language codes, no empty
    /// text, no control character.
    public mutating func setTitle(_ title: LocalizedText) throws(GraphError) {
        try Self.checkText(title, field: "title")
        storage.title = title
    }

    /// Sets the attributes of the graph itself, checked as node attributes are: names follow
    /// the attribute rules and texts hold no control character.
    public mutating func setGraphAttributes(_ attributes: Attributes) throws(GraphError) {
        try Self.checkNames(of: attributes)
        storage.graphAttributes = attributes
    }

    /// The number of nodes added so far.
    public var nodeCount: Int { storage.nodeCount }

    /// The number of edges added so far.
    public var edgeCount: Int { storage.edgeCount }

    /// The kinds declared so far under `kinds:`.
    public var kindDeclarations: [KindDeclaration] { storage.kindDeclarations }

    /// The index of the node added with this id (the same in the graph built).
    ///
    /// - Complexity: O(1) on average.
    public func index(ofNode id: String) -> NodeIndex? { nodeIndex.index(of: id).map { NodeIndex(Int($0)) } }

    /// The index of the edge added with this id (the same in the graph built).
    ///
    /// - Complexity: O(1) on average.
    public func index(ofEdge id: String) -> EdgeIndex? { edgeIndex[id].map { EdgeIndex(Int($0)) } }

    /// Declares a source that nodes and edges may name.
    public mutating func addSource(_ source: Source) throws(GraphError) {
        guard Identifier.isValid(source.id) else { throw .invalidIdentifier(source.id, role: .source) }
        guard !storage.sources.contains(where: { $0.id == source.id }) else {
            throw .duplicateDeclaration(id: source.id, of: .source)
        }
        try Self.checkText(source.title, field: "title")
        storage.sources.append(source)
    }

    /// Declares a kind of node beyond the built-in six, or gives a built-in kind a label or style.
    public mutating func declareKind(_ declaration: KindDeclaration) throws(GraphError) {
        let id = declaration.kind.rawValue
        guard Identifier.isValid(id) else { throw .invalidIdentifier(id, role: .kind) }
        guard !storage.kindDeclarations.contains(where: { $0.kind == declaration.kind }) else {
            throw .duplicateDeclaration(id: id, of: .kind)
        }
        try Self.checkText(declaration.label, field: "label")
        if let style = declaration.style {
            if let shape = style.shape, !KindStyle.shapes.contains(shape) {
                throw .invalidStyle("shape '\(shape)' is not available; use one of \(KindStyle.shapes.joined(separator: ", "))")
            }
            if let color = style.color, !KindStyle.isColor(color) {
                throw .invalidStyle("color '\(color)' is not of the form #RRGGBB")
            }
        }
        storage.kindDeclarations.append(declaration)
        declaredKinds.insert(declaration.kind)
    }

    /// Declares a relation type: its label and whether it is symmetric.
    public mutating func declareRelation(_ relation: RelationType) throws(GraphError) {
        guard Identifier.isValid(relation.id) else { throw .invalidIdentifier(relation.id, role: .relation) }
        guard declaredRelations.insert(relation.id).inserted else {
            throw .duplicateDeclaration(id: relation.id, of: .relation)
        }
        try Self.checkText(relation.label, field: "label")
        storage.relationTypes.append(relation)
    }

    /// Adds a node and returns its index, which is its index in the graph built too.
    @discardableResult
    public mutating func addNode(_ node: Node) throws(GraphError) -> NodeIndex {
        try Self.checkIndependently(node)
        return try addNode(checked: node)
    }

    /// What ``addNode(_:)`` checks of a node besides its id, none of which depends on what was
    /// added before: readers check nodes on other threads, then add them with ``addNode(checked:)``.
    package static func checkContents(of node: Node) throws(GraphError) {
        // Kinds and sources are interned only once valid: a name is valid or it is new.
        if !Identifier.isValid(node.kind.rawValue) { throw .invalidIdentifier(node.kind.rawValue, role: .kind) }
        if let source = node.source, !Identifier.isValid(source) { throw .invalidIdentifier(source, role: .source) }
        try Self.checkText(node.label, field: "label")
        if let type = node.type, let control = ControlCharacters.first(in: type) { throw .controlCharacter(control, field: "type") }
        try Self.checkNames(of: node.attributes)
    }

    /// Adds a node with a valid id whose contents passed ``checkContents(of:)``, and returns its
    /// index; throws only when a node with its id was added. `idHash` is the id's
    /// ``IDIndex/hash(_:)`` where a reader computed it already (on its own thread).
    @discardableResult
    package mutating func addNode(checked node: Node, idHash: Int? = nil) throws(GraphError) -> NodeIndex {
        try addNode(checked: node, idHash: idHash, labelRecord: nil)
    }

    /// ``addNode(checked:idHash:)``, the label taken from `labelRecord` (the record a reader
    /// wrote it as, ``LabelRecords``) instead of the node's own `label` when given.
    mutating func addNode(checked node: Node, idHash: Int?, labelRecord: UnsafeBufferPointer<UInt8>?) throws(GraphError) -> NodeIndex {
        let idHash = idHash ?? IDIndex.hash(node.id)
        let index = Int32(storage.nodeCount)
        guard nodeIndex.insert(index, ifAbsent: node.id, hash: idHash) else { throw .duplicateNode(id: node.id) }
        storage.nodeIDs.append(node.id)
        storage.nodeKinds.append(storage.kinds.index(of: node.kind) ?? storage.kinds.intern(node.kind))
        storage.nodeTypes.append(node.type)
        if let labelRecord { storage.nodeLabels.append(record: labelRecord) } else { storage.nodeLabels.append(node.label) }
        storage.nodeTimings.append(PackedTiming.pack(node.timing))
        storage.nodeAttributes.append(node.attributes.isEmpty ? nil : node.attributes)
        storage.nodeSources.append(node.source.map { sourceCodes.intern($0) } ?? -1)
        return NodeIndex(Int(index))
    }

    /// Whether a node has this id or an edge has named it (its node may come later).
    ///
    /// - Complexity: O(1) on average.
    package func isNamed(_ id: String) -> Bool { nodeIndex.index(of: id) != nil || pendingNodeIndex[id] != nil }

    /// Gives the node called `id` (added, or only named by edges so far) the unused id `newID`;
    /// edges that named it follow it. For readers that made up `id` and must give it up.
    ///
    /// - Complexity: O(1) on average.
    package mutating func renameNode(_ id: String, to newID: String) {
        if let index = nodeIndex.remove(id) {
            storage.nodeIDs[Int(index)] = newID
            nodeIndex.insert(index, for: newID)
        }
        if let pending = pendingNodeIndex.removeValue(forKey: id) {
            pendingNodeNames[Int(pending)] = newID
            pendingNodeIndex[newID] = pending
        }
    }

    /// Starts bringing the node-index slot for an id of this ``IDIndex/hash(_:)`` into the cache,
    /// for a node added or looked up a little later.
    @inline(__always)
    package func prefetchNode(hash: Int) { nodeIndex.prefetch(hash: hash) }

    /// The id index, for readers that look up edge ends on other threads while no node is added.
    package var nodeIDIndex: IDIndex { nodeIndex }

    /// Adds an edge and returns its index, which is its index in the graph built too. Its nodes
    /// may be added later.
    @discardableResult
    public mutating func addEdge(_ edge: Edge) throws(GraphError) -> EdgeIndex {
        try Self.checkIndependently(edge)
        return EdgeIndex(try addEdge(checked: edge).index)
    }

    /// Gives the edge at `index` an id (unused, valid: the caller checks).
    mutating func setID(_ id: String, ofEdge index: Int) {
        storage.edgeIDs.set(id, at: index)
        edgeIndex[id] = Int32(index)
    }

    /// What `addEdge` could not resolve yet, so a reader can remember where those names were.
    package struct EdgeInsertion {
        package var index: Int
        package var fromIsPending: Bool
        package var toIsPending: Bool
    }

    /// The code of a relation (a valid id), given now if it has none: for ``appendEdge(from:to:relation:timing:source:)``.
    package mutating func relationCode(_ relation: String) -> Int32 { storage.relations.intern(relation) }

    /// The code of a source (a valid id), given now if it has none.
    package mutating func sourceCode(_ source: String) -> Int32 { sourceCodes.intern(source) }

    /// Adds an edge (by default without an id or attributes) whose parts were checked: ends that
    /// exist, a relation and a source (or -1) coded by ``relationCode(_:)`` and ``sourceCode(_:)``.
    package mutating func appendEdge(
        from: Int32, to: Int32, relation: Int32, timing: Timing, source: Int32, id: String? = nil, attributes: Attributes = Attributes()
    ) {
        storage.edgeIDs.append(id)
        storage.edgeFrom.append(from)
        storage.edgeTo.append(to)
        storage.edgeRelations.append(relation)
        storage.edgeTimings.append(PackedTiming.pack(timing))
        storage.edgeAttributes.append(attributes.isEmpty ? nil : attributes)
        storage.edgeSources.append(source)
    }

    private mutating func append(_ edge: Edge, from: Int32, to: Int32, relation: Int32?) {
        if let id = edge.id { edgeIndex[id] = Int32(storage.edgeCount) }
        appendEdge(
            from: from, to: to, relation: relation ?? storage.relations.intern(edge.relation), timing: edge.timing,
            source: edge.source.map { sourceCodes.intern($0) } ?? -1, id: edge.id, attributes: edge.attributes)
    }

    /// A node's index, or a negative placeholder `-(n + 1)` for the n-th name not yet seen.
    private mutating func endpoint(named id: String) -> Int32 {
        if let index = nodeIndex.index(of: id) { return index }
        if let pending = pendingNodeIndex[id] { return -(pending + 1) }
        let pending = Int32(pendingNodeNames.count)
        pendingNodeNames.append(id)
        pendingNodeIndex[id] = pending
        return -(pending + 1)
    }

    /// This builder, leaving an empty one in its place. A builder kept in a stored property is
    /// copied, not consumed, by ``build()``, and the copy left behind keeps the builder's id
    /// table and columns alive while the graph is made; `try builder.take().build()` does not.
    package mutating func take() -> GraphBuilder {
        var taken = GraphBuilder()
        swap(&taken, &self)
        return taken
    }

    /// Checks every reference and duplicate and returns the finished graph.
    public consuming func build() throws(GraphBuildError) -> Graph {
        try build(namingParallelEdges: false)
    }

    /// ``build()``; with `namingParallelEdges`, ``nameParallelEdges()`` first, as readers of
    /// formats that keep parallel edges do. When every edge's ends are known, the parallel edges
    /// are found in the built graph's adjacency instead of in a pass of their own (none: the
    /// graph is done; some: they are named and the graph is built again).
    package consuming func build(namingParallelEdges: Bool) throws(GraphBuildError) -> Graph {
        // Names taken for ends not added yet are resolved below: name parallel edges as before.
        let namedFirst = namingParallelEdges && !pendingNodeNames.isEmpty
        if namedFirst { nameParallelEdges() }
        let namesFromAdjacency = namingParallelEdges && !namedFirst
        var problems: [GraphBuildError.Problem] = []
        resolvePendingEndpoints(&problems)
        checkKinds(&problems)
        resolveSources(&problems)
        guard problems.isEmpty else {
            if namesFromAdjacency { nameParallelEdges() }
            problems += storage.duplicateEdgeProblems()
            throw GraphBuildError(problems: problems.sorted { $0.element.order < $1.element.order })
        }
        // Every reference resolved: duplicates show in the graph's own adjacency. The graph
        // makes its own id table; the builder's is let go first, before the graph's peak.
        nodeIndex = IDIndex()
        var graph = Graph(storage: storage)
        var duplicates = storage.duplicateEdgeProblems(in: graph.adjacency)
        if namesFromAdjacency, !duplicates.isEmpty {
            graph = Graph()
            nameParallelEdges(duplicates)
            graph = Graph(storage: storage)
            duplicates = storage.duplicateEdgeProblems(in: graph.adjacency)
        }
        guard duplicates.isEmpty else { throw GraphBuildError(problems: duplicates) }
        return graph
    }

    private mutating func resolvePendingEndpoints(_ problems: inout [GraphBuildError.Problem]) {
        guard !pendingNodeNames.isEmpty else { return }
        let resolved = pendingNodeNames.map { nodeIndex.index(of: $0) }
        var suggester: NearestName?
        func resolve(_ endpoint: inout Int32, element: GraphBuildError.Element) {
            guard endpoint < 0 else { return }
            let pending = Int(-endpoint - 1)
            if let index = resolved[pending] {
                endpoint = index
            } else {
                if suggester == nil { suggester = NearestName(candidates: storage.nodeIDs) }
                let name = pendingNodeNames[pending]
                problems.append(.init(element: element, error: .unknownNode(id: name, suggestion: suggester?.nearest(to: name))))
            }
        }
        for edge in 0..<storage.edgeCount {
            resolve(&storage.edgeFrom[edge], element: .edgeFrom(edge))
            resolve(&storage.edgeTo[edge], element: .edgeTo(edge))
        }
    }

    private func checkKinds(_ problems: inout [GraphBuildError.Problem]) {
        let undeclared = storage.kinds.values.map { !declaredKinds.contains($0) }
        guard undeclared.contains(true) else { return }
        let known = NodeKind.builtIn + storage.kindDeclarations.map(\.kind).filter { !$0.isBuiltIn }
        let suggester = NearestName(candidates: known.map(\.rawValue))
        for (node, code) in storage.nodeKinds.enumerated() where undeclared[Int(code)] {
            let kind = storage.kinds[code]
            let suggestion = suggester.nearest(to: kind.rawValue).map(NodeKind.init(rawValue:))
            problems.append(.init(element: .nodeKind(node), error: .unknownKind(kind, known: known, suggestion: suggestion)))
        }
    }

    /// Turns source codes (order of first mention) into indices of declarations.
    private mutating func resolveSources(_ problems: inout [GraphBuildError.Problem]) {
        guard sourceCodes.count > 0 else { return }
        let declared = Dictionary(uniqueKeysWithValues: storage.sources.enumerated().map { ($1.id, Int32($0)) })
        let mapping = sourceCodes.values.map { declared[$0] ?? -1 }
        let suggester = NearestName(candidates: storage.sources.map(\.id))
        func resolve(_ codes: inout [Int32], element: (Int) -> GraphBuildError.Element) {
            for index in codes.indices where codes[index] >= 0 {
                let code = codes[index]
                let target = mapping[Int(code)]
                if target < 0 {
                    let name = sourceCodes[code]
                    problems.append(.init(element: element(index), error: .unknownSource(id: name, suggestion: suggester.nearest(to: name))))
                }
                codes[index] = target
            }
        }
        resolve(&storage.nodeSources, element: GraphBuildError.Element.nodeSource)
        resolve(&storage.edgeSources, element: GraphBuildError.Element.edgeSource)
    }

    /// Attribute names follow the rules, and string values hold no control character.
    static func checkNames(of attributes: Attributes) throws(GraphError) {
        for attribute in attributes {
            guard Attributes.isValidName(attribute.name) else { throw .invalidAttributeName(attribute.name) }
            let texts: [String]
            switch attribute.value {
            case .string(let text): texts = [text]
            case .list(let values): texts = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            default: texts = []
            }
            for text in texts {
                if let control = ControlCharacters.first(in: text) { throw .controlCharacter(control, field: attribute.name) }
            }
        }
    }

    /// A label or title as documents require it: valid language codes, no empty text, no
    /// control character.
    static func checkText(_ text: LocalizedText, field: String) throws(GraphError) {
        for entry in text.entries {
            if let language = entry.language, !LanguageCode.isValid(language) { throw .invalidLanguage(language) }
            guard !entry.text.isEmpty else { throw .emptyText(field: entry.language.map { "\(field).\($0)" } ?? field) }
            if let control = ControlCharacters.first(in: entry.text) { throw .controlCharacter(control, field: field) }
        }
    }
}

extension GraphBuilder {
    /// What ``addNode(_:)`` checks of a node that does not depend on what was added before (all
    /// but a repeated id): readers check nodes on other threads, then add them with
    /// ``addNode(checked:)``.
    package static func checkIndependently(_ node: Node) throws(GraphError) {
        guard Identifier.isValid(node.id) else { throw .invalidIdentifier(node.id, role: .node) }
        try checkContents(of: node)
    }

    /// What ``addEdge(_:)`` checks of an edge that does not depend on what was added before
    /// (all but a repeated edge id; a relation or source already coded is valid, so checking it
    /// again finds the same): readers check edges on other threads, then add them with
    /// ``addEdge(checked:from:to:)``.
    package static func checkIndependently(_ edge: Edge) throws(GraphError) {
        if !Identifier.isValid(edge.relation) { throw .invalidIdentifier(edge.relation, role: .relation) }
        if let source = edge.source, !Identifier.isValid(source) { throw .invalidIdentifier(source, role: .source) }
        try checkNames(of: edge.attributes)
        if let id = edge.id, !Identifier.isValid(id) { throw .invalidIdentifier(id, role: .edge) }
    }

    /// Adds an edge that passed ``checkIndependently(_:)-(Edge)``; `from` and `to` are its ends'
    /// indices if a reader found them in ``nodeIDIndex`` (else negative: looked up here, or
    /// left for ``build()`` when no node has the name yet). Throws only for a repeated edge id.
    package mutating func addEdge(checked edge: Edge, from: Int32 = -1, to: Int32 = -1) throws(GraphError) -> EdgeInsertion {
        if let id = edge.id, edgeIndex[id] != nil { throw .duplicateEdgeID(id: id) }
        let from = from >= 0 ? from : endpoint(named: edge.from)
        let to = to >= 0 ? to : endpoint(named: edge.to)
        append(edge, from: from, to: to, relation: storage.relations.index(of: edge.relation))
        return EdgeInsertion(index: storage.edgeCount - 1, fromIsPending: from < 0, toIsPending: to < 0)
    }
}
