import RelGraphCore

/// The label of a Graphviz `record` or `Mrecord` node (`{A|x : int\l|run()\l}`), kept as its
/// file wrote it: its braces, bars, `<port>` names and backslash escapes are its structure, so it
/// is neither decoded on import nor wrapped, cut or escaped again on export and in drawings.
public enum RecordLabel {
    /// The shapes whose labels are records.
    public static let shapes: Set<String> = ["record", "Mrecord"]

    /// Longest record label passed to Graphviz (its record parser recurses once per `{`).
    static let maximumLength = 4_000

    /// Whether the element's own `shape` attribute is `record` or `Mrecord`.
    package static func isRecord(_ attributes: Attributes) -> Bool {
        guard !attributes.isEmpty, case .string(let shape)? = attributes["shape"] else { return false }
        return shapes.contains(shape)
    }

    /// Whether `text` parses as Graphviz's record grammar: braces balanced, `<port>` names
    /// closed and not nested, no control character, and nothing that the quoting below could
    /// not carry (a backslash before a quote, a backslash at the end).
    /// - Complexity: O(length of `text`).
    public static func isWellFormed(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return false }
        var depth = 0, inPort = false
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\\":
                guard let next = scalars.next(), next != "\"", next != "\n" else { return false }
            case "{":
                guard !inPort else { return false }
                depth += 1
            case "}":
                guard !inPort, depth > 0 else { return false }
                depth -= 1
            case "<":
                guard !inPort else { return false }
                inPort = true
            case ">":
                guard inPort else { return false }
                inPort = false
            case "\n":
                continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { return false }
            }
        }
        return depth == 0 && !inPort
    }

    /// `text` as a DOT string, its escapes as they are: only quotes and line breaks are escaped.
    /// `text` must be ``isWellFormed(_:)``.
    package static func quoted(_ text: String) -> String {
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
