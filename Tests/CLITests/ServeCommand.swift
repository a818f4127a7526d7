import Foundation
import RelGraphTestSupport

/// A `relgraph serve` process for the tests: started on a free port, its address read from its
/// first line, stopped with Ctrl-C (SIGINT).
final class ServeProcess {
    let process = Process()
    let url: String
    private let output = Pipe()
    private let errorFile: URL

    init(_ arguments: [String]) throws {
        process.executableURL = RelGraphCLI.binary
        process.environment = Scratch.childEnvironment
        process.arguments = ["serve"] + arguments
        errorFile = Scratch.root.appendingPathComponent("relgraph-serve-\(UUID())")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        // The first line: "Serving FILE at http://127.0.0.1:PORT/ — …".
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        while !line.contains(UInt8(ascii: "\n")), Date() < deadline, process.isRunning {
            line += output.fileHandleForReading.availableData
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " ") else {
            process.interrupt()
            throw ServeError(message: "relgraph serve printed no address: \(text) \(Self.read(errorFile))")
        }
        url = String(text[start.lowerBound..<end])
    }

    /// Ctrl-C; waits for the process to end and returns its exit status and standard error.
    func stop() -> (status: Int32, errors: String) {
        process.interrupt()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        // SIGKILL, not SIGTERM: a process that ignored Ctrl-C may ignore any handled signal.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: errorFile) }
        return (process.terminationStatus, Self.read(errorFile))
    }

    private static func read(_ file: URL) -> String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }

    struct ServeError: Error { var message: String }
}
