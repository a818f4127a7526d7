/// Why a graph could not be read, in whatever format: every problem found, located.
///
/// ``code`` says what kind of failure it is, for a front end to choose what to do (a command
/// line picks its exit code from it); ``diagnostics`` say what is wrong and where. New codes may
/// come: switch over them with a `default`.
public struct GraphLoadError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure: the input is missing, cannot be read, is of no known format, or
    /// was read and is not a valid graph.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case fileNotFound = "file not found"
            case unreadable = "unreadable"
            case unknownFormat = "unknown format"
            case invalidContent = "invalid content"
        }

        private let value: Value

        /// Nothing exists at the path.
        public static let fileNotFound = Code(value: .fileNotFound)
        /// The file or folder exists but could not be read.
        public static let unreadable = Code(value: .unreadable)
        /// Neither the name nor the content tells which format it is, or it is not the format
        /// named (a folder that is not a neo4j-csv folder, a file that is not a snapshot).
        public static let unknownFormat = Code(value: .unknownFormat)
        /// The input was read and is not a valid graph, or is damaged.
        public static let invalidContent = Code(value: .invalidContent)

        public var description: String { value.rawValue }
    }

    public let code: Code
    /// What is wrong and where: one diagnostic about the file for the first three codes, every
    /// problem found for ``Code/invalidContent``.
    public let diagnostics: [Diagnostic]
    /// The typed error of the reader that failed, where it has one (a ``SnapshotError``).
    public let underlying: (any Error & Sendable)?

    public init(_ code: Code, diagnostics: [Diagnostic], underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.diagnostics = diagnostics
        self.underlying = underlying
    }

    /// Nothing exists at `path`.
    public static func fileNotFound(path: String) -> GraphLoadError {
        GraphLoadError(.fileNotFound, diagnostics: [.error(at: SourceLocation(file: path), "no such file or folder")])
    }

    /// The file or folder at `path` exists but could not be read, for `reason`.
    public static func unreadable(path: String, reason: String, remedy: Remedy? = nil) -> GraphLoadError {
        GraphLoadError(.unreadable, diagnostics: [.error(at: SourceLocation(file: path), "cannot read it: \(reason)", remedy: remedy)])
    }

    /// The input at `path` is of no format the reader knows, for the reason `message` gives.
    public static func unknownFormat(path: String, _ message: String, remedy: Remedy? = .nameTheFormat) -> GraphLoadError {
        GraphLoadError(.unknownFormat, diagnostics: [.error(at: SourceLocation(file: path), message, remedy: remedy)])
    }

    /// The input was read and these problems were found in it.
    public static func invalidContent(_ diagnostics: [Diagnostic], underlying: (any Error & Sendable)? = nil) -> GraphLoadError {
        GraphLoadError(.invalidContent, diagnostics: diagnostics, underlying: underlying)
    }

    /// Every diagnostic, one per line.
    public var description: String { diagnostics.lines }
}
