/// A place in a text file: 1-based line and column (columns count Unicode scalars; column 0
/// stands for the line as a whole, where a tool reports only the line).
public struct TextPosition: Hashable, Sendable, Comparable {
    var storedLine: Int32
    var storedColumn: Int32

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The start of a file.
    public static let start = TextPosition(line: 1, column: 1)

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }
}
