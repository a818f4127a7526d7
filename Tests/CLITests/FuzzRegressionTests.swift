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

    @Test("a DOT node named \"\" imports as a document that validates (no empty label)",
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
}
