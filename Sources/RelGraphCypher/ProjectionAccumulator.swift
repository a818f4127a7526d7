import RelGraphCore

/// Collects the rows a `WITH` or `RETURN` receives: projects them (or groups them and
/// updates aggregates as they stream in), then applies `DISTINCT`, `ORDER BY`, `SKIP`,
/// `LIMIT` and `WITH ... WHERE`.
struct ProjectionAccumulator {
    typealias Row = [CypherValue]
    let plan: ProjectionPlan
    let executor: CypherExecutor
    /// Without aggregates: projected rows, each with its sort keys (and its input row, where
    /// `WITH ... WHERE` reads variables of before the `WITH`).
    private var projected: [(row: Row, keys: Row, input: Row)] = []
    private var seen: Set<Row> = []
    /// With aggregates: one group per distinct key, its first input row and its states.
    private var groups: [Row: Int] = [:]
    private var singleGroups: [CypherValue: Int] = [:]
    private var representatives: [Row] = []
    private var states: [[AggregateState]] = []
    private let keyItems: [Int]

    init(plan: ProjectionPlan, executor: CypherExecutor) {
        self.plan = plan
        self.executor = executor
        keyItems = plan.items.indices.filter { !plan.items[$0].containsAggregate }
    }

    mutating func add(_ row: Row) throws(CypherError) {
        if !plan.isAggregating {
            var output: Row = []
            output.reserveCapacity(plan.items.count)
            for item in plan.items { output.append(try executor.evaluate(item, row)) }
            if plan.isDistinct, plan.order.isEmpty {
                guard seen.insert(output.map(\.groupingKey)).inserted else { return }
            }
            var keys: Row = []
            if !plan.order.isEmpty {
                let combined = output + row
                for (expression, _) in plan.order { keys.append(try executor.evaluate(expression, combined)) }
            }
            projected.append((output, keys, plan.predicateReadsInput ? row : []))
            try executor.budget.checkRows(projected.count)
            return
        }
        let group = try self.group(of: row)
        for (index, aggregate) in plan.aggregates.enumerated() {
            let value = try aggregate.argument.map { argument throws(CypherError) in try executor.evaluate(argument, row) }
            try states[group][index].add(value, aggregate, row: row, executor: executor)
        }
    }

    /// `rows` rows like `row` (all in its group) whose aggregates are all `count` of values
    /// that are never null: what ``EdgePatternCount`` hands over instead of each row.
    mutating func add(_ row: Row, times rows: Int) throws(CypherError) {
        precondition(plan.aggregates.allSatisfy { $0.function == .count && !$0.isDistinct }, "only plain counts are added in bulk")
        let group = try self.group(of: row)
        for index in plan.aggregates.indices { states[group][index].addCount(rows) }
    }

    /// The group `row` belongs to, started if it is new.
    private mutating func group(of row: Row) throws(CypherError) -> Int {
        let group: Int
        if keyItems.isEmpty {
            if states.isEmpty { start(row) }
            group = 0
        } else if keyItems.count == 1 {
            // One grouping key (the usual case): no key array per row.
            let key = try executor.evaluate(plan.items[keyItems[0]], row).groupingKey
            if let known = singleGroups[key] {
                group = known
            } else {
                group = states.count
                singleGroups[key] = group
                start(row)
                try executor.budget.checkRows(states.count)
            }
        } else {
            var key: Row = []
            key.reserveCapacity(keyItems.count)
            for item in keyItems { key.append(try executor.evaluate(plan.items[item], row).groupingKey) }
            if let known = groups[key] {
                group = known
            } else {
                group = states.count
                groups[key] = group
                start(row)
            }
        }
        return group
    }

    private mutating func start(_ row: Row) {
        representatives.append(row)
        states.append(plan.aggregates.map { _ in AggregateState() })
    }

    /// The output rows, in order.
    mutating func finish() throws(CypherError) -> [Row] {
        if plan.isAggregating {
            if states.isEmpty, keyItems.isEmpty { start([]) }
            for (group, representative) in representatives.enumerated() {
                var results: Row = []
                for (index, aggregate) in plan.aggregates.enumerated() { results.append(try states[group][index].result(aggregate, executor: executor)) }
                var output: Row = []
                for item in plan.items { output.append(try executor.evaluate(item, representative, results)) }
                var keys: Row = []
                for (expression, _) in plan.order { keys.append(try executor.evaluate(expression, output, results)) }
                projected.append((output, keys, []))
            }
        }
        var rows = projected
        if plan.isDistinct, !plan.order.isEmpty || plan.isAggregating {
            var seen: Set<Row> = []
            rows = rows.filter { seen.insert($0.row.map(\.groupingKey)).inserted }
        }
        if !plan.order.isEmpty {
            let graph = executor.graph
            let directions = plan.order.map(\.ascending)
            rows = rows.enumerated().sorted { lhs, rhs in
                for (index, ascending) in directions.enumerated() {
                    let order = CypherValue.sortOrder(lhs.element.keys[index], rhs.element.keys[index], graph: graph)
                    if order != 0 { return ascending ? order < 0 : order > 0 }
                }
                return lhs.offset < rhs.offset
            }.map(\.element)
        }
        if let skip = plan.skip {
            let count = try nonNegative(skip, "SKIP")
            rows.removeFirst(min(count, rows.count))
        }
        if let limit = plan.limit {
            let count = try nonNegative(limit, "LIMIT")
            if rows.count > count { rows.removeLast(rows.count - count) }
        }
        if let predicate = plan.predicate {
            var kept: [Row] = []
            for entry in rows where executor.isTrue(try executor.evaluate(predicate, entry.row + entry.input)) { kept.append(entry.row) }
            return kept
        }
        return rows.map(\.row)
    }

    private func nonNegative(_ expression: CypherExpression, _ clause: String) throws(CypherError) -> Int {
        let position = expression.position ?? plan.position
        switch try executor.evaluate(expression, []) {
        case .integer(let count) where count >= 0: return count
        case .integer(let count):
            throw CypherError(
                .syntax, .negativeIntegerArgument, "\(clause) needs a count of rows, not \(count)", line: position.line, column: position.column,
                phase: .runtime)
        case let value:
            throw CypherError(
                .syntax, .invalidArgumentType, "\(clause) needs an integer, not \(value.described)", line: position.line, column: position.column,
                phase: .runtime)
        }
    }
}
