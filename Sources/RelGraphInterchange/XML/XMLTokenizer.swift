import RelGraphCore
import RelGraphDocument

/// A small streaming XML tokenizer for GraphML and GEXF: start tags with their attributes, end tags and
/// text, read from a chunked ``ByteInput`` (a file of any size is never held whole).
///
/// It is safe on hostile input by construction: a `<!DOCTYPE …>` (internal subset included)
/// is skipped and never interpreted, so no entity is ever defined, expanded or fetched — only
/// XML's five predefined entities and character references are decoded, and any other entity
/// reference is an error at its line and column. A billion-laughs file fails at its first
/// `&lol9;`; an external entity is never opened.
///
/// It checks what makes a file well-formed, so nothing is silently lost: every end tag closes
/// the element opened last (`</nod>` or `</edge>` closing a `<node>` is an error), there is one
/// root element and nothing but white space, comments and processing instructions after it, and
/// no attribute is given twice on one element.
struct XMLTokenizer {
    enum Event {
        case start(name: String, attributes: [(String, String)], position: TextPosition, selfClosing: Bool)
        case end(name: String, position: TextPosition)
        case text(String)
    }

    private var input: ByteInput
    private var scratch: [UInt8] = []
    /// Whether text should be decoded and returned (otherwise it is skipped quickly).
    var keepsText = false
    /// The root element of the format read, for messages (`<graphml>`, `<gexf>`).
    var rootElement = "graphml"
    /// Whether a DOCTYPE was skipped.
    private(set) var skippedDoctype = false
    private var pendingEnd: (String, TextPosition)?
    /// The elements open, innermost last, with where each was opened.
    private var openElements: [(name: String, position: TextPosition)] = []
    /// Whether the root element was opened (and so, when nothing is open, closed).
    private var sawRoot = false

    init(input: ByteInput) {
        self.input = input
    }

    var position: TextPosition { input.position }

    static let maximumDepth = 10_000

