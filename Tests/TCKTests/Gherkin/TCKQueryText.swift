/// Reading Cypher text without parsing it: the words outside string literals, backquoted names
/// and comments, for telling reading queries from writing ones and for splitting set-up
/// statements into clauses.
enum TCKQueryText {
    /// Clause keywords that write or call procedures.
    static let writingKeywords: Set<String> = ["CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "CALL", "FOREACH", "LOAD"]

    /// Whether the query uses a writing clause or calls a procedure.
    static func writes(_ query: String) -> Bool {
        words(of: query).contains { writingKeywords.contains($0.text.uppercased()) && !$0.followsDot }
    }

    /// A word of the query (an unquoted name or keyword), where it starts, and whether a `.`
    /// or `:` comes right before it (then it is a property key or a label, not a keyword).
    struct Word {
        var text: String
        /// Offset in characters.
        var offset: Int
        var followsDot: Bool
        /// The bracket depth (`(`, `[`, `{`) at the word.
        var depth: Int
    }

    /// The words outside literals, backquotes and comments, in order.
    static func words(of query: String) -> [Word] {
        let characters = Array(query)
        var words: [Word] = []
        var index = 0, depth = 0
        var previous: Character = " "
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"":
                index = skipLiteral(characters, from: index, closing: character)
                previous = character
                continue
            case "`":
                index = skipLiteral(characters, from: index, closing: "`")
                previous = "`"
                continue
            case "/" where index + 1 < characters.count && characters[index + 1] == "/":
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if character.isLetter || character == "_" {
                let start = index
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" { index += 1 }
                words.append(Word(text: String(characters[start..<index]), offset: start, followsDot: previous == "." || previous == ":", depth: depth))
                previous = characters[index - 1]
                continue
            }
            if !character.isWhitespace { previous = character }
            index += 1
        }
        return words
    }

    /// The text with its `//` and `/* */` comments removed (literals kept whole).
    static func withoutComments(_ query: String) -> String {
        let characters = Array(query)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" || character == "\"" || character == "`" {
                let end = skipLiteral(characters, from: index, closing: character)
                output += String(characters[index..<min(end, characters.count)])
                index = end
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "*" {
                index += 2
                while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") { index += 1 }
                index += 2
            } else {
                output.append(character)
                index += 1
            }
        }
        return output
    }

    /// The index just past a literal opened at `start` with `closing`, backslash escapes and
    /// doubled backquotes included.
    private static func skipLiteral(_ characters: [Character], from start: Int, closing: Character) -> Int {
        var index = start + 1
        while index < characters.count {
            if characters[index] == "\\", closing != "`" { index += 2; continue }
            if characters[index] == closing { return index + 1 }
            index += 1
        }
        return index
    }
}
