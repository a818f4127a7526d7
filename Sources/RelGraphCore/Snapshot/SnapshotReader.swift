/// Opens an `.rgpack` snapshot as a ``Graph`` whose columns are the file's bytes, used in place.
///
/// Nothing in the file is trusted. Before any column is used the reader checks, in order: the
/// signature, the format version and byte order, the length, the header's checksum, that every
/// section lies inside the file, aligned, without overlap, with the size the counts require;
/// every section's checksum; then every index a query follows: kinds, relations and sources in
/// range, adjacency offsets in order, each run sorted, the adjacency holding exactly the edge
/// list (a keyed multiset fingerprint, so a crafted file cannot aim at a collision), the id
/// order a permutation, the id table probe-safe. Record offsets (ids, labels, attributes) are
/// checked when a record is read: one out of range reads as empty.
struct SnapshotReader {
    let memory: SnapshotMemory
    let path: String

    private var bytes: UnsafeRawBufferPointer { memory.bytes }

    struct TableEntry {
        var section: SnapshotFormat.Section
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    func graph() throws(SnapshotError) -> Graph {
        let entries = try sectionTable()
        try verifyChecksums(entries)
        var metadata = RecordReader(slice(entries[.metadata]!))
        var columns = GraphColumns()
        let (nodeCount, edgeCount) = (Int(clamping: metadata.number()), Int(clamping: metadata.number()))
        columns.title = metadata.localizedText()
        columns.graphAttributes = metadata.attributes()
        columns.sources = (0..<metadata.varint()).map { _ in
            Source(id: metadata.text(), title: metadata.localizedText(), url: metadata.optionalText())
        }
        columns.kindDeclarations = (0..<metadata.varint()).map { _ in
            let kind = NodeKind(metadata.text()), label = metadata.localizedText()
            let style = metadata.byte() == 0 ? nil : KindStyle(shape: metadata.optionalText(), color: metadata.optionalText())
            return KindDeclaration(kind: kind, label: label, style: style)
        }
        columns.relationTypes = (0..<metadata.varint()).map { _ in
            RelationType(id: metadata.text(), label: metadata.localizedText(), isSymmetric: metadata.byte() != 0)
        }
        let kinds = (0..<metadata.varint()).map { _ in NodeKind(metadata.text()) }
        let relations = (0..<metadata.varint()).map { _ in metadata.text() }
        guard !metadata.isDamaged, metadata.isAtEnd else { throw malformed("its title and declarations do not parse") }
        columns.kinds = InternTable(kinds)
        columns.relations = InternTable(relations)
        guard columns.kinds.count == kinds.count, columns.relations.count == relations.count else {
            throw malformed("its table of kinds or relations repeats a name")
        }
        guard nodeCount < Int(Int32.max), edgeCount < Int(Int32.max) else {
            throw malformed("it claims \(nodeCount) nodes and \(edgeCount) edges, more than RelGraph can index")
        }

        let n = nodeCount, m = edgeCount
        func fixed<Element: BitwiseCopyable>(_ section: SnapshotFormat.Section, _: Element.Type, count: Int) throws(SnapshotError) -> Column<Element> {
            let entry = entries[section]!
            guard entry.length == count * MemoryLayout<Element>.stride else {
                throw malformed(
                    "its \(section.name) section (\(section.rawValue)) has \(entry.length) bytes where \(count) elements take \(count * MemoryLayout<Element>.stride)"
                )
            }
            return memory.column(Element.self, at: entry.offset, count: count)
        }
        func records(_ offsets: SnapshotFormat.Section, _ bytes: SnapshotFormat.Section, count: Int) throws(SnapshotError) -> EncodedRecords {
            let blob = entries[bytes]!
            return EncodedRecords(
                offsets: try fixed(offsets, UInt64.self, count: count + 1), bytes: memory.column(UInt8.self, at: blob.offset, count: blob.length))
        }
        func timings(_ section: SnapshotFormat.Section, count: Int) throws(SnapshotError) -> EncodedRecords {
            _ = try fixed(section, UInt64.self, count: count)
            let entry = entries[section]!
            return EncodedRecords(stride: 8, bytes: memory.column(UInt8.self, at: entry.offset, count: entry.length))
        }

        columns.nodeIDs = ValueColumn(records: try records(.nodeIDOffsets, .nodeIDBytes, count: n)) { String(decoding: $0, as: UTF8.self) }
        columns.nodeKinds = try fixed(.nodeKinds, Int32.self, count: n)
        columns.nodeTypes = ValueColumn(records: try records(.nodeTypeOffsets, .nodeTypeBytes, count: n), decode: Self.optionalText)
        columns.nodeLabels = ValueColumn(records: try records(.nodeLabelOffsets, .nodeLabelBytes, count: n)) {
            var reader = RecordReader($0); return reader.localizedText()
        }
        columns.nodeTimings = ValueColumn(records: try timings(.nodeTimings, count: n), decode: PackedTiming.timing)
        columns.nodeAttributes = ValueColumn(records: try records(.nodeAttributeOffsets, .nodeAttributeBytes, count: n)) {
            var reader = RecordReader($0); return reader.attributes()
        }
        columns.nodeSources = try fixed(.nodeSources, Int32.self, count: n)
        columns.edgeIDs = ValueColumn(records: try records(.edgeIDOffsets, .edgeIDBytes, count: m), decode: Self.optionalText)
        columns.edgeFrom = try fixed(.edgeFrom, Int32.self, count: m)
        columns.edgeTo = try fixed(.edgeTo, Int32.self, count: m)
        columns.edgeRelations = try fixed(.edgeRelations, Int32.self, count: m)
        columns.edgeTimings = ValueColumn(records: try timings(.edgeTimings, count: m), decode: PackedTiming.timing)
        columns.edgeAttributes = ValueColumn(records: try records(.edgeAttributeOffsets, .edgeAttributeBytes, count: m)) {
            var reader = RecordReader($0); return reader.attributes()
        }
        columns.edgeSources = try fixed(.edgeSources, Int32.self, count: m)
        let adjacency = Adjacency(
            outOffsets: try fixed(.outOffsets, Int32.self, count: n + 1), outgoing: try fixed(.outgoing, Adjacency.Entry.self, count: m),
            inOffsets: try fixed(.inOffsets, Int32.self, count: n + 1), incoming: try fixed(.incoming, Adjacency.Entry.self, count: m))
        let idRanks = try fixed(.idRanks, Int32.self, count: n)
        let nodesByRank = try fixed(.nodesByRank, Int32.self, count: n)
        let tableEntry = entries[.idTable]!
        guard tableEntry.length % 8 == 0 else { throw malformed("its id table (IDTB) is not a whole number of slots") }
        let idTable = IDSlots(slots: memory.column(UInt64.self, at: tableEntry.offset, count: tableEntry.length / 8))

        let graph = Graph(columns: columns, nodeIndex: idTable, adjacency: adjacency, idRanks: idRanks, nodesByRank: nodesByRank)
        if let problem = SnapshotConsistency.problem(in: graph) { throw malformed(problem) }
        return graph
    }

