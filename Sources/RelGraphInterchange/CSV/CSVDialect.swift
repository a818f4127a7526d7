/// How a CSV file is written: the field delimiter, the quote character and the array
/// delimiter (Neo4j's `--delimiter`, `--quote`, `--array-delimiter`; RFC 4180 by default).
public struct CSVDialect: Hashable, Sendable {
    /// Between fields: `,` by default; any one character (`\t`, `|`, `¿`).
    public var delimiter: Unicode.Scalar
    /// Around fields that hold delimiters, quotes or line breaks: `"` by default.
    public var quote: Unicode.Scalar
    /// Between the elements of an array field: `;` by default.
    public var arrayDelimiter: Unicode.Scalar

    public init(delimiter: Unicode.Scalar = ",", quote: Unicode.Scalar = "\"", arrayDelimiter: Unicode.Scalar = ";") {
        self.delimiter = delimiter
        self.quote = quote
        self.arrayDelimiter = arrayDelimiter
    }

    /// Reads a character option as `neo4j-admin` does: one character, `\t`/`TAB` for a tab, or
    /// a code point written `U+XXXX` (`U+007C` is `|`, `U+00BF` is `¿`).
    public static func character(_ text: String) -> Unicode.Scalar? {
        if text == "\\t" || text.uppercased() == "TAB" { return "\t" }
        if text.count > 2, text.uppercased().hasPrefix("U+") {
            let digits = text.dropFirst(2)
            guard digits.count <= 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16),
                let scalar = Unicode.Scalar(value), scalar != "\n", scalar != "\r"
            else { return nil }
            return scalar
        }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 1, scalars[0] != "\n", scalars[0] != "\r" else { return nil }
        return scalars[0]
    }
}
