import RelGraphCore

/// Nodes read straight from a document's bytes, for the common case: a map of `id`, `kind`,
/// `type`, `label` (a string, or a map of languages to strings), dates, `attributes` (a map of
/// names to strings, integers and booleans) and `source`, on one line, every string without
/// escapes or control characters. Anything else (another key, a repeated key or language, an
/// escape, a list, a decimal number, a null, a line break, a bad date, an empty label, a missing
/// `id` or `kind`) is left to the general path, which reads the element again from its `{`: what
/// this returns is what ``DocumentDecoder/nodeElement(_:)`` makes of such a map, positions
/// included, without its tokens.
struct PlainNodes {
    private enum Key: Int { case id, kind, type, label, date, start, end, attributes, source }
    private static let keys = ShortNames(["id", "kind", "type", "label", "date", "start", "end", "attributes", "source"])

    /// Kinds met so far, as bytes and as text (a document names a handful).
    private var kinds: [(bytes: [UInt8], text: String)] = []

    /// The node whose map starts right after the `{` read at `position` (`bytes` starts after
    /// it), how many bytes it takes up to and including its `}`, and how many of those are UTF-8
    /// continuation bytes; nil when it is not plain.
    mutating func node(in bytes: UnsafeBufferPointer<UInt8>, at position: TextPosition) -> (DecodedNode, length: Int, continuationBytes: Int)? {
        var reader = PlainMapReader(bytes: bytes)
        var values = InlineArray<9, Range<Int>>(repeating: 0..<0)
        var seen: UInt16 = 0
        var label = LocalizedText()
        var attributes: [Attributes.Attribute] = []
        guard
            reader.readEntries({ reader, keyRange in
                let key = UnsafeBufferPointer(rebasing: bytes[keyRange])
                guard let number = Self.keys.index(of: key), seen & (1 << number) == 0 else { return false }
                seen |= 1 << number
                let valueStart = reader.index
                switch Key(rawValue: number)! {
                case .label:
                    if let text = reader.string() {
                        guard !text.isEmpty else { return false }
                        label = LocalizedText(reader.text(text))
                    } else {
                        guard let text = Self.languages(&reader) else { return false }
                        label = text
                    }
                case .attributes:
                    guard let read = Self.attributes(&reader) else { return false }
                    attributes = read
                default:
                    guard let value = reader.string() else { return false }
                    values[number] = value
                }
                reader.valueStarts[number] = valueStart
                return true
            })
        else { return nil }
        let required: UInt16 = 1 << Key.id.rawValue | 1 << Key.kind.rawValue
        guard seen & required == required else { return nil }
        func has(_ key: Key) -> Bool { seen & (1 << key.rawValue) != 0 }
        func field(_ key: Key) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[values[key.rawValue]]) }
        var dates: [PartialDate?] = [nil, nil, nil]
        for (slot, key) in [Key.date, .start, .end].enumerated() where has(key) {
            guard let date = try? PartialDate(parsingUTF8: field(key)) else { return nil }
            dates[slot] = date
        }
        var timing = Timing.undated
        if has(.date) || has(.start) || has(.end) {
            guard let made = try? Timing(date: dates[0], start: dates[1], end: dates[2]) else { return nil }
            timing = made
        }
        let node = Node(
            id: reader.text(values[Key.id.rawValue]), kind: NodeKind(kind(field(.kind))),
            type: has(.type) ? reader.text(values[Key.type.rawValue]) : nil, label: label, timing: timing,
            attributes: Attributes(attributes), source: has(.source) ? reader.text(values[Key.source.rawValue]) : nil)
        var problem: GraphError?
        do throws(GraphError) { try GraphBuilder.checkIndependently(node) } catch { problem = error }
        /// Where a key's value starts: the line of the `{`, columns counted in Unicode scalars.
        func valuePosition(_ key: Key) -> TextPosition? {
            guard has(key) else { return nil }
            let offset = reader.valueStarts[key.rawValue]
            return TextPosition(line: position.line, column: position.column + 1 + offset - reader.continuationBytes(before: offset))
        }
        let decoded = DecodedNode(
            node: node, start: position, hasKind: true, idPosition: valuePosition(.id), kindPosition: valuePosition(.kind),
            sourcePosition: valuePosition(.source), labelPosition: valuePosition(.label), problem: problem)
        return (decoded, reader.index, reader.continuationBytes(before: reader.index))
    }

    /// A kind's text, made once per distinct kind.
    private mutating func kind(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for known in kinds where known.bytes.withUnsafeBufferPointer({ $0.hasSameBytes(as: bytes) }) { return known.text }
        let text = String(decoding: bytes, as: UTF8.self)
        kinds.append((Array(bytes), text))
        return text
    }

    /// A label's map of valid languages to texts that are not empty, each language once.
    private static func languages(_ reader: inout PlainMapReader) -> LocalizedText? {
        var text = LocalizedText()
        let read = reader.readMap { reader, languageRange in
            let language = reader.text(languageRange)
            guard LanguageCode.isValid(language), text[language] == nil, let value = reader.string(), !value.isEmpty else { return false }
            text[language] = reader.text(value)
            return true
        }
        return read ? text : nil
    }

    /// A map of valid attribute names, each once, to strings, integers and booleans.
    private static func attributes(_ reader: inout PlainMapReader) -> [Attributes.Attribute]? {
        var attributes: [Attributes.Attribute] = []
        let read = reader.readMap { reader, nameRange in
            let name = reader.text(nameRange)
            guard Attributes.isValidName(name), !attributes.contains(where: { $0.name == name }) else { return false }
            if let value = reader.string() {
                attributes.append(.init(name: name, value: .string(reader.text(value))))
            } else if let literal = reader.integerOrBoolean() {
                // What the general path makes of an unquoted scalar.
                attributes.append(.init(name: name, value: AttributeValue(inferringTypeOf: reader.text(literal))))
            } else {
                return false
            }
            return true
        }
        return read ? attributes : nil
    }
}

