import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// What `render`'s filters leave in the drawing.
@Suite("render: nodes that filters leave alone")
struct RenderFilterTests {
    let graph = RelGraphCLI.graph

    func nodes(_ arguments: String...) throws -> Set<String> {
        let result = try RelGraphCLI.run(["render", graph, "--no-legend"] + arguments)
        #expect(result.status == 0, "\(result.errors)")
        return PageBrowser.nodeIDs(inSVG: result.text)
    }

    @Test("--relation drops the nodes it leaves without edges; --keep-isolated keeps them")
    func relationFilter() throws {
        let signed = try nodes("--relation", "signed")
        let graph = Fixtures.indiaRussia
        let ends = Set(graph.edges.filter { $0.relation == "signed" }.flatMap { [$0.from, $0.to] })
        #expect(signed == ends)
        #expect(try nodes("--relation", "signed", "--keep-isolated").count == graph.nodeCount)
    }

    @Test("--kind keeps only the nodes of that kind joined to one another")
    func kindFilter() throws {
        #expect(try nodes("--kind", "place") == ["amethi", "uttar-pradesh"])
    }

    @Test("--focus on a node the filter leaves without edges draws that node alone")
    func focusStays() throws {
        #expect(try nodes("--focus", "s-jaishankar", "--relation", "signed") == ["s-jaishankar"])
    }

    @Test("a node without any edge in the document stays whatever the filter")
    func isolatedInTheDocument() throws {
        let path = try RelGraphCLI.file(
            named: "lonely.yaml",
            """
            relgraph: 1
            nodes:
              - {id: a, kind: actor}
              - {id: b, kind: actor}
              - {id: c, kind: actor}
              - {id: lonely, kind: actor}
            edges:
              - {from: a, to: b, relation: met, date: 2000}
              - {from: b, to: c, relation: met, date: 2010}
            """)
        let result = try RelGraphCLI.run("render", path, "--as-of", "2005", "--no-legend")
        #expect(PageBrowser.nodeIDs(inSVG: result.text) == ["a", "b", "lonely"])
    }
}
