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
        let graph = try Fixtures.graph(
            """
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

    @Test("accents are ignored on Latin letters only: Cyrillic й is not и")
    func accentsOnlyInLatin() throws {
        let graph = try Fixtures.graph(
            """
            relgraph: 1
            nodes:
              - {id: moi, kind: actor, label: "Мои"}
              - {id: moy, kind: actor, label: "Мой"}
            """)
        let index = SearchIndex(graph)
        #expect(index.search("Мой").map { graph.id(ofNode: $0.node) }.first == "moy")
        #expect(index.search("Мой").first?.rank == .exact)
        #expect(index.search("Мой").first { graph.id(ofNode: $0.node) == "moi" }?.rank != .exact)
    }

    @Test("--kind and --limit narrow the answer; ties go by id")
    func filters() {
        #expect(ids("putin", kinds: [.actor]) == ["vladimir-putin"])
        #expect(ids("putin", limit: 1) == ["putin-visit-2000"])
    }

    @Test("a swap of two neighbouring letters is one edit: yelstin finds Yeltsin")
    func transposition() {
        let matches = index.search("yelstin")
        #expect(matches.map { graph.id(ofNode: $0.node) } == ["boris-yeltsin", "yeltsin-visit-1993"])
        #expect(matches.allSatisfy { $0.rank == .similar })
    }

    @Test("typos are forgiven in Hindi too: व्लादमीर finds व्लादिमीर पुतिन")
    func hindiTypo() {
        let matches = index.search("व्लादमीर")
        #expect(matches.map { graph.id(ofNode: $0.node) } == ["vladimir-putin"])
        #expect(matches.first?.matched == "व्लादिमीर पुतिन")
    }

    /// Four nodes whose labels are `alpha` and three typos of it, ids in the opposite order.
    static func alphas() throws -> Graph {
        try Fixtures.graph(
            """
            relgraph: 1
            nodes:
              - {id: n3, kind: actor, label: alpha}
              - {id: n2, kind: actor, label: lapha}
              - {id: n1, kind: actor, label: alphx}
              - {id: n0, kind: treaty, label: "beta alpah"}
            """)
    }

    @Test("typos fill the places the better ranks leave, by id")
    func typosFillPlacesByID() throws {
        let graph = try SearchTests.alphas()
        let index = SearchIndex(graph)
        func ids(limit: Int?, kinds: Set<NodeKind>? = nil) -> [String] {
            index.search("alpha", kinds: kinds, limit: limit).map { graph.id(ofNode: $0.node) }
        }
        #expect(ids(limit: nil) == ["n3", "n0", "n1", "n2"])
        #expect(ids(limit: 2) == ["n3", "n0"])
        #expect(ids(limit: 3) == ["n3", "n0", "n1"])
        #expect(ids(limit: 2, kinds: [.actor]) == ["n3", "n1"])
    }

    @Test("a query shorter than three bytes still finds substrings")
    func shortSubstring() throws {
        let graph = try SearchTests.alphas()
        let matches = SearchIndex(graph).search("ph")
        #expect(matches.map { graph.id(ofNode: $0.node) } == ["n1", "n2", "n3"])
        #expect(matches.allSatisfy { $0.rank == .substring })
    }
}

/// Contract §4's last tier, word by word.
@Suite("Search: each word forgiven")
struct WordByWordSearchTests {
    static func graph() throws -> Graph {
        try Fixtures.graph(
            """
            relgraph: 1
            nodes:
              - {id: xi, kind: actor, label: Xi Jinping}
              - {id: vdl, kind: actor, label: Ursula von der Leyen}
              - {id: der, kind: actor, label: Der Spiegel}
            """)
    }

    func ids(_ text: String) throws -> [String] {
        let graph = try Self.graph()
        return SearchIndex(graph).search(text).map { graph.id(ofNode: $0.node) }
    }

    @Test("a mistyped second word is forgiven: Xi Jingping finds Xi Jinping")
    func secondWordMistyped() throws {
        #expect(try ids("Xi Jingping") == ["xi"])
    }

    @Test("words may come in any order and skip words between: Leyen Ursula finds Ursula von der Leyen")
    func anyOrder() throws {
        #expect(try ids("Leyen Ursula") == ["vdl"])
    }

    @Test("each query word needs a word of its own: der der does not find von der Leyen")
    func wordsAreNotShared() throws {
        #expect(try ids("der der").isEmpty)
    }

    @Test("a short query word is not forgiven a typo: Xa Jinping finds nothing")
    func shortWordsNeedTheirStart() throws {
        #expect(try ids("Xa Jinping").isEmpty)
    }

    @Test("a query word may be the start of a word: urs von leyen finds Ursula von der Leyen")
    func wordStarts() throws {
        #expect(try ids("urs von leyen") == ["vdl"])
    }
}
