import Foundation
import RelGraphTestSupport
import Testing

/// The shared search cases (`Tests/Fixtures/search/cases.json`) typed into the page's search box
/// in headless Chromium: the page must list what `relgraph search` lists, ranked the same.
@Suite("Shared search cases: the page in Chromium", .serialized)
struct PageSearchBrowserTests {
    @Test("the page's search box answers every shared case as relgraph search does")
    func everyCase() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let page = folder.appendingPathComponent("eu-china.html").path
        let render = try RelGraphCLI.run("render", SearchCase.graphPath, "-o", page)
        try #require(render.status == 0, "\(render.errors)")
        let script = try String(contentsOf: Fixtures.root.appendingPathComponent("Tests/Browser/search_cases.py"), encoding: .utf8)
        let screenshot = PageBrowser.screenshots.appendingPathComponent("search-cases.png").path
        let output = try Python.run(script, arguments: [page, SearchCase.folder.appendingPathComponent("cases.json").path, screenshot])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let results = report["results"] as? [[[String]]] ?? []
        try #require(results.count == SearchCase.all.count)
        for (searchCase, listed) in zip(SearchCase.all, results) {
            let hits = listed.map { SearchCase.Hit(id: $0[0], rank: $0[1]) }
            #expect(hits == searchCase.found, "\(searchCase)")
        }
        #expect(report["console"] as? [String] == [], "no errors in the console")
    }
}
