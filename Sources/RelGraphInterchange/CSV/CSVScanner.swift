import RelGraphCore
import RelGraphDocument

/// One field of a record as it lies in the bytes: the text between `start` and `end` (inside
/// the quotes of a quoted field), checked to be UTF-8.
struct CSVFieldSpan: Sendable {
    var start: Int
    var end: Int
    var wasQuoted: Bool
    /// A quoted field holding doubled quotes: its text is the bytes with each pair made one.
    var hasDoubledQuotes: Bool
    /// Known to hold no C0 control character (tabs included): the scanner found none on the
    /// field's line. False when it did not look.
    var hasNoControls = false

    /// Present: not an empty unquoted field.
    var isPresent: Bool { end > start || wasQuoted }
}

/// Reads CSV records from bytes held whole in memory (a mapped file): RFC 4180 by default (`,`
/// between fields, `"` around fields that hold `,`, `"` or line breaks, `""` for a quote inside),
/// other delimiters and quotes as the dialect says. The one CSV grammar of the product (the
/// tests read every file again with an independent reader and compare). Made to read one
/// range of a file while another thread reads the next: it starts at any record boundary given
/// the line it is on, stops at the first record that starts at or after the end of its range,
/// and tracks lines and columns from byte offsets, so that no per-byte position bookkeeping is
/// needed.
struct CSVScanner {
    /// One field, and whether it was quoted (an empty quoted field is an empty string,
    /// an empty unquoted one is absent).
    struct Field {
        var text: String
        var wasQuoted: Bool
    }

