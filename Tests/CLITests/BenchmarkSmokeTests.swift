import Foundation
import RelGraph
import Testing

/// The benchmarks are too slow for the test run; this checks that their parts work on S.
@Suite("Benchmark smoke test")
struct BenchmarkSmokeTests {
    @Test("the generator writes S in every format, deterministically, and the runner times it")
    func generateAndRun() throws {
        let bench = RelGraphCLI.builtProduct("relgraph-bench")
        let folder = try RelGraphCLI.temporaryFolder()
        #expect(try RelGraphCLI.run(["generate", "--size", "S", "--data", folder.path], binary: bench).status == 0)
        let json = try Graph(contentsOf: folder.appendingPathComponent("S.json").path)
        #expect(json.nodeCount == 40 && json.edgeCount == 80)
        #expect(try Graph(contentsOf: folder.appendingPathComponent("S.yaml").path) == json)
        #expect(try Graph(contentsOf: folder.appendingPathComponent("S-csv").path) == json)
        let again = try RelGraphCLI.temporaryFolder()
        #expect(try RelGraphCLI.run(["generate", "--size", "S", "--data", again.path], binary: bench).status == 0)
        #expect(try Data(contentsOf: again.appendingPathComponent("S.json")) == Data(contentsOf: folder.appendingPathComponent("S.json")))

        let result = try RelGraphCLI.run(["run", "--size", "S", "--runs", "1", "--data", folder.path], binary: bench)
        #expect(result.status == 0, "\(result.errors)")
        // Every line is one JSON record; none is dropped.
        let lines = result.text.split(separator: "\n")
        let operations = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON record: \(line)")
        }
        #expect(
            operations.map { $0["operation"] as? String ?? "?" } == [
                "load json", "load yaml", "load neo4j-csv", "search index build", "100 searches", "10 searches matching 40% of nodes",
                "10 searches of a bare number", "cypher: actors signed treaties, count", "cypher: two-hop distinct count from a root",
                "cypher: edges per relation", "cypher: filtered two-step chain count", "cypher: shortest path length",
                "[*..6] from a hub, distinct end nodes (Cypher)", "reach --depth 6 from a hub", "1000 shortest paths", "100 two-hop reaches", "weak components",
                "neighbours of 10 hubs", "1000 as-of paths", "export dot", "export graphml", "export neo4j-csv", "export json", "export yaml",
                "export gexf", "export cypher",
                "write snapshot", "open snapshot", "process: path on the snapshot", "process: stats on the snapshot", "process: path on the json",
                "render S svg (dot)", "1000 renders of S, memory growth",
            ])
        #expect(operations.allSatisfy { $0["size"] as? String == "S" && ($0["runs"] as? Int ?? 0) >= 1 })
        #expect(operations.allSatisfy { ($0["seconds"] as? Double ?? -1) >= 0 && ($0["peak_mb"] as? Double ?? 0) > 0 })
    }
}