    private static let optionalText: @Sendable (UnsafeRawBufferPointer) -> String? = { record in
        guard let tag = record.first, tag != 0 else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: record.dropFirst()), as: UTF8.self)
    }

    private func malformed(_ problem: String) -> SnapshotError { .malformed(path: path, problem: problem) }

    private func slice(_ entry: TableEntry) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[entry.offset..<entry.offset + entry.length])
    }

    private func word(at offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    private func half(at offset: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }

    /// The header checked and the section table read, every section inside the file.
    func sectionTable() throws(SnapshotError) -> [SnapshotFormat.Section: TableEntry] {
        let length = bytes.count
        let magic = SnapshotFormat.magic
        guard SnapshotFormat.hasMagic(bytes) else {
            if length < magic.count, bytes.elementsEqual(magic.prefix(length)) {
                throw .truncated(path: path, length: length, expected: SnapshotFormat.headerSize)
            }
            throw .notASnapshot(path: path)
        }
        guard length >= SnapshotFormat.headerSize else { throw .truncated(path: path, length: length, expected: SnapshotFormat.headerSize) }
        let version = Int(half(at: 8)), readableFrom = Int(half(at: 28))
        let mark = bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self)
        if mark == SnapshotFormat.byteOrderMark.byteSwapped { throw .foreignByteOrder(path: path) }
        guard mark == SnapshotFormat.byteOrderMark else { throw malformed("its byte-order mark is \(String(mark, radix: 16)), not RelGraph's") }
        guard version >= 1, readableFrom >= 1, readableFrom <= version else {
            throw malformed("its header gives format \(version), readable from format \(readableFrom)")
        }
        if readableFrom > Int(SnapshotFormat.version) { throw .newerVersion(path: path, version: version, readableBy: readableFrom) }
        let declaredLength = word(at: 16)
        if declaredLength > UInt64(length) { throw .truncated(path: path, length: length, expected: Int(clamping: declaredLength)) }
        guard declaredLength == UInt64(length) else { throw malformed("it has \(UInt64(length) - declaredLength) bytes after its end") }
        let sectionCount = Int(half(at: 24))
        guard sectionCount <= (length - SnapshotFormat.headerSize) / SnapshotFormat.entrySize else {
            throw malformed("its header lists \(sectionCount) sections, more than the file can hold")
        }
        let tableEnd = SnapshotFormat.headerSize + sectionCount * SnapshotFormat.entrySize
        var header = [UInt8](bytes[0..<tableEnd])
        header.replaceSubrange(SnapshotFormat.headerChecksumOffset..<SnapshotFormat.headerChecksumOffset + 8, with: repeatElement(0, count: 8))
        guard header.withUnsafeBytes(SnapshotChecksum.of) == word(at: SnapshotFormat.headerChecksumOffset) else {
            throw .checksumMismatch(path: path, section: "header and section table")
        }

        var entries: [SnapshotFormat.Section: TableEntry] = [:]
        var extents: [(start: Int, end: Int, section: String)] = []
        for index in 0..<sectionCount {
            let at = SnapshotFormat.headerSize + index * SnapshotFormat.entrySize
            let tag = UInt32(truncatingIfNeeded: word(at: at))
            let offset = word(at: at + 8), size = word(at: at + 16)
            let name = SnapshotFormat.Section(tag: tag).map { "\($0.name) section (\($0.rawValue))" } ?? "section \(index + 1)"
            guard offset >= UInt64(tableEnd), offset <= UInt64(length), size <= UInt64(length) - offset else {
                throw malformed("its \(name) lies outside the file (bytes \(offset) to \(offset &+ size) of \(length))")
            }
            guard offset % UInt64(SnapshotFormat.alignment) == 0 else { throw malformed("its \(name) is not 8-byte aligned (offset \(offset))") }
            extents.append((Int(offset), Int(offset + size), name))
            // Sections a newer writer added, in a format this reader can read, are skipped.
            guard let section = SnapshotFormat.Section(tag: tag) else { continue }
            guard entries[section] == nil else { throw malformed("it holds its \(name) twice") }
            entries[section] = TableEntry(section: section, offset: Int(offset), length: Int(size), checksum: word(at: at + 24))
        }
        extents.sort { $0.start < $1.start }
        for (previous, next) in zip(extents, extents.dropFirst()) where next.start < previous.end {
            throw malformed("its \(previous.section) and \(next.section) overlap")
        }
        for section in SnapshotFormat.Section.allCases where entries[section] == nil {
            throw malformed("it has no \(section.name) section (\(section.rawValue))")
        }
        return entries
    }

    /// Every section's checksum, each section split across the cores.
    private func verifyChecksums(_ entries: [SnapshotFormat.Section: TableEntry]) throws(SnapshotError) {
        for section in SnapshotFormat.Section.allCases {
            let entry = entries[section]!
            guard SnapshotChecksum.of(slice(entry)) == entry.checksum else {
                throw .checksumMismatch(path: path, section: "\(section.name) (section \(section.rawValue))")
            }
        }
    }
}