    static func unexpected(_ byte: UInt8, at position: TextPosition) -> ReadError {
        ReadError(
            position: position,
            problem: .syntax("unexpected '\(Unicode.Scalar(byte))' after a quoted field; quote the whole field and double the quotes inside it"))
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: [UInt8]
    private let lead: UInt8
    private let quote: UInt8
    /// The next byte to read.
    private(set) var offset: Int
    /// The line of `offset` (lines counted by line feeds, as ``ByteInput`` counts them).
    private(set) var line: Int
    /// Where the line of `offset` starts (after a byte order mark on the first line).
    private(set) var lineStart: Int
    /// Where the record last returned starts.
    private(set) var recordPosition = TextPosition.start
    /// Where the scanner is, to cut the file at (``LineRanges``) or to read on from.
    var linePosition: LinePosition { LinePosition(offset: offset, line: line, lineStart: lineStart) }
    private var pendingDelimiter = false

    /// A scanner at `offset`, which starts a line (`lineStart`) or follows a record on it.
    init(bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, offset: Int = 0, line: Int = 1, lineStart: Int = 0) {
        self.bytes = bytes
        delimiter = Array(String(dialect.delimiter).utf8)
        lead = delimiter[0]
        quote = dialect.quote.isASCII ? UInt8(dialect.quote.value) : UInt8(ascii: "\"")
        self.offset = offset
        self.line = line
        self.lineStart = lineStart
    }

    /// The position of the byte at `offset`, which is on the current line: columns count
    /// Unicode scalars (every byte that is not a UTF-8 continuation byte).
    func position(at offset: Int) -> TextPosition {
        var continuation = 0
        var index = lineStart
        while index < offset {
            if bytes[index] & 0xC0 == 0x80 { continuation += 1 }
            index += 1
        }
        return TextPosition(line: line, column: offset - lineStart - continuation + 1)
    }

    /// At the start of a file: past a byte order mark, which is not a column.
    mutating func skipByteOrderMark() throws(ReadError) {
        guard offset < bytes.count, bytes[offset] == 0xEF else { return }
        guard offset + 1 < bytes.count, bytes[offset + 1] == 0xBB, offset + 2 < bytes.count, bytes[offset + 2] == 0xBF else {
            throw ReadError(position: .start, problem: .invalidUTF8)
        }
        offset += 3
        lineStart = offset
    }

    /// Reads the next record that starts before `end` into `fields` (reusing its storage); false
    /// when none does. Blank lines are skipped. A record may run past `end`.
    mutating func nextRecord(into fields: inout [CSVScanner.Field], before end: Int) throws(ReadError) -> Bool {
        var spans = self.spans
        self.spans = []
        defer { self.spans = spans }
        guard try nextRecord(into: &spans, before: end) else { return false }
        self.fields(of: spans, into: &fields)
        return true
    }

    private var spans: [CSVFieldSpan] = []

    /// The texts of `spans`, fields of a record this scanner read.
    func fields(of spans: [CSVFieldSpan], into fields: inout [CSVScanner.Field]) {
        fields.removeAll(keepingCapacity: true)
        for span in spans {
            let piece = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
            guard span.hasDoubledQuotes else {
                fields.append(CSVScanner.Field(text: String(decoding: piece, as: UTF8.self), wasQuoted: span.wasQuoted))
                continue
            }
            var text: [UInt8] = []
            text.reserveCapacity(piece.count)
            var index = 0
            while index < piece.count {
                text.append(piece[index])
                index += piece[index] == quote ? 2 : 1
            }
            fields.append(CSVScanner.Field(text: String(decoding: text, as: UTF8.self), wasQuoted: true))
        }
    }

    /// ``nextRecord(into:before:)`` as spans of the bytes, without making texts.
    mutating func nextRecord(into fields: inout [CSVFieldSpan], before end: Int) throws(ReadError) -> Bool {
        while true {
            guard offset < end else { return false }
            let byte = bytes[offset]
            if byte == 0x0A { newline(); continue }
            if byte == 0x0D { offset += 1; continue }
            break
        }
        recordPosition = position(at: offset)
        fields.removeAll(keepingCapacity: true)
        if delimiter.count == 1, splitPlainLine(into: &fields) { return true }
        fields.removeAll(keepingCapacity: true)
        while true {
            fields.append(try field())
            if pendingDelimiter {
                pendingDelimiter = false
                continue
            }
            guard offset < bytes.count else { return true }
            let byte = bytes[offset]
            switch byte {
            case lead:
                // After a quoted field (an unquoted one ends at a whole delimiter): the rest of
                // a delimiter of several bytes must follow.
                for index in 1..<delimiter.count where offset + index >= bytes.count || bytes[offset + index] != delimiter[index] {
                    throw unexpected(byte)
                }
                offset += delimiter.count
            case 0x0D:
                offset += 1
                if offset < bytes.count, bytes[offset] == 0x0A { newline() }
                return true
            case 0x0A:
                newline()
                return true
            default:
                throw unexpected(byte)
            }
        }
    }

    /// Reads the record at `offset` when its line can be split at the delimiter alone: no quote,
    /// no carriage return but one before the line feed, and valid UTF-8. Eight bytes at a time,
    /// the delimiters found on the way. False otherwise, with `offset` unmoved: the record is then
    /// read field by field, which reports what is wrong where it is.
    @inline(__always)
    private mutating func splitPlainLine(into fields: inout [CSVFieldSpan]) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        let leads = Self.repeated(lead), feeds = Self.repeated(0x0A), returns = Self.repeated(0x0D), quotes = Self.repeated(quote)
        var fieldStart = offset, index = offset
        var nonASCII: UInt64 = 0, controls: UInt64 = 0
        let spaces = Self.repeated(0x20)
        /// Ends a field at each delimiter of the word at `index` (the high bits of `delimiters`).
        func addFields(_ delimiters: UInt64) {
            var delimiters = delimiters
            while delimiters != 0 {
                let at = index + delimiters.trailingZeroBitCount / 8
                fields.append(CSVFieldSpan(start: fieldStart, end: at, wasQuoted: false, hasDoubledQuotes: false))
                fieldStart = at + 1
                delimiters &= delimiters - 1
            }
        }
        var lineEnd = count
        while true {
            let word: UInt64
            if index + 8 <= count {
                word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            } else if index < count {
                // The last bytes, padded with line feeds (the file's end ends the line).
                var tail = feeds
                withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + index, count: count - index)) }
                word = UInt64(littleEndian: tail)
            } else {
                break
            }
            let special = Self.matches(word, feeds) | Self.matches(word, returns) | Self.matches(word, quotes)
            // The high bit of some byte is set where a byte below 0x20 is (exactly whether there
            // is one: the borrow that may mark a byte above it comes from it).
            let below = (word &- spaces) & ~word
            if special == 0 {
                nonASCII |= word
                controls |= below
                addFields(Self.matches(word, leads))
                index += 8
                continue
            }
            let before = (special & (0 &- special)) &- 1  // the bits below the first special byte
            nonASCII |= word & before
            controls |= below & before
            addFields(Self.matches(word, leads) & before)
            index += special.trailingZeroBitCount / 8
            lineEnd = index
            break
        }
        var next = lineEnd
        if lineEnd < count {
            switch bytes[lineEnd] {
            case 0x0A: next = lineEnd + 1
            case 0x0D where lineEnd + 1 < count && bytes[lineEnd + 1] == 0x0A: next = lineEnd + 2
            default: return false
            }
        }
        if nonASCII & 0x8080_8080_8080_8080 != 0, !UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[offset..<lineEnd])) {
            return false
        }
        fields.append(CSVFieldSpan(start: fieldStart, end: lineEnd, wasQuoted: false, hasDoubledQuotes: false))
        if controls & 0x8080_8080_8080_8080 == 0 {
            for index in fields.indices { fields[index].hasNoControls = true }
        }
        offset = next
        if next > lineEnd {
            line += 1
            lineStart = next
        }
        return true
    }

    /// `byte` in each of a word's eight bytes.
    @inline(__always)
    private static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The high bit of each byte of `word` that equals the byte `pattern` repeats, exactly.
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let bits = word ^ pattern
        return ~(((bits & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | bits) & 0x8080_8080_8080_8080
    }

    private func unexpected(_ byte: UInt8) -> ReadError {
        Self.unexpected(byte, at: position(at: offset))
    }

    @inline(__always)
    private mutating func newline() {
        offset += 1
        line += 1
        lineStart = offset
    }

    private mutating func field() throws(ReadError) -> CSVFieldSpan {
        let start = offset
        let count = bytes.count
        guard offset < count, bytes[offset] == quote else {
            if delimiter.count == 1 {
                let lead = self.lead
                while offset < count {
                    let byte = bytes[offset]
                    if byte == lead || byte == 0x0A || byte == 0x0D { break }
                    offset += 1
                }
                guard UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[start..<offset])) else {
                    throw ReadError(position: position(at: start), problem: .invalidUTF8)
                }
                return CSVFieldSpan(start: start, end: offset, wasQuoted: false, hasDoubledQuotes: false)
            }
            return try fieldBeforeLongDelimiter()
        }
        // Where the quote opens, for messages (the field may span lines).
        let (openingLine, openingLineStart) = (line, lineStart)
        func opening(_ scanner: CSVScanner) -> TextPosition {
            var copy = scanner
            copy.line = openingLine
            copy.lineStart = openingLineStart
            return copy.position(at: start)
        }
        offset += 1
        let textStart = offset
        var doubled = false
        while true {
            let quote = self.quote
            while offset < count {
                let byte = bytes[offset]
                if byte == quote || byte == 0x0A { break }
                offset += 1
            }
            guard offset < count else {
                throw ReadError(position: opening(self), problem: .syntax("a quoted field is never closed; end it with '\(Unicode.Scalar(quote))'"))
            }
            if bytes[offset] == 0x0A {
                newline()
                continue
            }
            if offset + 1 < count, bytes[offset + 1] == quote {
                doubled = true
                offset += 2
                continue
            }
            let textEnd = offset
            offset += 1
            // Removing one quote of each pair leaves valid UTF-8 valid and invalid invalid.
            guard UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[textStart..<textEnd])) else {
                throw ReadError(position: opening(self), problem: .invalidUTF8)
            }
            return CSVFieldSpan(start: textStart, end: textEnd, wasQuoted: true, hasDoubledQuotes: doubled)
        }
    }

    /// An unquoted field ended by a delimiter of several bytes (or a line break): a lead byte
    /// not followed by the rest of the delimiter is text.
    private mutating func fieldBeforeLongDelimiter() throws(ReadError) -> CSVFieldSpan {
        let start = offset
        let count = bytes.count
        var endOfText = offset
        search: while offset < count {
            let byte = bytes[offset]
            if byte == 0x0A || byte == 0x0D { break }
            if byte == lead {
                var matched = 1
                while matched < delimiter.count {
                    guard offset + matched < count, bytes[offset + matched] == delimiter[matched] else { break }
                    matched += 1
                }
                if matched == delimiter.count {
                    endOfText = offset
                    offset += matched
                    pendingDelimiter = true
                    break search
                }
                offset += matched
                continue
            }
            offset += 1
        }
        if !pendingDelimiter { endOfText = offset }
        guard UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[start..<endOfText])) else {
            throw ReadError(position: position(at: start), problem: .invalidUTF8)
        }
        return CSVFieldSpan(start: start, end: endOfText, wasQuoted: false, hasDoubledQuotes: false)
    }
}
