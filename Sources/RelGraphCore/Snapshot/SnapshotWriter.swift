/// Writes a graph as an `.rgpack` snapshot (docs/rgpack.md): every column the graph holds,
/// its adjacency, id order and id table, laid out to be mapped and used in place by
/// ``Graph/init(snapshotAt:)``.
///
/// The same graph always gives the same bytes: no time stamps, padding is zeros, and the
/// checksums do not depend on the number of cores.
public struct SnapshotWriter: Sendable {
    public init() {}

    /// Writes `graph` into `output` (the caller commits it).
    ///
    /// - Complexity: O(*n* + *m*), the columns encoded and checksummed on every core.
    public func write(_ graph: Graph, to output: OutputFile) {
        let sections = Self.sections(of: graph)
        let header = Self.header(for: sections)
        output.write(bytes: header)
        var position = header.count
        for section in sections {
            section.payload.withUnsafeBytes { bytes in output.write(bytes: bytes) }
            position += section.payload.count
            let padding = Self.padding(after: position)
            if padding > 0 { output.write(bytes: [UInt8](repeating: 0, count: padding)) }
            position += padding
        }
    }

    /// The snapshot's bytes, for small graphs and tests.
    ///
    /// - Complexity: O(*n* + *m*).
    public func bytes(for graph: Graph) -> [UInt8] {
        let sections = Self.sections(of: graph)
        var bytes = Self.header(for: sections)
        for section in sections {
            section.payload.withUnsafeBytes { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: repeatElement(0, count: Self.padding(after: bytes.count)))
        }
        return bytes
    }

    /// One section's bytes: made for the snapshot, or a column of the graph written as it lies.
    enum Payload: Sendable {
        case bytes([UInt8])
        case int32(Column<Int32>)
        case words(Column<UInt64>)
        case entries(Column<Adjacency.Entry>)

        var count: Int { withUnsafeBytes(\.count) }

