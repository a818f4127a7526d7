import Testing

/// The openCypher TCK's read-only scenarios against RelGraph's query engine (see
/// `docs/TCK.md`): the pass count may not fall below the committed floor, and no scenario may
/// fail that the committed outcomes do not list.
@Suite("openCypher TCK")
struct TCKTests {
    @Test(
        "the read-only TCK scenarios pass at least as often as the committed floor, and none newly fails",
        .enabled(if: TCKSuite.root != nil, "the TCK is not on this machine (set RELGRAPH_TCK)"))
    func readOnlyScenarios() throws {
        let root = try #require(TCKSuite.root)
        let outcomes = try TCKSuite.runReadOnly(in: root)
        let table = TCKTable(outcomes)
        print("openCypher TCK, read-only scenarios:\n" + table.markdown)
        if TCKRecord.isRecording {
            try TCKRecord.write(outcomes)
            print("recorded \(TCKRecord.floorFile.path), \(TCKRecord.outcomesFile.path) and \(TCKRecord.page.path)")
            return
        }
        let floor = TCKRecord.floor()
        #expect(table.total.passed >= floor, "\(table.total.passed) scenarios pass, below the floor of \(floor) (Tests/TCKTests/floor.txt)")
        let listed = TCKRecord.listed()
        let regressions = outcomes.filter { !$0.outcome.isPassed && listed[$0.scenario.key] == nil }
        for (scenario, outcome) in regressions.prefix(30) {
            Issue.record("\(outcome.word) \(scenario.key): \(outcome.reason)")
        }
        #expect(regressions.isEmpty, "\(regressions.count) scenarios no longer pass; fix them, or record the run (make tck-record) and say why")
        let fixed = outcomes.filter { $0.outcome.isPassed && listed[$0.scenario.key] != nil }.count
        if fixed > 0 { print("\(fixed) scenarios listed in Tests/TCKTests/outcomes.txt pass now: record the run (make tck-record)") }
    }
}
