import RelGraph
import RelGraphTestSupport
import Testing

extension SearchCase: CustomTestStringConvertible {
    public var testDescription: String { description }
}

/// The shared search cases (`Tests/Fixtures/search/cases.json`) against the library's index;
/// the same file runs against `relgraph search` and the page's search box in Chromium.
@Suite("Shared search cases: the library")
struct SharedSearchCasesTests {
    static let graph: Graph = {
        do { return try Graph(contentsOf: SearchCase.graphPath) } catch { fatalError("the search cases' graph must load: \(error)") }
    }()
    static let index = SearchIndex(graph)

    @Test("the index finds each case's nodes in order, each at its rank", arguments: SearchCase.all)
    func searchCase(_ searchCase: SearchCase) {
        let found = Self.index.search(searchCase.query).map { SearchCase.Hit(id: Self.graph.id(ofNode: $0.node), rank: $0.rank.description) }
        #expect(found == searchCase.found)
    }

    @Test("the cases reach every rank, and queries of several words with typos")
    func casesCoverEveryRank() {
        let ranks = Set(SearchCase.all.flatMap { $0.found.map(\.rank) })
        #expect(ranks == ["exact", "prefix", "word prefix", "substring", "similar"])
        #expect(SearchCase.all.contains { $0.query.split(separator: " ").count >= 3 && $0.found.first?.rank == "similar" })
        #expect(SearchCase.all.contains { $0.found.isEmpty })
    }
}
