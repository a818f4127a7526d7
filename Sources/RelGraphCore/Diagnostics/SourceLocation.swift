/// Where a diagnostic points: a file, and a line and column in it where there is one. Printed
/// as `FILE:LINE:COLUMN`, `FILE:LINE` for a whole line (column 0), or `FILE` alone.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it (`<stdin>` for standard input).
    public var file: String
    /// The line and column, or nil where the finding is about the whole file.
    public var position: TextPosition?

    public init(file: String, position: TextPosition? = nil) {
        self.file = file
        self.position = position
    }

    public var line: Int? { position?.line }
    public var column: Int? { position?.column }

    public var description: String {
        guard let position else { return file }
        if position.column == 0 { return "\(file):\(position.line)" }
        return "\(file):\(position.line):\(position.column)"
    }
}
