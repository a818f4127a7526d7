import Foundation
import RelGraphTestSupport
import Testing

/// No query hangs: a runaway query stops at --timeout or --max-rows with the clause named and
/// nothing half-printed (exit 1), Ctrl-C stops one at once, and variable-length patterns whose
/// trails nothing reads answer at once.
@Suite("relgraph query limits")
struct QueryLimitCommandTests {
    let runaway = "MATCH (a {id: 'india'})-[*]-(b) RETURN b.id"

    @Test("--timeout stops a runaway query with exit 1, naming its clause and the option, printing no row")
    func timeout() throws {
        let result = try RelGraphCLI.run("query", RelGraphCLI.graph, runaway, "--timeout", "0.5")
        #expect(result.status == 1)
        #expect(result.text.isEmpty)
        #expect(result.errors.hasPrefix("QUERY:1:1: error: the query ran past its time limit of 0.5 seconds, in the MATCH at line 1, column 1"))
        #expect(result.errors.contains("upper bound (such as [*..4])") && result.errors.contains("--timeout SECONDS"))
    }

    @Test("--max-rows stops a clause that makes more rows, with exit 1 and nothing on standard output")
    func maximumRows() throws {
        let result = try RelGraphCLI.run("query", RelGraphCLI.graph, runaway, "--max-rows", "5000", "--json")
        #expect(result.status == 1)
        #expect(result.text.isEmpty)
        #expect(result.errors.contains("made more than 5,000 rows") && result.errors.contains("--max-rows N"))
    }

    /// A signal can come while the query's thread is inside `malloc`, holding the allocator's
    /// lock: a handler that allocates (as one written in Swift could, on first use of the
    /// runtime's caches) then waits forever for that lock. Interrupted at 24 moments spread
    /// over its run, the query must end at once every time; this once hung about one
    /// interrupt in 40 (the handler is C now, `CUnfinishedFiles`).
    @Test("Ctrl-C stops a running query at once, wherever it comes")
    func interrupt() throws {
        var random = SeededRandom(seed: 20)
        for attempt in 0..<24 {
            let process = Process()
            process.executableURL = RelGraphCLI.binary
            process.arguments = ["query", RelGraphCLI.graph, runaway]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.6, using: &random))
            let sent = ContinuousClock.now
            process.interrupt()
            let deadline = sent + TimeLimit.scaled(.seconds(2))
            while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                Issue.record("interrupt \(attempt): the query did not end within 2 seconds of Ctrl-C")
                continue
            }
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT, "interrupt \(attempt)")
        }
    }

    @Test("[*] from India, counting distinct ends, answers at once")
    func reachableEnds() throws {
        let started = ContinuousClock.now
        let result = try RelGraphCLI.run("query", RelGraphCLI.graph, "MATCH (a {id: 'india'})-[*]-(b) RETURN count(DISTINCT b)", "--json", "--timeout", "5")
        #expect(result.status == 0)
        #expect((result.json as? [String: Any])?["rows"] as? [[Int]] == [[44]])
        #expect(ContinuousClock.now - started < TimeLimit.scaled(.seconds(3)))
    }

    @Test(
        "the query that crashed relgraph (issue 20) is a located error, exit 65, on an empty graph and the bundled one",
        arguments: [true, false])
    func aggregateCrash(onEmptyGraph: Bool) throws {
        let query = try String(contentsOfFile: FuzzRegressionTests.regression("cypher", "aggregate-with-non-grouping-key.cypher"), encoding: .utf8)
        let graph = onEmptyGraph ? try RelGraphCLI.file(named: "EMPTY.yaml", "relgraph: 1\nnodes: []\n") : RelGraphCLI.graph
        let result = try RelGraphCLI.run("query", graph, query)
        #expect(result.status == 65)
        #expect(result.errors.hasPrefix("QUERY:1:40: error: me.age + count(you.age) mixes an aggregate with values that are not grouping keys"))
        #expect(result.errors.contains("\n" + String(repeating: " ", count: 39) + "^"))
    }

    @Test("a missing parameter names --param")
    func missingParameter() throws {
        let result = try RelGraphCLI.run("query", RelGraphCLI.graph, "MATCH (n {id: $who}) RETURN n")
        #expect(result.status == 65)
        #expect(result.errors.contains("the parameter $who is not given") && result.errors.contains("--param who=VALUE"))
    }
}
