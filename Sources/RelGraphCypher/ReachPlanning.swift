import RelGraphCore

/// Decides which variable-length patterns may be walked breadth first, once per reachable end
/// node, instead of trail by trail (which is exponential in the length on a dense graph).
///
/// That gives the same answer exactly when nothing can tell the trails apart: the pattern's
/// relationships are not read (no variable that anything uses, no path), no relationship is
/// matched after it in the same `MATCH` (it would have to avoid the trail's edges), its
/// shortest length is 0 or 1 (then a node is the end of some trail within the bounds exactly
/// when it is reachable within them; see `ReachableEnds.swift` for the start node), and the
/// rows only count once: they feed a `DISTINCT` projection, aggregates that ignore repeats
/// (`count(DISTINCT …)`, `min`, `max`, …), or a test of existence (a pattern predicate,
/// `EXISTS { }`).
enum ReachPlanning {
    static func markReachableEnds(
        in queries: inout [QueryPlan], patternPlans: inout [MatchPlan], subqueries: inout [QueryPlan],
        existencePatterns: Set<Int>, existenceSubqueries: Set<Int>
    ) {
        for index in queries.indices { mark(&queries[index], existenceOnly: false) }
        for index in subqueries.indices {
            mark(&subqueries[index], existenceOnly: existenceSubqueries.contains(index))
        }
        for index in existencePatterns { markSteps(of: &patternPlans[index], usedLater: []) }
    }

    private static func mark(_ plan: inout QueryPlan, existenceOnly: Bool) {
        for (index, stage) in plan.stages.enumerated() {
            guard case .match(var match) = stage else { continue }
            let rest = plan.stages[(index + 1)...]
            let projection = rest.lazy.compactMap { if case .project(let projection) = $0 { projection } else { nil } }.first
            if let projection {
                guard countsOnce(projection) else { continue }
            } else if !existenceOnly {
                continue
            }
            // Everything read after the match, up to and including the next projection.
            var reads: [CypherExpression] = match.predicate.map { [$0] } ?? []
            for later in rest {
                switch later {
                case .match(let next): reads += next.expressions
                case .unwind(let expression, _, _): reads.append(expression)
                case .project(let next):
                    reads += next.items + next.order.map(\.0)
                    if let predicate = next.predicate { reads.append(predicate) }
                }
                if case .project = later { break }
            }
            let orderOffset = projection.map { $0.isAggregating ? nil : $0.items.count } ?? nil
            markSteps(of: &match, usedLater: reads, orderOffset: orderOffset)
            plan.stages[index] = .match(match)
        }
    }

    /// Whether a projection's answer ignores how many times each row comes.
    private static func countsOnce(_ projection: ProjectionPlan) -> Bool {
        guard projection.isAggregating else { return projection.isDistinct }
        return projection.aggregates.allSatisfy { aggregate in
            switch aggregate.function {
            case .min, .max: return true
            default: return aggregate.isDistinct && aggregate.argument != nil
            }
        }
    }

    private static func markSteps(of match: inout MatchPlan, usedLater reads: [CypherExpression], orderOffset: Int? = nil) {
        if reads.contains(where: \.readsSubplans) { return }
        for (index, step) in match.steps.enumerated() {
            guard case let .expand(from, relationship, to, constraint, direction, target, targetBound, reversed) = step,
                let length = constraint.length, length.minimum <= 1, !constraint.isBound
            else { continue }
            let later = match.steps[(index + 1)...]
            let bindsRelationshipsLater = later.contains { step in
                switch step {
                case .scanEdges, .expand, .shortest: return true
                case .bindPath(_, _, let relationships): return relationships.contains(relationship)
                default: return false
                }
            }
            guard !bindsRelationshipsLater, !later.contains(where: { $0.reads(relationship) }) else { continue }
            let readSlots = [relationship] + (orderOffset.map { [relationship + $0] } ?? [])
            guard !reads.contains(where: { expression in readSlots.contains(where: expression.reads) }) else { continue }
            var fast = constraint
            fast.reachesEndsOnly = true
            match.steps[index] = .expand(from: from, relationship: relationship, to: to, fast, direction, target, targetBound: targetBound, reversed: reversed)
        }
    }
}

extension MatchPlan {
    /// The expressions of its constraints and predicate.
    var expressions: [CypherExpression] {
        var expressions = predicate.map { [$0] } ?? []
        for step in steps { expressions += step.expressions }
        return expressions
    }
}

extension MatchStep {
    var expressions: [CypherExpression] {
        func of(_ node: NodeConstraint) -> [CypherExpression] { node.properties.map(\.1) + (node.propertyMap.map { [$0] } ?? []) }
        func of(_ edge: RelationshipConstraint) -> [CypherExpression] { edge.properties.map(\.1) + (edge.propertyMap.map { [$0] } ?? []) }
        switch self {
        case .scanNodes(_, let node), .checkNode(_, let node): return of(node)
        case .lookUpNode(_, let id, let node): return [id] + of(node)
        case .scanEdges(_, _, _, let edge, _, let left, let right): return of(edge) + of(left) + of(right)
        case .expand(_, _, _, let edge, _, let node, _, _): return of(edge) + of(node)
        case .shortest(_, _, _, let edge, _, _, _): return of(edge)
        case .bindPath, .requireNode: return []
        }
    }

    func reads(_ slot: Int) -> Bool { expressions.contains { $0.reads(slot) } }
}

extension CypherExpression {
    /// Whether the expression reads `slot`.
    func reads(_ slot: Int) -> Bool {
        if case .slot(let read) = self { return read == slot }
        return children.contains { $0.reads(slot) }
    }

    /// Whether it runs a pattern or subquery plan (which may read any slot of the row).
    var readsSubplans: Bool {
        switch self {
        case .patternPlan, .patternComprehensionPlan, .subqueryPlan: return true
        default: return children.contains { $0.readsSubplans }
        }
    }
}
