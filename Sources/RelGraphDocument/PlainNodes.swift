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
    /// The labels of the nodes read, written as the records the builder keeps (a node's
    /// ``DecodedNode/labelRecord`` says where).
    private(set) var labels = LabelRecords()

    /// The node whose map starts right after the `{` read at `position` (`bytes` starts after
    /// it), how many bytes it takes up to and including its `}`, and how many of those are UTF-8
    /// continuation bytes; nil when it is not plain. Its label is written in ``labels``.
    mutating func node(in bytes: UnsafeBufferPointer<UInt8>, at position: TextPosition) -> (DecodedNode, length: Int, continuationBytes: Int)? {
        let mark = labels.end
        guard let read = readNode(in: bytes, at: position) else {
            labels.discard(from: mark)
            return nil
        }
        return read
    }

    private mutating func readNode(in bytes: UnsafeBufferPointer<UInt8>, at position: TextPosition) -> (DecodedNode, length: Int, continuationBytes: Int)? {
        var reader = PlainMapReader(bytes: bytes)
        var values = InlineArray<9, Range<Int>>(repeating: 0..<0)
        var seen: UInt16 = 0
        var label: Range<Int>?
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
                        label = labels.label {
                            $0.entry(language: nil, utf8: UnsafeBufferPointer(rebasing: bytes[text])); return true
                        }
                    } else {
                        label = labels.label { Self.languages(&reader, into: &$0) }
                    }
                    guard label != nil else { return false }
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
            type: has(.type) ? reader.text(values[Key.type.rawValue]) : nil, timing: timing,
            attributes: Attributes(attributes), source: has(.source) ? reader.text(values[Key.source.rawValue]) : nil)
        var problem: GraphError?
        do throws(GraphError) { try GraphBuilder.checkIndependently(node) } catch { problem = error }
        /// Where a key's value starts: the line of the `{`, columns counted in Unicode scalars.
        func valuePosition(_ key: Key) -> TextPosition? {
            guard has(key) else { return nil }
            let offset = valueStarts[key.rawValue]
            return TextPosition(line: position.line, column: position.column + 1 + offset - reader.continuationBytes(before: offset))
        }
        var decoded = DecodedNode(
            node: node, start: position, hasKind: true, idPosition: valuePosition(.id), kindPosition: valuePosition(.kind),
            sourcePosition: valuePosition(.source), labelPosition: valuePosition(.label), problem: problem)
        // Without a label key, the empty label's record.
        decoded.labelRecord = label ?? labels.label { _ in true }
        return (decoded, reader.index, reader.continuationBytes(before: reader.index))
    }

    /// A kind's text, made once per distinct kind.
    private mutating func kind(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for known in kinds where known.bytes.withUnsafeBufferPointer({ $0.hasSameBytes(as: bytes) }) { return known.text }
        let text = String(decoding: bytes, as: UTF8.self)
        kinds.append((Array(bytes), text))
        return text
    }

    /// Writes a label's map of valid languages to texts that are not empty, each language once
    /// (at most eight: more go to the general path), as entries of the label being written.
    private static func languages(_ reader: inout PlainMapReader, into labels: inout LabelRecords) -> Bool {
        var languages = InlineArray<8, Range<Int>>(repeating: 0..<0)
        var count = 0
        let bytes = reader.bytes
        return reader.readMap { reader, languageRange in
            let language = reader.text(languageRange)
            guard LanguageCode.isValid(language), count < languages.count else { return false }
            let name = UnsafeBufferPointer(rebasing: bytes[languageRange])
            for index in 0..<count where UnsafeBufferPointer(rebasing: bytes[languages[index]]).hasSameBytes(as: name) { return false }
            guard let value = reader.string(), !value.isEmpty else { return false }
            languages[count] = languageRange
            count += 1
            labels.entry(language: language, utf8: UnsafeBufferPointer(rebasing: bytes[value]))
            return true
        }
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
