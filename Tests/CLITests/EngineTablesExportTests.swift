import Foundation
import RelGraphTestSupport
import Testing

/// `export --to jsonl` (the engine tables), neo4j-csv's symmetry column, and `--engine spark`
/// when the engine is not installed. The Spark engine itself, Parquet, DuckDB, FalkorDB and the
/// Cypher dialects in their servers are tested by `spark/tests` (pytest, run by `make test`).
@Suite("engine tables and --engine spark")
struct EngineTablesExportTests {
    /// Every JSON line of a table's part files, as objects.
    static func rows(_ folder: URL, _ table: String) throws -> [[String: Any]] {
        let parts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(table).path).sorted()
        return try parts.flatMap { part in
            try String(contentsOf: folder.appendingPathComponent("\(table)/\(part)"), encoding: .utf8)
                .split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }
    }

    @Test("export --to jsonl writes every node and edge once, in part files, with the declared columns")
    func jsonLinesHoldTheGraph() throws {
        let folder = try RelGraphCLI.temporaryFolder().appendingPathComponent("tables")
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "jsonl", "-o", folder.path).status == 0)
        let nodes = try Self.rows(folder, "nodes"), edges = try Self.rows(folder, "edges")
        #expect(nodes.map { $0["id"] as? String } == IndiaRussiaFacts.nodes.map(\.id))
        #expect(edges.count == IndiaRussiaFacts.edges.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("nodes").path).count >= 2)
        let india = try #require(nodes.first { $0["id"] as? String == "india" })
        #expect(india["label_hi"] as? String == "भारत")
        let soviet = try #require(nodes.first { $0["id"] as? String == "soviet-union" })
        #expect(
            soviet["end"] as? String == "1991-12" && soviet["end_first_day"] as? String == "1991-12-01" && soviet["end_last_day"] as? String == "1991-12-31")
        let description = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("graph.json"))) as? [String: Any])
        let columns = try #require((description["nodes"] as? [String: Any])?["columns"] as? [[String: String]])
        #expect(nodes.allSatisfy { Set($0.keys) == Set(columns.compactMap { $0["name"] }) })
    }

    @Test("an edge of a symmetric relation is marked symmetric in the engine tables and in neo4j-csv")
    func symmetricRelationsAreMarked() throws {
        let document = try RelGraphCLI.file(
            named: "met.yaml",
            """
            relgraph: 1
            relations: [{id: met, symmetric: true}]
            nodes: [{id: a, kind: actor}, {id: b, kind: actor}]
            edges: [{from: a, to: b, relation: met}, {from: b, to: a, relation: knows}]

            """)
        let folder = try RelGraphCLI.temporaryFolder()
        #expect(try RelGraphCLI.run("export", document, "--to", "jsonl", "-o", folder.appendingPathComponent("t").path).status == 0)
        let edges = try Self.rows(folder.appendingPathComponent("t"), "edges")
        #expect(edges.map { "\($0["relation"]!) \($0["symmetric"] as? Bool == true)" }.sorted() == ["knows false", "met true"])
        #expect(try RelGraphCLI.run("export", document, "--to", "neo4j-csv", "-o", folder.appendingPathComponent("csv").path).status == 0)
        let csv = try String(contentsOf: folder.appendingPathComponent("csv/relationships.csv"), encoding: .utf8)
        #expect(csv.hasPrefix(":START_ID,:END_ID,:TYPE,symmetric:boolean,date"))
        #expect(csv.contains("a,b,met,true,") && csv.contains("b,a,knows,false,"))
        // RelGraph reads symmetry back from declarations.json: the column adds no attribute.
        let back = try RelGraphCLI.run("export", folder.appendingPathComponent("csv").path, "--to", "json").text
        #expect(back == (try RelGraphCLI.run("export", document, "--to", "json").text))
    }

    @Test("a folder that holds other files is not replaced by the engine tables")
    func foreignFolderIsRefused() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "keep me".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "jsonl", "-o", folder.path)
        #expect(result.status == 73)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
    }

    @Test("--engine spark without relgraph-spark exits 69 and says how to install it")
    func missingEngineIsExplained() throws {
        let process = Process()
        process.executableURL = RelGraphCLI.binary
        process.arguments = ["reach", RelGraphCLI.graph, "russia", "--engine", "spark"]
        process.environment = Scratch.childEnvironment.merging(["RELGRAPH_SPARK": "/nonexistent/relgraph-spark"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 69)
        #expect(message.hasPrefix("error: --engine spark needs relgraph-spark") && message.contains("scripts/setup"))
    }

    @Test("search --exact keeps only the exact matches, in id order")
    func exactSearch() throws {
        let all = try #require(try RelGraphCLI.run("search", RelGraphCLI.graph, "russia", "--json").json as? [String: Any])
        let exact = try #require(try RelGraphCLI.run("search", RelGraphCLI.graph, "russia", "--exact", "--json").json as? [String: Any])
        let allNodes = try #require(all["nodes"] as? [[String: String]]), exactNodes = try #require(exact["nodes"] as? [[String: String]])
        #expect(exactNodes.map { $0["id"] } == ["russia"])
        #expect(allNodes.count > exactNodes.count)
    }
}
