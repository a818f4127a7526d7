import Foundation
import RelGraphTestSupport
import Testing

/// Long loads, writes and drawings show a progress line on stderr when it is a terminal
/// (issue 14, item 7). The graph is fed through a FIFO, half of it, then a pause of 1.5 s, then
/// the rest, so that reading takes longer than the second after which the line appears.
@Suite("Progress on stderr")
struct ProgressTests {
    /// What `relgraph stats FIFO arguments` printed on stdout and stderr together, run with
    /// stderr on a terminal (through `script`) or on a file.
    static func statsReadSlowly(_ arguments: [String] = [], onTerminal: Bool) throws -> String {
        let folder = try RelGraphCLI.temporaryFolder()
        let fifo = folder.appendingPathComponent("slow.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let document = try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "json").output
        let process = Process()
        let command = ([RelGraphCLI.binary.path, "stats", fifo] + arguments).joined(separator: " ")
        if onTerminal {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
        } else {
            process.executableURL = RelGraphCLI.binary
            process.arguments = ["stats", fifo] + arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let writer = try #require(FileHandle(forWritingAtPath: fifo))
        writer.write(document.prefix(document.count / 2))
        Thread.sleep(forTimeInterval: 1.5)
        writer.write(document.dropFirst(document.count / 2))
        try writer.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        return text
    }

    @Test("a read that takes over a second shows what was read and how fast, then wipes the line")
    func slowReadShowsProgress() throws {
        let text = try Self.statsReadSlowly(onTerminal: true)
        #expect(text.contains("reading "), "\(text)")
        #expect(text.contains("slow.json: "))
        #expect(text.contains("B/s"))
        let lastLine = try #require(text.range(of: "\r\u{1B}[K", options: .backwards))
        #expect(text[lastLine.upperBound...].hasPrefix("nodes"), "the line is wiped before the answer: \(text.debugDescription)")
    }

    @Test("--quiet shows no progress")
    func quietShowsNone() throws {
        let text = try Self.statsReadSlowly(["--quiet"], onTerminal: true)
        #expect(!text.contains("reading"), "\(text)")
        #expect(text.contains("nodes"))
    }

    @Test("no progress when stderr is not a terminal")
    func noTerminalNoProgress() throws {
        let text = try Self.statsReadSlowly(onTerminal: false)
        #expect(!text.contains("reading"), "\(text)")
        #expect(!text.contains("\u{1B}"))
        #expect(text.hasPrefix("nodes"))
    }
}
