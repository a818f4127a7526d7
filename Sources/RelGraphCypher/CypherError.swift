import RelGraphCore

/// Why a query cannot run, with where in the query text the problem is.
public struct CypherError: Error, Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The text is not a query of the supported subset (exit 65).
        case syntax
        /// The query would write to the graph (`CREATE`, `SET`, ...), which is refused (exit 64).
        case write
        /// The query names something that does not exist, or mixes types (exit 65).
        case semantic
    }

    public var kind: Kind
    public var message: String
    /// 1-based line and column (in characters) of the offending token.
    public var line: Int
    public var column: Int
    /// What to do beyond what the message says, for a front end to phrase.
    public var remedy: Remedy?

    public init(_ kind: Kind, _ message: String, line: Int, column: Int, remedy: Remedy? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.remedy = remedy
    }

    /// `QUERY:LINE:COLUMN: error: MESSAGE`, then the query's line and a caret under the column;
    /// `phrase` words the remedy (the library's own words by default).
    public func report(for query: String, phrasing phrase: (Remedy) -> String = \.description) -> String {
        let advice = remedy.map { "; " + phrase($0) } ?? ""
        return CypherError.pointing(at: line, column, in: query, label: "error", message: message + advice)
    }

    static func pointing(at line: Int, _ column: Int, in query: String, label: String, message: String) -> String {
        let lines = query.split(separator: "\n", omittingEmptySubsequences: false)
        let text = line - 1 < lines.count ? String(lines[line - 1]) : ""
        let caret = String(repeating: " ", count: max(column - 1, 0)) + "^"
        return "QUERY:\(line):\(column): \(label): \(message)\n\(text)\n\(caret)"
    }
}

/// Something in a query that runs but is probably not what was meant: a kind, relation or
/// property that nothing in the graph has.
public struct CypherWarning: Hashable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int

    /// `QUERY:LINE:COLUMN: warning: MESSAGE`, the line and a caret.
    public func report(for query: String) -> String {
        CypherError.pointing(at: line, column, in: query, label: "warning", message: message)
    }
}
