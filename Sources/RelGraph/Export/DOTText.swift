/// Quoting text for DOT so that Graphviz reads back exactly what was written.
///
/// cgraph's lexer unescapes only `\"` inside quoted strings; every other backslash stays.
/// Labels, tooltips and titles are then decoded again as Graphviz "escape strings" (`\\`,
/// `\n`, `\N`…) and HTML entities (`&amp;`). So RelGraph writes:
/// - ids (which the id rules keep free of quotes and backslashes) simply quoted, so keywords
///   such as `node` or `graph`, and ids like `1abc` or `a:b`, stay one id;
/// - text shown by Graphviz (``label(_:)``) with `\\`, `\"`, `\n` and `&amp;`;
/// - other values (``value(_:)``) with `\\`, `\"` and `\n`, which ``decodeValue(_:)`` undoes.
public enum DOTText {
    /// An id or keyword-safe name, quoted.
    public static func id(_ text: String) -> String {
        value(text)
    }

    /// A value that Graphviz does not interpret (kind, relation, dates, attributes), quoted.
    public static func value(_ text: String) -> String {
        quoted(text, asLabel: false)
    }

    /// Text Graphviz shows (labels, tooltips), quoted so it shows verbatim.
    public static func label(_ text: String) -> String {
        quoted(text, asLabel: true)
    }

    /// Escapes `\\`, `"` and line breaks; for labels also `&`, which labels decode as an entity.
    private static func quoted(_ text: String, asLabel: Bool) -> String {
        func isSpecial(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte == 0x0A
                || (asLabel && (byte == 0x0D || byte == UInt8(ascii: "&")))
        }
        guard text.utf8.contains(where: isSpecial) else { return "\"" + text + "\"" }
        var output = "\""
        output.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            switch character {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r" where asLabel: output += "\\n"
            case "&" where asLabel: output += "&amp;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output + "\""
    }

    /// Undoes ``value(_:)`` on a value as cgraph returns it (after its own `\"` unescaping).
    public static func decodeValue(_ raw: String) -> String {
        guard raw.contains("\\") else { return raw }
        var output = ""
        var scalars = raw.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let next = scalars.next() else { output.unicodeScalars.append(scalar); continue }
            switch next {
            case "\\": output += "\\"
            case "n": output += "\n"
            default: output.unicodeScalars.append(scalar); output.unicodeScalars.append(next)
            }
        }
        return output
    }

    /// Undoes ``label(_:)``, and reads Graphviz's own label escapes: `\l` and `\r` are line
    /// breaks, `\N` the node's name, `\G` the graph's; HTML entities are decoded.
    public static func decodeLabel(_ raw: String, nodeName: String = "", graphName: String = "") -> String {
        var output = ""
        var scalars = raw.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let next = scalars.next() else { output.unicodeScalars.append(scalar); continue }
            switch next {
            case "\\": output += "\\"
            case "n", "l", "r": output += "\n"
            case "N": output += nodeName
            case "G": output += graphName
            case "E", "T", "H": break
            default: output.unicodeScalars.append(next)
            }
        }
        while output.hasSuffix("\n") { output.removeLast() }
        return HTMLEntities.decode(output)
    }
}

extension DOTText {
    /// The text of an HTML-like label (`<<b>India</b><br/>भारत>`): tags removed, `<br/>` as
    /// line breaks, entities decoded.
    public static func decodeHTMLLabel(_ html: String) -> String {
        HTMLEntities.plainText(ofHTML: html)
    }
}

/// Decoding the HTML entities Graphviz understands in labels.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "–", "mdash": "—", "copy": "©", "reg": "®", "deg": "°", "hellip": "…",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            if let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";"),
               let decoded = entity(String(rest[afterAmpersand..<semicolon]))
            {
                output += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return output + rest
    }

    private static func entity(_ name: String) -> String? {
        if let value = named[name] { return value }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let number = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }

    /// Removes the tags of an HTML-like label, keeping its text; `<br/>` becomes a line break.
    static func plainText(ofHTML html: String) -> String {
        var output = ""
        var inTag = false
        var tag = ""
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().trimmingCharacters(in: " /")
                    if name.hasPrefix("br") || name == "tr" { output += "\n" }
                    tag = ""
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
            } else {
                output.append(character)
            }
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
        return decode(lines.joined(separator: "\n"))
    }
}

extension StringProtocol {
    /// The text without any of `set`'s characters at either end.
    package func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
