import RelGraphCore

extension DocumentDecoder {
    /// The `ui:` block (contract §1): a map of language codes to maps of ``UIWord`` keys to
    /// texts, `ui: {fr: {since: depuis, legend: Légende}}`. Unknown words are reported with
    /// the nearest known one, like unknown keys anywhere else.
    mutating func uiWords(_ start: Token) throws(ReadError) -> UIWords? {
        guard try expectMapping(start, key: "ui") else { return nil }
        var words = UIWords()
        var languages: [String: TextPosition] = [:]
        var valid = true
        while true {
            let languageToken = try nextToken()
            if languageToken.kind == .mappingEnd { break }
            let table = try nextToken()
            guard languageToken.kind == .scalar, LanguageCode.isValid(languageToken.text) else {
                report(
                    .graph(.invalidLanguage(languageToken.kind == .scalar ? languageToken.text : languageToken.shapeDescription), first: nil),
                    at: languageToken.position)
                try skip(languageToken)
                try skip(table)
                valid = false
                continue
            }
            let language = languageToken.text
            if let first = languages[language] {
                report(.duplicateKey(language, first: first), at: languageToken.position)
                try skip(table)
                valid = false
                continue
            }
            languages[language] = languageToken.position
            guard try expectMapping(table, key: "ui.\(language)") else { valid = false; continue }
            var seen: [UIWord: TextPosition] = [:]
            while true {
                let keyToken = try nextToken()
                if keyToken.kind == .mappingEnd { break }
                let value = try nextToken()
                guard keyToken.kind == .scalar, let word = UIWord(rawValue: keyToken.text) else {
                    let names = UIWord.allCases.map(\.rawValue)
                    let key = keyToken.kind == .scalar ? keyToken.text : keyToken.shapeDescription
                    report(
                        .unknownKey(key, in: "ui.\(language)", suggestion: NearestName(candidates: names).nearest(to: key), allowed: names),
                        at: keyToken.position)
                    if keyToken.kind != .scalar { try skip(keyToken) }
                    try skip(value)
                    valid = false
                    continue
                }
                if let first = seen[word] {
                    report(.duplicateKey(keyToken.text, first: first), at: keyToken.position)
                    try skip(value)
                    valid = false
                    continue
                }
                seen[word] = keyToken.position
                let field = "ui.\(language).\(word.rawValue)"
                guard let text = try scalar(value, key: field) else { valid = false; continue }
                do throws(GraphError) {
                    try GraphBuilder.checkUIText(text, for: word, in: language)
                } catch {
                    report(.graph(error, first: nil), at: value.position)
                    valid = false
                    continue
                }
                words[language, word] = text
            }
        }
        return valid ? words : nil
    }
}
