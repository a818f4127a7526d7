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
        // Where each key's value starts, by key number.
        var valueStarts = InlineArray<9, Int>(repeating: 0)
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
                valueStarts[number] = valueStart
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
            let offset = valueStarts[key.rawValue]
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
