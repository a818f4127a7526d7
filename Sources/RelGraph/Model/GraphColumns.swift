/// A finished graph's columns: the same fields as the ``GraphStorage`` a builder fills, frozen
/// into columns that are either the builder's own values or records of a memory-mapped
/// snapshot, read in place. Queries and writers read a graph through these, whichever it is.
struct GraphColumns: Sendable {
    var title = LocalizedText()
    var graphAttributes = Attributes()
    var sources: [Source] = []
    var kindDeclarations: [KindDeclaration] = []
    var relationTypes: [RelationType] = []

    /// Interned kinds; nodes store an index into this table.
    var kinds = InternTable<NodeKind>()
    /// Interned relation ids; edges store an index into this table.
    var relations = InternTable<String>()

    var nodeIDs = ValueColumn<String>([])
    var nodeKinds = Column<Int32>()
    var nodeTypes = ValueColumn<String?>([])
    var nodeLabels = ValueColumn<LocalizedText>([])
    var nodeTimings = ValueColumn<Timing>([])
    var nodeAttributes = ValueColumn<Attributes>([])
    /// Index into `sources`, or -1.
    var nodeSources = Column<Int32>()

    /// Each edge's own id, where it has one.
    var edgeIDs = ValueColumn<String?>([])
    var edgeFrom = Column<Int32>()
    var edgeTo = Column<Int32>()
    var edgeRelations = Column<Int32>()
    var edgeTimings = ValueColumn<Timing>([])
    var edgeAttributes = ValueColumn<Attributes>([])
    /// Index into `sources`, or -1.
    var edgeSources = Column<Int32>()

    var nodeCount: Int { nodeKinds.count }
    var edgeCount: Int { edgeFrom.count }

    init() {}

    /// The builder's columns, frozen: value columns keep the builder's arrays, fixed-width ones
    /// are copied once into column buffers.
    init(_ storage: GraphStorage) {
        title = storage.title
        graphAttributes = storage.graphAttributes
        sources = storage.sources
        kindDeclarations = storage.kindDeclarations
        relationTypes = storage.relationTypes
        kinds = storage.kinds
        relations = storage.relations
        nodeIDs = ValueColumn(storage.nodeIDs)
        nodeKinds = Column(storage.nodeKinds)
        nodeTypes = ValueColumn(storage.nodeTypes)
        nodeLabels = ValueColumn(storage.nodeLabels)
        nodeTimings = ValueColumn(storage.nodeTimings)
        nodeAttributes = ValueColumn(storage.nodeAttributes)
        nodeSources = Column(storage.nodeSources)
        edgeIDs = ValueColumn(storage.edgeIDs)
        edgeFrom = Column(storage.edgeFrom)
        edgeTo = Column(storage.edgeTo)
        edgeRelations = Column(storage.edgeRelations)
        edgeTimings = ValueColumn(storage.edgeTimings)
        edgeAttributes = ValueColumn(storage.edgeAttributes)
        edgeSources = Column(storage.edgeSources)
    }
}
