import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// `--as-of D` at the level of days (contract §1 "Time"): a `start` or `date` counts from its
/// first day, an `end` lasts through its last day, and D covers all of its own days. Each test
/// puts an element exactly on a boundary and one day past it.
@Suite("As-of at day boundaries")
struct AsOfBoundaryTests {
    /// Whether a graph with one node of this timing keeps the node as of `moment`.
    static func keeps(_ timing: Timing, asOf moment: String) throws -> Bool {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "x", kind: .event, timing: timing))
        let graph = try builder.build()
        return graph.view(GraphFilter(asOf: try PartialDate(parsing: moment))).contains(node: NodeIndex(0))
    }

    static func interval(_ start: String?, _ end: String?) throws -> Timing {
        try Timing(date: nil, start: start.map { try PartialDate(parsing: $0) }, end: end.map { try PartialDate(parsing: $0) })
    }

    @Test("an interval that starts on D is kept as of D and dropped as of the day before")
    func startDay() throws {
        let timing = try Self.interval("2021-07-15", nil)
        #expect(try Self.keeps(timing, asOf: "2021-07-15"))
        #expect(try !Self.keeps(timing, asOf: "2021-07-14"))
    }

    @Test("an interval that ends on D is kept as of D and dropped as of the day after")
    func endDay() throws {
        let timing = try Self.interval(nil, "2021-07-15")
        #expect(try Self.keeps(timing, asOf: "2021-07-15"))
        #expect(try !Self.keeps(timing, asOf: "2021-07-16"))
    }

    @Test("an event dated D is kept as of D and dropped as of the day before")
    func dateDay() throws {
        let timing = Timing.on(try PartialDate(parsing: "2021-07-15"))
        #expect(try Self.keeps(timing, asOf: "2021-07-15"))
        #expect(try !Self.keeps(timing, asOf: "2021-07-14"))
    }

    @Test("a start of a month or a year counts from its first day")
    func partialStart() throws {
        #expect(try Self.keeps(Self.interval("2021-07", nil), asOf: "2021-07-01"))
        #expect(try !Self.keeps(Self.interval("2021-07", nil), asOf: "2021-06-30"))
        #expect(try Self.keeps(.on(PartialDate(parsing: "2021")), asOf: "2021-01-01"))
        #expect(try !Self.keeps(.on(PartialDate(parsing: "2021")), asOf: "2020-12-31"))
    }

    @Test("an end of a month lasts through its last day, 29 February in a leap year and 28 in others")
    func monthEnd() throws {
        #expect(try Self.keeps(Self.interval(nil, "2021-07"), asOf: "2021-07-31"))
        #expect(try !Self.keeps(Self.interval(nil, "2021-07"), asOf: "2021-08-01"))
        #expect(try Self.keeps(Self.interval(nil, "2024-02"), asOf: "2024-02-29"))
        #expect(try !Self.keeps(Self.interval(nil, "2024-02"), asOf: "2024-03-01"))
        #expect(try Self.keeps(Self.interval(nil, "2023-02"), asOf: "2023-02-28"))
        #expect(try !Self.keeps(Self.interval(nil, "2023-02"), asOf: "2023-03-01"))
    }

    @Test("an end of a year lasts through 31 December")
    func yearEnd() throws {
        #expect(try Self.keeps(Self.interval("1993", "2031"), asOf: "2031-12-31"))
        #expect(try !Self.keeps(Self.interval("1993", "2031"), asOf: "2032-01-01"))
    }

    @Test("a month D covers all its days: it keeps an event of its last day and an interval that ended on its first")
    func partialMoment() throws {
        #expect(try Self.keeps(.on(PartialDate(parsing: "2021-07-31")), asOf: "2021-07"))
        #expect(try Self.keeps(Self.interval(nil, "2021-07-01"), asOf: "2021-07"))
        #expect(try !Self.keeps(.on(PartialDate(parsing: "2021-08-01")), asOf: "2021-07"))
        #expect(try !Self.keeps(Self.interval(nil, "2021-06-30"), asOf: "2021-07"))
    }

    @Test("an edge stays only where both its nodes stay, even when its own dates hold")
    func edgeNeedsBothEnds() throws {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "old", kind: .actor, timing: Self.interval(nil, "2000-12-31")))
        try builder.addNode(Node(id: "new", kind: .actor, timing: Self.interval("2001-01-01", nil)))
        try builder.addNode(Node(id: "always", kind: .actor))
        try builder.addEdge(Edge(from: "always", to: "old", relation: "r"))
        try builder.addEdge(Edge(from: "new", to: "always", relation: "r"))
        let graph = try builder.build()
        let in2000 = graph.view(GraphFilter(asOf: try PartialDate(parsing: "2000-12-31")))
        #expect(in2000.edgeIndices.map { graph.id(ofNode: graph.to(ofEdge: $0)) } == ["old"])
        var traversal = Traversal(in2000)
        #expect(traversal.reach(from: graph.node("always"), depth: 1).map { graph.id(ofNode: $0.node) } == ["always", "old"])
    }

    // MARK: Random timings against a calendar of the test's own (DaySpan)

    @Test("random timings of year, month and day precision are kept exactly when a day-by-day reference keeps them", arguments: 0..<40)
    func randomTimings(seed: UInt64) throws {
        var random = SeededRandom(seed: seed &+ 7_000)
        var builder = GraphBuilder()
        var expected: [(text: String, exists: (DaySpan) -> Bool)] = []
        for index in 0..<24 {
            let start = Bool.random(using: &random) ? DaySpan.random(using: &random) : nil
            var end = Bool.random(using: &random) ? DaySpan.random(using: &random) : nil
            if let s = start, let e = end, e.last < s.first { end = nil }
            let isEvent = start != nil && end == nil && Bool.random(using: &random)
            let timing =
                try isEvent
                ? Timing.on(PartialDate(parsing: start!.text))
                : Timing(date: nil, start: start.map { try PartialDate(parsing: $0.text) }, end: end.map { try PartialDate(parsing: $0.text) })
            try builder.addNode(Node(id: "n\(index)", kind: .event, timing: timing))
            expected.append(("n\(index) \(timing)", { DaySpan.exists(start: start, end: end, asOf: $0) }))
        }
        let graph = try builder.build()
        for _ in 0..<12 {
            let moment = DaySpan.random(using: &random)
            let kept = Set(graph.view(GraphFilter(asOf: try PartialDate(parsing: moment.text))).nodeIndices.map(\.position))
            for (index, node) in expected.enumerated() {
                #expect(kept.contains(index) == node.exists(moment), "seed \(seed): \(node.text) as of \(moment.text)")
            }
        }
    }
}
