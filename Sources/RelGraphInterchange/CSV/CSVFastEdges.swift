import RelGraphCore

/// Texts that repeat across the records of a range (relation types, sources), made once: the
/// bytes of each distinct text, its `String`, and what was found about it.
struct CSVRecordCache {
    struct CachedText {
        var bytes: [UInt8]
        var text: String
        /// The text to use (a relation made a valid id), and whether it may be used as it is.
        var value: String
        var isUsable: Bool
    }

    private(set) var relations: [CachedText] = []
    private(set) var sources: [CachedText] = []
    private(set) var kinds: [CachedText] = []
    /// Room to put an ID space and a key together.
    var scratch: [UInt8] = []
    /// The labels of the range's plain node records, written as records.
    var labels = LabelRecords()

    /// The entry for `bytes` in `entries`, made with `make` the first time.
    @inline(__always)
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, in entries: inout [CachedText], make: (String) -> (String, Bool)) -> Int {
        for (index, entry) in entries.enumerated() where entry.bytes.withUnsafeBufferPointer({ $0.hasSameBytes(as: bytes) }) { return index }
        let text = String(decoding: bytes, as: UTF8.self)
        let (value, usable) = make(text)
        entries.append(CachedText(bytes: Array(bytes), text: text, value: value, isUsable: usable))
        return entries.count - 1
    }

    /// The index of a relation type's entry; its value is a valid id.
    mutating func relation(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Self.entry(bytes, in: &relations) { text in
            (Identifier.isValid(text) ? text : Identifier.made(from: text, fallback: "related-to"), true)
        }
    }

    /// The index of a source's entry, usable when the source is declared.
    mutating func source(_ bytes: UnsafeBufferPointer<UInt8>, declared: Set<String>) -> Int {
        Self.entry(bytes, in: &sources) { text in (text, declared.contains(text)) }
    }

    /// The index of a node label's entry, usable when it is a valid id (it is then the node's kind).
    mutating func kind(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Self.entry(bytes, in: &kinds) { text in (text, Identifier.isValid(text)) }
    }

    /// The index of a relation given outside the file (a group's type).
    mutating func relation(named text: String) -> Int {
        var text = text
        return text.withUTF8 { relation($0) }
    }
}

/// What the reading threads make of a record: its element made straight from the bytes, or
/// the general path's reading of it (anything unusual, so that errors keep their locations).
enum ReadRecord<Plain: Sendable, General: Sendable>: Sendable {
    case plain(Plain)
    indirect case general(General)
}

/// What the reading threads make of a relationship record.
typealias EdgeRecord = ReadRecord<PlainEdge, CSVTable.RecordEdge>

extension CSVTable {
    /// The edge of a record whose fields are plain, with its ends looked up in `nodes`, made
    /// straight from the bytes (no text per field); nil when the record needs
    /// ``edge(from:at:groupType:)``: a field holding doubled quotes or control characters,
    /// integer ids, an edge id or property column, repeated or malformed dates, a source that is
    /// not declared, no type, or an end that names no node. What it returns is what
    /// `edge(from:at:groupType:)` and the reader make of such a record.
    func plainEdge(
        _ spans: [CSVFieldSpan], bytes: UnsafeBufferPointer<UInt8>, groupType: String?, nodes: IDIndex,
        declaredSources: Set<String>, cache: inout CSVRecordCache
    ) -> PlainEdge? {
        guard !integerIDs, spans.count == columns.count else { return nil }
        var from: Int32 = -1, to: Int32 = -1
        // A relation's entry; an empty type takes the general path (which reports it).
        var relation = -1
        if let groupType, !groupType.isEmpty { relation = cache.relation(named: groupType) }
        var dates = CSVFastDates()
        var source = -1
        for index in 0..<spans.count {
            let span = spans[index]
            guard span.isPresent else { continue }
            guard !span.hasDoubledQuotes else { return nil }
            let field = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
            if !span.hasNoControls {
                for byte in field where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return nil }
            }
            switch columns[index] {
            case .start, .end:
                let isStart: Bool
                if case .start = columns[index] { isStart = true } else { isStart = false }
                let space = isStart ? startSpace : endSpace
                let node: Int32?
                if let space, !space.isEmpty {
                    cache.scratch.removeAll(keepingCapacity: true)
                    cache.scratch.append(contentsOf: space.utf8)
                    cache.scratch.append(UInt8(ascii: ":"))
                    cache.scratch.append(contentsOf: field)
                    node = cache.scratch.withUnsafeBufferPointer { nodes.index(ofUTF8: $0) }
                } else {
                    node = nodes.index(ofUTF8: field)
                }
                guard let node else { return nil }
                if isStart { from = node } else { to = node }
            case .type:
                guard !field.isEmpty else { return nil }
                relation = cache.relation(field)
            case .date, .startDate, .endDate:
                guard dates.take(field, as: columns[index]) else { return nil }
            case .source:
                let entry = cache.source(field, declared: declaredSources)
                guard cache.sources[entry].isUsable else { return nil }
                source = entry
            case .label, .localizedLabel, .languageOrder, .nodeType, .ignored:
                continue
            case .edgeID, .attribute, .nameLike, .id, .labels:
                return nil
            }
        }
        guard from >= 0, to >= 0, relation >= 0 else { return nil }
        guard let timing = dates.timing else { return nil }
        return PlainEdge(from: from, to: to, relation: Int32(relation), source: Int32(source), timing: timing)
    }

    /// Starts bringing the node-index slots of a record's start and end into the cache, so that
    /// ``plainEdge(_:bytes:groupType:nodes:declaredSources:cache:)`` finds them there when it
    /// runs a few records later (the reader converts records a few behind the scanner).
    func prefetchEnds(_ spans: [CSVFieldSpan], bytes: UnsafeBufferPointer<UInt8>, nodes: IDIndex, cache: inout CSVRecordCache) {
        guard !integerIDs, spans.count == columns.count else { return }
        prefetch(spans[startColumn], space: startSpace, bytes: bytes, nodes: nodes, cache: &cache)
        prefetch(spans[endColumn], space: endSpace, bytes: bytes, nodes: nodes, cache: &cache)
    }

    @inline(__always)
    private func prefetch(_ span: CSVFieldSpan, space: String?, bytes: UnsafeBufferPointer<UInt8>, nodes: IDIndex, cache: inout CSVRecordCache) {
        guard span.isPresent, !span.hasDoubledQuotes else { return }
        let field = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        if let space, !space.isEmpty {
            cache.scratch.removeAll(keepingCapacity: true)
            cache.scratch.append(contentsOf: space.utf8)
            cache.scratch.append(UInt8(ascii: ":"))
            cache.scratch.append(contentsOf: field)
            cache.scratch.withUnsafeBufferPointer { nodes.prefetch(hash: IDIndex.hash(utf8: $0)) }
        } else {
            nodes.prefetch(hash: IDIndex.hash(utf8: field))
        }
    }
}
