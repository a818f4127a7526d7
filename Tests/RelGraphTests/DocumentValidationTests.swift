import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Every class of bad input is refused whole, with every problem located as FILE:LINE:COLUMN.
@Suite("Validating documents")
struct DocumentValidationTests {
    @Test("the bundled graph is valid, with its 44 nodes and 95 edges")
    func bundledGraphIsValid() throws {
        let graph = try Graph(contentsOf: Fixtures.indiaRussiaPath)
        #expect(graph.nodeCount == 44)
        #expect(graph.edgeCount == 95)
    }

    @Test("YAML and JSON with the same content give the same graph")
    func yamlAndJSONAgree() throws {
        let yaml = """
            relgraph: 1
            relations: [{id: partner-of, symmetric: true}]
            nodes:
              - {id: india, kind: actor, label: {en: India, hi: भारत}, date: 1947}
              - {id: russia, kind: actor, attributes: {capital: Moscow, members: 3, ratio: 0.5, allied: true}}
            edges:
              - {from: india, to: russia, relation: partner-of, start: 2000-10, end: 2031}
            """
        let json = """
            {"relgraph": 1, "relations": [{"id": "partner-of", "symmetric": true}],
             "nodes": [{"id": "india", "kind": "actor", "label": {"en": "India", "hi": "भारत"}, "date": 1947},
                       {"id": "russia", "kind": "actor", "attributes": {"capital": "Moscow", "members": 3, "ratio": 0.5, "allied": true}}],
             "edges": [{"from": "india", "to": "russia", "relation": "partner-of", "start": "2000-10", "end": "2031"}]}
            """
        let fromYAML = try GraphDocument.decode(yaml, syntax: .yaml)
        let fromJSON = try GraphDocument.decode(json, syntax: .json)
        #expect(fromYAML == fromJSON)
        #expect(fromYAML.node(at: NodeIndex(1)).attributes["members"] == .integer(3))
        #expect(fromYAML.node(at: NodeIndex(1)).attributes["allied"] == .boolean(true))
        #expect(fromYAML.isSymmetric(edge: EdgeIndex(0)))
    }

