/// JSON's string literal, shared by the JSON writers, attribute lists' text form, and YAML's
/// double-quoted scalars.
package enum JSONStringLiteral {
    /// Which characters a literal escapes besides quotes, backslashes and the C0 controls.
    package enum Escapes: Sendable {
        /// JSON's: no others (RFC 8259 allows every other character raw).
        case json
        /// Also those a YAML document may not hold raw (DEL, the C1 controls, U+FEFF, U+FFFE,
        /// U+FFFF: outside YAML's printable set, §5.1) and those YAML 1.1 reads as a line break,
        /// which a quoted text folds into a space (NEL, U+2028, U+2029): the literal is then a
        /// YAML double-quoted scalar too.
        case yaml
    }

    /// Whether `text` is written between quotes as it is (nothing in it is escaped).
    @inline(__always)
    package static func isVerbatim(_ text: String, escaping escapes: Escapes = .json) -> Bool {
        !text.utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                // DEL, and the lead bytes of U+0080–U+009F, U+2028/U+2029 and U+FEFF–U+FFFF.
                || (escapes == .yaml && (byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF))
        }
    }

    /// Appends `text` as a string literal: quotes, backslashes, control characters (and, for
    /// ``Escapes/yaml``, the characters it names) escaped, everything else (Devanagari, emoji)
    /// as it is.
    package static func append(_ text: String, to output: inout String, escaping escapes: Escapes = .json) {
        output += "\""
        guard !isVerbatim(text, escaping: escapes) else {
            output += text
            output += "\""
            return
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        for index in scalars.indices where isEscaped(scalars[index], escapes) {
            output += text[start..<index]
            switch scalars[index] {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                let hex = String(scalars[index].value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            start = scalars.index(after: index)
        }
        output += text[start...]
        output += "\""
    }

    private static func isEscaped(_ scalar: Unicode.Scalar, _ escapes: Escapes) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x22, 0x5C: true
        case 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: escapes == .yaml
        default: false
        }
    }
}
