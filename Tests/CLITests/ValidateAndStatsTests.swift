import Foundation
import RelGraphTestSupport
import Testing

@Suite("relgraph validate and stats")
struct ValidateAndStatsTests {
    @Test("validate prints nothing and exits 0 for the bundled graph")
    func validBundledGraph() throws {
        let result = try RelGraphCLI.run("validate", RelGraphCLI.graph)
        #expect(result.status == 0)
        #expect(result.output.isEmpty && result.errors.isEmpty)
    }

    /// Each class of bad input: exit 65, a located message, and nothing written.
    static let invalidDocuments: [(String, String, String)] = [
        ("empty.yaml", "", "empty.yaml:1:1: error: the document is empty"),
        ("garbage.json", "\u{1}\u{2}binary\u{0}", "garbage.json:1:1: error: expected a value"),
        ("alias.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + (1...8).map { "l\($0): &l\($0) [" + Array(repeating: $0 == 1 ? "*a" : "*l\($0 - 1)", count: 10).joined(separator: ", ") + "]" }.joined(separator: "\n"), "YAML aliases expand to more than"),
        ("nested.yaml", "relgraph: 1\nnodes:\n  - {id: a, kind: actor, attributes: {x: {y: 1}}}\n", "nested.yaml:3:42: error: attribute 'x' must be a string, a number or a boolean, not a map"),
        ("duplicate.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor}, {id: a, kind: actor}]\n", "duplicate.yaml:2:36: error: node id 'a' is used twice"),
        ("edges.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor}]\nedges: [{from: a, to: a, relation: r}, {from: a, to: a, relation: r}]\n", "edges.yaml:3:40: error: duplicate edge 'a' -[r]-> 'a'"),
        ("date.yaml", "relgraph: 1\nnodes: [{id: a, kind: event, date: 2021-02-29}]\n", "date.yaml:2:36: error: 'date': day 29 does not exist in 2021-02"),
        ("order.yaml", "relgraph: 1\nnodes: [{id: a, kind: event, start: 2021-05, end: 2021-04}]\n", "order.yaml:2:51: error: 'end' 2021-04 comes before 'start' 2021-05"),
        ("version.json", #"{"nodes": []}"#, "version.json:1:1: error: the document lacks the required key 'relgraph'"),
        ("dangling.yaml", "relgraph: 1\nnodes: [{id: india, kind: actor}]\nedges: [{from: indai, to: india, relation: r}]\n", "dangling.yaml:3:16: error: no node has the id 'indai'; did you mean 'india'?"),
        ("utf8.yaml", "relgraph: 1\nnodes: [{id: a\u{FFFD}, kind: actor}]\n", ""),
    ]

    @Test("each class of invalid document exits 65 with a located message and writes nothing", arguments: 0..<11)
    func invalidDocument(index: Int) throws {
        let (name, content, message) = Self.invalidDocuments[index]
        let folder = try RelGraphCLI.temporaryFolder()
        var bytes = Array(content.utf8)
        if name == "utf8.yaml" { bytes = Array("relgraph: 1\nnodes: [{id: a".utf8) + [0xC3, 0x28] + Array(", kind: actor}]\n".utf8) }
        let path = folder.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let output = folder.appendingPathComponent("out.json").path
        for arguments in [["validate", path], ["export", path, "--to", "json", "-o", output]] {
            let clock = ContinuousClock()
            var result: RelGraphCLI.Result?
            let elapsed = try clock.measure { result = try RelGraphCLI.run(arguments) }
            #expect(result?.status == 65, "\(name): \(result?.errors ?? "")")
            #expect(result?.errors.contains(path + (message.isEmpty ? ":2:16: error: the file is not valid UTF-8" : String(message.drop { $0 != ":" }))) == true, "\(name): \(result?.errors ?? "")")
            #expect(result?.output.isEmpty == true)
            #expect(elapsed < TimeLimit.scaled(.seconds(2)), "\(name) took \(elapsed)")
        }
        #expect(!FileManager.default.fileExists(atPath: output), "nothing written on failure")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name], "no temporary file left behind")
    }

    @Test("a missing file exits 66, an unknown file type 64, a bad option 64")
    func fileAndUsageErrors() throws {
        #expect(try RelGraphCLI.run("validate", "/nonexistent/graph.yaml").status == 66)
        let text = try RelGraphCLI.file(named: "notes.txt", "hello")
        #expect(try RelGraphCLI.run("stats", text).status == 64)
        #expect(try RelGraphCLI.run("neighbors", RelGraphCLI.graph, "india", "--direction", "sideways").status == 64)
        #expect(try RelGraphCLI.run("path", RelGraphCLI.graph, "india").status == 64)
        #expect(try RelGraphCLI.run("reach", RelGraphCLI.graph, "india", "--as-of", "2021-13").status == 64)
    }

    @Test("stats --json has the contract's shape with real counts")
    func statsJSON() throws {
        let result = try RelGraphCLI.run("stats", RelGraphCLI.graph, "--json")
        #expect(result.status == 0)
        let json = try #require(result.json as? [String: Any])
        #expect(Array(json.keys).sorted() == ["components", "edges", "kinds", "nodes", "relations"])
        #expect(json["nodes"] as? Int == Fixtures.indiaRussia.nodeCount)
        #expect(json["edges"] as? Int == Fixtures.indiaRussia.edgeCount)
        #expect(json["components"] as? Int == 1)
        let kinds = try #require(json["kinds"] as? [String: Int])
        #expect(kinds["actor"] == 13 && kinds["treaty"] == 6 && kinds["place"] == 4)
        let relations = try #require(json["relations"] as? [String: Int])
        #expect(relations.values.reduce(0, +) == Fixtures.indiaRussia.edgeCount)
        #expect(result.text.range(of: "\"nodes\"")!.lowerBound < result.text.range(of: "\"edges\"")!.lowerBound, "keys in the contract's order")
    }
}
