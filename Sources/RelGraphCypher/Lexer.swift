import RelGraphCore

/// Splits a Cypher query into tokens, by hand, keeping each token's line and column
/// (columns count characters, so a caret lines up under Devanagari too).
struct CypherLexer {
    private let characters: [Character]
    private var position = 0
    private var line = 1
    private var column = 1

    init(_ query: String) {
        characters = Array(query)
    }

    /// Every token, ending with `.end`.
    ///
    /// - Complexity: O(n) in the length of the query.
    static func tokens(of query: String) throws(CypherError) -> [CypherToken] {
        var lexer = CypherLexer(query)
        var tokens: [CypherToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }
    private func peek(_ offset: Int = 1) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    private mutating func advance() {
        if characters[position] == "\n" { line += 1; column = 1 } else { column += 1 }
        position += 1
    }

    private func failure(_ message: String, _ code: CypherError.Code = .unexpectedSyntax, line: Int? = nil, column: Int? = nil) -> CypherError {
        CypherError(.syntax, code, message, line: line ?? self.line, column: column ?? self.column)
    }

    private mutating func skipSpaceAndComments() throws(CypherError) {
        while let character = current {
            if character.isWhitespace { advance(); continue }
            if character == "/", peek() == "/" {
                while let next = current, next != "\n" { advance() }
                continue
            }
            if character == "/", peek() == "*" {
                let (startLine, startColumn) = (line, column)
                advance(); advance()
                while current != nil, !(current == "*" && peek() == "/") { advance() }
                guard current != nil else { throw failure("a comment opened here is never closed with */", line: startLine, column: startColumn) }
                advance(); advance()
                continue
            }
            return
        }
    }

    private mutating func next() throws(CypherError) -> CypherToken {
        try skipSpaceAndComments()
        let start = position
        var token = try scan()
        token.offset = start
        token.end = position
        return token
    }

    private mutating func scan() throws(CypherError) -> CypherToken {
        let (startLine, startColumn) = (line, column)
        func token(_ kind: CypherToken.Kind) -> CypherToken { CypherToken(kind: kind, line: startLine, column: startColumn) }
        guard let character = current else { return token(.end) }

        if character.isLetter || character == "_" {
            var name = ""
            while let next = current, next.isLetter || next.isNumber || next == "_" { name.append(next); advance() }
            return token(.identifier(name, quoted: false))
        }
        if character == "`" {
            advance()
            var name = ""
            while true {
                guard let next = current else { throw failure("a backquoted name opened here is never closed", line: startLine, column: startColumn) }
                advance()
                if next == "`" {
                    if current == "`" { name.append("`"); advance(); continue }
                    break
                }
                name.append(next)
            }
            return token(.identifier(name, quoted: true))
        }
        if character.isASCII, character.isNumber {
            return try number(startLine, startColumn)
        }
        if character == ".", let next = peek(), next.isASCII, next.isNumber {
            return try number(startLine, startColumn)
        }
        if character == "'" || character == "\"" {
            return token(.string(try string(quote: character, startLine, startColumn)))
        }
        if character == "$" {
            advance()
            var name = ""
            if current == "`" {
                guard case .identifier(let quoted, _) = try scan().kind else {
                    throw failure("expected a parameter name after $", line: startLine, column: startColumn)
                }
                return token(.parameter(quoted))
            }
            while let next = current, next.isLetter || next.isNumber || next == "_" { name.append(next); advance() }
            guard !name.isEmpty else { throw failure("expected a parameter name after $", line: startLine, column: startColumn) }
            return token(.parameter(name))
        }
        for symbol in [
            "..", "->", "<-", "<=", ">=", "<>", "!=", "=~", "+=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "*", "=", "<", ">", "+", "-", "/", "%", "^",
            ";",
        ] {
            let symbolCharacters = Array(symbol)
            if position + symbolCharacters.count <= characters.count,
                Array(characters[position..<position + symbolCharacters.count]) == symbolCharacters
            {
                for _ in symbolCharacters { advance() }
                return token(.symbol(symbol == "!=" ? "<>" : symbol))
            }
        }
        if "\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}".contains(character) {
            throw failure("'\(character)' is not a minus sign; write '-'", .invalidUnicodeCharacter)
        }
        throw failure("unexpected character '\(character)'")
    }

    private mutating func number(_ startLine: Int, _ startColumn: Int) throws(CypherError) -> CypherToken {
        func token(_ kind: CypherToken.Kind) -> CypherToken { CypherToken(kind: kind, line: startLine, column: startColumn) }
        func invalid(_ text: String) -> CypherError {
            failure("'\(text)' is not a number", .invalidNumberLiteral, line: startLine, column: startColumn)
        }
        if current == "0", let marker = peek(), marker == "x" || marker == "X" || marker == "o" || marker == "O" {
            advance(); advance()
            let radix = marker == "x" || marker == "X" ? 16 : 8
            var digits = ""
            while let next = current, next.isLetter || next.isNumber || next == "_" { digits.append(next); advance() }
            guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else {
                if !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit && (radix == 16 || $0.isNumber && $0 < "8") }) {
                    throw failure("the integer 0\(marker)\(digits) is too large for 64 bits", .integerOverflow, line: startLine, column: startColumn)
                }
                throw invalid("0\(marker)\(digits)")
            }
            return try integer(magnitude, text: "0\(marker)\(digits)", startLine, startColumn)
        }
        var text = ""
        var isFloat = false
        while let next = current, next.isASCII, next.isNumber { text.append(next); advance() }
        if current == ".", let after = peek(), after.isASCII, after.isNumber {
            isFloat = true
            text.append("."); advance()
            while let next = current, next.isASCII, next.isNumber { text.append(next); advance() }
        }
        if current == "e" || current == "E", let after = peek(), after.isNumber || ((after == "-" || after == "+") && (peek(2)?.isNumber ?? false)) {
            isFloat = true
            text.append("e"); advance()
            if current == "-" || current == "+" { text.append(current!); advance() }
            while let next = current, next.isASCII, next.isNumber { text.append(next); advance() }
        }
        if let next = current, next.isLetter || next == "_" {
            var rest = ""
            while let next = current, next.isLetter || next.isNumber || next == "_" { rest.append(next); advance() }
            return token(.malformedNumber(text + rest))
        }
        if isFloat {
            guard let value = Double(text) else { throw invalid(text) }
            guard value.isFinite else {
                throw failure("the number \(text) is too large for a float", .floatingPointOverflow, line: startLine, column: startColumn)
            }
            return token(.float(value))
        }
        guard let magnitude = UInt64(text) else {
            throw failure("the integer \(text) is too large for 64 bits", .integerOverflow, line: startLine, column: startColumn)
        }
        return try integer(magnitude, text: text, startLine, startColumn)
    }

    /// An integer token for a magnitude: 2⁶³ is kept for a minus sign to make the smallest integer.
    private func integer(_ magnitude: UInt64, text: String, _ startLine: Int, _ startColumn: Int) throws(CypherError) -> CypherToken {
        if magnitude <= UInt64(Int.max) { return CypherToken(kind: .integer(Int(magnitude)), line: startLine, column: startColumn) }
        if magnitude == UInt64(Int.max) + 1 { return CypherToken(kind: .minimumIntegerMagnitude, line: startLine, column: startColumn) }
        throw failure("the integer \(text) is too large for 64 bits", .integerOverflow, line: startLine, column: startColumn)
    }

    private mutating func string(quote: Character, _ startLine: Int, _ startColumn: Int) throws(CypherError) -> String {
        advance()
        var text = ""
        while true {
            guard let next = current else { throw failure("a string opened here is never closed", line: startLine, column: startColumn) }
            if next == quote { advance(); return text }
            if next == "\\" {
                advance()
                guard let escaped = current else { continue }
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "b": text.append("\u{8}")
                case "f": text.append("\u{C}")
                case "\\", "'", "\"": text.append(escaped)
                case "u":
                    var hex = ""
                    for _ in 0..<4 {
                        advance()
                        guard let digit = current, digit.isHexDigit else { throw failure("\\u needs four hexadecimal digits", .invalidUnicodeLiteral) }
                        hex.append(digit)
                    }
                    guard let scalar = Unicode.Scalar(UInt32(hex, radix: 16)!) else { throw failure("\\u\(hex) is not a character", .invalidUnicodeLiteral) }
                    text.unicodeScalars.append(scalar)
                default:
                    // Kept as written, so that regular expressions (`'2\\+2'`) read naturally.
                    text.append("\\")
                    text.append(escaped)
                }
                advance()
                continue
            }
            text.append(next)
            advance()
        }
    }
}
