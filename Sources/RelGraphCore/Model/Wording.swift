/// The words RelGraph writes, resolved for one language: a document's `ui:` texts over the
/// built-in table, each word falling back from the language to its base language, then to
/// English (the document's English first, then the built-in).
public struct Wording: Sendable {
    /// The language asked for.
    public let language: String
    /// The tables to try, best first.
    private let chain: [[UIWord: String]]

    init(language: String, document: UIWords) {
        self.language = language
        var languages = [language]
        let base = UIWords.baseLanguage(of: language)
        if base != language { languages.append(base) }
        if !languages.contains("en") { languages.append("en") }
        var chain: [[UIWord: String]] = []
        for code in languages {
            if let own = document.tables[code] { chain.append(own) }
            if let builtIn = UIWords.builtIn.tables[code] { chain.append(builtIn) }
        }
        self.chain = chain
    }

    /// The built-in words for `language`.
    public init(language: String) {
        self.init(language: language, document: UIWords())
    }

    /// The text of `word` (a phrase with its `{}` marks unfilled).
    public subscript(word: UIWord) -> String {
        for table in chain { if let text = table[word] { return text } }
        return word.rawValue
    }

    /// `word` with `values` put in its `{}` marks, in order; a text without marks is followed
    /// by the values.
    ///
    /// - Complexity: O(length of the text and the values).
    public func phrase(_ word: UIWord, _ values: String...) -> String {
        let text = self[word]
        guard !values.isEmpty else { return text }
        let pieces = text.components(separatedBy: "{}")
        guard pieces.count > 1 else { return ([text] + values).joined(separator: " ") }
        var output = pieces[0]
        for (index, piece) in pieces.dropFirst().enumerated() {
            output += index < values.count ? values[index] : ""
            output += piece
        }
        return output
    }

    /// The items joined by the language's list separator (`, `, Chinese `、`, Arabic `، `).
    public func list(_ items: [String]) -> String {
        items.joined(separator: self[.listSeparator])
    }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu…).
    public var isRightToLeft: Bool { UIWords.isRightToLeft(language) }

    /// The name of a built-in kind, or nil for a kind a document declares.
    public func kindName(_ kind: NodeKind) -> String? {
        UIWord.kindName(kind).map { self[$0] }
    }
}
