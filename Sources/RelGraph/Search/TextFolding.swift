import Foundation

/// How search compares texts: lower case, canonically decomposed (NFD), and without the
/// combining accents of Latin script (U+0300–U+036F), so `Éva`, `eva` and `EVA` are one text
/// while Devanagari's vowel signs and viramas, which are letters of their words, stay.
enum TextFolding {
    /// The folded form of `text`, as UTF-8 bytes.
    ///
    /// - Complexity: O(n) in the length of `text`; ASCII text never leaves this function.
    static func fold(_ text: some StringProtocol) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        }
        // Devanagari (caseless, and without decompositions but for a few nukta letters) with
        // ASCII needs no Unicode tables: most labels of Hindi documents take this path.
        if text.unicodeScalars.allSatisfy({ $0.value < 0x80 || ((0x900...0x97F).contains($0.value) && !TextFolding.decomposableDevanagari.contains($0.value)) }) {
            return text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        }
        let decomposed = String(text).lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return Array(String(scalars).utf8)
    }

    /// Devanagari letters with a canonical decomposition (a letter and a nukta).
    static let decomposableDevanagari: Set<UInt32> = [0x929, 0x931, 0x934, 0x958, 0x959, 0x95A, 0x95B, 0x95C, 0x95D, 0x95E, 0x95F]

    /// Whether the scalar belongs inside a word: a letter, a mark (Devanagari's vowel signs)
    /// or a digit. Everything else (spaces, `-`, `_`, `.`, `:`, punctuation) separates words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The byte offsets at which words begin in folded UTF-8 `bytes`, and each word's range.
    static func words(in bytes: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            let length = UTF8.width(scalar)
            if isWordScalar(scalar) {
                if start == nil { start = offset }
            } else if let begun = start {
                words.append(begun..<offset)
                start = nil
            }
            offset += length
        }
        if let begun = start { words.append(begun..<offset) }
        return words
    }
}
