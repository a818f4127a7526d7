/// Reading values back from DOT as cgraph hands them over: the inverse of `DOTText`'s quoting,
/// plus Graphviz's own label escapes and HTML-like labels.
enum DOTDecoding {
    /// Undoes `DOTText.value(_:)` on a value as cgraph returns it (after its own `\"` unescaping).
    static func value(_ raw: String) -> String {
        guard raw.contains("\\") else { return raw }
        return replacingEscapes(in: raw) { escaped in
            switch escaped {
            case "\\": "\\"
            case "n": "\n"
            default: nil
            }
        }
    }

    /// Undoes `DOTText.label(_:)`, and reads Graphviz's own label escapes: `\N` is the node's
    /// name, `\G` the graph's; `\l` and `\r` (a line aligned left or right) are kept as written,
    /// as `DOTText` writes them; HTML entities are decoded.
    static func label(_ raw: String, nodeName: String = "", graphName: String = "") -> String {
        var output = replacingEscapes(in: raw) { escaped in
            switch escaped {
            case "n": "\n"
            case "l", "r": nil
            case "N": nodeName
            case "G": graphName
            case "E", "T", "H": ""
            default: String(escaped)
            }
        }
        while output.hasSuffix("\n") { output.removeLast() }
        return HTMLEntities.decode(output)
    }

    /// Whether `raw`, as cgraph hands a value back, holds Graphviz's justification escapes
    /// `\l` or `\r` (a backslash that is not itself escaped, before `l` or `r`).
    ///
    /// - Complexity: O(length of `raw`).
    static func hasJustification(_ raw: String) -> Bool {
        var escaped = false
        for scalar in raw.unicodeScalars {
            if escaped, scalar == "l" || scalar == "r" { return true }
            escaped = !escaped && scalar == "\\"
        }
        return false
    }

    /// `raw` with each backslash escape replaced by what `replacement` makes of the escaped
    /// character; where it makes nil, the backslash and the character stay.
    private static func replacingEscapes(in raw: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        var scalars = raw.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let next = scalars.next() else { output.unicodeScalars.append(scalar); continue }
            if let replaced = replacement(next) {
                output += replaced
            } else {
                output.unicodeScalars.append(scalar)
                output.unicodeScalars.append(next)
            }
        }
        return output
    }

    /// The text of an HTML-like label (`<<b>India</b><br/>भारत>`): tags removed, `<br/>` as
    /// line breaks, entities decoded.
    static func htmlLabel(_ html: String) -> String {
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
