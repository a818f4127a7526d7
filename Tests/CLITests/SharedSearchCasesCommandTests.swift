import Foundation
import RelGraphTestSupport
import Testing

extension SearchCase: CustomTestStringConvertible {
    public var testDescription: String { description }
}

/// The shared search cases (`Tests/Fixtures/search/cases.json`) through `relgraph search`.
@Suite("Shared search cases: relgraph search")
struct SharedSearchCasesCommandTests {
    @Test("relgraph search --json lists each case's nodes in order, or exits 1 when none", arguments: SearchCase.all)
    func searchCase(_ searchCase: SearchCase) throws {
        let result = try RelGraphCLI.run("search", SearchCase.graphPath, searchCase.query, "--json")
        let nodes = (result.json as? [String: Any])?["nodes"] as? [[String: Any]] ?? []
        #expect(nodes.compactMap { $0["id"] as? String } == searchCase.found.map(\.id))
        #expect(result.status == (searchCase.found.isEmpty ? 1 : 0))
    }
}
