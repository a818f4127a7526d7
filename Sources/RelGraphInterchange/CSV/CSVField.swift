import RelGraphCore

/// Writes CSV fields, quoting only where needed.
enum CSVField {
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The field as written: quoted when it holds `,`, `"`, a line break, or outer spaces,
    /// or when it is empty (an empty string, not an absent value).
    static func encode(_ text: String) -> String {
        if text.isEmpty { return "\"\"" }
        var needsQuotes = text.first == " " || text.last == " "
        if !needsQuotes {
            for byte in text.utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        return needsQuotes ? quoted(text) : text
    }
}
