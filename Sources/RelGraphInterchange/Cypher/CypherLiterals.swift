import RelGraphCore

/// Cypher's literals, identifiers and column types as the script writes them.
extension CypherWriter {
    /// A property column: its name and the type its values share.
    struct Column {
        var name: String
        var type: AttributeColumns.ColumnType

        var kuzuType: String {
            switch type {
            case .string: return "STRING"
            case .integer: return "INT64"
            case .number: return "DOUBLE"
            case .boolean: return "BOOLEAN"
            case .list(let element): return Column(name: name, type: element).kuzuType + "[]"
            }
        }
    }

    /// An identifier in backquotes (a backquote inside doubled).
    static func quoted(_ name: String) -> String { "`" + name.replacingAll("`", with: "``") + "`" }

    /// The indices of `codes` grouped by code (`0..<count`), each group in increasing order.
    static func group(_ codes: some Collection<Int32>, codes count: Int) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        for (index, code) in codes.enumerated() { groups[Int(code)].append(index) }
        return groups
    }

    /// Writes `literal(text)` for a text, escaping byte by byte (the characters escaped are ASCII,
    /// which no byte of a longer UTF-8 sequence can be).
    static func writeLiteral(_ text: String, to output: inout TextBuffer) {
        var text = text
        text.withUTF8 { bytes in
            output.write(byte: UInt8(ascii: "'"))
            var plainStart = 0
            for (index, byte) in bytes.enumerated() {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "'"): escape = UInt8(ascii: "'")
                case 0x0A: escape = UInt8(ascii: "n")
                case 0x0D: escape = UInt8(ascii: "r")
                case 0x09: escape = UInt8(ascii: "t")
                default: continue
                }
                output.write(utf8: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                output.write(byte: UInt8(ascii: "\\"))
                output.write(byte: escape)
                plainStart = index + 1
            }
            output.write(utf8: UnsafeBufferPointer(rebasing: bytes[plainStart...]))
            output.write(byte: UInt8(ascii: "'"))
        }
    }

    /// Writes a date's literal, `'` and `date.description` and `'`, digit by digit.
    static func writeLiteral(_ date: PartialDate, to output: inout TextBuffer) {
        output.write(byte: UInt8(ascii: "'"))
        output.write(decimal: date.year, width: 4)
        if let month = date.month {
            output.write(byte: UInt8(ascii: "-"))
            output.write(decimal: month, width: 2)
            if let day = date.day {
                output.write(byte: UInt8(ascii: "-"))
                output.write(decimal: day, width: 2)
            }
        }
        output.write(byte: UInt8(ascii: "'"))
    }

    /// A string literal, or `NULL`.
    static func literal(_ text: String?) -> String {
        guard let text else { return "NULL" }
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "'" + text + "'"
        }
        var output = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "'": output += "\\'"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "'"
    }

    /// An attribute value as a literal of its column's type (a column of mixed types is strings).
    static func literal(_ value: AttributeValue, as type: AttributeColumns.ColumnType) -> String {
        switch (value, type) {
        case (.integer(let integer), .integer): return String(integer)
        case (.integer(let integer), .number): return String(integer) + ".0"
        case (.number, .number): return value.text.contains(".") || value.text.contains("e") ? value.text : value.text + ".0"
        case (.boolean(let boolean), .boolean): return boolean ? "true" : "false"
        // Lists are Cypher lists of their column's element type (Neo4j arrays).
        case (.list(let values), .list(let element)): return "[" + values.map { literal($0, as: element) }.joined(separator: ", ") + "]"
        default: return literal(value.text)
        }
    }
}

extension Array {
    /// The array cut into consecutive pieces of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
