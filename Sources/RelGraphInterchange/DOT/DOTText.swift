/// Quoting text for DOT so that Graphviz reads back exactly what was written.
///
/// cgraph's lexer unescapes only `\"` inside quoted strings; every other backslash stays.
/// Labels, tooltips and titles are then decoded again as Graphviz "escape strings" (`\\`,
/// `\n`, `\N`…) and HTML entities (`&amp;`). So RelGraph writes:
/// - ids (which the id rules keep free of quotes and backslashes) simply quoted, so keywords
///   such as `node` or `graph`, and ids like `1abc` or `a:b`, stay one id;
/// - text shown by Graphviz (``label(_:escapes:)``) with `\\`, `\"`, `\n` and `&amp;`;
/// - other values (``value(_:escapes:)``) with `\\`, `\"` and `\n`;
/// - a backslash in a label as a backslash (`\\`), so that a document's `a \l b` is drawn as
///   written, except in labels that came from DOT (``LabelEscapes/justification``), whose `\l`
///   and `\r` are Graphviz's justification escapes (a line ending left- or right-aligned, as
///   the DOT file wrote them): those are kept, never doubled.
///
/// Reading DOT back (undoing these, and Graphviz's own label escapes) is the Graphviz
/// bridge's work: `RelGraphGraphviz`'s `DOTDecoding`.
public enum DOTText {
    /// An id or keyword-safe name, quoted.
    public static func id(_ text: String) -> String {
        value(text)
    }

    /// A value that Graphviz does not interpret (kind, relation, dates, attributes), quoted.
    public static func value(_ text: String, escapes: LabelEscapes = .none) -> String {
        quoted(text, asLabel: false, keepingJustification: escapes == .justification)
    }

    /// How a label's backslashes are meant.
    public enum LabelEscapes: Sendable, Hashable {
        /// A backslash is a backslash: the text is shown as written (every document's text).
        case none
        /// `\l` and `\r` end a line aligned left or right, as Graphviz reads them: text that
        /// came from a DOT file (`Graph.keepsDOTLabelEscapes`).
        case justification
    }

    /// Text Graphviz shows (labels, tooltips), quoted so it shows verbatim, or, with
    /// `.justification`, with its `\l` and `\r` left for Graphviz to read.
    ///
    /// - Complexity: O(length of `text`).
    public static func label(_ text: String, escapes: LabelEscapes = .none) -> String {
        quoted(text, asLabel: true, keepingJustification: escapes == .justification)
    }

    /// Escapes `\\`, `"` and line breaks; for labels also `&`, which labels decode as an entity.
    private static func quoted(_ text: String, asLabel: Bool, keepingJustification: Bool = false) -> String {
        func isSpecial(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte == 0x0A
                || (asLabel && (byte == 0x0D || byte == UInt8(ascii: "&")))
        }
        guard text.utf8.contains(where: isSpecial) else { return "\"" + text + "\"" }
        var output = "\""
        output.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (index, character) in scalars.enumerated() {
            switch character {
            case "\\" where keepingJustification && index + 1 < scalars.count && (scalars[index + 1] == "l" || scalars[index + 1] == "r"):
                output += "\\"
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r" where asLabel: output += "\\n"
            case "&" where asLabel: output += "&amp;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output + "\""
    }
}
