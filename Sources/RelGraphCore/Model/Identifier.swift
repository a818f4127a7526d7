/// The rules for ids of nodes, relations, kinds and sources (contract §1): a letter or a
/// digit in any script, then letters, digits, `_`, `.`, `:` or `-`.
public enum Identifier {
    /// Whether `text` is a valid id.
    public static func isValid(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isLetterOrDigit(first) else { return false }
        while let scalar = scalars.next() {
            guard isLetterOrDigit(scalar) || isMark(scalar) || isPunctuationAllowed(scalar) else { return false }
        }
        return true
    }

    /// Why `text` is not a valid id, for error messages.
    static func problem(with text: String) -> String {
        if text.isEmpty { return "is empty" }
        if let first = text.unicodeScalars.first, !isLetterOrDigit(first) {
            return "must start with a letter or a digit, not '\(first)'"
        }
        let bad = text.unicodeScalars.first { !(isLetterOrDigit($0) || isMark($0) || isPunctuationAllowed($0)) }
        let shown = bad.map { $0.properties.generalCategory == .spaceSeparator || $0 == "\n" || $0 == "\t" ? "a space" : "'\($0)'" } ?? "?"
        return "may hold only letters, digits, '_', '.', ':' and '-', not \(shown)"
    }

    @inline(__always)
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic && !isMark(scalar) || properties.generalCategory == .decimalNumber
    }

    /// Combining marks (Devanagari matras and virama among them) continue an id in any script.
    @inline(__always)
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    private static func isPunctuationAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "." || scalar == ":" || scalar == "-"
    }
}

extension Identifier {
    /// `text` made into a valid id: characters the rules forbid become `-` (`New Delhi` →
    /// `New-Delhi`); `fallback` when nothing of it is left.
    public static func made(from text: String, fallback: String) -> String {
        if isValid(text) { return text }
        var result = ""
        for character in text {
            let candidate = result + String(character)
            if isValid(candidate) || (result.isEmpty && isValid(String(character))) {
                result.append(character)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? fallback : result
    }
}
