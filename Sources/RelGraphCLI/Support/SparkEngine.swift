import ArgumentParser
import Foundation

/// `--engine spark [--master URL]`: the query commands answered by the project's Spark engine,
/// `relgraph-spark` (the Python package in `spark/`, installed into `.venv` by `scripts/setup`).
struct EngineOptions: ParsableArguments {
    enum Engine: String, ExpressibleByArgument, CaseIterable {
        /// This process, in memory (the default).
        case relgraph
        /// Apache Spark, through `relgraph-spark`.
        case spark
    }

    @Option(help: "Who answers: relgraph (in this process, the default) or spark (Apache Spark, through relgraph-spark).")
    var engine: Engine = .relgraph
    @Option(help: "With --engine spark: the Spark master URL (local[N], spark://HOST:PORT, yarn…); default local[2].")
    var master: String?

    func validate() throws {
        if master != nil, engine != .spark { throw ValidationError("--master applies to --engine spark") }
    }

    /// With `--engine spark`, runs the whole command line through `relgraph-spark` and ends
    /// this process with its exit status; otherwise returns.
    func delegateIfAsked() throws {
        guard engine == .spark else { return }
        SparkEngine.runAndExit(arguments: Array(CommandLine.arguments.dropFirst()))
    }
}

/// Finding and running `relgraph-spark`.
enum SparkEngine {
    /// The exit status when the engine is not installed: sysexits' EX_UNAVAILABLE, as the
    /// contract's codes are sysexits' (README, "When one machine is not enough").
    static let unavailable: Int32 = 69

    static let executableName = "relgraph-spark"

    /// `relgraph-spark`: `$RELGRAPH_SPARK` if set, else the first on the PATH, else the one in
    /// the `.venv` of the project this binary was built in (`.build/…/relgraph`).
    static func locate() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["RELGRAPH_SPARK"] {
            return FileManager.default.isExecutableFile(atPath: named) ? named : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(executableName)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        var folder = URL(fileURLWithPath: currentExecutable()).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(".venv/bin/\(executableName)").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// This binary's path, which the engine calls back (`$RELGRAPH_BIN`) to export other formats.
    static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `relgraph-spark` with `arguments`, its standard streams this process's, and exits
    /// with its status (a signal that ends it ends this process with 128 + the signal).
    static func runAndExit(arguments: [String]) -> Never {
        guard let engine = locate() else {
            Console.error(missingMessage)
            exit(unavailable)
        }
        exit(run(engine, arguments))
    }

    /// Runs `executable` with `arguments`, standard streams inherited, `$RELGRAPH_BIN` set;
    /// returns its exit status.
    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        var environment = ProcessInfo.processInfo.environment
        environment["RELGRAPH_BIN"] = currentExecutable()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child = pid_t()
        let spawned = posix_spawn(&child, executable, nil, nil, argv, envp)
        guard spawned == 0 else {
            Console.error("error: cannot start \(executable): \(String(cString: strerror(spawned)))")
            return unavailable
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { return 70 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    static let missingMessage = """
        error: --engine spark needs relgraph-spark, the Spark engine, which is not installed: run \
        ./scripts/setup in the RelGraph project (it installs it into .venv with Java 17 and PySpark), \
        or `pip install ./spark` into a Python 3.10+ environment on the PATH (RELGRAPH_SPARK may name it)
        """
}
