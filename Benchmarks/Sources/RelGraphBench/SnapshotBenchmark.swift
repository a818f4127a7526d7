import Foundation
import RelGraph

/// The snapshot rows: writing the `.rgpack` of the loaded graph, opening it in process (with how
/// much of the resident memory it adds is the mapped file and how much is the process's own), and
/// whole `relgraph` processes (`path`, `stats`) on the snapshot beside the same on the JSON
/// document, which is what a user of a big graph waits for.
enum SnapshotBenchmark {
    static func operations(of graph: Graph, _ files: DataFiles, runs: Int, slowRuns: Int) -> [Run.Operation] {
        let snapshot = "\(files.folder)/\(files.size.rawValue).rgpack"
        let pair = (try? String(contentsOfFile: files.pairs, encoding: .utf8))?.split(separator: "\n").first?.split(separator: " ").map(String.init) ?? []
        var operations = [
            Run.Operation(name: "write snapshot", runs: slowRuns) { try graph.writeSnapshot(to: snapshot) },
            Run.Operation(name: "open snapshot", runs: runs, note: nil) { _ = try Graph(snapshotAt: snapshot) },
        ]
        guard let relgraph = relgraphBinary(), pair.count == 2 else {
            FileHandle.standardError.write(
                Data("snapshot rows: no relgraph binary beside relgraph-bench (swift build -c release --product relgraph); whole-process rows skipped\n".utf8))
            return operations
        }
        operations += [
            Run.Operation(name: "process: path on the snapshot", runs: runs, process: [relgraph, "path", snapshot, pair[0], pair[1]]),
            Run.Operation(name: "process: stats on the snapshot", runs: runs, process: [relgraph, "stats", snapshot]),
            Run.Operation(name: "process: path on the json", runs: slowRuns, process: [relgraph, "path", files.json, pair[0], pair[1]]),
        ]
        return operations
    }

    /// The split of resident memory that opening `snapshot` adds: anonymous (the process's own
    /// allocations) and file-backed (the mapped snapshot's pages, shared with the page cache).
    static func openingMemory(_ snapshot: String) -> String {
        let before = (Measure.statusField("RssAnon:"), Measure.statusField("RssFile:"))
        let graph = try? Graph(snapshotAt: snapshot)
        let after = (Measure.statusField("RssAnon:"), Measure.statusField("RssFile:"))
        withExtendedLifetime(graph) {}
        return String(format: "opening adds %.0f MB anonymous, %.0f MB file-backed (mapped) resident memory", after.0 - before.0, after.1 - before.1)
    }

    /// `relgraph`, built beside this program.
    private static func relgraphBinary() -> String? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let path = folder.appendingPathComponent("relgraph").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}

extension Run.Operation {
    /// A whole process: `arguments[0]` run with the rest, its output discarded; timed from
    /// spawn to exit, and its peak resident memory taken from the kernel's accounting.
    init(name: String, runs: Int, process arguments: [String]) {
        self.init(name: name, runs: runs, note: arguments.dropFirst().map { ($0 as NSString).lastPathComponent }.joined(separator: " ")) {
            try Measure.spawn(arguments)
        }
        childProcess = true
    }
}

extension Measure {
    /// The peak resident memory of the last process ``spawn(_:)`` ran, in MB.
    nonisolated(unsafe) static var lastChildPeakMB = 0.0

    /// Runs a program to its end, output to /dev/null; fails if it does not exit 0 or 1. It runs
    /// under GNU time, which forks it from its own small process: the kernel's peak for a child
    /// spawned straight from this one would count this process's memory (a `vfork` child shares
    /// it until it execs).
    static func spawn(_ arguments: [String]) throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-bench-rss-\(getpid())").path
        let arguments = ["/usr/bin/time", "-f", "%M", "-o", report] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        let kilobytes = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) } ?? 0
        lastChildPeakMB = kilobytes / 1024
        let code = (status >> 8) & 0xFF
        guard status & 0x7F == 0, code == 0 || code == 1 else { throw CocoaError(.executableRuntimeMismatch) }
    }
}
