import Foundation
import RelGraphTestSupport
import Testing

@Suite("relgraph components in the contract's order")
struct ComponentsOrderCommandTests {
    @Test("components --json lists components largest first, equal sizes by smallest id, nodes by id")
    func order() throws {
        let file = try RelGraphCLI.file(
            named: "islands.yaml",
            """
            relgraph: 1
            nodes:
              - {id: é, kind: actor}
              - {id: y, kind: actor}
              - {id: a, kind: actor}
              - {id: x, kind: actor}
              - {id: Z, kind: actor}
              - {id: w, kind: actor}
              - {id: v, kind: actor}
            edges:
              - {from: é, to: y, relation: r}
              - {from: x, to: a, relation: r}
              - {from: w, to: Z, relation: r}
              - {from: v, to: w, relation: r}

            """)
        let result = try RelGraphCLI.run("components", file, "--json")
        #expect(result.status == 0, "\(result.errors)")
        let components = try #require((result.json as? [String: Any])?["components"] as? [[String: Any]])
        #expect(components.map { $0["nodes"] as? [String] ?? [] } == [["Z", "v", "w"], ["a", "x"], ["y", "é"]])
        #expect(components.map { $0["size"] as? Int } == [3, 2, 2])
    }
}
