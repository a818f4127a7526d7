import Foundation
import RelGraph
import Testing

/// The words RelGraph writes: one table of translations, built in for seven languages, and a
/// document's `ui:` block over it (contract §1).
@Suite("Words RelGraph writes, in every language")
struct UIWordsTests {
    static let languages = ["en", "hi", "zh", "fr", "ru", "es", "ar"]

    @Test("every built-in language has every word, each phrase marking its values", arguments: languages)
    func builtInTablesAreComplete(language: String) throws {
        let table = try #require(UIWords.builtIn.tables[language])
        #expect(Set(table.keys) == Set(UIWord.allCases), "missing: \(Set(UIWord.allCases).subtracting(table.keys).map(\.rawValue))")
        for (word, text) in table {
            #expect(!text.isEmpty)
            let marks = text.components(separatedBy: "{}").count - 1
            #expect(marks == word.valueCount, "\(language).\(word.rawValue): \(text)")
        }
    }

    @Test("no two built-in languages but English share a sentence: each is translated")
    func tablesAreTranslated() {
        let english = UIWords.builtIn.tables["en"]!
        for language in Self.languages where language != "en" {
            let table = UIWords.builtIn.tables[language]!
            let same = [UIWord.noteSymmetric, .noteDates, .noteStyles, .noteElsewhere, .hint, .noPath].filter { table[$0] == english[$0] }
            #expect(same.isEmpty, "\(language): \(same)")
        }
    }

    @Test("a phrase takes its values where its marks are, and a bare word goes before them")
    func phrases() {
        #expect(Wording(language: "en").phrase(.since, "2021") == "since 2021")
        #expect(Wording(language: "hi").phrase(.since, "2021") == "2021 से")
        #expect(Wording(language: "zh").phrase(.since, "2021") == "自2021起")
        #expect(Wording(language: "en").phrase(.pathShown, "A", "B") == "path: A → B")
        var own = UIWords()
        own["fr", .since] = "depuis"
        #expect(own.wording(in: "fr").phrase(.since, "2021") == "depuis 2021")
    }

    @Test("a language falls back to its base language, then to English, word by word")
    func fallback() {
        #expect(Wording(language: "zh-Hans")[.legend] == "图例")
        #expect(Wording(language: "fr-CA")[.legend] == "Légende")
        #expect(Wording(language: "ja")[.legend] == "Legend")
        var own = UIWords()
        own["en", .legend] = "Key"
        #expect(own.wording(in: "ja")[.legend] == "Key", "the document's English goes before the built-in English")
        #expect(own.wording(in: "fr")[.legend] == "Légende", "the built-in French goes before the document's English")
    }

    @Test("Arabic, Hebrew, Persian and Urdu are written right to left; the others left to right")
    func direction() {
        for language in ["ar", "he", "fa-IR", "ur"] { #expect(UIWords.isRightToLeft(language), "\(language)") }
        for language in ["en", "zh", "hi", "ru", "ja"] { #expect(!UIWords.isRightToLeft(language), "\(language)") }
    }

    @Test("a document's ui block overrides and extends the built-in words")
    func documentWords() throws {
        let graph = try GraphDocument.decode(
            """
            relgraph: 1
            ui:
              fr: {since: depuis le, legend: Légende du graphe}
              de: {legend: Legende, until: "bis {}", actor: Akteur}
            nodes: [{id: a, kind: actor}]
            """, syntax: .yaml)
        #expect(graph.words(in: "fr")[.legend] == "Légende du graphe")
        #expect(graph.timingText(.between(start: try PartialDate(year: 2003), end: nil), in: "fr") == "depuis le 2003")
        #expect(graph.words(in: "fr")[.kinds] == "Types", "words the block leaves out stay built in")
        #expect(graph.timingText(.between(start: nil, end: try PartialDate(year: 2020)), in: "de") == "bis 2020")
        #expect(graph.kindLabel(.actor, in: "de") == "Akteur")
        #expect(graph.kindLabel(.actor, in: "ru") == "участник")
    }

    @Test("a ui block survives YAML and JSON export and import")
    func roundTrip() throws {
        let graph = try GraphDocument.decode(
            "relgraph: 1\nui: {fr: {legend: Légende}, de: {since: \"seit {}\"}}\nnodes: [{id: a, kind: actor}]\n", syntax: .yaml)
        for syntax in [GraphDocument.Syntax.yaml, .json] {
            var text = ""
            DocumentWriter(syntax: syntax).write(graph, to: &text)
            #expect(try GraphDocument.decode(text, syntax: syntax) == graph, "\(syntax): \(text)")
        }
    }

    @Test("an unknown word, a bad language and a phrase with the wrong marks are located errors")
    func badBlocks() throws {
        let text = """
            relgraph: 1
            ui:
              fr: {lgend: Légende, pathShown: "de {}"}
              "x y": {legend: L}
              es: {legend: ""}
            """
        let error = try #require(throws: DocumentError.self) { try GraphDocument.decode(text, syntax: .yaml, fileName: "ui.yaml") }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("ui.yaml:3:8: error: unknown key 'lgend' in ui.fr; did you mean 'legend'?") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("ui.yaml:3:35:") && $0.contains("'pathShown' takes 2 values") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("ui.yaml:4:3:") && $0.contains("not a language code") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("ui.yaml:5:16:") && $0.contains("'ui.es.legend' is empty") }, "\(lines)")
    }
}
