import RelGraphCore

/// `ORDER BY` and `WHERE` after a `WITH`/`RETURN` that aggregates or is `DISTINCT`: they see
/// only its columns (and new aggregates of its input), but may repeat a projected expression
/// (`RETURN me.age AS age, count(*) ORDER BY me.age + count(*)`), which then reads the column.
extension CypherPlanner {
    mutating func resolveAfterProjection(
        _ expression: CypherExpression, output: Scope, input: Scope, items: [CypherExpression],
        extracting aggregates: inout [AggregateSpec], position: CypherPosition
    ) throws(CypherError) -> CypherExpression {
        var both = output
        for (name, type) in zip(input.names, input.types) { _ = both.add(output.slot(of: name) == nil ? name : " shadowed", type) }
        let width = output.width
        let known = aggregates.count
        var fresh = aggregates
        let resolved = try resolveAggregating(expression, in: both, arguments: input, extracting: &fresh)
        // Aggregates here must be ones the projection computes (`ORDER BY count(*)` of `RETURN count(*) AS n`).
        var reuse: [Int: Int] = [:]
        for index in known..<fresh.count {
            guard let same = aggregates.firstIndex(where: { $0.isSame(as: fresh[index]) }) else {
                throw CypherError(
                    .syntax, .undefinedVariable,
                    "ORDER BY can only use aggregates the WITH or RETURN computes; add \(fresh[index].function.rawValue)(...) to its columns", at: position)
            }
            reuse[index] = same
        }
        // Inside an aggregating sort key, as inside an aggregating item, only variables and
        // properties stand for grouping keys (`me.age + you.age + count(*)` is ambiguous).
        let columns = items.enumerated()
            .filter { !$0.element.containsAggregate && (!expression.containsAggregate || $0.element.isLookup) }
            .map { ($0.offset, $0.element.shiftingSlots(by: width)) }
        let substituted = resolved.replacing { part in
            if case .aggregate(let index) = part { return .aggregate(reuse[index] ?? index) }
            return columns.first { $0.1.isSame(as: part) }.map { .slot($0.0) }
        }
        let unresolved = substituted.slotsRead(below: Int.max).filter { $0 >= width && $0 < width + input.width }.map { $0 - width }
        if !unresolved.isEmpty {
            let projectedInside = items.contains { item in !item.slotsRead(below: input.width).isDisjoint(with: unresolved) }
            if expression.containsAggregate, projectedInside {
                throw CypherError(
                    .syntax, .ambiguousAggregationExpression,
                    "this mixes an aggregate with values that are not grouping keys; use the columns of the WITH or RETURN", at: position)
            }
            throw CypherError(
                .syntax, .undefinedVariable,
                "after an aggregation or DISTINCT, only the columns of the WITH or RETURN can be used here", at: position)
        }
        return substituted
    }
}

extension AggregateSpec {
    func isSame(as other: AggregateSpec) -> Bool {
        guard function == other.function, isDistinct == other.isDistinct else { return false }
        switch (argument, other.argument) {
        case (nil, nil): return true
        case let (a?, b?): return a.isSame(as: b)
        default: return false
        }
    }
}

extension CypherExpression {
    /// The expression with every slot moved up by `offset` (for the lookups grouping keys are).
    func shiftingSlots(by offset: Int) -> CypherExpression {
        replacing { part in
            if case .slot(let slot) = part { return .slot(slot + offset) }
            return nil
        }
    }

    /// The expression with each part that `transform` rewrites replaced (outermost first);
    /// parts it leaves (nil) are rebuilt from their rewritten children. Comprehensions,
    /// subqueries and compiled patterns are kept whole.
    func replacing(_ transform: (CypherExpression) -> CypherExpression?) -> CypherExpression {
        if let replaced = transform(self) { return replaced }
        func go(_ expression: CypherExpression) -> CypherExpression { expression.replacing(transform) }
        switch self {
        case .property(let base, let name, let position): return .property(go(base), name, position)
        case .list(let items): return .list(items.map(go))
        case .map(let entries): return .map(entries.map { ($0.0, go($0.1)) })
        case .binary(let op, let lhs, let rhs, let position): return .binary(op, go(lhs), go(rhs), position)
        case .not(let inner, let position): return .not(go(inner), position)
        case .negate(let inner, let position): return .negate(go(inner), position)
        case .isNull(let inner, let negated): return .isNull(go(inner), negated: negated)
        case .index(let base, let index, let position): return .index(go(base), go(index), position)
        case .slice(let base, let from, let to, let position): return .slice(go(base), from.map(go), to.map(go), position)
        case .function(let name, let distinct, let arguments, let position): return .function(name, distinct: distinct, arguments.map(go), position)
        case .hasLabels(let base, let groups, let position): return .hasLabels(go(base), groups, position)
        case .caseWhen(let subject, let branches, let otherwise):
            return .caseWhen(subject: subject.map(go), branches: branches.map { (go($0.0), go($0.1)) }, otherwise: otherwise.map(go))
        default: return self
        }
    }
}
