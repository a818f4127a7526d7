import RelGraphCore

/// An expression of a query: as parsed (names), then as the planner resolves it (slots,
/// compiled patterns and subqueries, aggregates moved out).
indirect enum CypherExpression: Sendable {
    enum BinaryOperator: String, Sendable {
        case or = "OR", xor = "XOR", and = "AND"
        case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", matches = "=~"
        case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"

        var isComparison: Bool {
            switch self {
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
            default: return false
            }
        }
    }

    case literal(CypherValue)
    case parameter(String, CypherPosition)
    case variable(String, CypherPosition)
    /// A variable resolved to its slot in the row.
    case slot(Int)
    case property(CypherExpression, String, CypherPosition)
    case list([CypherExpression])
    case map([(String, CypherExpression)])
    case binary(BinaryOperator, CypherExpression, CypherExpression, CypherPosition)
    case not(CypherExpression, CypherPosition)
    case negate(CypherExpression, CypherPosition)
    case isNull(CypherExpression, negated: Bool)
    case index(CypherExpression, CypherExpression, CypherPosition)
    /// `list[from..to]`, either bound optional.
    case slice(CypherExpression, CypherExpression?, CypherExpression?, CypherPosition)
    case function(String, distinct: Bool, [CypherExpression], CypherPosition)
    case countAll(CypherPosition)
    /// `n:A:B|C`: each inner list is one group of alternatives.
    case hasLabels(CypherExpression, [[String]], CypherPosition)
    /// A pattern used as a predicate: true when it has at least one match.
    case pattern(PatternPart)
    /// `[(a)-->(b) WHERE ... | expression]`.
    case patternComprehension(PatternPart, predicate: CypherExpression?, projection: CypherExpression, CypherPosition)
    case listComprehension(IteratedList, CypherPosition)
    case quantifier(Quantifier, IteratedList, CypherPosition)
    /// `reduce(accumulator = initial, x IN list | expression)`; the accumulator's slot is
    /// `accumulatorSlot` once planned.
    case reduce(accumulator: String, accumulatorSlot: Int, initial: CypherExpression, IteratedList, CypherPosition)
    case mapProjection(CypherExpression, [MapProjectionItem], CypherPosition)
    case subquery(Subquery)
    case caseWhen(subject: CypherExpression?, branches: [(CypherExpression, CypherExpression)], otherwise: CypherExpression?)

    // Forms only the planner makes.

    /// An aggregate computed by the projection, by its slot in the aggregate results.
    case aggregate(Int)
    /// A pattern predicate, compiled: the index of its plan.
    case patternPlan(Int)
    /// A pattern comprehension, compiled: its plan, then the predicate and projection over
    /// the plan's rows.
    case patternComprehensionPlan(Int, predicate: CypherExpression?, projection: CypherExpression)
    /// `EXISTS { }` / `COUNT { }`, compiled: the index of its plan.
    case subqueryPlan(Int, Subquery.Kind)
    /// A map projection, resolved: the base, then each entry's key and value (nil key:
    /// every property of the value).
    case resolvedMapProjection(CypherExpression, [(String?, CypherExpression)], CypherPosition)

    /// The aggregate functions: openCypher's and Neo4j's.
    static let aggregateFunctions: Set<String> = ["count", "collect", "min", "max", "sum", "avg", "percentiledisc", "percentilecont", "stdev", "stdevp"]

    /// The expressions directly inside this one (not those of compiled subplans).
    var children: [CypherExpression] {
        switch self {
        case .literal, .parameter, .variable, .slot, .countAll, .pattern, .aggregate, .patternPlan, .subquery, .subqueryPlan: return []
        case .property(let base, _, _), .not(let base, _), .negate(let base, _), .isNull(let base, _), .hasLabels(let base, _, _): return [base]
        case .list(let items): return items
        case .map(let entries): return entries.map(\.1)
        case .binary(_, let lhs, let rhs, _), .index(let lhs, let rhs, _): return [lhs, rhs]
        case .slice(let base, let from, let to, _): return [base] + [from, to].compactMap { $0 }
        case .function(_, _, let arguments, _): return arguments
        case .patternComprehension(_, let predicate, let projection, _): return [predicate, projection].compactMap { $0 }
        case .patternComprehensionPlan(_, let predicate, let projection): return [predicate, projection].compactMap { $0 }
        case .listComprehension(let list, _), .quantifier(_, let list, _): return [list.source] + [list.predicate, list.projection].compactMap { $0 }
        case .reduce(_, _, let initial, let list, _): return [initial, list.source] + [list.projection].compactMap { $0 }
        case .mapProjection(let base, let items, _):
            return [base] + items.compactMap { if case .entry(_, let value) = $0 { return value } else { return nil } }
        case .resolvedMapProjection(let base, let entries, _): return [base] + entries.map(\.1)
        case .caseWhen(let subject, let branches, let otherwise):
            return [subject].compactMap { $0 } + branches.flatMap { [$0.0, $0.1] } + [otherwise].compactMap { $0 }
        }
    }

    /// Whether the expression contains an aggregate (not counting those inside subqueries).
    var containsAggregate: Bool {
        switch self {
        case .countAll, .aggregate: return true
        case .function(let name, _, let arguments, _):
            return CypherExpression.aggregateFunctions.contains(name.lowercased()) || arguments.contains { $0.containsAggregate }
        default: return children.contains { $0.containsAggregate }
        }
    }

    /// Where the expression starts, as near as it knows.
    var position: CypherPosition? {
        switch self {
        case .parameter(_, let position), .variable(_, let position), .property(_, _, let position), .binary(_, _, _, let position),
            .not(_, let position), .negate(_, let position), .index(_, _, let position), .slice(_, _, _, let position),
            .function(_, _, _, let position), .countAll(let position), .hasLabels(_, _, let position),
            .patternComprehension(_, _, _, let position), .listComprehension(_, let position), .quantifier(_, _, let position),
            .reduce(_, _, _, _, let position), .mapProjection(_, _, let position), .resolvedMapProjection(_, _, let position):
            return position
        case .pattern(let part): return part.position
        case .subquery(let subquery): return subquery.position
        default: return children.lazy.compactMap(\.position).first
        }
    }
}