extension Graph {
    /// Opens the `.rgpack` snapshot at `path` (written by ``writeSnapshot(to:)`` or
    /// `relgraph export --to rgpack`): the file is mapped into memory and its columns are used
    /// where they lie, so opening costs a checksum pass and a few checks, not a parse, and
    /// allocates nothing per node or edge.
    ///
    /// - Throws: ``SnapshotError``: an unreadable, truncated, corrupted, foreign or newer file,
    ///   with a message saying which and what to do.
    /// - Complexity: O(*n* + *m*) sequential reads (checksums and index checks, on every core);
    ///   ids, labels and attributes are decoded only when read.
    public init(snapshotAt path: String) throws(SnapshotError) {
        self = try SnapshotReader(memory: SnapshotMemory(mapping: path), path: path).graph()
    }

    /// Opens a snapshot held in memory (read from standard input, say); `name` is the name
    /// messages give it.
    ///
    /// - Throws: ``SnapshotError`` as ``init(snapshotAt:)`` does.
    /// - Complexity: O(*n* + *m*), including one copy of the bytes.
    public init(snapshot bytes: some Collection<UInt8>, name: String) throws(SnapshotError) {
        self = try SnapshotReader(memory: SnapshotMemory(copying: bytes), path: name).graph()
    }
}
