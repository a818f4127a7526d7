import CLibYAML
import RelGraphCore

/// Reads YAML through libyaml's event parser as a stream of tokens with positions.
///
/// Anchors are recorded and aliases replayed as tokens, within a budget: a document whose
/// aliases would expand beyond ``replayLimit`` values (an "alias bomb") is refused as soon
/// as it passes the budget, without ever being expanded.
///
/// While any anchored container is open, every token read (parsed or replayed) is appended
/// once to ``log``; an anchor is the range of the log its container spans, however deeply
/// anchors nest. Recording therefore costs one append per token, and memory stays within the
/// tokens parsed plus the replay budget (copying each token into every open recording cost
/// nesting depth × budget: 2.6 GB for a 7 KB file with 500 nested anchors).
package final class YAMLTokenReader: TokenReader {
    /// What an anchor names: one scalar, or the tokens of a container, kept in the log.
    private enum Anchored {
        case scalar(Token)
        case container(Range<Int>)

        var tokenCount: Int {
            switch self {
            case .scalar: 1
            case .container(let tokens): tokens.count
            }
        }
    }

    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var log: [Token] = []
    /// The part of the log an alias is replaying, still to be read.
    private var replay: Range<Int> = 0..<0
    private var anchors: [String: Anchored] = [:]
    /// Anchored containers still open: each name, the depth outside it and where its tokens
    /// start in the log.
    private var recordings: [(anchor: String, depth: Int, start: Int)] = []
    private var depth = 0
    private var replayed = 0
    private var sawDocument = false
    private var finished = false
    /// Where the bytes parsed are counted, a megabyte at a time (see ``ProgressCounter``).
    private let progress = ProgressCounter.current
    private var counted = 0

    /// The most tokens aliases may add to a document.
    let replayLimit: Int

    static let maximumDepth = 512

    package init(bytes source: some Collection<UInt8>) {
        bytes = .allocate(capacity: max(source.count, 1))
        _ = bytes.initialize(from: source)
        replayLimit = max(100_000, source.count)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, source.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    func next() throws(ReadError) -> Token {
        let token: Token
        if let index = replay.popFirst() {
            token = log[index]
        } else {
            token = try nextFromParser()
        }
        try account(for: token)
        return token
    }

    /// Tracks depth and feeds the token to every anchor being recorded.
    private func account(for token: Token) throws(ReadError) {
        switch token.kind {
        case .mappingStart, .sequenceStart:
            depth += 1
            guard depth <= Self.maximumDepth else {
                throw ReadError(position: token.position, problem: .nestingTooDeep(limit: Self.maximumDepth))
            }
        case .mappingEnd, .sequenceEnd:
            depth -= 1
        case .scalar, .end:
            break
        }
        guard !recordings.isEmpty else { return }
        log.append(token)
        while let last = recordings.last, last.depth == depth, token.kind != .mappingStart, token.kind != .sequenceStart {
            anchors[last.anchor] = .container(last.start..<log.count)
            recordings.removeLast()
        }
    }

    private func nextFromParser() throws(ReadError) -> Token {
        while true {
            if finished { return Token(kind: .end, position: TextPosition.start) }
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
            defer { yaml_event_delete(&event) }
            if let progress, event.end_mark.index - counted >= 1 << 20 || event.type == YAML_STREAM_END_EVENT {
                progress.add(event.end_mark.index - counted)
                counted = event.end_mark.index
            }
            let position = TextPosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT, YAML_NO_EVENT:
                continue
            case YAML_DOCUMENT_START_EVENT:
                guard !sawDocument else {
                    throw ReadError(position: position, problem: .syntax("a second YAML document ('---') follows the first; a file holds one graph"))
                }
                sawDocument = true
                continue
            case YAML_STREAM_END_EVENT:
                finished = true
                guard sawDocument else { throw ReadError(position: .start, problem: .empty) }
                return Token(kind: .end, position: position)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor)
                guard let anchored = anchors[name] else {
                    throw ReadError(
                        position: position,
                        problem: .syntax(
                            recordings.contains { $0.anchor == name }
                                ? "alias '*\(name)' refers to the node that contains it"
                                : "alias '*\(name)' refers to no anchor '&\(name)' defined before it"))
                }
                replayed += anchored.tokenCount
                guard replayed <= replayLimit else {
                    throw ReadError(position: position, problem: .aliasExpansionTooLarge(limit: replayLimit))
                }
                switch anchored {
                case .scalar(let token):
                    return token
                case .container(let tokens):
                    // A replay starts only once the last one is read: aliases are parsed events.
                    replay = tokens.dropFirst()
                    return log[tokens.lowerBound]
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let isPlain = try Self.isPlain(style: scalar.style, tag: scalar.tag, at: position)
                let token = Token(kind: .scalar, position: position, text: text, isPlain: isPlain)
                if let anchor = scalar.anchor { anchors[Self.string(anchor)] = .scalar(token) }
                return token
            case YAML_SEQUENCE_START_EVENT:
                startRecording(event.data.sequence_start.anchor)
                return Token(kind: .sequenceStart, position: position)
            case YAML_MAPPING_START_EVENT:
                startRecording(event.data.mapping_start.anchor)
                return Token(kind: .mappingStart, position: position)
            case YAML_SEQUENCE_END_EVENT:
                return Token(kind: .sequenceEnd, position: position)
            case YAML_MAPPING_END_EVENT:
                return Token(kind: .mappingEnd, position: position)
            default:
                continue
            }
        }
    }

    /// Starts recording the container that begins now, to replay it for aliases.
    private func startRecording(_ anchor: UnsafeMutablePointer<yaml_char_t>?) {
        guard let anchor else { return }
        // The start token is accounted for (and recorded) right after this returns.
        recordings.append((Self.string(anchor), depth, log.count))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Whether a scalar is untyped: plain style, and no tag or a core-schema tag for non-strings.
    private static func isPlain(style: yaml_scalar_style_t, tag: UnsafeMutablePointer<yaml_char_t>?, at position: TextPosition) throws(ReadError) -> Bool {
        guard let tag else { return style == YAML_PLAIN_SCALAR_STYLE }
        switch string(tag) {
        case "!", "tag:yaml.org,2002:str":
            return false
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            return true
        case let other:
            throw ReadError(position: position, problem: .syntax("the YAML tag '\(other)' is not supported; write the value without a tag"))
        }
    }

    /// The column (from 0) of the first tab among the spaces and tabs that start line `line`
    /// (from 0), if there is one: libyaml reports such a tab as a character that "cannot start
    /// any token" or as one that "violates indentation", without saying it is a tab.
    private func tabInIndentation(ofLine line: Int) -> Int? {
        var current = 0, position = 0
        while current < line, position < bytes.count {
            if bytes[position] == 0x0A { current += 1 }
            position += 1
        }
        guard current == line else { return nil }
        var column = 0
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 {
            if bytes[position] == 0x09 { return column }
            column += 1
            position += 1
        }
        return nil
    }

    /// The line and column of a byte offset, columns counting Unicode scalars.
    private func markAt(offset: Int) -> yaml_mark_t {
        var mark = yaml_mark_t()
        for byte in bytes.prefix(min(offset, bytes.count)) {
            if byte == 0x0A {
                mark.line += 1
                mark.column = 0
            } else if byte & 0xC0 != 0x80 {
                mark.column += 1
            }
        }
        return mark
    }

    private func parserError() -> ReadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        // Reader errors (bad encoding, control characters) carry a byte offset, not a mark.
        let mark = parser.error == YAML_READER_ERROR ? markAt(offset: parser.problem_offset) : parser.problem_mark
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        if parser.error == YAML_SCANNER_ERROR, let tab = tabInIndentation(ofLine: Int(mark.line)) {
            return ReadError(
                position: TextPosition(line: Int(mark.line) + 1, column: tab + 1),
                problem: .syntax(
                    "a tab indents this line; YAML indents with spaces only: replace the tab with spaces"))
        }
        if problem.contains("UTF-8") || problem.contains("control characters") {
            return ReadError(
                position: TextPosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                problem: problem.contains("UTF-8") ? .invalidUTF8 : .syntax(message + "; the file looks binary, not YAML text"))
        }
        return ReadError(position: TextPosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1), problem: .syntax(message))
    }
}
