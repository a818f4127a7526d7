/// Translations of the words RelGraph writes (``UIWord``), by language: the built-in table
/// (``builtIn``), or a document's own `ui:` block, which goes over it.
///
/// ```swift
/// let words = graph.uiWords.wording(in: "fr")
/// words.phrase(.since, "2021")   // "depuis 2021"
/// ```
public struct UIWords: Hashable, Sendable {
    /// `tables[language][word]`: the text of `word` in `language`.
    public private(set) var tables: [String: [UIWord: String]]

    public init(_ tables: [String: [UIWord: String]] = [:]) {
        self.tables = tables.filter { !$0.value.isEmpty }
    }

    /// Whether no language has any text.
    public var isEmpty: Bool { tables.isEmpty }

    /// The languages that have texts, in Unicode scalar order.
    public var languages: [String] { tables.keys.sorted { $0.precedesInScalarOrder($1) } }

    /// The text of `word` in exactly `language`, if given.
    public subscript(language: String, word: UIWord) -> String? {
        get { tables[language]?[word] }
        set {
            tables[language, default: [:]][word] = newValue
            if tables[language]?.isEmpty == true { tables[language] = nil }
        }
    }

    /// The words for `language`: these texts over the built-in ones, each word falling back
    /// from the language (`zh-Hant`) to its base language (`zh`), then to English.
    ///
    /// - Complexity: O(1); each lookup then tries at most six tables.
    public func wording(in language: String) -> Wording {
        Wording(language: language, document: self)
    }

    /// Whether a phrase's text marks its values right: `{}` once per value the word takes,
    /// or not at all (a word written before the values). A message when it does not.
    public static func problem(with text: String, for word: UIWord) -> String? {
        guard word.valueCount > 0 else { return nil }
        let marks = text.components(separatedBy: "{}").count - 1
        guard marks != 0, marks != word.valueCount else { return nil }
        let values = word.valueCount == 1 ? "one value" : "\(word.valueCount) values"
        return "'\(word.rawValue)' takes \(values), each marked {} where it goes (or none, for a word written before them); this text has \(marks)"
    }

    /// The languages written right to left (by their base code).
    static let rightToLeft: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"]

    /// Whether `language` (a code such as `ar` or `fa-IR`) is written right to left.
    public static func isRightToLeft(_ language: String) -> Bool {
        rightToLeft.contains(baseLanguage(of: language))
    }

    /// `zh` for `zh-Hant` or `zh_TW`; the code itself when it has no region or script.
    static func baseLanguage(of language: String) -> String {
        String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }
}
