/// The interactive page's fonts: for the characters the page holds, the installed fonts that
/// draw them (as Graphviz's PNG does: fontconfig's fallbacks for the drawing's family, the
/// family's own faces first), each cut down to its characters and embedded as a `data:` URL
/// in an `@font-face` rule of the drawing's family, regular and bold, with a `unicode-range`
/// of exactly those characters. The page stays one file that asks for nothing, and shows
/// every script it uses whatever fonts the reader has.
struct PageFonts {
    /// The family the drawings name (`font-family` in their SVG, and the page's style).
    var family: String
    /// The page's language: it chooses between fonts for characters several scripts share
    /// (Han in Chinese or Japanese forms).
    var language: String?

    /// The `@font-face` rules for `text`'s characters, and the characters no installed font
    /// draws. The same text and fonts give the same bytes.
    ///
    /// - Complexity: one fontconfig sort per weight, then HarfBuzz's subsetting per face used.
    func css(for text: some StringProtocol) -> (css: String, missing: [Unicode.Scalar]) {
        var scalars = Set<Unicode.Scalar>()
        for scalar in text.unicodeScalars where !MissingGlyphs.invisible(scalar) || scalar == " " { scalars.insert(scalar) }
        // What a reader may type into the search box, in any case.
        for value in UInt32(0x20)...0x7E { scalars.insert(Unicode.Scalar(value)!) }
        for joiner: Unicode.Scalar in ["\u{200C}", "\u{200D}"] where scalars.contains(where: { $0.value >= 0x0590 }) { scalars.insert(joiner) }
        let sorted = scalars.sorted { $0.value < $1.value }
        var css = "/* The page's fonts: the installed fonts that draw its text, each cut down to the characters the page uses\n"
        css += "   (RelGraph, through HarfBuzz). Noto fonts are under the SIL Open Font License 1.1, which each font's name table carries. */\n"
        var missing: [Unicode.Scalar] = []
        for bold in [false, true] {
            guard let fonts = FontFallbacks(family: family, bold: bold, language: language) else {
                if !bold { missing = sorted }
                continue
            }
            // Each character to one face, faces in fontconfig's order.
            let byFace = fonts.assign(sorted)
            if !bold { missing = sorted.filter { !fonts.covers($0) && !MissingGlyphs.invisible($0) } }
            for position in byFace.keys.sorted() {
                guard let face = fonts.face(at: position), let characters = byFace[position], let font = FontSubset.cut(face, to: characters) else { continue }
                css += "@font-face { font-family: \"\(family)\"; font-style: normal; font-weight: \(bold ? 700 : 400); font-display: block;\n"
                css += "  /* \(face.family) */ unicode-range: \(Self.ranges(characters));\n"
                css += "  src: url(data:font/otf;base64,\(Base64.encode(font))) format(\"opentype\"); }\n"
            }
        }
        return (css, missing)
    }

    /// `U+0041-005A, U+00E9`: the characters (sorted, each once) as CSS unicode ranges.
    static func ranges(_ scalars: [Unicode.Scalar]) -> String {
        var parts: [String] = []
        var index = 0
        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
        while index < scalars.count {
            var end = index
            while end + 1 < scalars.count, scalars[end + 1].value == scalars[end].value + 1 { end += 1 }
            parts.append(end == index ? "U+\(hex(scalars[index].value))" : "U+\(hex(scalars[index].value))-\(hex(scalars[end].value))")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}

/// Base64 (RFC 4648, with padding), for `data:` URLs.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], alphabet[Int(value & 63)]]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let value = UInt32(bytes[index]) << 16
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: output, as: UTF8.self)
    }
}
