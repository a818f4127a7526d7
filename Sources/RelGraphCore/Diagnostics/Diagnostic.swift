/// One finding about an input: an error that stops a read, or a warning about what a read
/// changed or left out; where it is; and, as data, what the user can do about it.
///
/// The library says what is wrong in its own words (``message``) and never names a command
/// line's flags: what to do is a ``Remedy`` that each front end phrases for itself (`relgraph`
/// says "pass --skip-duplicate-nodes", a Swift caller reads "set skipDuplicateNodes").
///
/// ```swift
/// for warning in imported.warnings { print(warning) }   // nodes.csv: warning: skipped 2 duplicate nodes
/// ```
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Whether the finding stops the read.
    public enum Severity: String, Hashable, Sendable {
        case error, warning
    }

    public var severity: Severity
    /// The file, and the line and column where there is one.
    public var location: SourceLocation?
    /// What is wrong, said to a person, without the remedy.
    public var message: String
    /// What the user can do, for a front end to phrase; nil where the message says it all.
    public var remedy: Remedy?

    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, remedy: Remedy? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.remedy = remedy
    }

    /// An error at `location`.
    public static func error(at location: SourceLocation?, _ message: String, remedy: Remedy? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, remedy: remedy)
    }

    /// A warning at `location`.
    public static func warning(at location: SourceLocation?, _ message: String, remedy: Remedy? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, remedy: remedy)
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, the remedy in the library's words after a semicolon.
    public var description: String { phrased { $0.description } }

    /// The diagnostic as `description` prints it, with `remedy` phrasing its remedy.
    public func phrased(remedy phrase: (Remedy) -> String) -> String {
        let place = location.map { "\($0): " } ?? ""
        let advice = remedy.map { "; " + phrase($0) } ?? ""
        return "\(place)\(severity.rawValue): \(message)\(advice)"
    }
}

extension Sequence<Diagnostic> {
    /// The diagnostics one per line, as ``Diagnostic/description`` prints them.
    public var lines: String { map(\.description).joined(separator: "\n") }
}
