/// The patterns of a `CREATE` clause, read by the runner: node and relationship patterns with
/// their variables, labels or type, and property maps kept as Cypher text (the query engine
/// evaluates them, row by row).
struct CreatePattern {
    struct NodePart {
        var variable: String?
        var labels: [String]
        /// The property map as written (`{name: 'a'}`), or nil.
        var properties: String?
    }

    struct RelationshipPart {
        var variable: String?
        var type: String
        var properties: String?
        /// Whether it points from the node before it to the node after it.
        var forward: Bool
    }

    /// `nodes[i]` and `nodes[i + 1]` are joined by `relationships[i]`.
    var nodes: [NodePart]
    var relationships: [RelationshipPart]

    /// The comma-separated patterns of a `CREATE` clause's text.
    static func patterns(in text: String) throws(SetupUnsupported) -> [CreatePattern] {
        var reader = Reader(Array(text))
        var patterns: [CreatePattern] = []
        repeat {
            patterns.append(try reader.pattern())
        } while reader.accept(",")
        reader.skipSpaces()
        guard reader.atEnd else { throw reader.unsupported("text after the patterns") }
        return patterns
    }

    private struct Reader {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { index >= characters.count }
        var current: Character? { atEnd ? nil : characters[index] }

        func unsupported(_ message: String) -> SetupUnsupported {
            SetupUnsupported("cannot read the CREATE pattern '\(String(characters).trimmedText)': \(message)")
        }

        mutating func skipSpaces() {
            while let character = current, character.isWhitespace { index += 1 }
        }

        mutating func accept(_ text: String) -> Bool {
            skipSpaces()
            let end = index + text.count
            guard end <= characters.count, String(characters[index..<end]) == text else { return false }
            index = end
            return true
        }

        mutating func expect(_ text: String) throws(SetupUnsupported) {
            guard accept(text) else { throw unsupported("expected '\(text)'") }
        }

        mutating func name() -> String? {
            skipSpaces()
            if current == "`" {
                index += 1
                var name = ""
                while let character = current, character != "`" { name.append(character); index += 1 }
                index += 1
                return name
            }
            var name = ""
            while let character = current, character.isLetter || character.isNumber || character == "_" { name.append(character); index += 1 }
            return name.isEmpty ? nil : name
        }

        /// A `{...}` map as written, brackets and string literals balanced.
        mutating func map() throws(SetupUnsupported) -> String? {
            skipSpaces()
            guard current == "{" else { return nil }
            let start = index
            var depth = 0
            var quote: Character?
            while let character = current {
                index += 1
                if let open = quote {
                    if character == "\\" { index += 1 } else if character == open { quote = nil }
                    continue
                }
                switch character {
                case "'", "\"", "`": quote = character
                case "{", "[", "(": depth += 1
                case "}", "]", ")":
                    depth -= 1
                    if depth == 0 { return String(characters[start..<index]) }
                default: break
                }
            }
            throw unsupported("a map that is never closed")
        }

        mutating func pattern() throws(SetupUnsupported) -> CreatePattern {
            let saved = index
            if name() != nil, accept("=") { throw unsupported("path variables") }
            index = saved
            var nodes = [try node()], relationships: [RelationshipPart] = []
            while true {
                if accept("<-") {
                    relationships.append(try relationship(forward: false))
                    try expect("-")
                } else if accept("-") {
                    relationships.append(try relationship(forward: true))
                    try expect("->")
                } else {
                    break
                }
                nodes.append(try node())
            }
            return CreatePattern(nodes: nodes, relationships: relationships)
        }

        mutating func node() throws(SetupUnsupported) -> NodePart {
            try expect("(")
            let variable = name()
            var labels: [String] = []
            while accept(":") {
                guard let label = name() else { throw unsupported("a label without a name") }
                labels.append(label)
            }
            let properties = try map()
            try expect(")")
            return NodePart(variable: variable, labels: labels, properties: properties)
        }

        mutating func relationship(forward: Bool) throws(SetupUnsupported) -> RelationshipPart {
            try expect("[")
            let variable = name()
            try expect(":")
            guard let type = name() else { throw unsupported("a relationship without a type") }
            let properties = try map()
            try expect("]")
            return RelationshipPart(variable: variable, type: type, properties: properties, forward: forward)
        }
    }
}
