import Foundation

/// How search compares texts: lower case, canonically decomposed (NFD), and without the
/// combining accents (U+0300–U+036F) on letters of Latin script, so `Éva`, `eva` and `EVA` are
/// one text while Cyrillic `й` and `и` stay two, and Devanagari's vowel signs and viramas, which
/// are letters of their words, stay.
enum TextFolding {
    /// The folded form of `text`, as UTF-8 bytes.
    ///
    /// - Complexity: O(n) in the length of `text`; ASCII and Devanagari never leave this file.
    static func fold(_ text: some StringProtocol) -> [UInt8] {
        var bytes: [UInt8] = []
        appendFolded(String(text), to: &bytes)
        return bytes
    }

    /// Appends the folded form of `text` to `output`, without allocating for ASCII and
    /// Devanagari text (the labels of most documents).
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func appendFolded(_ text: String, to output: inout [UInt8]) {
        let mark = output.count
        var text = text
        let simple = text.withUTF8 { utf8 in appendSimplyFolded(utf8, to: &output) }
        if simple { return }
        output.removeSubrange(mark...)
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var base: Unicode.Scalar?  // the letter the marks that follow sit on
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // NFD may put another script's mark first (a virama before a dot above).
                if (0x300...0x36F).contains(scalar.value), let base, isLatin(base) { continue }
            default:
                base = scalar
            }
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    /// Whether `scalar` is a letter of Latin script, whose accents search ignores: `é` is `e`,
    /// but Cyrillic `й` stays apart from `и`.
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF,
            0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return true
        default:
            return false
        }
    }

    /// ASCII (lower-cased) and Devanagari without decomposable letters (copied) need no Unicode
    /// tables; false, with `output` partly written, as soon as anything else comes, or marks
    /// that NFD would put in another order (a nukta after a virama).
    private static func appendSimplyFolded(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        var position = 0
        var previousClass: UInt8 = 0
        while position < utf8.count {
            let byte = utf8[position]
            if byte < 0x80 {
                output.append(byte &- 0x41 < 26 ? byte + 0x20 : byte)
                previousClass = 0
                position += 1
                continue
            }
            // U+0900–U+097F is E0 A4 80 … E0 A5 BF.
            guard byte == 0xE0, position + 2 < utf8.count, utf8[position + 1] & 0xFE == 0xA4 else { return false }
            let scalar = 0x900 | UInt32(utf8[position + 1] & 1) << 6 | UInt32(utf8[position + 2] & 0x3F)
            if isDecomposableDevanagari(scalar) { return false }
            let combiningClass = devanagariCombiningClass(scalar)
            if combiningClass != 0, previousClass > combiningClass { return false }
            previousClass = combiningClass
            output.append(byte)
            output.append(utf8[position + 1])
            output.append(utf8[position + 2])
            position += 3
        }
        return true
    }

    /// The canonical combining class of a Devanagari scalar (NFD orders marks by it).
    @inline(__always)
    static func devanagariCombiningClass(_ scalar: UInt32) -> UInt8 {
        switch scalar {
        case 0x93C: return 7
        case 0x94D: return 9
        case 0x952: return 220
        case 0x951, 0x953, 0x954: return 230
        default: return 0
        }
    }

    /// Devanagari letters with a canonical decomposition (a letter and a nukta).
    @inline(__always)
    static func isDecomposableDevanagari(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x929, 0x931, 0x934, 0x958...0x95F: return true
        default: return false
        }
    }

    /// Whether the scalar belongs inside a word: a letter, a mark (Devanagari's vowel signs)
    /// or a digit. Everything else (spaces, `-`, `_`, `.`, `:`, punctuation) separates words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < UInt32(commonWordScalars.count) { return commonWordScalars[Int(scalar.value)] }
        return hasWordCategory(scalar)
    }

    private static func hasWordCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// `isWordScalar` for the scalars below U+3000 (Latin, Greek, Cyrillic, Indic scripts…),
    /// looked up once: asking the Unicode tables per scalar was a fifth of an index build.
    private static let commonWordScalars: [Bool] = (0..<0x3000).map { value in
        Unicode.Scalar(UInt32(value)).map(hasWordCategory) ?? false
    }

    /// Calls `body(start, end)` with the byte range of each word of folded UTF-8 `bytes`
    /// between `start` and `end`, in order.
    ///
    /// - Complexity: O(n) in the number of bytes.
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ body: (Int, Int) -> Void) {
        var wordStart = -1
        var position = start
        while position < end {
            let byte = bytes[position]
            let isWord: Bool
            let width: Int
            if byte < 0x80 {
                isWord = (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
                width = 1
            } else {
                let (scalar, length) = decode(bytes, at: position)
                isWord = isWordScalar(scalar)
                width = length
            }
            if isWord {
                if wordStart < 0 { wordStart = position }
            } else if wordStart >= 0 {
                body(wordStart, position)
                wordStart = -1
            }
            position += width
        }
        if wordStart >= 0 { body(wordStart, end) }
    }

    /// The byte ranges of the words in folded UTF-8 `bytes`.
    static func words(in bytes: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            forEachWord(in: buffer, from: 0, to: buffer.count) { words.append($0..<$1) }
        }
        return words
    }

    /// The scalar starting at `position` of valid UTF-8 and its length in bytes.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        if lead < 0xE0 {
            return (Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F))!, 2)
        }
        if lead < 0xF0 {
            let value = (lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F)
            return (Unicode.Scalar(value)!, 3)
        }
        let value =
            (lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
            | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F)
        return (Unicode.Scalar(value)!, 4)
    }
}
