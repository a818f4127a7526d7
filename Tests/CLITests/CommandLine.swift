import Foundation
import RelGraphTestSupport

/// Runs the built `relgraph` binary, as a user would.
enum RelGraphCLI {
    struct Result {
        var status: Int32
        var output: Data
        var errors: String
        var text: String { String(decoding: output, as: UTF8.self) }

        /// The standard output as JSON.
        var json: Any? { try? JSONSerialization.jsonObject(with: output) }
    }

    /// The binary sits next to the test bundle in the build folder.
    static let binary = builtProduct("relgraph")

    /// A product built next to the test bundle.
    static func builtProduct(_ name: String) -> URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Fixtures.root.appendingPathComponent(".build/debug/\(name)")
    }

    static let graph = Fixtures.indiaRussiaPath

    @discardableResult
    static func run(_ arguments: String..., in directory: URL? = nil) throws -> Result {
        try run(arguments, in: directory)
    }

    /// Runs the binary; `standardOutput` or `standardError` name a file (such as `/dev/full`)
    /// to connect that stream to instead of capturing it, `standardInput` a file to read from.
    static func run(
        _ arguments: [String], in directory: URL? = nil, binary: URL = binary,
        standardOutput: String? = nil, standardError: String? = nil, standardInput: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.environment = Scratch.childEnvironment.merging(environment) { _, given in given }
        process.arguments = arguments
        if let standardInput { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: standardInput)) }
        if let directory { process.currentDirectoryURL = directory }
        // Standard error goes to a file, so that neither stream can fill up and block.
        let errorFile = Scratch.root.appendingPathComponent("relgraph-stderr-\(UUID())")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        if let standardOutput {
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: standardOutput))
        } else {
            process.standardOutput = output
        }
        if let standardError {
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: standardError))
        } else {
            process.standardError = try FileHandle(forWritingTo: errorFile)
        }
        try process.run()
        if standardOutput != nil { try output.fileHandleForWriting.close() }
        let outputData = standardOutput == nil ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, output: outputData, errors: errorText)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = Scratch.root.appendingPathComponent("relgraph-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `text` to a file in a fresh folder and returns its path.
    static func file(named name: String, _ text: String) throws -> String {
        let path = try temporaryFolder().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
