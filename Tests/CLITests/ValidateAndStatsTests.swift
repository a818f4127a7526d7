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
        (
            "alias.yaml",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + (1...8).map { "l\($0): &l\($0) [" + Array(repeating: $0 == 1 ? "*a" : "*l\($0 - 1)", count: 10).joined(separator: ", ") + "]" }.joined(
                    separator: "\n"), "YAML aliases expand to more than"
        ),
        (
            "nested.yaml", "relgraph: 1\nnodes:\n  - {id: a, kind: actor, attributes: {x: {y: 1}}}\n",
            "nested.yaml:3:42: error: attribute 'x' must be a string, a number, a boolean or a list of those, not a map"
        ),
        ("duplicate.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor}, {id: a, kind: actor}]\n", "duplicate.yaml:2:36: error: node id 'a' is used twice"),
        (
            "edges.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor}]\nedges: [{from: a, to: a, relation: r}, {from: a, to: a, relation: r}]\n",
            "edges.yaml:3:40: error: duplicate edge 'a' -[r]-> 'a'"
        ),
        ("date.yaml", "relgraph: 1\nnodes: [{id: a, kind: event, date: 2021-02-29}]\n", "date.yaml:2:36: error: 'date': day 29 does not exist in 2021-02"),
        (
            "order.yaml", "relgraph: 1\nnodes: [{id: a, kind: event, start: 2021-05, end: 2021-04}]\n",
            "order.yaml:2:51: error: 'end' 2021-04 comes before 'start' 2021-05"
        ),
        ("version.json", #"{"nodes": []}"#, "version.json:1:1: error: the document lacks the required key 'relgraph'"),
        (
            "dangling.yaml", "relgraph: 1\nnodes: [{id: india, kind: actor}]\nedges: [{from: indai, to: india, relation: r}]\n",
            "dangling.yaml:3:16: error: no node has the id 'indai'; did you mean 'india'?"
        ),
        ("utf8.yaml", "relgraph: 1\nnodes: [{id: a\u{FFFD}, kind: actor}]\n", ""),
    ]

    @Test("each class of invalid document exits 65 with a located message and writes nothing", arguments: invalidDocuments.map(\.0))
    func invalidDocument(name: String) throws {
        let (_, content, message) = try #require(Self.invalidDocuments.first { $0.0 == name })
        let folder = try RelGraphCLI.temporaryFolder()
        var bytes = Array(content.utf8)
        if name == "utf8.yaml" { bytes = Array("relgraph: 1\nnodes: [{id: a".utf8) + [0xC3, 0x28] + Array(", kind: actor}]\n".utf8) }
        let path = folder.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let output = folder.appendingPathComponent("out.json").path
        for arguments in [["validate", path], ["export", path, "--to", "json", "-o", output]] {
            let clock = ContinuousClock()
            var result: RelGraphCLI.Result?
            let elapsed = try clock.measure { result = try RelGraphCLI.run(arguments) }
            #expect(result?.status == 65, "\(name): \(result?.errors ?? "")")
            #expect(
                result?.errors.contains(path + (message.isEmpty ? ":2:16: error: the file is not valid UTF-8" : String(message.drop { $0 != ":" }))) == true,
                "\(name): \(result?.errors ?? "")")
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

    @Test("validate of several valid files, of every input format, prints nothing and exits 0")
    func validateSeveralValid() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let json = folder.appendingPathComponent("graph.json").path, dot = folder.appendingPathComponent("graph.dot").path
        let csv = folder.appendingPathComponent("csv").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "-o", json).status == 0)
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "-o", dot).status == 0)
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "neo4j-csv", "-o", csv).status == 0)
        let result = try RelGraphCLI.run("validate", RelGraphCLI.graph, json, dot, csv)
        #expect(result.status == 0)
        #expect(result.output.isEmpty && result.errors.isEmpty)
    }

    @Test("validate of one bad file among good ones exits 65 and reports only the bad file's problems")
    func validateOneBadAmongGood() throws {
        let good = try RelGraphCLI.file(named: "good.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor}]\n")
        let bad = try RelGraphCLI.file(
            named: "bad.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor}, {id: a, kind: actor}]\nedges: [{from: a, to: b, relation: r}]\n")
        let result = try RelGraphCLI.run("validate", good, bad, RelGraphCLI.graph)
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix(bad + ":") }, "every message names the bad file")
        #expect(lines.first?.hasPrefix(bad + ":2:36: error: node id 'a' is used twice") == true)
        #expect(lines.last?.hasPrefix(bad + ":3:23: error: no node has the id 'b'") == true)
        #expect(!result.errors.contains(good))
    }

    @Test("validate reports every bad file, not only the first")
    func validateEveryBadFile() throws {
        let first = try RelGraphCLI.file(named: "first.yaml", "relgraph: 1\nnodes: [{id: a}]\n")
        let second = try RelGraphCLI.file(named: "second.json", #"{"relgraph": 1, "nodes": [{"id": "b", "kind": "actor", "colour": "red"}]}"#)
        let result = try RelGraphCLI.run("validate", first, RelGraphCLI.graph, second)
        #expect(result.status == 65)
        #expect(result.errors.contains(first + ":2:9: error:"))
        #expect(result.errors.contains(second + ":1:"))
        #expect(result.errors.range(of: first)!.lowerBound < result.errors.range(of: second)!.lowerBound, "in the order given")
    }

    @Test("stats --json gives the bundled graph's exact counts, kinds and relations by id, in the contract's key order")
    func statsJSON() throws {
        let result = try RelGraphCLI.run("stats", RelGraphCLI.graph, "--json")
        #expect(result.status == 0)
        // Counted by hand from the note's facts (IndiaRussiaFacts).
        #expect(
            result.text == """
                {
                  "nodes": 44,
                  "edges": 95,
                  "components": 1,
                  "kinds": {
                    "actor": 13,
                    "event": 6,
                    "place": 4,
                    "project": 8,
                    "sector": 6,
                    "topic": 1,
                    "treaty": 6
                  },
                  "relations": {
                    "agreed-to": 2,
                    "aims-at": 1,
                    "close-ties-with": 2,
                    "committed-to": 2,
                    "concerns": 1,
                    "considering": 4,
                    "cooperates-on": 8,
                    "counterpart-of": 1,
                    "diplomatic-relations-with": 1,
                    "discussed": 2,
                    "dissolved-in": 1,
                    "held-during": 1,
                    "holds-office": 2,
                    "in-sector": 9,
                    "located-in": 4,
                    "met": 1,
                    "office-of": 4,
                    "partner-in": 4,
                    "partner-of": 1,
                    "party-to": 2,
                    "president-of": 2,
                    "replaces": 1,
                    "reviewed": 4,
                    "signed": 10,
                    "signed-during": 5,
                    "stressed-renewal-with": 1,
                    "strong-partner-in": 1,
                    "supplied-to": 1,
                    "supplies": 1,
                    "supported": 1,
                    "thanked": 1,
                    "took-part-in": 4,
                    "undertook": 4,
                    "visit-to": 4,
                    "works-on": 2
                  }
                }

                """)
        let kinds = Dictionary(grouping: IndiaRussiaFacts.nodes, by: \.kind).mapValues(\.count)
        let relations = Dictionary(grouping: IndiaRussiaFacts.edges, by: \.relation).mapValues(\.count)
        let json = try #require(result.json as? [String: Any])
        #expect(json["kinds"] as? [String: Int] == kinds)
        #expect(json["relations"] as? [String: Int] == relations)
    }

    @Test("stats counts a graph of several components, isolated nodes included")
    func statsComponents() throws {
        let path = try RelGraphCLI.file(
            named: "parts.yaml",
            """
            relgraph: 1
            nodes: [{id: a, kind: actor}, {id: b, kind: actor}, {id: c, kind: place}, {id: d, kind: place}, {id: e, kind: event}]
            edges: [{from: a, to: b, relation: r}, {from: c, to: d, relation: r}, {from: d, to: c, relation: s}]

            """)
        let result = try RelGraphCLI.run("stats", path, "--json")
        #expect(result.status == 0)
        let json = try #require(result.json as? [String: Any])
        #expect(json["nodes"] as? Int == 5 && json["edges"] as? Int == 3 && json["components"] as? Int == 3)
        #expect(json["kinds"] as? [String: Int] == ["actor": 2, "place": 2, "event": 1])
        #expect(json["relations"] as? [String: Int] == ["r": 2, "s": 1])
    }

    @Test("stats prints counts, nodes per kind and edges per relation for people")
    func statsText() throws {
        let result = try RelGraphCLI.run("stats", SmallGraph.path)
        #expect(result.status == 0)
        #expect(
            result.text == """
                nodes       5
                edges       6
                components  1

                KIND     NODES
                actor    2
                place    1
                project  1
                treaty   1

                RELATION  EDGES
                ally      1
                knows     3
                signed    2

                """)
    }
}
