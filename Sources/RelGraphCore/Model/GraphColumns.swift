/// A finished graph's columns: the same fields as the ``GraphStorage`` a builder fills, frozen
/// into columns that are either the builder's own values or records of a memory-mapped
/// snapshot, read in place. Queries and writers read a graph through these, whichever it is.
package struct GraphColumns: Sendable {
    package var title = LocalizedText()
    package var graphAttributes = Attributes()
    package var sources: [Source] = []
    package var kindDeclarations: [KindDeclaration] = []
    package var relationTypes: [RelationType] = []
    /// The document's own words (its `ui:` block); a snapshot does not keep them.
    package var uiWords = UIWords()

    /// Interned kinds; nodes store an index into this table.
    package var kinds = InternTable<NodeKind>()
    /// Interned relation ids; edges store an index into this table.
    package var relations = InternTable<String>()

    package var nodeIDs = ValueColumn<String>([])
    package var nodeKinds = Column<Int32>()
    package var nodeTypes = ValueColumn<String?>([])
    package var nodeLabels = ValueColumn<LocalizedText>([])
    package var nodeTimings = ValueColumn<Timing>([])
    package var nodeAttributes = ValueColumn<Attributes>([])
    /// Index into `sources`, or -1.
    package var nodeSources = Column<Int32>()

    /// Each edge's own id, where it has one.
    package var edgeIDs = ValueColumn<String?>([])
    package var edgeFrom = Column<Int32>()
    package var edgeTo = Column<Int32>()
    package var edgeRelations = Column<Int32>()
    package var edgeTimings = ValueColumn<Timing>([])
    package var edgeAttributes = ValueColumn<Attributes>([])
    /// Index into `sources`, or -1.
    package var edgeSources = Column<Int32>()

    var nodeCount: Int { nodeKinds.count }
    package var edgeCount: Int { edgeFrom.count }

    init() {}

    /// The builder's columns, frozen without a copy: columns share the builder's arrays and
    /// records.
    init(_ storage: GraphStorage) {
        title = storage.title
        graphAttributes = storage.graphAttributes
        sources = storage.sources
        kindDeclarations = storage.kindDeclarations
        relationTypes = storage.relationTypes
        uiWords = storage.uiWords
        kinds = storage.kinds
        relations = storage.relations
        nodeIDs = ValueColumn(storage.nodeIDs)
        nodeKinds = Column(storage.nodeKinds)
        nodeTypes = ValueColumn(storage.nodeTypes)
        nodeLabels = storage.nodeLabels.column
        nodeTimings = PackedTiming.column(storage.nodeTimings)
        nodeAttributes = ValueColumn(sparse: storage.nodeAttributes.sparseValues, absent: Attributes())
        nodeSources = Column(storage.nodeSources)
        edgeIDs = ValueColumn(sparse: storage.edgeIDs.sparseValues)
        edgeFrom = Column(storage.edgeFrom)
        edgeTo = Column(storage.edgeTo)
        edgeRelations = Column(storage.edgeRelations)
        edgeTimings = PackedTiming.column(storage.edgeTimings)
        edgeAttributes = ValueColumn(sparse: storage.edgeAttributes.sparseValues, absent: Attributes())
        edgeSources = Column(storage.edgeSources)
    }
}