/// Reads the one-line maps of ``PlainNodes``: strings without escapes or control characters
/// (checked to be UTF-8), spaces and tabs between tokens, nothing else.
private struct PlainMapReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Where each key's value starts, by key number.
    var valueStarts = InlineArray<9, Int>(repeating: 0)

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }

    /// A string's contents (the reader past its closing quote), or nil, having read nothing,
    /// when the next token is no such string.
    mutating func string() -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        var nonASCII = false
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20, byte != 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            if byte >= 0x80 { nonASCII = true }
            end += 1
        }
        guard end < bytes.count else { return nil }
        let contents = index + 1..<end
        if nonASCII, !UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[contents])) { return nil }
        index = end + 1
        return contents
    }

    /// An integer JSON reads (`0`, `-12`, no leading zero, at most 18 digits), `true` or `false`,
    /// or nil, having read nothing.
    mutating func integerOrBoolean() -> Range<Int>? {
        let start = index
        for word in ["true", "false"] where bytes.count - start >= word.utf8.count {
            if word.utf8.elementsEqual(bytes[start..<start + word.utf8.count]) {
                index = start + word.utf8.count
                return start..<index
            }
        }
        var end = start
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        let digits = end
        while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
        let count = end - digits
        guard count > 0, count <= 18, count == 1 || bytes[digits] != 0x30 else { return nil }
        // A number goes on (a fraction, an exponent) or another token follows.
        guard end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "}") else {
            return nil
        }
        index = end
        return start..<end
    }

    /// Reads `"key": value` entries up to and including the map's `}` (the reader is right after
    /// its `{`), handing each key's range to `entry`, which reads the value; false when the map
    /// is not plain or `entry` refuses.
    mutating func readEntries(_ entry: (inout PlainMapReader, Range<Int>) -> Bool) -> Bool {
        skipSpaces()
        while true {
            guard let key = string() else { return false }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipSpaces()
            guard entry(&self, key) else { return false }
            skipSpaces()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return true }
            guard bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            skipSpaces()
        }
    }

    /// A nested map: its `{`, then ``readEntries(_:)``.
    mutating func readMap(_ entry: (inout PlainMapReader, Range<Int>) -> Bool) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return true }
        return readEntries(entry)
    }

    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

    /// The UTF-8 continuation bytes before `offset`.
    func continuationBytes(before offset: Int) -> Int {
        var count = 0
        for byte in bytes[..<offset] where byte & 0xC0 == 0x80 { count += 1 }
        return count
    }
}
