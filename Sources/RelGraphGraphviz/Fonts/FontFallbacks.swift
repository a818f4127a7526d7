import CFontTools

/// One installed font face: its file, its face in the file (a collection holds several) and
/// its family name, as fontconfig knows it.
struct FontFace: Hashable, Sendable {
    var path: String
    var index: Int
    var family: String
}

/// The fonts fontconfig tries, best first, for text in one family and weight (what Pango, and
/// so Graphviz's PNG and PDF, falls back through), and which of them draws each character.
///
/// Owns fontconfig's sorted font set and the union of the fonts' characters, freed on deinit.
/// fontconfig (2.13 and later) is safe to call from any thread; this handle is used by one.
final class FontFallbacks {
    private let config: OpaquePointer
    private let fonts: UnsafeMutablePointer<FcFontSet>
    private let union: OpaquePointer
    /// The family asked for: among the fonts that draw a character, the first of that
    /// family's own (Noto Sans → Noto Sans Arabic, Noto Sans CJK SC) is preferred.
    let family: String

    /// The fallbacks for `family`, regular or bold, for text in `language` (a BCP 47 tag; it
    /// orders fonts for characters several scripts share, such as Han). Nil when fontconfig
    /// finds no configuration or no fonts.
    init?(family: String, bold: Bool = false, language: String? = nil) {
        guard let config = FcConfigReference(nil) else { return nil }
        guard let pattern = FcPatternCreate() else { FcConfigDestroy(config); return nil }
        defer { FcPatternDestroy(pattern) }
        _ = Self.withFcString(family) { FcPatternAddString(pattern, FC_FAMILY, $0) }
        _ = FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR)
        if let language = language.map(Self.fontconfigLanguage), !language.isEmpty {
            _ = Self.withFcString(language) { FcPatternAddString(pattern, FC_LANG, $0) }
        }
        _ = FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var charset: OpaquePointer?
        var result = FcResultMatch
        guard let fonts = FcFontSort(config, pattern, FcTrue, &charset, &result) else {
            if let charset { FcCharSetDestroy(charset) }
            FcConfigDestroy(config)
            return nil
        }
        guard let charset, fonts.pointee.nfont > 0 else {
            FcFontSetDestroy(fonts)
            if let charset { FcCharSetDestroy(charset) }
            FcConfigDestroy(config)
            return nil
        }
        self.config = config
        self.fonts = fonts
        self.union = charset
        self.family = family
    }

    deinit {
        FcFontSetDestroy(fonts)
        FcCharSetDestroy(union)
        FcConfigDestroy(config)
    }

    /// Whether any of the fonts draws `scalar`.
    func covers(_ scalar: Unicode.Scalar) -> Bool {
        FcCharSetHasChar(union, scalar.value) != 0
    }

    /// How many fonts there are to fall back through.
    var count: Int { Int(fonts.pointee.nfont) }

    /// The face at `position` (0 ..< ``count``).
    func face(at position: Int) -> FontFace? {
        precondition(position >= 0 && position < count, "a font position within the set")
        guard let pattern = fonts.pointee.fonts[position] else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        var index: Int32 = 0
        if FcPatternGetInteger(pattern, FC_INDEX, 0, &index) != FcResultMatch { index = 0 }
        var name: UnsafeMutablePointer<FcChar8>?
        let family = FcPatternGetString(pattern, FC_FAMILY, 0, &name) == FcResultMatch ? name.map { String(cString: $0) } ?? "" : ""
        return FontFace(path: String(cString: file), index: Int(index), family: family)
    }

    /// Whether the face at `position` draws `scalar`.
    func face(at position: Int, draws scalar: Unicode.Scalar) -> Bool {
        precondition(position >= 0 && position < count, "a font position within the set")
        guard let pattern = fonts.pointee.fonts[position] else { return false }
        var charset: OpaquePointer?
        guard FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch, let charset else { return false }
        return FcCharSetHasChar(charset, scalar.value) != 0
    }

    /// The position of the face that draws `scalar`: the first of the family's own that has
    /// it, else the first that has it; nil when none does.
    func position(drawing scalar: Unicode.Scalar) -> Int? {
        candidates(drawing: scalar).first
    }

    /// The faces that draw `scalar`, best first: the family's own in fontconfig's order, else
    /// the first other that has it.
    func candidates(drawing scalar: Unicode.Scalar) -> [Int] {
        guard covers(scalar) else { return [] }
        var own: [Int] = [], first: Int?
        for position in 0..<count where face(at: position, draws: scalar) {
            if face(at: position)?.family.hasPrefix(family) == true { own.append(position) } else if first == nil { first = position }
        }
        return own.isEmpty ? first.map { [$0] } ?? [] : own
    }

    /// Each of `scalars` (sorted) to the face that draws it, so that a text's characters keep
    /// to few faces: first each to its best face; then punctuation and symbols several faces
    /// draw (an Arabic comma, a danda, an arrow) to the one of them the most characters went
    /// to, as Pango keeps them with the script around them. Characters no face draws are left out.
    func assign(_ scalars: [Unicode.Scalar]) -> [Int: [Unicode.Scalar]] {
        let options = scalars.map { candidates(drawing: $0) }
        var used: [Int: Int] = [:]
        for option in options { if let best = option.first { used[best, default: 0] += 1 } }
        var assigned: [Int: [Unicode.Scalar]] = [:]
        for (scalar, option) in zip(scalars, options) {
            guard var best = option.first else { continue }
            // The family's base face keeps what it draws (Latin text's dashes and quotes).
            if Self.shared(scalar), face(at: best)?.family != family {
                for position in option where used[position, default: 0] > used[best, default: 0] { best = position }
            }
            assigned[best, default: []].append(scalar)
        }
        return assigned
    }

    /// Punctuation, symbols and joiners beyond ASCII: characters several scripts use, which
    /// go with the face the text around them takes.
    static func shared(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .format:
            return true
        default:
            return false
        }
    }

    /// A BCP 47 tag as fontconfig names languages: lower case, Chinese by its written form
    /// (`zh` and `zh-Hans` simplified, `zh-Hant`, `zh-TW` and `zh-HK` traditional).
    static func fontconfigLanguage(_ tag: String) -> String {
        let tag = tag.lowercased().replacingOccurrences(of: "_", with: "-")
        guard tag == "zh" || tag.hasPrefix("zh-") else { return tag }
        if tag.contains("hant") || tag.hasSuffix("-tw") { return "zh-tw" }
        if tag.hasSuffix("-hk") || tag.hasSuffix("-mo") { return "zh-hk" }
        return "zh-cn"
    }

    private static func withFcString<R>(_ text: String, _ body: (UnsafePointer<FcChar8>) -> R) -> R {
        text.withCString { $0.withMemoryRebound(to: FcChar8.self, capacity: text.utf8.count + 1, body) }
    }
}
