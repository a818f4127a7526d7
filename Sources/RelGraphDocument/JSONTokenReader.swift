import RelGraphCore

/// Reads JSON (RFC 8259) as a stream of tokens with line and column positions.
///
/// Strings are quoted scalars; numbers, `true`, `false` and `null` are plain scalars, so the
/// decoder treats them as YAML's untyped scalars.
package struct JSONTokenReader: TokenReader {
    private enum State {
        case objectStart, objectAfterKey, objectAfterValue
        case arrayStart, arrayAfterValue
    }

    private var input: ByteInput
    private var stack: [State] = []
    private var finishedRoot = false
    private var scratch: [UInt8] = []
    /// The offset of the first byte of the last value or list end returned.
    private(set) var tokenStart = 0

    static let maximumDepth = 512

    package init(input: ByteInput) {
        self.input = input
        scratch.reserveCapacity(256)
    }

    /// Reads the elements of a list from inside it, `depth` lists and maps deep in a document
    /// (the list included): `input` is right after the list's `[` or at the first byte of an
    /// element that follows a `,`. Reading stops being meaningful after the list's `]`.
    init(input: ByteInput, insideListAtDepth depth: Int) {
        self.init(input: input)
        finishedRoot = true
        // What encloses the list only counts towards the nesting limit.
        stack = [State](repeating: .objectAfterValue, count: max(depth - 1, 0)) + [.arrayStart]
    }

    /// Where the reader is in its input.
    var mark: ByteInput.Mark { input.mark }

    /// Where the elements of the list whose `[` was just read begin, for reading them elsewhere
    /// (``takeBackList(endingAt:)`` then goes on after its `]`); nil unless that `[` was the last token.
    func handOverList() -> RangedElements.List? {
        guard case .arrayStart = stack.last else { return nil }
        return RangedElements.List(mark: input.mark, depth: stack.count)
    }

    /// The bytes after the current one, when reading memory.
    var remainingBytes: UnsafeBufferPointer<UInt8>? { input.remainingBytes }

    /// Moves past the rest of a map whose `{` was the last token: `length` bytes on one line
    /// (`continuationBytes` of them UTF-8 continuation bytes), up to and including its `}`, that
    /// another reader found well formed.
    mutating func skipPlainMap(_ length: Int, continuationBytes: Int = 0) {
        input.advance(onLine: length, continuationBytes: continuationBytes)
        stack.removeLast()
    }

    /// Goes on after the `]` of the list handed over, which another reader over the same bytes
    /// reached at `mark`.
    mutating func takeBackList(endingAt mark: ByteInput.Mark) {
        input.move(to: mark)
        stack.removeLast()
    }

    mutating func next() throws(ReadError) -> Token {
        try skipWhitespace()
        guard let state = stack.last else {
            if finishedRoot {
                if let byte = try input.peek() { throw unexpected(byte, expecting: "the end of the file after the JSON value") }
                return Token(kind: .end, position: input.position)
            }
            finishedRoot = true
            guard try input.peek() != nil else { throw ReadError(position: input.position, problem: .empty) }
            return try value()
        }
        let position = input.position
        guard let byte = try input.peek() else {
            throw ReadError(
                position: position,
                problem: .syntax(
                    "the JSON ends in the middle of \(stack.last.map(Self.isObject) == true ? "an object" : "an array"); close it with '\(stack.last.map(Self.isObject) == true ? "}" : "]")'"
                ))
        }
        switch state {
        case .objectStart:
            if byte == UInt8(ascii: "}") { return close(.mappingEnd, at: position) }
            return try key()
        case .objectAfterKey:
            guard byte == UInt8(ascii: ":") else { throw unexpected(byte, expecting: "':' after the key") }
            input.advance()
            try skipWhitespace()
            stack[stack.count - 1] = .objectAfterValue
            return try value()
        case .objectAfterValue:
            if byte == UInt8(ascii: "}") { return close(.mappingEnd, at: position) }
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, expecting: "',' or '}'") }
            input.advance()
            try skipWhitespace()
            return try key()
        case .arrayStart:
            if byte == UInt8(ascii: "]") { return close(.sequenceEnd, at: position) }
            stack[stack.count - 1] = .arrayAfterValue
            return try value()
        case .arrayAfterValue:
            if byte == UInt8(ascii: "]") { return close(.sequenceEnd, at: position) }
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, expecting: "',' or ']'") }
            input.advance()
            try skipWhitespace()
            return try value()
        }
    }

    private static func isObject(_ state: State) -> Bool {
        switch state {
        case .objectStart, .objectAfterKey, .objectAfterValue: return true
        case .arrayStart, .arrayAfterValue: return false
        }
    }

    private mutating func close(_ kind: Token.Kind, at position: TextPosition) -> Token {
        tokenStart = input.offset
        input.advance()
        stack.removeLast()
        return Token(kind: kind, position: position)
    }

    private mutating func key() throws(ReadError) -> Token {
        let position = input.position
        guard let byte = try input.peek(), byte == UInt8(ascii: "\"") else {
            let byte = try input.peek()
            throw byte.map { unexpected($0, expecting: "a key in double quotes") }
                ?? ReadError(position: position, problem: .syntax("the JSON ends where a key was expected"))
        }
        stack[stack.count - 1] = .objectAfterKey
        return Token(kind: .scalar, position: position, text: try string(), isPlain: false)
    }

    private mutating func value() throws(ReadError) -> Token {
        let position = input.position
        tokenStart = input.offset
        guard let byte = try input.peek() else {
            throw ReadError(position: position, problem: .syntax("the JSON ends where a value was expected"))
        }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < Self.maximumDepth else {
                throw ReadError(position: position, problem: .nestingTooDeep(limit: Self.maximumDepth))
            }
            input.advance()
            let isObject = byte == UInt8(ascii: "{")
            stack.append(isObject ? .objectStart : .arrayStart)
            return Token(kind: isObject ? .mappingStart : .sequenceStart, position: position)
        case UInt8(ascii: "\""):
            return Token(kind: .scalar, position: position, text: try string(), isPlain: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Token(kind: .scalar, position: position, text: try number(), isPlain: true)
        case UInt8(ascii: "t"): return try literal("true", at: position)
        case UInt8(ascii: "f"): return try literal("false", at: position)
        case UInt8(ascii: "n"): return try literal("null", at: position)
        default:
            throw unexpected(byte, expecting: "a value (an object, an array, a string, a number, true, false or null)")
        }
    }

    private mutating func literal(_ word: StaticString, at position: TextPosition) throws(ReadError) -> Token {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard try input.peek() == byte else {
                throw ReadError(position: input.position, problem: .syntax("invalid literal; did you mean '\(word)'? (strings need double quotes)"))
            }
            input.advance()
        }
        return Token(kind: .scalar, position: position, text: String(decoding: expected, as: UTF8.self), isPlain: true)
    }

    private mutating func number() throws(ReadError) -> String {
        let position = input.position
        scratch.removeAll(keepingCapacity: true)
        _ = try input.take(into: &scratch) { byte in
            (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
        guard Self.isJSONNumber(scratch) else {
            throw ReadError(position: position, problem: .syntax("'\(String(decoding: scratch, as: UTF8.self))' is not a JSON number"))
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private static func isJSONNumber(_ bytes: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let leadingZero = i < bytes.count && bytes[i] == UInt8(ascii: "0")
        let integerDigits = digits()
        guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count
    }

    /// Reads a string whose opening quote is the current byte.
    private mutating func string() throws(ReadError) -> String {
        let start = input.position
        input.advance()
        let plain = { (byte: UInt8) in byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") }
        // Most strings have no escapes: make them straight from the input.
        guard let text = try input.text(while: plain, scratch: &scratch) else {
            throw ReadError(position: start, problem: .invalidUTF8)
        }
        if try input.peek() == UInt8(ascii: "\"") {
            input.advance()
            return text
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: text.utf8)
        while true {
            let stop = try input.take(into: &scratch, while: plain)
            guard let stop else {
                throw ReadError(position: start, problem: .syntax("this string is never closed; end it with '\"'"))
            }
            if stop == UInt8(ascii: "\"") {
                input.advance()
                break
            }
            if stop == UInt8(ascii: "\\") {
                try escape()
                continue
            }
            throw ReadError(
                position: input.position,
                problem: .syntax(
                    stop == 0x0A
                        ? "a string runs past the end of the line; write a line break inside a string as \\n"
                        : "control character U+\(String(stop, radix: 16, uppercase: true)) inside a string; escape it"))
        }
        guard let text = String(validUTF8: scratch) else {
            throw ReadError(position: start, problem: .invalidUTF8)
        }
        return text
    }

    private mutating func escape() throws(ReadError) {
        let position = input.position
        input.advance()
        guard let byte = try input.peek() else {
            throw ReadError(position: position, problem: .syntax("the file ends inside an escape sequence"))
        }
        input.advance()
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(at: position)
            if (0xD800...0xDBFF).contains(scalar) {
                guard try input.peek() == UInt8(ascii: "\\") else { throw badSurrogate(at: position) }
                input.advance()
                guard try input.peek() == UInt8(ascii: "u") else { throw badSurrogate(at: position) }
                input.advance()
                let low = try hexQuad(at: position)
                guard (0xDC00...0xDFFF).contains(low) else { throw badSurrogate(at: position) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw badSurrogate(at: position)
            }
            scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            throw ReadError(
                position: position, problem: .syntax("unknown escape '\\\(Unicode.Scalar(byte))'; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"))
        }
    }

    private mutating func hexQuad(at position: TextPosition) throws(ReadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try input.peek(), let digit = Self.hexValue(byte) else {
                throw ReadError(position: position, problem: .syntax("\\u must be followed by four hexadecimal digits"))
            }
            input.advance()
            value = value << 4 | digit
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    private func badSurrogate(at position: TextPosition) -> ReadError {
        ReadError(position: position, problem: .syntax("\\u escape holds half of a surrogate pair; write the character itself or both halves"))
    }

    private mutating func skipWhitespace() throws(ReadError) {
        while let byte = try input.peek() {
            switch byte {
            case 0x20, 0x09, 0x0D: input.advance()
            case 0x0A: input.advanceNewline()
            case 0xEF where stack.isEmpty && !finishedRoot:
                try skipByteOrderMark()
            default: return
            }
        }
    }

    private mutating func skipByteOrderMark() throws(ReadError) {
        let position = input.position
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard try input.peek() == expected else { throw ReadError(position: position, problem: .invalidUTF8) }
            input.advance()
        }
    }

    private func unexpected(_ byte: UInt8, expecting: String) -> ReadError {
        let found: String
        if byte >= 0x80 || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) {
            found =
                byte >= 0x80
                ? "a non-ASCII byte 0x\(String(byte, radix: 16, uppercase: true))"
                : "the control byte 0x\(String(byte, radix: 16, uppercase: true))"
        } else {
            found = "'\(Unicode.Scalar(byte))'"
        }
        return ReadError(position: input.position, problem: .syntax("expected \(expecting), found \(found)"))
    }
}
