import RelGraphCore

/// A node record made straight from its bytes, with its id's ``IDIndex/hash(_:)`` computed on the
/// reading thread, so that the building thread only probes the node index and appends; its
/// label is not in `node` but written as its record in the range's ``LabelRecords``, at `label`.
struct PlainNode: Sendable {
    var node: Node
    var idHash: Int
    var label: Range<Int>
}

/// What the reading threads make of a node record.
typealias NodeRecord = ReadRecord<PlainNode, CSVTable.RecordNode>

extension CSVTable {
    /// Whether a node file with these columns may have its records made straight from their
    /// bytes: string ids, an ASCII array delimiter, no `name`/`title` or `label_languages`
    /// column, no named `:ID` column (a property too), valid attribute names, and no language
    /// given by two columns.
    static func allowsPlainNodes(columns: [Column], integerIDs: Bool, dialect: CSVDialect) -> Bool {
        guard !integerIDs, dialect.arrayDelimiter.isASCII else { return false }
        var languages = Set<String>()
        for column in columns {
            switch column {
            case .id(let property): if property != nil { return false }
            case .nameLike, .languageOrder: return false
            case .localizedLabel(let language): if !languages.insert(language).inserted { return false }
            case .attribute(let name, _, _): if !Attributes.isValidName(name) { return false }
            default: continue
            }
        }
        return true
    }

    /// The node of a record whose fields are plain, made straight from the bytes (a `String` only
    /// per text the node keeps); nil when the record needs ``node(from:groupLabels:knownKinds:)``:
    /// a field holding doubled quotes or control characters, an id that is missing or not a valid
    /// id, more than one label or a label that is not a valid id, an empty label text, dates that
    /// do not parse or agree or are given twice, or a property that does not read as its type.
    /// What it returns is what `node(from:groupLabels:knownKinds:)` and the reader make of such a
    /// record (group labels are not given: the caller takes the general path when there are).
    func plainNode(
        _ spans: [CSVFieldSpan], bytes: UnsafeBufferPointer<UInt8>, declaredSources: Set<String>, cache: inout CSVRecordCache
    ) -> PlainNode? {
        guard allowsPlainNodes, spans.count == columns.count else { return nil }
        var id: String?
        var kind = NodeKind.actor, sawLabel = false
        // The label's fields, written as its record once the whole record is known to be plain.
        var neutral: Int?
        var hasLocalizedLabel = false
        var type: String?
        var dates = CSVFastDates()
        var source = -1
        var attributes = Attributes()
        for index in 0..<spans.count {
            let span = spans[index]
            guard span.isPresent else { continue }
            guard !span.hasDoubledQuotes else { return nil }
            let field = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
            if !span.hasNoControls {
                for byte in field where byte < 0x20 { return nil }
            }
            switch columns[index] {
            case .id:
                let text = String(decoding: field, as: UTF8.self)
                if let idSpace, !idSpace.isEmpty { id = "\(idSpace):\(text)" } else { id = text }
            case .labels:
                guard !field.isEmpty else { continue }
                guard !sawLabel, !field.contains(UInt8(dialect.arrayDelimiter.value)) else { return nil }
                let entry = cache.kind(field)
                guard cache.kinds[entry].isUsable else { return nil }
                kind = NodeKind(rawValue: cache.kinds[entry].text)
                sawLabel = true
            case .label:
                guard !field.isEmpty else { return nil }
                neutral = index
            case .localizedLabel:
                guard !field.isEmpty else { return nil }
                hasLocalizedLabel = true
            case .nodeType:
                type = String(decoding: field, as: UTF8.self)
            case .date, .startDate, .endDate:
                guard dates.take(field, as: columns[index]) else { return nil }
            case .source:
                source = cache.source(field, declared: declaredSources)
            case .attribute(let name, let columnType, let isArray):
                guard let value = try? self.value(String(decoding: field, as: UTF8.self), columnType, isArray: isArray, column: name) else { return nil }
                attributes[name] = value
            case .start, .end, .type, .edgeID, .ignored:
                continue
            case .nameLike, .languageOrder:
                return nil
            }
        }
        guard let id, Self.isValidID(id) else { return nil }
        guard let timing = dates.timing else { return nil }
        var node = Node(id: id, kind: kind, type: type, timing: timing)
        // The label's entries in column order (their languages differ: see allowsPlainNodes), or
        // the neutral label when there are none.
        func field(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[spans[index].start..<spans[index].end]) }
        let label = cache.labels.label { labels in
            if hasLocalizedLabel {
                for index in 0..<spans.count where spans[index].isPresent {
                    if case .localizedLabel(let language) = columns[index] { labels.entry(language: language, utf8: field(index)) }
                }
            } else if let neutral {
                labels.entry(language: nil, utf8: field(neutral))
            }
            return true
        }
        guard let label else { return nil }
        // A source that is not declared is kept as a property, as the general path keeps it.
        if source >= 0 {
            let entry = cache.sources[source]
            if entry.isUsable { node.source = entry.text } else { attributes["neo4j-source"] = .string(entry.text) }
        }
        node.attributes = attributes
        return PlainNode(node: node, idHash: IDIndex.hash(id), label: label)
    }

    /// ``Identifier/isValid(_:)``, without decoding ids of ASCII letters, digits and `_.:-`.
    @inline(__always)
    static func isValidID(_ id: String) -> Bool {
        var id = id
        let ascii: Bool? = id.withUTF8 { bytes in
            guard let first = bytes.first, first < 0x80 else { return nil }
            guard Self.isASCIILetterOrDigit(first) else { return false }
            for byte in bytes.dropFirst() {
                guard byte < 0x80 else { return nil }
                guard
                    Self.isASCIILetterOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                        || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
                else { return false }
            }
            return true
        }
        return ascii ?? Identifier.isValid(id)
    }

    @inline(__always)
    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