        func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
            switch self {
            case .bytes(let bytes): return bytes.withUnsafeBytes(body)
            case .int32(let column): return column.withUnsafeBytes(body)
            case .words(let column): return column.withUnsafeBytes(body)
            case .entries(let column): return column.withUnsafeBytes(body)
            }
        }
    }

    struct Section: Sendable {
        var kind: SnapshotFormat.Section
        var payload: Payload
    }

    static func padding(after position: Int) -> Int {
        (SnapshotFormat.alignment - position % SnapshotFormat.alignment) % SnapshotFormat.alignment
    }

    /// Every section, in the format's order; the columns that need encoding are encoded on
    /// every core at once.
    static func sections(of graph: Graph) -> [Section] {
        let columns = graph.storage
        let encoders: [@Sendable () -> [Section]] = [
            { [Section(kind: .metadata, payload: .bytes(metadata(of: graph)))] },
            { records(columns.nodeIDs, .nodeIDOffsets, .nodeIDBytes) { $0.bytes.append(contentsOf: $1.utf8) } },
            { records(columns.nodeTypes, .nodeTypeOffsets, .nodeTypeBytes) { $0.optionalRaw($1) } },
            { records(columns.nodeLabels, .nodeLabelOffsets, .nodeLabelBytes) { $0.localizedText($1) } },
            { [Section(kind: .nodeTimings, payload: .words(Column(columns.nodeTimings.map(PackedTiming.pack))))] },
            { records(columns.nodeAttributes, .nodeAttributeOffsets, .nodeAttributeBytes) { $0.attributes($1) } },
            { records(columns.edgeIDs, .edgeIDOffsets, .edgeIDBytes) { $0.optionalRaw($1) } },
            { [Section(kind: .edgeTimings, payload: .words(Column(columns.edgeTimings.map(PackedTiming.pack))))] },
            { records(columns.edgeAttributes, .edgeAttributeOffsets, .edgeAttributeBytes) { $0.attributes($1) } },
            { [Section(kind: .idTable, payload: .words(graph.idTable.slots))] },
        ]
        let encoded = Parallel.map(encoders.count) { encoders[$0]() }.flatMap { $0 }
        let fixed: [Section] = [
            Section(kind: .nodeKinds, payload: .int32(columns.nodeKinds)),
            Section(kind: .nodeSources, payload: .int32(columns.nodeSources)),
            Section(kind: .edgeFrom, payload: .int32(columns.edgeFrom)),
            Section(kind: .edgeTo, payload: .int32(columns.edgeTo)),
            Section(kind: .edgeRelations, payload: .int32(columns.edgeRelations)),
            Section(kind: .edgeSources, payload: .int32(columns.edgeSources)),
            Section(kind: .outOffsets, payload: .int32(graph.adjacency.outOffsets)),
            Section(kind: .outgoing, payload: .entries(graph.adjacency.outgoing)),
            Section(kind: .inOffsets, payload: .int32(graph.adjacency.inOffsets)),
            Section(kind: .incoming, payload: .entries(graph.adjacency.incoming)),
            Section(kind: .idRanks, payload: .int32(graph.idRanks)),
            Section(kind: .nodesByRank, payload: .int32(graph.nodesByRank)),
        ]
        let byKind = Dictionary(uniqueKeysWithValues: (encoded + fixed).map { ($0.kind, $0) })
        return SnapshotFormat.Section.allCases.map { byKind[$0]! }
    }

    /// A column as records: `count + 1` offsets and the records' bytes end to end.
    private static func records<Values: RandomAccessCollection>(
        _ values: Values, _ offsetsSection: SnapshotFormat.Section, _ bytesSection: SnapshotFormat.Section,
        _ encode: (inout RecordWriter, Values.Element) -> Void
    ) -> [Section] {
        var writer = RecordWriter()
        var offsets: [UInt64] = []
        offsets.reserveCapacity(values.count + 1)
        offsets.append(0)
        for value in values {
            encode(&writer, value)
            offsets.append(UInt64(writer.bytes.count))
        }
        return [
            Section(kind: offsetsSection, payload: .words(Column(offsets))),
            Section(kind: bytesSection, payload: .bytes(writer.bytes)),
        ]
    }

    /// The title, the declarations, the interned kinds and relations, and the counts.
    static func metadata(of graph: Graph) -> [UInt8] {
        let columns = graph.storage
        var writer = RecordWriter()
        writer.varint(graph.nodeCount)
        writer.varint(graph.edgeCount)
        writer.localizedText(columns.title)
        writer.attributes(columns.graphAttributes)
        writer.varint(columns.sources.count)
        for source in columns.sources {
            writer.text(source.id)
            writer.localizedText(source.title)
            writer.optionalText(source.url)
        }
        writer.varint(columns.kindDeclarations.count)
        for declaration in columns.kindDeclarations {
            writer.text(declaration.kind.rawValue)
            writer.localizedText(declaration.label)
            if let style = declaration.style {
                writer.bytes.append(1)
                writer.optionalText(style.shape)
                writer.optionalText(style.color)
            } else {
                writer.bytes.append(0)
            }
        }
        writer.varint(columns.relationTypes.count)
        for relation in columns.relationTypes {
            writer.text(relation.id)
            writer.localizedText(relation.label)
            writer.bytes.append(relation.isSymmetric ? 1 : 0)
        }
        writer.varint(columns.kinds.count)
        for kind in columns.kinds.values { writer.text(kind.rawValue) }
        writer.varint(columns.relations.count)
        for relation in columns.relations.values { writer.text(relation) }
        return writer.bytes
    }

    /// The header and section table, with every offset and checksum.
    static func header(for sections: [Section]) -> [UInt8] {
        let tableEnd = SnapshotFormat.headerSize + sections.count * SnapshotFormat.entrySize
        var position = tableEnd + padding(after: tableEnd)
        var table = RecordWriter()
        let checksums = sections.map { section in section.payload.withUnsafeBytes(SnapshotChecksum.of) }
        for (section, checksum) in zip(sections, checksums) {
            table.word(UInt64(section.kind.tag))
            table.word(UInt64(position))
            table.word(UInt64(section.payload.count))
            table.word(checksum)
            position += section.payload.count
            position += padding(after: position)
        }
        var header = RecordWriter()
        header.bytes.append(contentsOf: SnapshotFormat.magic)
        header.word(UInt64(SnapshotFormat.version) | UInt64(SnapshotFormat.byteOrderMark) << 32)
        header.word(UInt64(position))
        header.word(UInt64(sections.count) | UInt64(SnapshotFormat.version) << 32)
        header.word(0)
        header.bytes.append(contentsOf: repeatElement(0, count: SnapshotFormat.headerSize - header.bytes.count))
        var bytes = header.bytes + table.bytes
        // The byte-order mark in this machine's order, so a reader of the other order sees it reversed.
        withUnsafeBytes(of: SnapshotFormat.byteOrderMark) { mark in bytes.replaceSubrange(12..<16, with: mark) }
        let checksum = bytes.withUnsafeBytes(SnapshotChecksum.of)
        withUnsafeBytes(of: checksum.littleEndian) { checksumBytes in
            bytes.replaceSubrange(SnapshotFormat.headerChecksumOffset..<SnapshotFormat.headerChecksumOffset + 8, with: checksumBytes)
        }
        bytes.append(contentsOf: repeatElement(0, count: padding(after: bytes.count)))
        return bytes
    }
}

extension RecordWriter {
    /// An optional text as one record: a 0 byte for none, else a 1 byte and the UTF-8 bytes.
    mutating func optionalRaw(_ text: String?) {
        guard let text else { bytes.append(0); return }
        bytes.append(1)
        bytes.append(contentsOf: text.utf8)
    }
}

extension Graph {
    /// Writes the graph as an `.rgpack` snapshot at `path`, atomically (a temporary file beside
    /// it is renamed into place when complete). ``init(snapshotAt:)`` reopens it in a fraction of
    /// the time any text format takes.
    ///
    /// - Throws: ``OutputError`` when the file cannot be created or written.
    /// - Complexity: O(*n* + *m*).
    public func writeSnapshot(to path: String) throws(OutputError) {
        let output = try OutputFile(path: path)
        SnapshotWriter().write(self, to: output)
        try output.commit()
    }
}
