import RelGraphCore

/// Reads the one-line maps of ``PlainNodes`` and ``PlainEdges``: strings without escapes or
/// control characters (checked to be UTF-8), spaces and tabs between tokens, nothing else.
struct PlainMapReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Whether a string held a byte past ASCII (else no byte read is a continuation byte).
    private var sawNonASCII = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always)
    mutating func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }

    /// A string's contents (the reader past its closing quote), or nil, having read nothing,
    /// when the next token is no such string.
    @inline(__always)
    mutating func string() -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        var nonASCII = false
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20, byte != 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            if byte >= 0x80 { nonASCII = true }
            end += 1
        }
        guard end < bytes.count else { return nil }
        let contents = index + 1..<end
        if nonASCII {
            guard UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[contents])) else { return nil }
            sawNonASCII = true
        }
        index = end + 1
        return contents
    }

    /// An integer JSON reads (`0`, `-12`, no leading zero, at most 18 digits), `true` or `false`,
    /// or nil, having read nothing.
    mutating func integerOrBoolean() -> Range<Int>? {
        let start = index
        for word in ["true", "false"] where bytes.count - start >= word.utf8.count {
            if word.utf8.elementsEqual(bytes[start..<start + word.utf8.count]) {
                index = start + word.utf8.count
                return start..<index
            }
        }
        var end = start
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        let digits = end
        while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
        let count = end - digits
        guard count > 0, count <= 18, count == 1 || bytes[digits] != 0x30 else { return nil }
        // A number goes on (a fraction, an exponent) or another token follows.
        guard end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "}") else {
            return nil
        }
        index = end
        return start..<end
    }

    /// Reads `"key": value` entries up to and including the map's `}` (the reader is right after
    /// its `{`), handing each key's range to `entry`, which reads the value; false when the map
    /// is not plain or `entry` refuses.
    @inline(__always)
    mutating func readEntries(_ entry: (inout PlainMapReader, Range<Int>) -> Bool) -> Bool {
        skipSpaces()
        while true {
            guard let key = string() else { return false }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipSpaces()
            guard entry(&self, key) else { return false }
            skipSpaces()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return true }
            guard bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            skipSpaces()
        }
    }

    /// A nested map: its `{`, then ``readEntries(_:)``.
    @inline(__always)
    mutating func readMap(_ entry: (inout PlainMapReader, Range<Int>) -> Bool) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return true }
        return readEntries(entry)
    }

    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

    /// The UTF-8 continuation bytes before `offset`.
    func continuationBytes(before offset: Int) -> Int {
        guard sawNonASCII else { return 0 }
        var count = 0
        for byte in bytes[..<offset] where byte & 0xC0 == 0x80 { count += 1 }
        return count
    }
}
