import Foundation
import RelGraphTestSupport
import Testing

/// Documents in the repository that are made from something else stay in step with it.
@Suite("Generated and copied documents")
struct RepositoryDocsTests {
    @Test("the module map (docs/modules.yaml and .svg) is the one the sources' imports give")
    func moduleMap() throws {
        let script = Fixtures.root.appendingPathComponent("scripts/module-map")
        let result = try RelGraphCLI.run(
            ["python3", script.path, "--check", "--relgraph", RelGraphCLI.binary.path], binary: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test("docs/contract.md is the contract as the steering repository keeps it")
    func contractCopy() throws {
        let shared = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/spec/contract.md")
        guard FileManager.default.fileExists(atPath: shared.path) else {
            print("the shared contract is not beside this clone (\(shared.path)); the copy is not compared")
            return
        }
        let copy = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/contract.md"), encoding: .utf8)
        #expect(copy == (try String(contentsOf: shared, encoding: .utf8)), "docs/contract.md differs from \(shared.path): copy it again")
    }
}
