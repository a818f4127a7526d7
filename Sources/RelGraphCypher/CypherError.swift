import RelGraphCore

/// Why a query cannot run: what kind of problem (``Kind``), its precise ``Code``, whether it
/// was found before running (``Phase``), and where in the query text it is. The message says
/// what is wrong in the query's own terms; a program (the command line) decides how to report
/// it and what exit status it means.
public struct CypherError: Error, Hashable, Sendable {
    /// The kind of problem, as openCypher's error types classify them.
    public enum Kind: Hashable, Sendable {
        /// The text is not a valid query: bad syntax, an unknown variable or function, an
        /// aggregate out of place (openCypher's `SyntaxError`).
        case syntax
        /// The query would write to the graph (`CREATE`, `SET`, ...), which is refused.
        case write
        /// The query is valid but means something RelGraph will not do (openCypher's `SemanticError`).
        case semantic
        /// A value of the wrong type, such as `'a' + 1` (openCypher's `TypeError`).
        case type
        /// A value out of range, such as `range(1, 5, 0)` (openCypher's `ArgumentError`).
        case argument
        /// A `$parameter` the query uses was not given (openCypher's `ParameterMissing`).
        case missingParameter
        /// The query ran out of its budget: time, rows, or it was cancelled.
        case limit
    }

    /// When the problem was found.
    public enum Phase: Hashable, Sendable {
        /// While reading and planning the query, before touching the graph.
        case compile
        /// While running it.
        case runtime
    }

    public var kind: Kind
    public var code: Code
    public var phase: Phase
    public var message: String
    /// 1-based line and column (in characters) of the offending token.
    public var line: Int
    public var column: Int
    /// The name the error is about, where it is about one (a parameter, a variable, a clause).
    public var subject: String?

    /// What to do beyond what the message says, for a front end to phrase: give a missing
    /// parameter, or allow a query that ran out of its limits more.
    public var remedy: Remedy? {
        switch code {
        case .missingParameter: return .giveTheParameter
        case .timeLimit: return .allowMoreTime
        case .rowLimit: return .allowMoreRows
        default: return nil
        }
    }

    public init(_ kind: Kind, _ code: Code, _ message: String, line: Int, column: Int, subject: String? = nil, phase: Phase = .compile) {
        self.kind = kind
        self.code = code
        self.phase = phase
        self.message = message
        self.line = line
        self.column = column
        self.subject = subject
    }

    init(_ kind: Kind, _ code: Code, _ message: String, at position: CypherPosition?, subject: String? = nil) {
        let position = position ?? .start
        self.init(kind, code, message, line: position.line, column: position.column, subject: subject)
    }

    /// `QUERY:LINE:COLUMN: error: MESSAGE`, then the query's line and a caret under the column.
    ///
    /// - Complexity: O(n) in the length of the query.
    public func report(for query: String) -> String {
        CypherError.pointing(at: line, column, in: query, label: "error", message: message)
    }

    static func pointing(at line: Int, _ column: Int, in query: String, label: String, message: String) -> String {
        let lines = query.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let text = line - 1 < lines.count ? String(lines[line - 1]) : ""
        let caret = String(repeating: " ", count: max(column - 1, 0)) + "^"
        return "QUERY:\(line):\(column): \(label): \(message)\n\(text)\n\(caret)"
    }
}

/// Something in a query that runs but is probably not what was meant: a kind, relation or
/// property that nothing in the graph has, a date compared with a number.
public struct CypherWarning: Hashable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int

    /// `QUERY:LINE:COLUMN: warning: MESSAGE`, the line and a caret.
    ///
    /// - Complexity: O(n) in the length of the query.
    public func report(for query: String) -> String {
        CypherError.pointing(at: line, column, in: query, label: "warning", message: message)
    }
}
