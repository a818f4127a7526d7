import RelGraphCore

/// One token of a Cypher query, with where it starts.
struct CypherToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A name; `quoted` when written in backquotes (then never a keyword).
        case identifier(String, quoted: Bool)
        case integer(Int)
        /// 9223372036854775808 (2⁶³, in any base): an integer only after a minus sign.
        case minimumIntegerMagnitude
        /// Digits that run into letters (`9223372h5`): not a number; the parser says why.
        case malformedNumber(String)
        case float(Double)
        case string(String)
        /// `$name`.
        case parameter(String)
        /// Punctuation and operators: `(`, `->`, `<=`, `=~`, `..`, ...
        case symbol(String)
        case end

        var isInteger: Bool { if case .integer = self { return true } else { return false } }
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// Character offsets of the token in the query: `offset ..< end`.
    var offset: Int = 0
    var end: Int = 0

    var position: CypherPosition { CypherPosition(line: line, column: column) }

    /// The keyword this token spells (upper case), if it is an unquoted identifier.
    var keyword: String? {
        if case .identifier(let name, false) = kind { return name.uppercased() }
        return nil
    }

    func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let text) = kind { return text == symbol }
        return false
    }

    /// How the token reads in an error message.
    var spelling: String {
        switch kind {
        case .identifier(let name, let quoted): return quoted ? "`\(name)`" : name
        case .integer(let value): return String(value)
        case .minimumIntegerMagnitude: return "9223372036854775808"
        case .malformedNumber(let text): return text
        case .float(let value): return String(value)
        case .string(let value): return "'\(value)'"
        case .parameter(let name): return "$\(name)"
        case .symbol(let text): return text
        case .end: return "the end of the query"
        }
    }
}
