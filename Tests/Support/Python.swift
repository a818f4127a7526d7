import Foundation

/// Runs Python for checks against other tools (NetworkX, Kùzu, Selenium).
///
/// The set-up (`scripts/setup`) installs those tools into a virtual environment inside the
/// project, `.venv`, so that a stock Debian Python (which refuses `pip install`, PEP 668) works;
/// the tests use that environment's interpreter and fall back to `python3` on the PATH.
public enum Python {
    /// The interpreter the tests run.
    public static let interpreter: URL = {
        let venv = Fixtures.root.appendingPathComponent(".venv/bin/python3")
        if FileManager.default.isExecutableFile(atPath: venv.path) { return venv }
        return URL(fileURLWithPath: "/usr/bin/env")
    }()

    /// Runs `script` with `arguments` and returns its standard output; throws when it fails.
    public static func run(_ script: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = interpreter
        process.environment = Scratch.childEnvironment
        let prefix = interpreter.lastPathComponent == "env" ? ["python3"] : []
        process.arguments = prefix + ["-c", script] + arguments
        let errorFile = Scratch.root.appendingPathComponent("relgraph-python-\(UUID())")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonError(message: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
        }
        return String(decoding: data, as: UTF8.self)
    }

    public struct PythonError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "python failed: \(message)" }
    }
}