    /// The next event, or nil at the end of the input.
    mutating func next() throws(ReadError) -> Event? {
        if let (name, position) = pendingEnd {
            pendingEnd = nil
            return .end(name: name, position: position)
        }
        while true {
            guard let byte = try input.peek() else {
                if let open = openElements.last {
                    throw syntax(
                        "the file ends inside <\(open.name)> (opened at \(open.position.line):\(open.position.column)); it is cut short", at: input.position)
                }
                return nil
            }
            if byte != UInt8(ascii: "<") {
                if openElements.isEmpty {
                    try skipSpacesOutsideRoot()
                } else if keepsText {
                    let text = try readText()
                    if !text.isEmpty { return .text(text) }
                } else {
                    try skipText()
                }
                continue
            }
            let position = input.position
            input.advance()
            guard let next = try input.peek() else { throw syntax("a '<' at the end of the file", at: position) }
            switch next {
            case UInt8(ascii: "?"):
                try skip(until: Array("?>".utf8), what: "a processing instruction", from: position)
            case UInt8(ascii: "!"):
                input.advance()
                if try consume("--") {
                    try skip(until: Array("-->".utf8), what: "a comment", from: position)
                } else if try consume("[CDATA[") {
                    if openElements.isEmpty { throw outsideRoot("CDATA", at: position) }
                    scratch.removeAll(keepingCapacity: true)
                    try collect(until: Array("]]>".utf8), from: position)
                    if keepsText, let text = String(validUTF8: scratch) { return .text(text) }
                } else if try consume("DOCTYPE") {
                    if sawRoot { throw syntax("a DOCTYPE after the root element", at: position) }
                    try skipDoctype(from: position)
                    skippedDoctype = true
                } else {
                    throw syntax("'<!' starts neither a comment, CDATA nor a DOCTYPE", at: position)
                }
            case UInt8(ascii: "/"):
                input.advance()
                let name = try readName()
                try skipSpaces()
                guard try input.peek() == UInt8(ascii: ">") else { throw syntax("the end tag '</\(name)' is not closed with '>'", at: position) }
                guard let open = openElements.last else { throw syntax("the end tag '</\(name)>' closes no open element", at: position) }
                guard open.name == name else {
                    throw syntax(
                        "the end tag '</\(name)>' does not match '<\(open.name)>' (opened at \(open.position.line):\(open.position.column)); close it with '</\(open.name)>'",
                        at: position)
                }
                input.advance()
                openElements.removeLast()
                return .end(name: name, position: position)
            default:
                if sawRoot, openElements.isEmpty { throw outsideRoot("a second root element", at: position) }
                let name = try readName()
                var attributes: [(String, String)] = []
                while true {
                    try skipSpaces()
                    guard let byte = try input.peek() else { throw syntax("the tag '<\(name)' is never closed", at: position) }
                    if byte == UInt8(ascii: ">") {
                        input.advance()
                        if openElements.count >= Self.maximumDepth { throw syntax("elements are nested more than \(Self.maximumDepth) deep", at: position) }
                        openElements.append((name, position))
                        sawRoot = true
                        return .start(name: name, attributes: attributes, position: position, selfClosing: false)
                    }
                    if byte == UInt8(ascii: "/") {
                        input.advance()
                        guard try input.peek() == UInt8(ascii: ">") else { throw syntax("expected '/>' to close '<\(name)'", at: input.position) }
                        input.advance()
                        sawRoot = true
                        pendingEnd = (name, position)
                        return .start(name: name, attributes: attributes, position: position, selfClosing: true)
                    }
                    let attributePosition = input.position
                    let attributeName = try readName()
                    if attributes.contains(where: { $0.0 == attributeName }) {
                        throw syntax("the attribute '\(attributeName)' is given twice on '<\(name)>'; keep one", at: attributePosition)
                    }
                    try skipSpaces()
                    guard try input.peek() == UInt8(ascii: "=") else {
                        throw syntax("the attribute '\(attributeName)' has no '=' and value", at: attributePosition)
                    }
                    input.advance()
                    try skipSpaces()
                    guard let quote = try input.peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                        throw syntax("the value of '\(attributeName)' is not quoted", at: input.position)
                    }
                    input.advance()
                    attributes.append((attributeName, try readAttributeValue(quote: quote)))
                }
            }
        }
    }

    private func outsideRoot(_ what: String, at position: TextPosition) -> ReadError {
        sawRoot
            ? syntax("\(what) after the root element has ended; a file holds one root element (<\(rootElement)>) and nothing after it", at: position)
            : syntax(
                "\(what) before the root element; a \(rootElement == "graphml" ? "GraphML" : rootElement.uppercased()) file starts with <\(rootElement)>",
                at: position)
    }

    /// White space around the root element is allowed (and a byte-order mark before it); any other text is not.
    private mutating func skipSpacesOutsideRoot() throws(ReadError) {
        if !sawRoot, input.position == .start, try consume("\u{FEFF}") { return }
        try skipSpaces()
        if let byte = try input.peek(), byte != UInt8(ascii: "<") { throw outsideRoot("text", at: input.position) }
    }

    private func syntax(_ message: String, at position: TextPosition) -> ReadError {
        ReadError(position: position, problem: .syntax(message))
    }

    private mutating func advanceAny(_ byte: UInt8) {
        if byte == 0x0A { input.advanceNewline() } else { input.advance() }
    }

    private mutating func skipSpaces() throws(ReadError) {
        while let byte = try input.peek(), byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { advanceAny(byte) }
    }

    /// Consumes `literal` if the input continues with it (bytes matched are consumed either way).
    private mutating func consume(_ literal: String) throws(ReadError) -> Bool {
        for expected in literal.utf8 {
            guard try input.peek() == expected else { return false }
            input.advance()
        }
        return true
    }

    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private mutating func readName() throws(ReadError) -> String {
        scratch.removeAll(keepingCapacity: true)
        let position = input.position
        _ = try input.take(into: &scratch, while: Self.isNameByte)
        guard !scratch.isEmpty, let name = String(validUTF8: scratch) else {
            let found = try input.peek().map { "'\(Unicode.Scalar($0))'" } ?? "the end of the file"
            throw syntax("expected a name, found \(found)", at: position)
        }
        return name
    }

    private mutating func readAttributeValue(quote: UInt8) throws(ReadError) -> String {
        var bytes: [UInt8] = []
        let start = input.position
        while true {
            // Runs of ordinary bytes in one step; the loop below sees only the special ones.
            _ = try input.take(into: &bytes) { $0 != quote && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "<") && $0 >= 0x20 }
            guard let byte = try input.peek() else { throw syntax("an attribute value is never closed", at: start) }
            if byte == quote { input.advance(); break }
            if byte == UInt8(ascii: "<") { throw syntax("'<' inside an attribute value; write &lt;", at: input.position) }
            if byte == UInt8(ascii: "&") {
                try readReference(into: &bytes)
                continue
            }
            // Attribute values normalise white space to spaces.
            bytes.append(byte == 0x0A || byte == 0x09 || byte == 0x0D ? 0x20 : byte)
            advanceAny(byte)
        }
        guard let text = String(validUTF8: bytes) else { throw ReadError(position: start, problem: .invalidUTF8) }
        return text
    }

    private mutating func readText() throws(ReadError) -> String {
        var bytes: [UInt8] = []
        let start = input.position
        while true {
            _ = try input.take(into: &bytes) { $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") && $0 != 0x0A && $0 != 0x0D }
            guard let byte = try input.peek(), byte != UInt8(ascii: "<") else { break }
            if byte == UInt8(ascii: "&") {
                try readReference(into: &bytes)
                continue
            }
            if byte == 0x0D {
                input.advance()
                if try input.peek() != 0x0A { bytes.append(0x0A) }
                continue
            }
            bytes.append(byte)
            advanceAny(byte)
        }
        guard let text = String(validUTF8: bytes) else { throw ReadError(position: start, problem: .invalidUTF8) }
        return text
    }

    private mutating func skipText() throws(ReadError) {
        while true {
            scratch.removeAll(keepingCapacity: true)
            _ = try input.take(into: &scratch) { $0 != UInt8(ascii: "<") && $0 != 0x0A }
            guard let byte = try input.peek(), byte != UInt8(ascii: "<") else { return }
            advanceAny(byte)
        }
    }

    /// `&name;` or `&#N;` / `&#xH;`, decoded into `bytes`. Only XML's predefined entities exist.
    private mutating func readReference(into bytes: inout [UInt8]) throws(ReadError) {
        let position = input.position
        input.advance()
        var name: [UInt8] = []
        while let byte = try input.peek(), byte != UInt8(ascii: ";") {
            guard name.count < 32, byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&"), byte > 0x20 else {
                throw syntax("'&' does not start an entity reference; write &amp;", at: position)
            }
            name.append(byte)
            input.advance()
        }
        guard try input.peek() == UInt8(ascii: ";") else { throw syntax("an entity reference is not ended by ';'", at: position) }
        input.advance()
        let text = String(decoding: name, as: UTF8.self)
        let scalar: Unicode.Scalar?
        switch text {
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "amp": scalar = "&"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        default:
            if text.hasPrefix("#x") || text.hasPrefix("#X") {
                scalar = UInt32(text.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if text.hasPrefix("#") {
                scalar = UInt32(text.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                throw syntax(
                    "the entity '&\(text);' is not one of XML's own (&lt; &gt; &amp; &quot; &apos;); RelGraph never expands entities a DTD declares",
                    at: position)
            }
        }
        guard let scalar, scalar.value != 0 else { throw syntax("'&\(text);' is not a valid character reference", at: position) }
        bytes.append(contentsOf: String(scalar).utf8)
    }

    private mutating func skip(until terminator: [UInt8], what: String, from position: TextPosition) throws(ReadError) {
        var matched = 0
        while matched < terminator.count {
            guard let byte = try input.peek() else { throw syntax("\(what) is never closed", at: position) }
            advanceAny(byte)
            matched = byte == terminator[matched] ? matched + 1 : (byte == terminator[0] ? 1 : 0)
        }
    }

    private mutating func collect(until terminator: [UInt8], from position: TextPosition) throws(ReadError) {
        var matched = 0
        while matched < terminator.count {
            guard let byte = try input.peek() else { throw syntax("CDATA is never closed with ']]>'", at: position) }
            advanceAny(byte)
            scratch.append(byte)
            matched = byte == terminator[matched] ? matched + 1 : (byte == terminator[0] ? 1 : 0)
        }
        scratch.removeLast(terminator.count)
    }

    /// Skips `<!DOCTYPE … [ … ]>` without reading it: brackets and quotes are tracked only to
    /// find its end.
    private mutating func skipDoctype(from position: TextPosition) throws(ReadError) {
        var inSubset = false
        var quote: UInt8?
        while let byte = try input.peek() {
            advanceAny(byte)
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["): inSubset = true
            case UInt8(ascii: "]"): inSubset = false
            case UInt8(ascii: ">") where !inSubset: return
            default: break
            }
        }
        throw syntax("the DOCTYPE is never closed", at: position)
    }
}
