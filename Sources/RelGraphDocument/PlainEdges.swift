import RelGraphCore

/// Edges read straight from a document's bytes, for the common case: a map of `from`, `to`,
/// `relation` and dates, all strings of printable ASCII without escapes, on one line, whose ends
/// name nodes already added. Anything else (another key, a repeated key, an escape, a number,
/// a line break, a bad date, an unknown end) is left to the general path, which reads the
/// element again from its `{`: what this returns is what ``DocumentDecoder/edgeElement(_:nodes:)``
/// makes of such a map, without its tokens, texts or positions: a ``PlainEdge`` whose relation
/// is a place in ``relationTexts``.
struct PlainEdges {
    /// Relations met so far that are valid ids, as bytes and as text.
    private var relations: [(bytes: [UInt8], text: String)] = []

    /// The relations the edges read so far name by place.
    var relationTexts: [String] { relations.map(\.text) }

    private enum Key: Int { case from, to, relation, date, start, end }
    private static let keys = ShortNames(["from", "to", "relation", "date", "start", "end"])

    /// How many lines below the edge being read the node-index slots of later edges' ends are
    /// fetched (see ``Prefetch``): a lookup then finds its slot in the cache.
    private static let lookaheadLines = 8
    /// The start of the last line whose ends were fetched, and how many lines that is below the
    /// edge being read.
    private var scout: UnsafePointer<UInt8>?
    private var linesAhead = 0

    /// The edge whose map starts right after the `{` at the start of `bytes`, and how many bytes
    /// it takes up to and including its `}`; nil when it is not plain.
    mutating func edge(in bytes: UnsafeBufferPointer<UInt8>, nodes: IDIndex) -> (PlainEdge, length: Int)? {
        fetchEndsAhead(of: bytes, nodes: nodes)
        var index = 0
        let count = bytes.count
        var values = InlineArray<6, Range<Int>>(repeating: 0..<0)
        var seen: UInt8 = 0
        @inline(__always) func skipSpaces() { while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        // A string of printable ASCII without escapes: its contents' range. (Not
        // ``PlainMapReader``, whose UTF-8 strings and per-entry closure made the XL edges 4–6%
        // slower, measured in alternating rounds: this loop runs 5 million times.)
        @inline(__always) func string() -> Range<Int>? {
            guard index < count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { index += 1; return start..<index - 1 }
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }
        skipSpaces()
        while true {
            guard let keyRange = string() else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[keyRange])
            guard let number = Self.keys.index(of: key), seen & (1 << number) == 0 else { return nil }
            seen |= 1 << number
            skipSpaces()
            guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpaces()
            guard let value = string() else { return nil }
            values[number] = value
            skipSpaces()
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            skipSpaces()
        }
        let required: UInt8 = 1 << Key.from.rawValue | 1 << Key.to.rawValue | 1 << Key.relation.rawValue
        guard seen & required == required else { return nil }
        func field(_ key: Key) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[values[key.rawValue]]) }
        guard let from = nodes.index(ofUTF8: field(.from)), let to = nodes.index(ofUTF8: field(.to)) else { return nil }
        guard let relation = relation(field(.relation)) else { return nil }
        var dates: [PartialDate?] = [nil, nil, nil]
        for (slot, key) in [Key.date, .start, .end].enumerated() where seen & (1 << key.rawValue) != 0 {
            guard let date = try? PartialDate(parsingUTF8: field(key)) else { return nil }
            dates[slot] = date
        }
        var timing = Timing.undated
        if seen & (1 << Key.date.rawValue | 1 << Key.start.rawValue | 1 << Key.end.rawValue) != 0 {
            guard let made = try? Timing(date: dates[0], start: dates[1], end: dates[2]) else { return nil }
            timing = made
        }
        return (PlainEdge(from: from, to: to, relation: relation, timing: timing), index)
    }

    /// Starts fetching the index slots of the ends named on the lines below the edge at the
    /// start of `bytes`, keeping ``lookaheadLines`` lines fetched ahead (an edge a line, as
    /// writers put them; other layouts only fetch less usefully).
    private mutating func fetchEndsAhead(of bytes: UnsafeBufferPointer<UInt8>, nodes: IDIndex) {
        guard let base = bytes.baseAddress else { return }
        let end = base + bytes.count
        if let scout, scout >= base {
            linesAhead = max(linesAhead - 1, 0)
        } else {
            scout = base
            linesAhead = 0
        }
        while linesAhead < Self.lookaheadLines, let start = scout {
            guard let feed = UnsafeBufferPointer(start: start, count: end - start).firstIndex(of: 0x0A) else {
                scout = end
                return
            }
            scout = start + feed + 1
            linesAhead += 1
            Self.fetchEnds(onLine: UnsafeBufferPointer(start: start + feed + 1, count: end - (start + feed + 1)), nodes: nodes)
        }
    }

    /// Fetches the slots of `from` and `to` when the line starts an edge's map with them.
    private static func fetchEnds(onLine line: UnsafeBufferPointer<UInt8>, nodes: IDIndex) {
        var index = 0
        func skipSpaces() { while index < line.count, line[index] == 0x20 || line[index] == 0x09 || line[index] == UInt8(ascii: ",") { index += 1 } }
        func string() -> UnsafeBufferPointer<UInt8>? {
            guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            index = start
            while index < line.count, line[index] != UInt8(ascii: "\""), line[index] != 0x0A { index += 1 }
            guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            return UnsafeBufferPointer(rebasing: line[start..<index - 1])
        }
        skipSpaces()
        guard index < line.count, line[index] == UInt8(ascii: "{") else { return }
        index += 1
        for _ in 0..<2 {
            skipSpaces()
            guard let key = string() else { return }
            skipSpaces()
            guard index < line.count, line[index] == UInt8(ascii: ":") else { return }
            index += 1
            skipSpaces()
            guard let value = string() else { return }
            if let number = keys.index(of: key), number == Key.from.rawValue || number == Key.to.rawValue {
                nodes.prefetch(hash: IDIndex.hash(utf8: value))
            }
        }
    }

    /// A relation's place in ``relationTexts`` if it is a valid id.
    private mutating func relation(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        for (place, known) in relations.enumerated() where known.bytes.withUnsafeBufferPointer({ $0.hasSameBytes(as: bytes) }) {
            return Int32(place)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard Identifier.isValid(text) else { return nil }
        relations.append((Array(bytes), text))
        return Int32(relations.count - 1)
    }
}

extension JSONTokenReader {
    /// Reads a plain node (see ``PlainNodes``) whose `{` was the last token, read at
    /// `position`; nil, having read nothing more, when it is not one.
    mutating func plainNode(at position: TextPosition, plain: inout PlainNodes) -> DecodedNode? {
        guard let bytes = remainingBytes, let (node, length, continuationBytes) = plain.node(in: bytes, at: position) else { return nil }
        skipPlainMap(length, continuationBytes: continuationBytes)
        return node
    }

    /// Reads a plain edge (see ``PlainEdges``) whose `{` was the last token; nil, having read
    /// nothing more, when it is not one.
    mutating func plainEdge(nodes: IDIndex, plain: inout PlainEdges) -> PlainEdge? {
        guard let bytes = remainingBytes, let (edge, length) = plain.edge(in: bytes, nodes: nodes) else { return nil }
        skipPlainMap(length)
        return edge
    }
}
