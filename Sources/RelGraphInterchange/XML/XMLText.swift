/// Escaping for XML and HTML text and attribute values.
public enum XMLText {
    /// `text` with `&`, `<`, `>` and `"` escaped; with `lineBreaksAsSpaces`, line breaks become
    /// spaces (for Graphviz's HTML-like labels, where a raw line break is not allowed).
    ///
    /// - Complexity: O(n).
    public static func escaped(_ text: some StringProtocol, lineBreaksAsSpaces: Bool = false) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\n", "\r", "\r\n": output += lineBreaksAsSpaces ? " " : String(character)
            default: output.append(character)
            }
        }
        return output
    }

    /// `text` with XML's character references and the five named entities decoded.
    ///
    /// - Complexity: O(n).
    public static func unescaped(_ text: some StringProtocol) -> String {
        guard text.contains("&") else { return String(text) }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semicolon) <= 10 else {
                output += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            let decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = nil
                }
            }
            if let decoded {
                output += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                output += "&"
                rest = after
            }
        }
        return output + rest
    }
}
