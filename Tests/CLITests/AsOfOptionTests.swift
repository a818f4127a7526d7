import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// `--as-of D` on every command that reads a graph (contract §2).
@Suite("--as-of on every command")
struct AsOfOptionTests {
    static let graph = RelGraphCLI.graph

    @Test(
        "every command that reads a graph takes --as-of",
        arguments: [
            ["validate"], ["stats"], ["search", "putin"], ["neighbors", "india"], ["path", "india", "russia"], ["paths", "india", "russia"],
            ["reach", "india"], ["components"], ["render", "--format", "dot"], ["export", "--to", "json"], ["import"],
            ["query", "MATCH (n) RETURN count(n)"],
        ])
    func accepted(arguments: [String]) throws {
        var full = [arguments[0], Self.graph] + arguments.dropFirst() + ["--as-of", "2015"]
        if arguments[0] == "import" { full += ["-o", "-"] }
        let result = try RelGraphCLI.run(full)
        #expect(result.status == 0, "\(full.joined(separator: " ")): \(result.errors)")
    }

    @Test("stats --as-of counts what exists then, as the library's view does")
    func stats() throws {
        let result = try RelGraphCLI.run("stats", Self.graph, "--as-of", "1995", "--json")
        let counts = try #require(result.json as? [String: Any])
        let view = Fixtures.indiaRussia.view(GraphFilter(asOf: PartialDate("1995")))
        #expect(counts["nodes"] as? Int == view.nodeIndices.count)
        #expect(counts["edges"] as? Int == view.edgeIndices.count)
        #expect(view.nodeIndices.count < Fixtures.indiaRussia.nodeCount, "1995 leaves some nodes out")
    }

    @Test("search --as-of leaves out nodes that do not exist yet")
    func search() throws {
        let all = try RelGraphCLI.run("search", Self.graph, "putin", "--json")
        let then = try RelGraphCLI.run("search", Self.graph, "putin", "--as-of", "1995", "--json")
        func ids(_ result: RelGraphCLI.Result) -> [String] {
            ((result.json as? [String: Any])?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(ids(all).contains("putin-visit-2021"))
        #expect(!ids(then).contains("putin-visit-2021"))
        #expect(ids(then).contains("vladimir-putin"))
    }

    @Test("export --as-of writes only what exists then, and import of it reads the same counts")
    func exportAndImport() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let exported = folder.appendingPathComponent("1995.json").path
        #expect(try RelGraphCLI.run("export", Self.graph, "--as-of", "1995", "-o", exported).status == 0)
        let imported = folder.appendingPathComponent("1995.yaml").path
        #expect(try RelGraphCLI.run("import", Self.graph, "--as-of", "1995", "-o", imported).status == 0)
        let fromExport = try RelGraphCLI.run("stats", exported, "--json")
        let fromImport = try RelGraphCLI.run("stats", imported, "--json")
        let expected = try RelGraphCLI.run("stats", Self.graph, "--as-of", "1995", "--json")
        #expect(fromExport.text == expected.text)
        #expect(fromImport.text == expected.text)
        #expect(try !String(contentsOfFile: imported, encoding: .utf8).contains("putin-visit-2021"))
    }
}
