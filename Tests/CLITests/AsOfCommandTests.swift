import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// `--as-of D` through the binary at the level of days (contract §1 "Time"): a `start` or
/// `date` counts from its first day, an `end` lasts through its last, and D covers its own days.
@Suite("relgraph --as-of at day boundaries")
struct AsOfCommandTests {
    /// Elements on the boundaries of 2021-07-15, and one always there.
    static let yaml = """
        relgraph: 1
        nodes:
          - {id: starts-on-d, kind: event, start: 2021-07-15}
          - {id: ends-on-d, kind: event, end: 2021-07-15}
          - {id: dated-d, kind: event, date: 2021-07-15}
          - {id: july, kind: event, start: 2021-07, end: 2021-07}
          - {id: always, kind: actor}
        edges:
          - {from: always, to: ends-on-d, relation: knew, end: 2021-07-15}
          - {from: always, to: starts-on-d, relation: knows, start: 2021-07-15}

        """

    /// The ids `components --as-of D` keeps, sorted.
    static func kept(asOf moment: String, in file: String) throws -> [String] {
        let result = try RelGraphCLI.run("components", file, "--as-of", moment, "--json")
        let components = try #require((result.json as? [String: Any])?["components"] as? [[String: Any]], "\(result.errors)")
        let kept = components.flatMap { $0["nodes"] as! [String] }.sorted()
        #expect(result.status == (kept.isEmpty ? 1 : 0), "nothing found exits 1, anything found 0: \(result.errors)")
        return kept
    }

    @Test("as of a day, what starts, ends or is dated on that day is kept")
    func onTheDay() throws {
        let file = try RelGraphCLI.file(named: "days.yaml", Self.yaml)
        #expect(try Self.kept(asOf: "2021-07-15", in: file) == ["always", "dated-d", "ends-on-d", "july", "starts-on-d"])
    }

    @Test("as of the day before, what starts or is dated on the day is dropped")
    func theDayBefore() throws {
        let file = try RelGraphCLI.file(named: "days.yaml", Self.yaml)
        #expect(try Self.kept(asOf: "2021-07-14", in: file) == ["always", "ends-on-d", "july"])
    }

    @Test("as of the day after, what ended on the day is dropped")
    func theDayAfter() throws {
        let file = try RelGraphCLI.file(named: "days.yaml", Self.yaml)
        #expect(try Self.kept(asOf: "2021-07-16", in: file) == ["always", "dated-d", "july", "starts-on-d"])
    }

    @Test("a month's interval holds from its first day through its last")
    func monthInterval() throws {
        let file = try RelGraphCLI.file(named: "days.yaml", Self.yaml)
        #expect(try Self.kept(asOf: "2021-07-01", in: file).contains("july"))
        #expect(try Self.kept(asOf: "2021-07-31", in: file).contains("july"))
        #expect(try !Self.kept(asOf: "2021-06-30", in: file).contains("july"))
        #expect(try !Self.kept(asOf: "2021-08-01", in: file).contains("july"))
    }

    @Test("neighbors --as-of a day follows an edge that starts or ends that day, and not past it")
    func edgesOnTheDay() throws {
        let file = try RelGraphCLI.file(named: "days.yaml", Self.yaml)
        func neighbors(_ moment: String) throws -> [String] {
            let result = try RelGraphCLI.run("neighbors", file, "always", "--as-of", moment, "--json")
            return ((result.json as? [String: Any])?["neighbors"] as? [[String: Any]])?.map { "\($0["id"]!) \($0["relation"]!)" } ?? []
        }
        #expect(try neighbors("2021-07-15") == ["ends-on-d knew", "starts-on-d knows"])
        #expect(try neighbors("2021-07-14") == ["ends-on-d knew"])
        #expect(try neighbors("2021-07-16") == ["starts-on-d knows"])
    }

    @Test("random timings of any precision: components --as-of keeps exactly what a day-by-day reference keeps", arguments: 0..<6)
    func randomTimings(seed: UInt64) throws {
        var random = SeededRandom(seed: seed &+ 9_100)
        var lines = ["relgraph: 1", "nodes:"]
        var references: [(id: String, start: DaySpan?, end: DaySpan?)] = []
        for index in 0..<16 {
            let start = Bool.random(using: &random) ? DaySpan.random(using: &random) : nil
            var end = Bool.random(using: &random) ? DaySpan.random(using: &random) : nil
            if let s = start, let e = end, e.last < s.first { end = nil }
            let isEvent = start != nil && end == nil && Bool.random(using: &random)
            let dates = isEvent ? ", date: \(start!.text)" : (start.map { ", start: \($0.text)" } ?? "") + (end.map { ", end: \($0.text)" } ?? "")
            lines.append("  - {id: n\(index), kind: event\(dates)}")
            references.append(("n\(index)", start, end))
        }
        let file = try RelGraphCLI.file(named: "random.yaml", lines.joined(separator: "\n") + "\n")
        for _ in 0..<4 {
            let moment = DaySpan.random(using: &random)
            let expected = references.filter { DaySpan.exists(start: $0.start, end: $0.end, asOf: moment) }.map(\.id).sorted()
            #expect(try Self.kept(asOf: moment.text, in: file) == expected, "seed \(seed) as of \(moment.text)")
        }
    }
}
