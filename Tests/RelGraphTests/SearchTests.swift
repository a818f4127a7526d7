import RelGraph
import RelGraphTestSupport
import Testing

/// Contract §4: search ids and labels in every language, ranked.
@Suite("Search")
struct SearchTests {
    let graph = Fixtures.indiaRussia
    var index: SearchIndex { SearchIndex(graph) }

    func ids(_ text: String, limit: Int? = nil, kinds: Set<NodeKind>? = nil) -> [String] {
        index.search(text, kinds: kinds, limit: limit).map { graph.id(ofNode: $0.node) }
    }

    @Test("a first name finds its person: boris")
    func firstName() {
        #expect(ids("boris") == ["boris-yeltsin"])
    }

    @Test("Putin finds the president and his visits, prefixes before word prefixes")
    func putin() {
        let matches = index.search("Putin")
        #expect(matches.map { graph.id(ofNode: $0.node) } == ["putin-visit-2000", "putin-visit-2021", "vladimir-putin"])
        #expect(matches.map(\.rank) == [.prefix, .prefix, .wordPrefix])
    }

    @Test("Hindi finds the same nodes: पुतिन")
    func hindi() {
        let matches = index.search("पुतिन")
        #expect(Set(matches.map { graph.id(ofNode: $0.node) }) == ["putin-visit-2000", "putin-visit-2021", "vladimir-putin"])
        #expect(matches.last?.matched == "व्लादिमीर पुतिन")
    }

    @Test("an exact id or label ranks first, case ignored")
    func exact() {
        let matches = index.search("INDIA")
        #expect(matches.first.map { graph.id(ofNode: $0.node) } == "india")
        #expect(matches.first?.rank == .exact)
    }

    @Test("substrings, then typos within two edits of a word")
    func substringsAndTypos() {
        #expect(index.search("kulam").first?.rank == .substring)
        let typo = index.search("yeltsn")
        #expect(typo.map { graph.id(ofNode: $0.node) }.contains("boris-yeltsin"))
        #expect(typo.allSatisfy { $0.rank == .similar })
        #expect(index.search("xyzzy").isEmpty)
    }

    @Test("Latin accents and normalisation forms are ignored")
    func accents() throws {
        let graph = try Fixtures.graph("""
            relgraph: 1
            nodes:
              - {id: eva, kind: actor, label: "Éva Szabó"}
              - {id: jose, kind: actor, label: "Jose\\u0301 Martí"}
            """)
        let index = SearchIndex(graph)
        #expect(index.search("eva szabo").map { graph.id(ofNode: $0.node) } == ["eva"])
        #expect(index.search("josé").map { graph.id(ofNode: $0.node) } == ["jose"])
        #expect(index.search("MARTI").first?.rank == .wordPrefix)
    }

    @Test("--kind and --limit narrow the answer; ties go by id")
    func filters() {
        #expect(ids("putin", kinds: [.actor]) == ["vladimir-putin"])
        #expect(ids("putin", limit: 1) == ["putin-visit-2000"])
    }
}
