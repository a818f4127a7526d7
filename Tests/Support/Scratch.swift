import Foundation

/// Where the tests write their files: one folder per test process under the system's temporary
/// directory, removed when the process exits, so that a test run leaves nothing behind.
///
/// Programs the tests start (`relgraph`, Python, Chromium) get this folder as their `TMPDIR`
/// (``childEnvironment``), so what they leave in the temporary directory goes with it.
public enum Scratch {
    /// This process's folder, made on first use and removed at exit.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the tests' scratch folder \(root.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// The environment for a program the tests start: this one's, with `TMPDIR` in ``root``.
    public static var childEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["TMPDIR": root.path]) { _, scratch in scratch }
    }
}
