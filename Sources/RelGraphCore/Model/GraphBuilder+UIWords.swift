extension GraphBuilder {
    /// Sets the document's own words (its `ui:` block): each language a language code, each
    /// text non-empty, free of control characters, and marking the values its word takes.
    public mutating func setUIWords(_ words: UIWords) throws(GraphError) {
        for (language, table) in words.tables {
            for (word, text) in table { try Self.checkUIText(text, for: word, in: language) }
        }
        storage.uiWords = words
    }

    /// What ``setUIWords(_:)`` checks of one text.
    package static func checkUIText(_ text: String, for word: UIWord, in language: String) throws(GraphError) {
        guard LanguageCode.isValid(language) else { throw .invalidLanguage(language) }
        let field = "ui.\(language).\(word.rawValue)"
        guard !text.isEmpty else { throw .emptyText(field: field) }
        if let control = ControlCharacters.first(in: text) { throw .controlCharacter(control, field: field) }
        if let problem = UIWords.problem(with: text, for: word) { throw .invalidUIText(problem) }
    }
}
