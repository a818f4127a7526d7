import Foundation
import RelGraphTestSupport

/// The TCK on this machine: where it is, and its read-only scenarios.
///
/// The TCK is test data kept outside the repository: `RELGRAPH_TCK` names its folder, else it is
/// `../shared/tck` beside the repository. Where neither holds `features/`, the TCK tests are
/// skipped with a message saying so (never passed).
enum TCKSuite {
    /// The TCK's folder, or nil when this machine has none.
    static let root: URL? = {
        let environment = ProcessInfo.processInfo.environment["RELGRAPH_TCK"]
        let candidate =
            environment.map { URL(fileURLWithPath: $0) }
            ?? Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/tck")
        var isFolder: ObjCBool = false
        let features = candidate.appendingPathComponent("features").path
        guard FileManager.default.fileExists(atPath: features, isDirectory: &isFolder), isFolder.boolValue else {
            print(
                """
                ************************************************************************
                TCK NOT FOUND at \(candidate.path): the openCypher TCK tests are SKIPPED.
                Set RELGRAPH_TCK to the folder holding the TCK's features/ and graphs/.
                ************************************************************************
                """)
            return nil
        }
        return candidate
    }()

    /// Every scenario of every feature file, in folder and file order.
    static func scenarios(in root: URL) throws -> [TCKScenario] {
        let features = root.appendingPathComponent("features")
        guard let walker = FileManager.default.enumerator(at: features, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let file as URL in walker where file.pathExtension == "feature" { files.append(file) }
        files.sort { $0.path < $1.path }
        var scenarios: [TCKScenario] = []
        for file in files {
            let folder = file.deletingLastPathComponent().path.dropFirst(features.path.count + 1)
            let text = try String(contentsOf: file, encoding: .utf8)
            scenarios += try GherkinFeature.scenarios(in: text, folder: String(folder), feature: file.deletingPathExtension().lastPathComponent)
        }
        return scenarios
    }

    /// Runs every read-only scenario, on every core, and returns the outcomes in scenario order.
    static func runReadOnly(in root: URL) throws -> [(scenario: TCKScenario, outcome: TCKOutcome)] {
        let readOnly = try scenarios(in: root).filter(\.isReadOnly)
        let runner = TCKRunner(root: root)
        let outcomes = OutcomeSlots(count: readOnly.count)
        DispatchQueue.concurrentPerform(iterations: readOnly.count) { index in
            outcomes.set(index, runner.run(readOnly[index]))
        }
        return zip(readOnly, outcomes.values).map { ($0, $1) }
    }
}

/// Results written by several threads, one slot each.
private final class OutcomeSlots: @unchecked Sendable {
    private var slots: [TCKOutcome]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: .failed("not run"), count: count) }

    func set(_ index: Int, _ outcome: TCKOutcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var values: [TCKOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
