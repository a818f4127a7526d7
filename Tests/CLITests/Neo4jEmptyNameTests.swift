import Foundation
import RelGraphTestSupport
import Testing

/// Neo4j bulk-import CSV from elsewhere: an empty `title` or `name` (`""`) is a node without a
/// label, as Neo4j imports it, not an error.
@Suite("Neo4j CSV: empty names")
struct Neo4jEmptyNameTests {
    static func imported(_ nodes: String) throws -> RelGraphCLI.Result {
        let folder = try RelGraphCLI.temporaryFolder()
        try nodes.write(to: folder.appendingPathComponent("nodes_abstract.csv"), atomically: true, encoding: .utf8)
        return try RelGraphCLI.run(["import", "--nodes=Abstract=nodes_abstract.csv", "-o", "-"], in: folder)
    }

    @Test("a row whose title is \"\" imports without a label, its title kept as an empty property")
    func emptyTitle() throws {
        let result = try Self.imported("abstractId:ID,title\na1,Aspirin and pain\na2,\"\"\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        #expect(result.text.contains("  - {id: a1, kind: Abstract, label: Aspirin and pain, attributes: {abstractId: a1, title: Aspirin and pain}}\n"))
        #expect(result.text.contains("  - {id: a2, kind: Abstract, attributes: {abstractId: a2, title: \"\"}}\n"))
    }

    @Test("an empty name gives way to a title in the same row")
    func emptyNameThenTitle() throws {
        let result = try Self.imported("id:ID,name,title\nn1,\"\",Fever\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("label: Fever"))
    }

    @Test("a node without a label shows its id when drawn")
    func drawnByID() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "abstractId:ID,title\na2,\"\"\n".write(to: folder.appendingPathComponent("n.csv"), atomically: true, encoding: .utf8)
        let document = folder.appendingPathComponent("n.yaml").path
        #expect(try RelGraphCLI.run(["import", "--nodes=Abstract=n.csv", "-o", document], in: folder).status == 0)
        let svg = try RelGraphCLI.run("render", document, "--format", "svg")
        #expect(svg.text.contains(">a2</text>"))
    }
}
