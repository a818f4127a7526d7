import Foundation

@testable import RelGraphCore
@testable import RelGraphDocument
@testable import RelGraphInterchange

/// The tests' oracle for CSV: an independent reader of the grammar `CSVScanner` reads (RFC 4180
/// by default: `,` between fields, `"` around fields that hold `,`, `"` or line breaks, `""` for a
/// quote inside; other delimiters and quotes as the dialect says), one record at a time from a
/// chunked `ByteInput`, byte by byte. A byte order mark at the start is skipped. The product reads
/// CSV with the scanner only; the tests read the same files with both and compare.
struct CSVReader {
    /// One field, and whether it was quoted (an empty quoted field is an empty string,
    /// an empty unquoted one is absent).
    typealias Field = CSVScanner.Field

    private var input: ByteInput
    private var scratch: [UInt8] = []
    private let delimiter: [UInt8]
    private let quote: UInt8
    private var atStart = true
    /// Where the record last returned starts.
    private(set) var recordPosition = TextPosition.start

    init(input: ByteInput, dialect: CSVDialect = CSVDialect()) {
        self.input = input
        delimiter = Array(String(dialect.delimiter).utf8)
        quote = dialect.quote.isASCII ? UInt8(dialect.quote.value) : UInt8(ascii: "\"")
    }

    /// Reads the next record into `fields` (reusing its storage); false at the end of the
    /// input. Blank lines are skipped.
    mutating func nextRecord(into fields: inout [Field]) throws(ReadError) -> Bool {
        if atStart {
            atStart = false
            try skipByteOrderMark()
        }
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
            if pendingDelimiter {
                pendingDelimiter = false
                continue
            }
            guard let byte = try input.peek() else { return true }
            switch byte {
            case delimiter[0]:
                // After a quoted field (an unquoted one ends at a whole delimiter): the rest of
                // a delimiter of several bytes must follow.
                let leadPosition = input.position
                input.advance()
                for index in 1..<delimiter.count {
                    guard try input.peek() == delimiter[index] else { throw CSVScanner.unexpected(byte, at: leadPosition) }
                    input.advance()
                }
            case 0x0D:
                input.advance()
                if try input.peek() == 0x0A { input.advanceNewline() }
                return true
            case 0x0A:
                input.advanceNewline()
                return true
            default:
                throw CSVScanner.unexpected(byte, at: input.position)
            }
        }
    }

    private mutating func skipByteOrderMark() throws(ReadError) {
        guard try input.peek() == 0xEF else { return }
        input.advance()
        guard try input.peek() == 0xBB else { throw ReadError(position: .start, problem: .invalidUTF8) }
        input.advance()
        guard try input.peek() == 0xBF else { throw ReadError(position: .start, problem: .invalidUTF8) }
        input.advance()
        // The mark is not a column: start counting columns again.
        input.restartLine()
    }

    private mutating func field() throws(ReadError) -> Field {
        guard try input.peek() == quote else {
            let position = input.position
            let lead = delimiter[0]
            if delimiter.count == 1 {
                let text = try input.text(while: { $0 != lead && $0 != 0x0A && $0 != 0x0D }, scratch: &scratch)
                guard let text else { throw ReadError(position: position, problem: .invalidUTF8) }
                return Field(text: text, wasQuoted: false)
            }
            // A delimiter of several bytes: stop at its first byte and look at the rest.
            scratch.removeAll(keepingCapacity: true)
            var bytes: [UInt8] = []
            while true {
                let stop = try input.take(into: &bytes) { $0 != lead && $0 != 0x0A && $0 != 0x0D }
                guard stop == lead, try isAtDelimiter(appendingMismatchTo: &bytes) == false else { break }
            }
            guard let text = String(validUTF8: bytes) else { throw ReadError(position: position, problem: .invalidUTF8) }
            return Field(text: text, wasQuoted: false)
        }
        scratch.removeAll(keepingCapacity: true)
        let start = input.position
        input.advance()
        while true {
            let quote = self.quote
            let stop = try input.take(into: &scratch) { $0 != quote && $0 != 0x0A }
            guard let stop else {
                throw ReadError(position: start, problem: .syntax("a quoted field is never closed; end it with '\(Unicode.Scalar(quote))'"))
            }
            if stop == 0x0A {
                scratch.append(0x0A)
                input.advanceNewline()
                continue
            }
            input.advance()
            if try input.peek() == quote {
                scratch.append(quote)
                input.advance()
                continue
            }
            return Field(text: try text(at: start), wasQuoted: true)
        }
    }

    /// At the first byte of a possible delimiter: true (nothing consumed beyond the lead, which
    /// is left for the caller) when the delimiter follows; otherwise its bytes go into `bytes`.
    /// ByteInput looks one byte ahead, so the lead is consumed and the check is on what follows;
    /// on a match the caller sees the position after the whole delimiter.
    private mutating func isAtDelimiter(appendingMismatchTo bytes: inout [UInt8]) throws(ReadError) -> Bool {
        // Consume the lead and compare the following bytes.
        input.advance()
        var matched = 1
        while matched < delimiter.count {
            guard let byte = try input.peek(), byte == delimiter[matched] else {
                bytes.append(contentsOf: delimiter[0..<matched])
                return false
            }
            input.advance()
            matched += 1
        }
        pendingDelimiter = true
        return true
    }

    private var pendingDelimiter = false

    private func text(at position: TextPosition) throws(ReadError) -> String {
        guard let text = String(validUTF8: scratch) else {
            throw ReadError(position: position, problem: .invalidUTF8)
        }
        return text
    }
}
