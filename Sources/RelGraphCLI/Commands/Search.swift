import ArgumentParser
import RelGraph

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find nodes by id or label, in any language.",
        discussion: """
            Case, Unicode normalisation and Latin accents are ignored. Exact matches come first, then
            prefixes of the whole text, prefixes of a word, substrings, and (for 4+ characters) texts
            whose words each word of TEXT begins or, for words of 4+ characters, is within 2 typing
            mistakes of, in any order ("Xi Jingping", "von der Layen"); ties by id. Exit 1 when
            nothing matches.
            """)

    @OptionGroup var input: GraphFileOptions
    @Argument(help: "What to look for.") var text: String
    @Option(name: .customLong("kind"), help: "Keep only nodes of this kind (repeatable).") var kinds: [String] = []
    @Option(help: "At most this many nodes.") var limit = 20
    @OptionGroup var time: AsOfOptions
    @Flag(help: "Only exact matches (the id or a label, whole, ignoring case, normalisation and Latin accents): what --engine spark answers.")
    var exact = false
    @OptionGroup var answer: AnswerOptions
    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try engine.delegateIfAsked()
        try CommandFailure.reporting(progress: input.progress) {
            let graph = try input.load()
            let kinds = kinds.isEmpty ? nil : Set(try Vocabulary.kinds(self.kinds, in: graph))
            // Exact matches rank first, so the exact ones among the best `limit` are the first
            // `limit` exact matches.
            let ranked = SearchIndex(graph).search(text, kinds: kinds, in: time.asOf == nil ? nil : time.view(of: graph), limit: limit)
            let matches = exact ? ranked.filter { $0.rank == .exact } : ranked
            let (json, lang) = (answer.json, answer.lang)
            if json {
                Console.output(QueryJSON.search(matches, query: text, in: graph, language: lang))
            } else if !matches.isEmpty {
                var table = Table(header: ["ID", "LABEL", "KIND", "MATCH", "MATCHED"])
                for match in matches {
                    table.append([
                        graph.id(ofNode: match.node), graph.displayName(ofNode: match.node, in: lang),
                        graph.kindLabel(graph.kind(ofNode: match.node), in: lang), match.rank.description, match.matched,
                    ])
                }
                Console.output(table.rendered)
            }
            if matches.isEmpty {
                throw CommandFailure(json ? "" : "no node's id or label matches '\(text)'", code: CommandFailure.nothingFound)
            }
        }
    }
}
