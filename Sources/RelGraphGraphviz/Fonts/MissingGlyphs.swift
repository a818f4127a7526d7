import RelGraphInterchange

/// Text in a drawing that no installed font draws: it would come out as empty boxes. A
/// warning, not an error: the drawing is made, and the rest of it reads.
public struct MissingGlyphs: Sendable, Hashable, CustomStringConvertible {
    /// The text (a label, a title, a legend's entry) as drawn.
    public var text: String
    /// Its characters that no installed font has, each once, in the order they occur.
    public var characters: String
    /// A Debian package whose fonts draw them.
    public var fontPackage: String

    public var description: String {
        "no installed font draws \(characters.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(4) }.joined(separator: " ")) (\(characters)) in \"\(text)\"; fonts that do: \(fontPackage)"
    }

    /// The texts of `texts` with characters that none of `fonts` draws.
    static func find(in texts: [String], fonts: FontFallbacks) -> [MissingGlyphs] {
        var found: [MissingGlyphs] = []
        var seen = Set<String>()
        for text in texts where seen.insert(text).inserted {
            var missing: [Unicode.Scalar] = []
            for scalar in text.unicodeScalars where !Self.invisible(scalar) && !fonts.covers(scalar) && !missing.contains(scalar) {
                missing.append(scalar)
            }
            guard !missing.isEmpty else { continue }
            var characters = ""
            characters.unicodeScalars.append(contentsOf: missing)
            found.append(MissingGlyphs(text: text, characters: characters, fontPackage: fontPackage(for: missing)))
        }
        return found
    }

    /// Characters no font needs to draw: controls, spaces and format marks (joiners,
    /// direction marks), which shaping uses and nobody sees.
    static func invisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The Debian package of Noto fonts for `scalars`: CJK (Han, kana, Hangul, their
    /// punctuation and full-width forms), emoji, else the core set (every living script's
    /// Noto Sans and Serif: Arabic, Hebrew, Thai, Devanagari, …).
    static func fontPackage(for scalars: [Unicode.Scalar]) -> String {
        func within(_ ranges: [ClosedRange<UInt32>]) -> Bool { scalars.contains { s in ranges.contains { $0.contains(s.value) } } }
        if within([
            0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x30FF, 0x3100...0x31FF, 0x3200...0x9FFF, 0xA960...0xA97F,
            0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3134F,
        ]) {
            return "fonts-noto-cjk"
        }
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return "fonts-noto-color-emoji" }
        return "fonts-noto-core"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// The texts a drawing's DOT draws: the values of its `label`, `xlabel`, `headlabel` and
/// `taillabel` attributes (and RelGraph's own labels placed after layout), as plain strings
/// (escapes and character references read) or HTML labels (each run of text between tags),
/// and its `fontname`s.
struct DrawnTexts {
    var texts: [String] = []
    var fontNames: [String] = []

    /// - Complexity: O(size of `dot`).
    init(dot: String) {
        let names: Set<String> = ["label", "xlabel", "headlabel", "taillabel", ExternalEdgeLabels.attribute]
        // DOT's tokens: names and values, quoted or not, HTML strings, and the `=` between them.
        enum Token: Equatable { case text(String), html(String), equals, other }
        var tokens: [Token] = []
        let bytes = Array(dot.utf8)
        var index = 0
        func isName(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || (byte >= 0x30 && byte <= 0x39)
                || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let close = Self.skipQuoted(bytes, from: index)
                tokens.append(.text(Self.unquoted(String(decoding: bytes[(index + 1)..<max(index + 1, close - 1)], as: UTF8.self))))
                index = close
            } else if byte == UInt8(ascii: "<") {
                var depth = 0, close = index
                repeat {
                    if bytes[close] == UInt8(ascii: "<") { depth += 1 }
                    if bytes[close] == UInt8(ascii: ">") { depth -= 1 }
                    close += 1
                } while depth > 0 && close < bytes.count
                tokens.append(.html(String(decoding: bytes[(index + 1)..<max(index + 1, close - 1)], as: UTF8.self)))
                index = close
            } else if isName(byte) {
                var end = index
                while end < bytes.count, isName(bytes[end]) { end += 1 }
                tokens.append(.text(String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
            } else {
                if byte == UInt8(ascii: "=") { tokens.append(.equals) } else if byte > 0x20 { tokens.append(.other) }
                index += 1
            }
        }
        for position in tokens.indices.dropLast(2) {
            guard case .text(let name) = tokens[position], tokens[position + 1] == .equals else { continue }
            switch tokens[position + 2] {
            case .text(let value) where name == "fontname":
                if !fontNames.contains(value) { fontNames.append(value) }
            case .text(let value) where names.contains(name) && !["\\N", "\\E", "\\G", "\\T", "\\H"].contains(value):
                texts += XMLText.unescaped(value).split(whereSeparator: \.isNewline).map(String.init)
            case .html(let value) where names.contains(name):
                texts += Self.htmlTexts(value)
            default:
                break
            }
        }
        texts = texts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    private static func skipQuoted(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
            index += 1
        }
        return bytes.count
    }

    /// A quoted DOT string's text: `\"` and `\\` read, `\n`, `\l`, `\r` as line breaks, a
    /// backslash-newline continuation dropped.
    private static func unquoted(_ raw: String) -> String {
        var output = ""
        var escaped = false
        for character in raw {
            if escaped {
                switch character {
                case "n", "l", "r": output += "\n"
                case "\n": break
                case "N", "E", "G", "T", "H": output += "\\" + String(character)
                default: output.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                output.append(character)
            }
        }
        return output
    }

    /// The runs of text between an HTML label's tags, character references read.
    private static func htmlTexts(_ html: String) -> [String] {
        var texts: [String] = [], current = "", inTag = false
        for character in html {
            if character == "<" { inTag = true; if !current.isEmpty { texts.append(current); current = "" }; continue }
            if character == ">" { inTag = false; continue }
            if !inTag { current.append(character) }
        }
        if !current.isEmpty { texts.append(current) }
        return texts.map(XMLText.unescaped)
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
