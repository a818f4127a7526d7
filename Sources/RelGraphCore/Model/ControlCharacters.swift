/// C0 control characters (U+0000–U+001F) other than tab and line feed, which no graph text
/// may hold: XML 1.0 cannot carry them even escaped (an SVG or GraphML file with one is not
/// well-formed), and on a terminal they are escape sequences.
public enum ControlCharacters {
    /// Whether `scalar` is such a control character.
    @inlinable
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A
    }

    /// The first forbidden control character in `text`, if any.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`, without decoding where there is none.
    public static func first(in text: String) -> Unicode.Scalar? {
        var text = text
        let found = text.withUTF8 { bytes in bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A } }
        guard found else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    /// `text` with every forbidden control character replaced by U+FFFD, as importers of
    /// foreign files do.
    public static func replacing(in text: String) -> String {
        guard first(in: text) != nil else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(result)
    }

    /// How a control character is named in messages: `U+0001`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
