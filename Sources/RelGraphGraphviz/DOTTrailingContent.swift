/// Finds what follows the first graph of a DOT text. cgraph reads one graph and stops, so
/// `digraph { a -> b } garbage` would otherwise be accepted with the rest silently dropped.
enum DOTTrailingContent {
    /// The 1-based line and column of the first character after the first graph's closing
    /// `}` that is not white space, a comment or `;`, or nil when there is none (or when the
    /// text never closes its graph, which cgraph reports itself).
    /// - Complexity: O(n) in the text's length.
    static func position(in text: String) -> (line: Int, column: Int)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1, lineStart = 0
        var depth = 0, sawBrace = false
        func advance() {
            if scalars[index] == "\n" { line += 1; lineStart = index + 1 }
            index += 1
        }
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            let scalar = scalars[index]
            // Comments and preprocessor lines.
            if scalar == "/", at(1) == "/" || (scalar == "#" && index == lineStart) {
                while index < scalars.count, scalars[index] != "\n" { advance() }
                continue
            }
            if scalar == "#", index == lineStart {
                while index < scalars.count, scalars[index] != "\n" { advance() }
                continue
            }
            if scalar == "/", at(1) == "*" {
                advance(); advance()
                while index < scalars.count, !(scalars[index] == "*" && at(1) == "/") { advance() }
                if index < scalars.count { advance(); advance() }
                continue
            }
            if sawBrace, depth == 0 {
                if scalar.properties.isWhitespace || scalar == ";" { advance(); continue }
                return (line, index - lineStart + 1)
            }
            switch scalar {
            case "\"":
                advance()
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { advance() }
                    advance()
                }
                if index < scalars.count { advance() }
            case "<" where depth > 0:
                // An HTML string: angle brackets nest.
                var angles = 0
                repeat {
                    if scalars[index] == "<" { angles += 1 } else if scalars[index] == ">" { angles -= 1 }
                    advance()
                } while index < scalars.count && angles > 0
            case "{":
                depth += 1
                sawBrace = true
                advance()
            case "}":
                depth -= 1
                advance()
            default:
                advance()
            }
        }
        return nil
    }
}
