import RelGraphCore

extension AttributeValue {
    /// Reads the text of a list as `text` writes it (a JSON array of scalars:
    /// `["a", 2, true]`); nil when `text` is not one.
    /// - Complexity: O(n) in the text's length.
    public init?(listText text: String) {
        guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
        var reader = JSONTokenReader(input: ByteInput(bytes: Array(text.utf8)))
        guard let start = try? reader.next(), start.kind == .sequenceStart else { return nil }
        var values: [AttributeValue] = []
        while true {
            guard let token = try? reader.next() else { return nil }
            if token.kind == .sequenceEnd { break }
            guard token.kind == .scalar, !token.isNull else { return nil }
            values.append(token.isPlain ? AttributeValue(inferringTypeOf: token.text) : .string(token.text))
        }
        guard let end = try? reader.next(), end.kind == .end else { return nil }
        self = .list(values)
    }
}