    @Test("an empty file is refused")
    func emptyFile() {
        #expect(
            Fixtures.problems("") == ["bad.yaml:1:1: error: the document is empty; a graph document starts with 'relgraph: 1' and lists 'nodes' and 'edges'"])
        #expect(Fixtures.problems("   \n", syntax: .json).first?.hasPrefix("bad.json:2:1: error: the document is empty") == true)
    }

    @Test("binary garbage is refused as text that is not a document")
    func binaryGarbage() {
        var generator = SeededRandom(seed: 0x5EED)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for syntax in GraphDocument.Syntax.allCases {
            #expect(throws: DocumentError.self) { try GraphDocument.decode(bytes, syntax: syntax, fileName: "garbage") }
        }
        let problems = Fixtures.problems(String(decoding: [0x00, 0x01, 0x02, 0x7F], as: UTF8.self))
        #expect(problems.count == 1 && problems[0].hasPrefix("bad.yaml:1:1: error:"))
    }

    @Test("invalid UTF-8 is located")
    func invalidUTF8() throws {
        let bytes = Array("relgraph: 1\nnodes:\n  - {id: a".utf8) + [0xFF, 0xFE] + Array(", kind: actor}\n".utf8)
        #expect(throws: DocumentError.self) { try GraphDocument.decode(bytes, syntax: .yaml, fileName: "x.yaml") }
        do {
            _ = try GraphDocument.decode(bytes, syntax: .yaml, fileName: "x.yaml")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["x.yaml:3:11: error: the file is not valid UTF-8 text; save it as UTF-8"])
        }
        let json = Array(#"{"relgraph": 1, "nodes": [{"id": "a"#.utf8) + [0xC3] + Array(#"", "kind": "actor"}]}"#.utf8)
        do {
            _ = try GraphDocument.decode(json, syntax: .json, fileName: "x.json")
            Issue.record("invalid UTF-8 in JSON was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["x.json:1:34: error: the file is not valid UTF-8 text; save it as UTF-8"])
        }
    }

    @Test("a YAML alias bomb is refused in well under a second, without expanding it")
    func aliasBomb() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let clock = ContinuousClock()
        var problems: [String] = []
        let elapsed = clock.measure { problems = Fixtures.problems(yaml) }
        #expect(elapsed < TimeLimit.scaled(.seconds(1)))
        #expect(problems.last?.contains("YAML aliases expand to more than") == true)
    }

    @Test("aliases inside hundreds of nested anchors are refused in well under a second, each token recorded once")
    func aliasesInsideNestedAnchors() {
        // Copying each token into every open anchor took 2.6 GB and half a minute (found by the fuzzer).
        let yaml =
            "relgraph: 1\nnodes: " + (0..<500).map { "&a\($0) [" }.joined()
            + "&big [" + Array(repeating: "q", count: 200).joined(separator: ",") + "], "
            + Array(repeating: "*big", count: 499).joined(separator: ",") + String(repeating: "]", count: 500) + "\n"
        let clock = ContinuousClock()
        var problems: [String] = []
        let elapsed = clock.measure { problems = Fixtures.problems(yaml) }
        #expect(elapsed < TimeLimit.scaled(.seconds(1)))
        #expect(problems.last?.contains("YAML aliases expand to more than") == true)
    }

    @Test("honest aliases are expanded")
    func honestAliases() throws {
        let graph = try Fixtures.graph(
            """
            relgraph: 1
            nodes:
              - {id: a, kind: actor, label: &shared {en: Same, hi: वही}}
              - {id: b, kind: actor, label: *shared}
            """)
        #expect(graph.label(ofNode: NodeIndex(1)) == ["en": "Same", "hi": "वही"])
    }

    @Test("nested values under attributes are refused")
    func nestedAttributes() {
        let problems = Fixtures.problems(
            """
            relgraph: 1
            nodes:
              - id: a
                kind: actor
                attributes:
                  ok: 1
                  list: [1, [2]]
                  map: {x: 1}
                  nothing: null
            """)
        #expect(
            problems == [
                "bad.yaml:7:17: error: attribute 'list' must be a string, a number, a boolean or a list of those, not a list holding a list; flatten it into separate attributes",
                "bad.yaml:8:12: error: attribute 'map' must be a string, a number, a boolean or a list of those, not a map; flatten it into separate attributes",
                "bad.yaml:9:16: error: attribute 'nothing' must be a string, a number, a boolean or a list of those, not null; flatten it into separate attributes",
            ])
    }

    @Test("duplicate node ids point at the first definition")
    func duplicateIDs() {
        let problems = Fixtures.problems(
            """
            relgraph: 1
            nodes:
              - {id: india, kind: actor}
              - {id: india, kind: place}
            """)
        #expect(problems == ["bad.yaml:4:10: error: node id 'india' is used twice; give each node its own id (first given at line 3, column 5)"])
    }

    @Test("duplicate edges are refused; edges told apart by relation or dates are not")
    func duplicateEdges() throws {
        let header = "relgraph: 1\nnodes: [{id: a, kind: actor}, {id: b, kind: actor}]\nedges:\n"
        let problems = Fixtures.problems(
            header + """
                  - {from: a, to: b, relation: met, date: 2021}
                  - {from: a, to: b, relation: met, date: 2021}
                """)
        #expect(
            problems == [
                "bad.yaml:5:5: error: duplicate edge 'a' -[met]-> 'b' with the same dates; remove one, or tell them apart by their dates or by giving each an 'id' (parallel edges) (first given at line 4, column 5)"
            ])
        let graph = try Fixtures.graph(
            header + """
                  - {from: a, to: b, relation: met, date: 2021}
                  - {from: a, to: b, relation: met, date: 2022}
                  - {from: a, to: b, relation: signed, date: 2021}
                  - {from: b, to: a, relation: met, date: 2021}
                """)
        #expect(graph.edgeCount == 4)
    }

    @Test("every copy of an edge points at the first, also when other edges are dangling")
    func duplicateEdgesBesideDanglingOnes() {
        let problems = Fixtures.problems(
            """
            relgraph: 1
            nodes: [{id: a, kind: actor}, {id: b, kind: actor}, {id: c, kind: actor}]
            edges:
              - {from: a, to: b, relation: met}
              - {from: a, to: c, relation: met}
              - {from: a, to: b, relation: met}
              - {from: a, to: zz, relation: met}
              - {from: a, to: b, relation: met}
            """)
        #expect(
            problems == [
                "bad.yaml:6:5: error: duplicate edge 'a' -[met]-> 'b' with the same dates; remove one, or tell them apart by their dates or by giving each an 'id' (parallel edges) (first given at line 4, column 5)",
                "bad.yaml:7:19: error: no node has the id 'zz'",
                "bad.yaml:8:5: error: duplicate edge 'a' -[met]-> 'b' with the same dates; remove one, or tell them apart by their dates or by giving each an 'id' (parallel edges) (first given at line 4, column 5)",
            ])
    }

    @Test("impossible dates and an end before the start are located")
    func impossibleDates() {
        let problems = Fixtures.problems(
            """
            relgraph: 1
            nodes:
              - {id: a, kind: event, date: 2021-02-30}
              - {id: b, kind: event, start: 2021, end: 2019}
              - {id: c, kind: event, date: 2021, start: 2020}
              - {id: d, kind: event, date: yesterday}
            """)
        #expect(
            problems == [
                "bad.yaml:3:32: error: 'date': day 30 does not exist in 2021-02, which has 28 days",
                "bad.yaml:4:44: error: 'end' 2019 comes before 'start' 2021; swap them or fix the dates",
                "bad.yaml:5:45: error: give either 'date' (a point in time) or 'start'/'end' (an interval), not both",
                "bad.yaml:6:32: error: 'date': 'yesterday' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2021-07-07)",
            ])
    }

    @Test("a missing relgraph version is refused, and so is an unknown one")
    func version() {
        #expect(
            Fixtures.problems("nodes: []") == [
                "bad.yaml:1:1: error: the document lacks the required key 'relgraph'; add 'relgraph: 1' (the format version) as its first line"
            ])
        #expect(Fixtures.problems("relgraph: 2") == ["bad.yaml:1:11: error: unsupported format version '2'; this relgraph reads 'relgraph: 1'"])
    }

    @Test("an edge to a missing node names it and suggests the closest id")
    func danglingEdge() {
        let problems = Fixtures.problems(
            """
            relgraph: 1
            nodes: [{id: india, kind: actor}, {id: russia, kind: actor}]
            edges:
              - {from: indai, to: russia, relation: met}
              - {from: india, to: zzzzzz, relation: met}
            """)
        #expect(
            problems == [
                "bad.yaml:4:12: error: no node has the id 'indai'; did you mean 'india'?",
                "bad.yaml:5:23: error: no node has the id 'zzzzzz'",
            ])
    }

    @Test("edges may come before the nodes they name, as in JSON with sorted keys")
    func forwardReferences() throws {
        let graph = try GraphDocument.decode(
            """
            {"edges": [{"from": "a", "relation": "r", "source": "s", "to": "b"}],
             "nodes": [{"id": "a", "kind": "k"}, {"id": "b", "kind": "actor"}],
             "kinds": [{"id": "k"}], "relgraph": 1, "sources": [{"id": "s"}]}
            """, syntax: .json)
        #expect(graph.edge(at: EdgeIndex(0)).source == "s")
        #expect(graph.kind(ofNode: NodeIndex(0)) == "k")
    }

    @Test("a typo in a key is caught with the nearest key")
    func unknownKey() {
        #expect(
            Fixtures.problems("relgraph: 1\nnodes:\n  - {id: a, knid: actor}") == [
                "bad.yaml:3:5: error: a node lacks the required key 'kind'; give it one of actor, treaty, project, sector, event, place, or a kind declared under 'kinds:'",
                "bad.yaml:3:13: error: unknown key 'knid' in a node; did you mean 'kind'?",
            ])
    }

    @Test("an unknown kind lists the kinds and suggests one")
    func unknownKind() {
        #expect(
            Fixtures.problems("relgraph: 1\nnodes:\n  - {id: a, kind: treety}") == [
                "bad.yaml:3:19: error: unknown kind 'treety' (did you mean 'treaty'?); the kinds are actor, treaty, project, sector, event, place; declare others under 'kinds:'"
            ])
    }

    @Test("bad ids, sources and languages are located")
    func badReferences() {
        let problems = Fixtures.problems(
            """
            relgraph: 1
            sources: [{id: note}]
            nodes:
              - {id: "-a", kind: actor}
              - {id: b, kind: actor, source: nots, label: {english: B}}
              - {id: c d, kind: actor, attributes: {date: 1}}
            """)
        #expect(
            problems == [
                "bad.yaml:4:10: error: node id '-a' is not a valid id: it must start with a letter or a digit, not '-'",
                "bad.yaml:5:34: error: no source has the id 'nots'; did you mean 'note'?",
                "bad.yaml:5:48: error: 'english' is not a language code; use codes like en, hi, ru or pt-BR",
                "bad.yaml:6:10: error: node id 'c d' is not a valid id: it may hold only letters, digits, '_', '.', ':' and '-', not a space",
                "bad.yaml:6:41: error: 'date' cannot name an attribute: names follow the id rules without ':', and may not be a built-in field (id, kind, type, label, label_…, date, start, end, source, from, to, relation); rename it",
            ])
    }

    @Test("every problem in a document is reported at once, in file order")
    func everyProblemAtOnce() {
        let problems = Fixtures.problems(
            """
            relgraph: 1
            nodes:
              - {id: a, kind: actr, date: 2021-13}
              - {id: a, kind: actor}
            edges:
              - {from: a, to: bb, relation: r}
              - {fro: a}
            """)
        #expect(problems.count == 8)
        let positions = problems.map { line in line.split(separator: ":").dropFirst().prefix(2).map { Int($0)! } }
        #expect(positions == positions.sorted { $0.lexicographicallyPrecedes($1) || $0 == $1 })
    }

    @Test(
        "JSON syntax errors are located",
        arguments: [
            (#"{"relgraph": 1,}"#, "bad.json:1:16: error: expected a key in double quotes, found '}'"),
            (#"{"relgraph": 1"#, "bad.json:1:15: error: the JSON ends in the middle of an object; close it with '}'"),
            ("{\"relgraph\": 1}\n{}", "bad.json:2:1: error: expected the end of the file after the JSON value, found '{'"),
            (#"{"relgraph": 01}"#, "bad.json:1:14: error: '01' is not a JSON number"),
            ("{\"a\": \"x\ny\"}", "bad.json:1:9: error: a string runs past the end of the line; write a line break inside a string as \\n"),
        ])
    func jsonSyntax(text: String, message: String) {
        #expect(Fixtures.problems(text, syntax: .json) == [message])
    }

    @Test("YAML syntax errors are located")
    func yamlSyntax() {
        let problems = Fixtures.problems("relgraph: 1\nnodes: [\n")
        #expect(problems.count == 1 && problems[0].hasPrefix("bad.yaml:3:1: error: YAML syntax error"))
    }

    @Test("deep nesting is refused, not recursed into")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(Fixtures.problems(#"{"relgraph": 1, "nodes": "# + deep, syntax: .json).last?.contains("nest deeper than 512 levels") == true)
        #expect(Fixtures.problems("relgraph: 1\nnodes: " + deep).last?.contains("nest deeper than 512 levels") == true)
    }

    @Test("escapes and surrogate pairs in JSON strings decode")
    func jsonEscapes() throws {
        let graph = try GraphDocument.decode(
            #"{"relgraph": 1, "nodes": [{"id": "a", "kind": "actor", "label": "q\"b\\s\/\n\u0915\ud83d\ude00"}]}"#, syntax: .json)
        #expect(graph.label(ofNode: NodeIndex(0)) == LocalizedText("q\"b\\s/\nक😀"))
    }
}
