import RelGraphCore

/// One step of a JSON or YAML document read as a stream: the start or end of a map or a
/// list, or a scalar. The decoder consumes these without building a tree, so a document of
/// millions of edges never exists twice in memory.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case mappingStart, mappingEnd, sequenceStart, sequenceEnd, scalar, end
    }

    var kind: Kind
    var position: TextPosition
    /// A scalar's text.
    var text: String = ""
    /// Whether a scalar was written without quotes (so `1993` and `true` may be typed).
    var isPlain: Bool = false

    /// How the token reads in error messages ("a map", "a list", "a string"…).
    var shapeDescription: String {
        switch kind {
        case .mappingStart, .mappingEnd: return "a map"
        case .sequenceStart, .sequenceEnd: return "a list"
        case .end: return "the end of the document"
        case .scalar:
            guard isPlain else { return "a string" }
            if isNull { return "null" }
            switch AttributeValue(inferringTypeOf: text) {
            case .boolean: return "a boolean"
            case .integer, .number: return "a number"
            case .string, .list: return "a string"
            }
        }
    }

    /// A plain `null`, `~` or empty scalar.
    var isNull: Bool { isPlain && (text.isEmpty || text == "null" || text == "~" || text == "Null" || text == "NULL") }
}

/// A fatal reading error: the stream cannot go on past it.
package struct ReadError: Error {
    package var position: TextPosition
    package var problem: DocumentProblem

    package init(position: TextPosition, problem: DocumentProblem) {
        self.position = position
        self.problem = problem
    }
}

/// A source of tokens. `next()` returns `.end` once the document is complete.
protocol TokenReader: SendableMetatype {
    mutating func next() throws(ReadError) -> Token

    /// Where the elements of the list whose `[` was the last token begin, when this reader
    /// reads bytes in memory that another reader may read them from (see ``RangedElements``).
    func handOverList() -> RangedElements.List?

    /// Goes on after the `]` of a list handed over, which was reached at `mark`.
    mutating func takeBackList(endingAt mark: ByteInput.Mark)
}

extension TokenReader {
    func handOverList() -> RangedElements.List? { nil }
    mutating func takeBackList(endingAt mark: ByteInput.Mark) { preconditionFailure("no list was handed over") }
}
