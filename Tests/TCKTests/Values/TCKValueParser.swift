/// Parses the TCK's value syntax (result cells and parameter values): `null`, `true`, numbers
/// (`NaN`, `Inf`), `'strings'` with backslash escapes, `[lists]`, `{maps}`, nodes, relationships
/// and paths.
struct TCKValueParser {
    struct Problem: Error, CustomStringConvertible {
        var text: String
        var message: String
        var description: String { "cannot read the TCK value \(text): \(message)" }
    }

    private let characters: [Character]
    private let text: String
    private var index = 0

    /// The value `text` spells.
    static func value(_ text: String) throws -> TCKValue {
        var parser = TCKValueParser(text)
        let value = try parser.value()
        parser.skipSpaces()
        guard parser.index == parser.characters.count else { throw parser.problem("text after the value") }
        return value
    }

    private init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    private func problem(_ message: String) -> Problem { Problem(text: text, message: message + " at character \(index)") }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { index += 1 }
    }

    private mutating func accept(_ character: Character) -> Bool {
        skipSpaces()
        guard current == character else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ character: Character) throws {
        guard accept(character) else { throw problem("expected '\(character)'") }
    }

    private mutating func value() throws -> TCKValue {
        skipSpaces()
        guard let character = current else { throw problem("expected a value") }
        switch character {
        case "'", "\"": return .string(try string())
        case "[":
            index += 1
            if accept("]") { return .list([]) }
            if current == ":" { return try relationship(opened: true) }
            var items: [TCKValue] = []
            repeat { items.append(try value()) } while accept(",")
            try expect("]")
            return .list(items)
        case "{": return .map(try map())
        case "(": return try node()
        case "<":
            index += 1
            return try path()
        default:
            return try scalar()
        }
    }

    private mutating func name() throws -> String {
        skipSpaces()
        if current == "`" {
            index += 1
            var name = ""
            while let character = current, character != "`" { name.append(character); index += 1 }
            try expect("`")
            return name
        }
        var name = ""
        while let character = current, character.isLetter || character.isNumber || character == "_" { name.append(character); index += 1 }
        guard !name.isEmpty else { throw problem("expected a name") }
        return name
    }

    private mutating func map() throws -> [String: TCKValue] {
        try expect("{")
        var entries: [String: TCKValue] = [:]
        if accept("}") { return entries }
        repeat {
            let key = try name()
            try expect(":")
            entries[key] = try value()
        } while accept(",")
        try expect("}")
        return entries
    }

    private mutating func node() throws -> TCKValue {
        try expect("(")
        var labels: Set<String> = []
        while accept(":") { labels.insert(try name()) }
        skipSpaces()
        let properties = current == "{" ? try map() : [:]
        try expect(")")
        return .node(labels: labels, properties: properties)
    }

    /// `[:T {k: v}]`, after its `[` when `opened`.
    private mutating func relationship(opened: Bool = false) throws -> TCKValue {
        if !opened { try expect("[") }
        try expect(":")
        let type = try name()
        skipSpaces()
        let properties = current == "{" ? try map() : [:]
        try expect("]")
        return .relationship(type: type, properties: properties)
    }

    /// `(:A)-[:T]->(:B)<-[:U]-(:C)>`, after its `<`.
    private mutating func path() throws -> TCKValue {
        let start = try node()
        var steps: [(relationship: TCKValue, forward: Bool, node: TCKValue)] = []
        while !accept(">") {
            if accept("<") {
                try expect("-")
                let relationship = try self.relationship()
                try expect("-")
                steps.append((relationship, false, try node()))
            } else {
                try expect("-")
                let relationship = try self.relationship()
                try expect("-")
                try expect(">")
                steps.append((relationship, true, try node()))
            }
        }
        return .path(start: start, steps: steps)
    }

    private mutating func string() throws -> String {
        let quote = current!
        index += 1
        var result = ""
        while let character = current {
            index += 1
            if character == quote { return result }
            guard character == "\\" else { result.append(character); continue }
            guard let escaped = current else { break }
            index += 1
            switch escaped {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "b": result.append("\u{8}")
            case "f": result.append("\u{C}")
            case "u":
                let digits = String(characters[index..<min(index + 4, characters.count)])
                guard digits.count == 4, let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw problem("a bad \\u escape")
                }
                result.unicodeScalars.append(scalar)
                index += 4
            default: result.append(escaped)
            }
        }
        throw problem("a string that is never closed")
    }

    private mutating func scalar() throws -> TCKValue {
        let start = index
        while let character = current, !",]}>) ".contains(character) { index += 1 }
        let word = String(characters[start..<index])
        switch word {
        case "null": return .null
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "NaN": return .float(.nan)
        case "Inf", "Infinity": return .float(.infinity)
        case "-Inf", "-Infinity": return .float(-.infinity)
        default: break
        }
        if let integer = Int(word) { return .integer(integer) }
        if word.contains(where: { ".eE".contains($0) }), let number = Double(word) { return .float(number) }
        index = start
        throw problem("expected a value, found '\(word)'")
    }
}
