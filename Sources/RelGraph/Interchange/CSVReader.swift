/// Reads CSV (RFC 4180: `,` between fields, `"` around fields that hold `,`, `"` or line
/// breaks, `""` for a quote inside) one record at a time from a chunked ``ByteInput``.
struct CSVReader {
    /// One field, and whether it was quoted (an empty quoted field is an empty string,
    /// an empty unquoted one is absent).
    struct Field {
        var text: String
        var wasQuoted: Bool
    }

    private var input: ByteInput
    private var scratch: [UInt8] = []
    /// Where the record last returned starts.
    private(set) var recordPosition = TextPosition.start

    init(input: ByteInput) {
        self.input = input
    }

    /// Reads the next record into `fields` (reusing its storage); false at the end of the
    /// input. Blank lines are skipped.
    mutating func nextRecord(into fields: inout [Field]) throws(ReadError) -> Bool {
        while true {
            guard let byte = try input.peek() else { return false }
            if byte == 0x0A { input.advanceNewline(); continue }
            if byte == 0x0D { input.advance(); continue }
            break
        }
        recordPosition = input.position
        fields.removeAll(keepingCapacity: true)
        while true {
            fields.append(try field())
            guard let byte = try input.peek() else { return true }
            switch byte {
            case UInt8(ascii: ","): input.advance()
            case 0x0D:
                input.advance()
                if try input.peek() == 0x0A { input.advanceNewline() }
                return true
            case 0x0A:
                input.advanceNewline()
                return true
            default:
                throw ReadError(position: input.position, problem: .syntax("unexpected '\(Unicode.Scalar(byte))' after a quoted field; quote the whole field and double the quotes inside it"))
            }
        }
    }

    private mutating func field() throws(ReadError) -> Field {
        guard try input.peek() == UInt8(ascii: "\"") else {
            let position = input.position
            let text = try input.text(while: { $0 != UInt8(ascii: ",") && $0 != 0x0A && $0 != 0x0D }, scratch: &scratch)
            guard let text else { throw ReadError(position: position, problem: .invalidUTF8) }
            return Field(text: text, wasQuoted: false)
        }
        scratch.removeAll(keepingCapacity: true)
        let start = input.position
        input.advance()
        while true {
            let stop = try input.take(into: &scratch) { $0 != UInt8(ascii: "\"") && $0 != 0x0A }
            guard let stop else {
                throw ReadError(position: start, problem: .syntax("a quoted field is never closed; end it with '\"'"))
            }
            if stop == 0x0A {
                scratch.append(0x0A)
                input.advanceNewline()
                continue
            }
            input.advance()
            if try input.peek() == UInt8(ascii: "\"") {
                scratch.append(UInt8(ascii: "\""))
                input.advance()
                continue
            }
            return Field(text: try text(at: start), wasQuoted: true)
        }
    }

    private func text(at position: TextPosition) throws(ReadError) -> String {
        guard let text = String(validUTF8: scratch) else {
            throw ReadError(position: position, problem: .invalidUTF8)
        }
        return text
    }
}

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
