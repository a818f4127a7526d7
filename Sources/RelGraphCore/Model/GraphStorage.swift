/// The columns a graph is stored in: one array per field, indexed by node or edge number,
/// so that a million nodes cost a few arrays rather than a million objects.
package struct GraphStorage: Hashable, Sendable {
    var title = LocalizedText()
    /// Attributes of the graph itself (a DOT file's `rankdir`, …).
    var graphAttributes = Attributes()
    var sources: [Source] = []
    var kindDeclarations: [KindDeclaration] = []
    var relationTypes: [RelationType] = []
    /// The document's own words (its `ui:` block), over the built-in translations.
    var uiWords = UIWords()

    /// Interned kinds; nodes store an index into this table.
    var kinds = InternTable<NodeKind>()
    /// Interned relation ids; edges store an index into this table.
    var relations = InternTable<String>()

    var nodeIDs: [String] = []
    package var nodeKinds: [Int32] = []
    var nodeTypes: [String?] = []
    /// Labels as records (``RecordWriter``): bytes and an offset per node, not arrays and
    /// strings on the heap.
    var nodeLabels = RecordColumnBuilder<LocalizedText>.localizedTexts()
    /// Timings packed in eight bytes each (``PackedTiming``).
    var nodeTimings: [UInt64] = []
    /// Attributes where a node has some (most have none).
    var nodeAttributes = SparseColumnBuilder<Attributes>()
    /// Index into `sources`, or -1.
    var nodeSources: [Int32] = []

    /// Each edge's own id, where it has one (most edges have none).
    var edgeIDs = SparseColumnBuilder<String>()
    var edgeFrom: [Int32] = []
    var edgeTo: [Int32] = []
    var edgeRelations: [Int32] = []
    /// Timings packed in eight bytes each (``PackedTiming``).
    var edgeTimings: [UInt64] = []
    /// Attributes where an edge has some (most have none).
    var edgeAttributes = SparseColumnBuilder<Attributes>()
    /// Index into `sources`, or -1.
    var edgeSources: [Int32] = []

    var nodeCount: Int { nodeIDs.count }
    var edgeCount: Int { edgeFrom.count }

    mutating func reserve(nodes: Int, edges: Int) {
        nodeIDs.reserveCapacity(nodes)
        nodeKinds.reserveCapacity(nodes)
        nodeTypes.reserveCapacity(nodes)
        nodeLabels.reserve(nodes)
        nodeTimings.reserveCapacity(nodes)
        nodeSources.reserveCapacity(nodes)
        edgeFrom.reserveCapacity(edges)
        edgeTo.reserveCapacity(edges)
        edgeRelations.reserveCapacity(edges)
        edgeTimings.reserveCapacity(edges)
        edgeSources.reserveCapacity(edges)
    }
}

/// A table that gives each distinct value a small integer, in order of first appearance.
package struct InternTable<Value: Hashable & Sendable>: Hashable, Sendable {
    package private(set) var values: [Value] = []
    private var indices: [Value: Int32] = [:]

    package var count: Int { values.count }

    init() {}

    /// A table holding `values`, which must be distinct, in order.
    init(_ values: [Value]) {
        for value in values { _ = intern(value) }
    }

    package subscript(index: Int32) -> Value { values[Int(index)] }

    /// Small tables (relations and kinds usually are) are scanned, which beats hashing.
    @inline(__always)
    func index(of value: Value) -> Int32? {
        if values.count <= 16 {
            for (index, candidate) in values.enumerated() where candidate == value { return Int32(index) }
            return nil
        }
        return indices[value]
    }

    mutating func intern(_ value: Value) -> Int32 {
        if let index = index(of: value) { return index }
        let index = Int32(values.count)
        values.append(value)
        indices[value] = index
        return index
    }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.values == rhs.values }
    package func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
