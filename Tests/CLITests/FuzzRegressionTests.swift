import Foundation
import RelGraphTestSupport
import Testing

/// Inputs the fuzzers (Fuzz/, `make fuzz`) once broke RelGraph with, fed to the CLI exactly as
/// committed under Fuzz/Regressions/: each must give the contract's answer, never a crash.
@Suite("Inputs found by fuzzing")
struct FuzzRegressionTests {
    static func regression(_ target: String, _ name: String) -> String {
        Fixtures.root.appendingPathComponent("Fuzz/Regressions/\(target)/\(name)").path
    }

    @Test(
        "a DOT node named \"\" imports as a document that validates (no empty label)",
        arguments: ["empty-node-name.dot", "empty-node-name-heawood.dot"])
    func emptyDOTNodeName(input: String) throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let output = folder.appendingPathComponent("imported.json").path
        let imported = try RelGraphCLI.run("import", Self.regression("dot", input), "-o", output)
        #expect(imported.status == 0, "\(imported.errors)")
        let validated = try RelGraphCLI.run("validate", output)
        #expect(validated.status == 0)
        #expect(validated.errors.isEmpty, "\(validated.errors)")
        let document = try String(contentsOfFile: output, encoding: .utf8)
        #expect(document.contains(#""dot-name": """#))
        #expect(!document.contains(#""label": """#))
    }

    /// Issue 10 asks importers to replace C0 controls with U+FFFD and warn; refusing the file with
    /// a clear error is also safe. What may never happen is what the fuzzer found: a graph
    /// imported with the control character in it, whose document then does not validate.
    @Test(
        "DOT with control characters in labels and attributes is never imported into an invalid graph",
        arguments: [
            "control-character.dot", "control-character-latin1.dot",
            "control-character-graph-attribute.dot", "control-character-graph-label.dot",
        ])
    func controlCharactersInDOT(input: String) throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let output = folder.appendingPathComponent("imported.json").path
        let imported = try RelGraphCLI.run("import", Self.regression("dot", input), "-o", output)
        if imported.status == 0 {
            let validated = try RelGraphCLI.run("validate", output)
            #expect(validated.status == 0, "\(validated.errors)")
        } else {
            #expect(imported.status == 65)
            #expect(imported.errors.contains("control character U+00"), "\(imported.errors)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test("a JSON document whose texts hold DEL exports to YAML that reads back as the same graph")
    func deleteCharacterThroughYAML() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let input = Self.regression("json", "del-in-text-yaml-canonical.json")
        let yaml = folder.appendingPathComponent("again.yaml").path
        #expect(try RelGraphCLI.run("export", input, "--to", "yaml", "-o", yaml).status == 0)
        #expect(try String(contentsOfFile: yaml, encoding: .utf8).contains(#"type, \u007Fith comma"#))
        let direct = try RelGraphCLI.run("export", input, "--to", "json")
        let throughYAML = try RelGraphCLI.run("export", yaml, "--to", "json")
        #expect(throughYAML.status == 0, "\(throughYAML.errors)")
        #expect(throughYAML.text == direct.text)
    }

    @Test("GEXF whose numbered edge's number is another edge's own id reads back the same after export")
    func numberedEdgeBesideOwnNumericID() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let first = folder.appendingPathComponent("first.yaml").path, gexf = folder.appendingPathComponent("again.gexf").path
        #expect(try RelGraphCLI.run("import", Self.regression("gexf", "numbered-edge-beside-own-numeric-id.gexf"), "-o", first).status == 0)
        #expect(try RelGraphCLI.run("export", first, "-o", gexf).status == 0)
        let again = try RelGraphCLI.run("import", gexf, "-o", "-")
        #expect(again.text == (try String(contentsOfFile: first, encoding: .utf8)))
    }
}
