import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

@Suite("relgraph render, export and import")
struct RenderExportImportTests {
    let graph = RelGraphCLI.graph

    @Test("render writes the format of -o's extension, or --format", arguments: [("svg", "<?xml"), ("png", "\u{89}PNG"), ("pdf", "%PDF")])
    func renderFormats(format: String, magic: String) throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("out.\(format)").path
        #expect(try RelGraphCLI.run("render", graph, "-o", path).status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.starts(with: Array(magic.unicodeScalars.map { UInt8($0.value) })))
        // Byte for byte with dot: neato, which lays out the bundled graph with its edges labelled,
        // is not byte-stable in Graphviz 2.42's PDF (a coordinate's sixth decimal, now and then).
        let fixed = folder.appendingPathComponent("dot.\(format)").path
        #expect(try RelGraphCLI.run("render", graph, "--edge-labels", "never", "-o", fixed).status == 0)
        let standardOutput = try RelGraphCLI.run("render", graph, "--edge-labels", "never", "--format", format)
        #expect(standardOutput.output == (try Data(contentsOf: URL(fileURLWithPath: fixed))), "stdout and -o give the same bytes")
    }

    @Test("render failures leave no file: a bad node exits 65, an unknown format 64")
    func renderFailures() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("out.svg").path
        #expect(try RelGraphCLI.run("render", graph, "--focus", "nowhere", "-o", path).status == 65)
        #expect(try RelGraphCLI.run("render", graph, "-o", folder.appendingPathComponent("out.bmp2").path).status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a write that fails leaves the old file as it was")
    func atomicWrite() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("out.json").path
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try RelGraphCLI.file(named: "bad.yaml", "relgraph: 1\nnodes: [{id: a}]\n")
        #expect(try RelGraphCLI.run("export", bad, "--to", "json", "-o", path).status == 65)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try RelGraphCLI.run("export", graph, "--to", "json", "-o", "/nonexistent-folder/out.json").status == 73)
    }

    @Test("export to every format and back gives the same document", arguments: ["dot", "json", "yaml", "neo4j-csv", "graphml"])
    func exportImportRoundTrip(format: String) throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let exported = folder.appendingPathComponent(format == "neo4j-csv" ? "csv" : "graph.\(format)").path
        #expect(try RelGraphCLI.run("export", graph, "--to", format, "-o", exported).status == 0)
        let back = folder.appendingPathComponent("back.yaml").path
        if format == "dot" || format == "neo4j-csv" || format == "graphml" {
            #expect(try RelGraphCLI.run("import", exported, "-o", back).status == 0)
        } else {
            #expect(try RelGraphCLI.run("export", exported, "--to", "yaml", "-o", back).status == 0)
        }
        let canonical = try RelGraphCLI.run("export", graph, "--to", "yaml")
        #expect(try Data(contentsOf: URL(fileURLWithPath: back)) == canonical.output)
        // Queries run on every format, as FILE.
        #expect(
            try RelGraphCLI.run("path", exported, "boris-yeltsin", "amethi", "--json").output
                == RelGraphCLI.run("path", graph, "boris-yeltsin", "amethi", "--json").output)
    }

    @Test("export --to dot parses with Graphviz's own dot")
    func dotParsesWithDot() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let path = folder.appendingPathComponent("graph.dot").path
        #expect(try RelGraphCLI.run("export", graph, "-o", path).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tcanon", path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("import of a malformed DOT exits 65 with Graphviz's message and line")
    func badDOT() throws {
        let path = try RelGraphCLI.file(named: "bad.dot", "digraph {\n a -> b\n c -> -> d\n}\n")
        let result = try RelGraphCLI.run("import", path)
        #expect(result.status == 65)
        #expect(result.errors.contains("bad.dot:3: error: graphviz: syntax error in line 3"))
    }

    @Test("no Graphviz message reaches stderr on its own")
    func quietGraphviz() throws {
        let result = try RelGraphCLI.run("render", graph, "--layout", "neato")
        #expect(result.status == 0)
        #expect(result.errors.isEmpty || result.errors.split(separator: "\n").allSatisfy { $0.hasPrefix("warning: graphviz:") })
    }
}
