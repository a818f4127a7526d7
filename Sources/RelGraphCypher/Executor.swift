import Foundation
import RelGraphCore

/// Runs a ``StatementPlan`` over a ``GraphView``: each `MATCH` walks the view's adjacency depth
/// first with one mutable row, and rows stream into the next projection without being
/// stored, so `RETURN count(*)` over a million matches keeps no row at all.
///
/// Relationships are unique within one `MATCH` (openCypher's rule, also for variable-length
/// patterns); symmetric relations match in both directions; rows come in the order the
/// matching meets them, which depends only on the graph and the query. Every step counts
/// against the query's ``QueryBudget``.
final class CypherExecutor {
    typealias Row = [CypherValue]
    typealias Sink = (Row) throws(CypherError) -> Void

    let view: GraphView
    let graph: Graph
    let plan: StatementPlan
    let parameters: [String: CypherValue]
    let language: String
    var budget: QueryBudget
    /// Edges bound by the `MATCH` being matched (from `usedBase` on), kept distinct.
    var used: [Int32] = []
    var usedBase = 0
    /// Set by a test of existence once it has found a match, to stop the walk.
    var stopping = false
    var shortestTraversals: [String: Traversal] = [:]
    var regexes: [String: Regex<AnyRegexOutput>] = [:]
    /// `rand()`: seeded the same way for every query, so answers are the same every time.
    var random = SeededGenerator(seed: 0x5EED_CAFE)
    lazy var hasLabelLists = NodeLabels.graphHasLabelLists(graph)
    /// The clock `date()`, `datetime()` and their kin read: once per query.
    lazy var statementTime = Date()

    init(view: GraphView, plan: StatementPlan, parameters: [String: CypherValue], language: String, limits: QueryLimits) {
        self.view = view
        graph = view.graph
        self.plan = plan
        self.parameters = parameters
        self.language = language
        budget = QueryBudget(limits)
    }

    /// The rows the statement returns (every query of a `UNION`, repeats removed unless `ALL`).
    func run() throws(CypherError) -> [Row] {
        var rows: [Row] = []
        for query in plan.queries { rows += try run(query, from: [[]]) }
        if plan.queries.count > 1, plan.unionAll.first == false {
            var seen = Set<[CypherValue]>()
            rows = rows.filter { seen.insert($0.map(\.groupingKey)).inserted }
        }
        return rows
    }

    /// Runs one query's stages from `initial` rows (one empty row, or a subquery's outer row).
    func run(_ query: QueryPlan, from initial: [Row]) throws(CypherError) -> [Row] {
        var rows = initial
        var start = 0
        for (index, stage) in query.stages.enumerated() {
            guard case .project(let projection) = stage else { continue }
            let segment = Array(query.stages[start..<index])
            var accumulator = ProjectionAccumulator(plan: projection, executor: self)
            if initial.count == 1, initial[0].isEmpty, start == 0, segment.count == 1, case .match(let match) = segment[0],
                let count = EdgePatternCount(match: match, projection: projection)
            {
                for group in count.groups(in: view) { try accumulator.add(group.row, times: group.count) }
            } else {
                let counts = RowCounts(segment.count)
                for row in rows {
                    try feed(segment, 0, row, counts) { row throws(CypherError) in try accumulator.add(row) }
                }
            }
            budget.clause = (projection.isReturn ? "RETURN" : "WITH", projection.position, .none)
            rows = try accumulator.finish()
            start = index + 1
        }
        if start < query.stages.count {
            // A subquery may end without RETURN: its rows are those of its last clauses.
            let segment = Array(query.stages[start...])
            let counts = RowCounts(segment.count)
            var output: [Row] = []
            for row in rows {
                try feed(segment, 0, row, counts) { row throws(CypherError) in output.append(row) }
            }
            rows = output
        }
        return rows
    }

    /// Rows each stage of a segment has passed on, against the row cap.
    final class RowCounts {
        var counts: [Int]
        init(_ stages: Int) { counts = [Int](repeating: 0, count: stages) }
    }

    private func passOn(_ index: Int, _ counts: RowCounts) throws(CypherError) {
        counts.counts[index] += 1
        try budget.checkRows(counts.counts[index])
        try budget.step()
    }

    func feed(_ segment: [Stage], _ index: Int, _ row: Row, _ counts: RowCounts, _ sink: Sink) throws(CypherError) {
        guard index < segment.count else { try sink(row); return }
        switch segment[index] {
        case .unwind(let expression, _, let position):
            budget.clause = ("UNWIND", position, .none)
            switch try evaluate(expression, row) {
            case .null: return
            case .list(let items):
                for item in items {
                    try passOn(index, counts)
                    try feed(segment, index + 1, row + [item], counts, sink)
                }
            case let value:
                try passOn(index, counts)
                try feed(segment, index + 1, row + [value], counts, sink)
            }
        case .match(let match):
            var extended = row + Row(repeating: .null, count: match.newSlots.count)
            let savedBase = usedBase
            usedBase = used.count
            defer { usedBase = savedBase }
            var found = false
            let clause = ("MATCH", match.position, match.variableLengths)
            budget.clause = clause
            try self.match(match, 0, &extended) { row throws(CypherError) in
                found = true
                try self.passOn(index, counts)
                try self.feed(segment, index + 1, row, counts, sink)
                self.budget.clause = clause
            }
            if !found, match.isOptional {
                try feed(segment, index + 1, row + Row(repeating: .null, count: match.newSlots.count), counts, sink)
            }
        case .project:
            preconditionFailure("projections end segments")
        }
    }

    /// Whether a pattern predicate has a match from `row`.
    func exists(_ planIndex: Int, _ row: Row) throws(CypherError) -> Bool {
        var found = false
        try matches(of: planIndex, from: row) { _ throws(CypherError) in
            found = true
            self.stopping = true
        }
        return found
    }

    /// Calls `body` with each row a pattern plan matches from `row`.
    func matches(of planIndex: Int, from row: Row, _ body: Sink) throws(CypherError) {
        let match = plan.patternPlans[planIndex]
        var extended = row + Row(repeating: .null, count: match.newSlots.count)
        let savedBase = usedBase, savedStopping = stopping, savedClause = budget.clause
        usedBase = used.count
        defer { usedBase = savedBase; stopping = savedStopping; budget.clause = savedClause }
        try self.match(match, 0, &extended, body)
    }

    /// `EXISTS { }` (whether the subquery has a row) and `COUNT { }` (how many), from `row`.
    func subquery(_ index: Int, _ kind: Subquery.Kind, _ row: Row) throws(CypherError) -> CypherValue {
        let query = plan.subqueries[index]
        let savedBase = usedBase, savedStopping = stopping, savedClause = budget.clause
        usedBase = used.count
        defer { usedBase = savedBase; stopping = savedStopping; budget.clause = savedClause }
        let hasProjection = query.stages.contains { if case .project = $0 { true } else { false } }
        if kind == .exists, !hasProjection {
            var found = false
            try feed(query.stages, 0, row, RowCounts(query.stages.count)) { _ throws(CypherError) in
                found = true
                self.stopping = true
            }
            return .boolean(found)
        }
        let rows = try run(query, from: [row])
        return kind == .exists ? .boolean(!rows.isEmpty) : .integer(rows.count)
    }
}

/// SplitMix64: a small, seeded generator for `rand()`.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
