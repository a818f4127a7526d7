import Foundation
import RelGraphTestSupport
import Testing

/// `export --to` every format and `import`'s defaults, through the binary, read back by other
/// tools (Graphviz's gvpr, NetworkX, Python's csv) and compared with the note's facts.
@Suite("export and import options, end to end")
struct ExportImportOptionsTests {
    let graph = RelGraphCLI.graph

    static let nodeKinds = IndiaRussiaFacts.nodes.map { "\($0.id) \($0.kind)" }.sorted()
    static let edgeTriples = IndiaRussiaFacts.edges.map { "\($0.from) \($0.relation) \($0.to)" }.sorted()

    /// Runs a Python script that prints JSON and returns it.
    static func python(_ script: String, _ arguments: String...) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(Python.run(script, arguments: arguments).utf8)) as? [String: Any])
    }

    @Test("export --to dot writes every node with its kind and every edge with its relation, as Graphviz reads them")
    func toDOT() throws {
        let result = try RelGraphCLI.run("export", graph, "--to", "dot")
        #expect(result.status == 0)
        let file = try RelGraphCLI.file(named: "graph.dot", result.text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gvpr")
        process.arguments = [#"N{printf("N %s %s\n", $.name, $.kind)} E{printf("E %s %s %s\n", $.tail.name, $.relation, $.head.name)}"#, file]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(lines.filter { $0.hasPrefix("N ") }.map { String($0.dropFirst(2)) }.sorted() == Self.nodeKinds)
        #expect(lines.filter { $0.hasPrefix("E ") }.map { String($0.dropFirst(2)) }.sorted() == Self.edgeTriples)
    }

    @Test("export --to json writes the document: every node and edge of the note")
    func toJSON() throws {
        let result = try RelGraphCLI.run("export", graph, "--to", "json")
        #expect(result.status == 0)
        let document = try #require(result.json as? [String: Any])
        #expect(document["relgraph"] as? Int == 1)
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        #expect(nodes.map { "\($0["id"]!) \($0["kind"]!)" }.sorted() == Self.nodeKinds)
        let edges = try #require(document["edges"] as? [[String: Any]])
        #expect(edges.map { "\($0["from"]!) \($0["relation"]!) \($0["to"]!)" }.sorted() == Self.edgeTriples)
    }

    @Test("export --to yaml to standard output is the same as to a .yaml file, and reads back as the same JSON")
    func toYAML() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("graph.yaml").path
        let standardOutput = try RelGraphCLI.run("export", graph, "--to", "yaml")
        #expect(standardOutput.status == 0)
        #expect(standardOutput.text.hasPrefix("relgraph: 1\n"))
        #expect(try RelGraphCLI.run("export", graph, "-o", path).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == standardOutput.output)
        #expect(try RelGraphCLI.run("export", path, "--to", "json").output == RelGraphCLI.run("export", graph, "--to", "json").output)
    }

    @Test("export -o - writes to standard output and creates no file named '-'")
    func outputDash() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        for format in ["dot", "json", "yaml", "graphml"] {
            let dash = try RelGraphCLI.run(["export", graph, "--to", format, "-o", "-"], in: folder)
            #expect(dash.status == 0)
            #expect(!dash.output.isEmpty)
            #expect(dash.output == (try RelGraphCLI.run("export", graph, "--to", format)).output, "\(format)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("export --to graphml reads in NetworkX with the note's nodes, kinds, Hindi labels and relations")
    func toGraphML() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("graph.graphml").path
        #expect(try RelGraphCLI.run("export", graph, "--to", "graphml", "-o", path, "--lang", "hi").status == 0)
        let read = try Self.python(
            """
            import json, sys, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            print(json.dumps({
                "directed": g.is_directed(),
                "nodes": sorted(f"{n} {d['kind']}" for n, d in g.nodes(data=True)),
                "labels": {n: d.get("label") for n, d in g.nodes(data=True)},
                "english": {n: d.get("label_en") for n, d in g.nodes(data=True)},
                "edges": sorted(f"{u} {d['relation']} {v}" for u, v, d in g.edges(data=True)),
            }, ensure_ascii=False))
            """, path)
        #expect(read["directed"] as? Bool == true)
        #expect(read["nodes"] as? [String] == Self.nodeKinds)
        #expect(read["edges"] as? [String] == Self.edgeTriples)
        let labels = try #require(read["labels"] as? [String: String])
        let english = try #require(read["english"] as? [String: String])
        for node in IndiaRussiaFacts.nodes {
            #expect(labels[node.id] == node.hindi, "\(node.id)")
            #expect(english[node.id] == node.english, "\(node.id)")
        }
    }

    @Test("export --to neo4j-csv writes nodes.csv and relationships.csv with the note's nodes and edges")
    func toNeo4jCSV() throws {
        let folder = try RelGraphCLI.temporaryFolder().appendingPathComponent("csv").path
        let result = try RelGraphCLI.run("export", graph, "--to", "neo4j-csv", "-o", folder)
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["declarations.json", "nodes.csv", "relationships.csv"])
        let read = try Self.python(
            """
            import csv, json, sys
            with open(sys.argv[1] + "/nodes.csv", newline="", encoding="utf-8") as f:
                nodes = list(csv.DictReader(f))
            with open(sys.argv[1] + "/relationships.csv", newline="", encoding="utf-8") as f:
                edges = list(csv.DictReader(f))
            print(json.dumps({
                "nodes": sorted(f"{n['id:ID']} {n['kind:LABEL']}" for n in nodes),
                "hindi": {n["id:ID"]: n["label_hi"] for n in nodes},
                "edges": sorted(f"{e[':START_ID']} {e[':TYPE']} {e[':END_ID']}" for e in edges),
            }, ensure_ascii=False))
            """, folder)
        #expect(read["nodes"] as? [String] == Self.nodeKinds)
        #expect(read["edges"] as? [String] == Self.edgeTriples)
        let hindi = try #require(read["hindi"] as? [String: String])
        #expect(IndiaRussiaFacts.nodes.allSatisfy { hindi[$0.id] == $0.hindi })
    }

    @Test("export --to neo4j-csv without -o is a usage error")
    func neo4jCSVNeedsFolder() throws {
        let result = try RelGraphCLI.run("export", graph, "--to", "neo4j-csv")
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("-o"))
    }

    static let plainDOT = "digraph { a -> b; c [kind=place]; a -> c [relation=owns] }\n"

    /// Imports DOT with `arguments` and reads the document back as JSON through `export`.
    static func imported(_ dot: String, _ arguments: String...) throws -> [String: Any] {
        let source = try RelGraphCLI.file(named: "in.dot", dot)
        let target = try RelGraphCLI.temporaryFolder().appendingPathComponent("out.yaml").path
        let result = try RelGraphCLI.run(["import", source, "-o", target] + arguments)
        #expect(result.status == 0, "\(result.errors)")
        return try #require(try RelGraphCLI.run("export", target, "--to", "json").json as? [String: Any])
    }

    static func nodes(_ document: [String: Any]) -> [String] {
        (document["nodes"] as? [[String: Any]] ?? []).map { "\($0["id"]!) \($0["kind"]!)" }
    }

    static func edges(_ document: [String: Any]) -> [String] {
        (document["edges"] as? [[String: Any]] ?? []).map { "\($0["from"]!) \($0["relation"]!) \($0["to"]!)" }
    }

    @Test("import gives DOT nodes without a kind 'actor' and edges without a relation 'linked-to'")
    func importDefaults() throws {
        let document = try Self.imported(Self.plainDOT)
        #expect(Self.nodes(document) == ["a actor", "b actor", "c place"])
        #expect(Self.edges(document) == ["a linked-to b", "a owns c"])
    }

    @Test("import --default-kind and --default-relation name what DOT leaves out, and keep what it gives")
    func importDefaultOptions() throws {
        let document = try Self.imported(Self.plainDOT, "--default-kind", "sector", "--default-relation", "feeds")
        #expect(Self.nodes(document) == ["a sector", "b sector", "c place"])
        #expect(Self.edges(document) == ["a feeds b", "a owns c"])
    }

    @Test("import --default-relation of an undirected DOT graph is declared symmetric")
    func importUndirectedDefault() throws {
        let document = try Self.imported("graph { a -- b }\n", "--default-relation", "borders")
        #expect(Self.edges(document) == ["a borders b"])
        let relations = try #require(document["relations"] as? [[String: Any]])
        #expect(relations.count == 1)
        #expect(relations.first?["id"] as? String == "borders" && relations.first?["symmetric"] as? Bool == true)
    }

    @Test("import --default-kind that is not an id is a usage error and writes nothing")
    func importBadDefault() throws {
        let source = try RelGraphCLI.file(named: "in.dot", Self.plainDOT)
        let folder = try RelGraphCLI.temporaryFolder()
        let result = try RelGraphCLI.run("import", source, "-o", folder.appendingPathComponent("out.yaml").path, "--default-kind", "two words")
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
