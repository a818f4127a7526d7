import RelGraphCore

/// The syntax tree of a query, as the parser reads it (names not yet resolved).
struct CypherQuery: Sendable {
    var clauses: [CypherClause]
}

/// Where a name or an expression starts in the query text, for messages.
struct CypherPosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

enum CypherClause: Sendable {
    case match(MatchClause)
    case unwind(CypherExpression, alias: String)
    case with(Projection)
    case `return`(Projection)
}

struct MatchClause: Sendable {
    var isOptional: Bool
    var patterns: [PatternPart]
    var predicate: CypherExpression?
}

/// `p = (a)-[r]->(b)`, `shortestPath((a)-[*]-(b))`.
struct PatternPart: Sendable {
    enum Shortest: Sendable { case none, one, all }
    var pathVariable: String?
    var shortest: Shortest
    var nodes: [NodePattern]
    /// `relationships[i]` joins `nodes[i]` and `nodes[i + 1]`.
    var relationships: [RelationshipPattern]
    var position: CypherPosition
}

struct NodePattern: Sendable {
    var variable: String?
    /// Each inner list is one `:A|B` group (any of them); groups are all required.
    var labels: [[String]]
    var properties: [(String, CypherExpression)]
    var position: CypherPosition
    var labelPositions: [CypherPosition]
}

struct RelationshipPattern: Sendable {
    enum Direction: Sendable { case right, left, either }
    var variable: String?
    var types: [String]
    var properties: [(String, CypherExpression)]
    var direction: Direction
    /// `nil` for a single hop; `(minimum, maximum)` for `*`, `*N`, `*N..M` (`nil` maximum: unbounded).
    var length: (minimum: Int, maximum: Int?)?
    var position: CypherPosition
    var typePositions: [CypherPosition]
}

struct Projection: Sendable {
    struct Item: Sendable {
        var expression: CypherExpression
        var alias: String
        /// The expression as written, which `ORDER BY` may repeat.
        var text: String
        var position: CypherPosition
    }
    struct SortKey: Sendable {
        var expression: CypherExpression
        var ascending: Bool
        var text: String
    }
    var isDistinct: Bool
    /// `RETURN *` / `WITH *`: every variable in scope, then the items.
    var includesEverything: Bool
    var items: [Item]
    var order: [SortKey]
    var skip: CypherExpression?
    var limit: CypherExpression?
    /// `WITH ... WHERE`.
    var predicate: CypherExpression?
}

indirect enum CypherExpression: Sendable {
    enum BinaryOperator: String, Sendable {
        case or = "OR", xor = "XOR", and = "AND"
        case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", matches = "=~"
        case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    }

    case literal(CypherValue)
    case parameter(String, CypherPosition)
    case variable(String, CypherPosition)
    /// A variable resolved to its slot in the row.
    case slot(Int)
    case property(CypherExpression, String, CypherPosition)
    case list([CypherExpression])
    case map([(String, CypherExpression)])
    case binary(BinaryOperator, CypherExpression, CypherExpression)
    case not(CypherExpression)
    case negate(CypherExpression)
    case isNull(CypherExpression, negated: Bool)
    case `index`(CypherExpression, CypherExpression)
    case function(String, distinct: Bool, [CypherExpression], CypherPosition)
    case countAll
    /// A pattern used as a predicate: true when it has at least one match.
    case pattern(PatternPart)
    /// An aggregate computed by the projection, by its slot in the aggregate results.
    case aggregate(Int)
    /// A pattern predicate, compiled: the index of its plan.
    case patternPlan(Int)
    case caseWhen(subject: CypherExpression?, branches: [(CypherExpression, CypherExpression)], otherwise: CypherExpression?)

    /// The aggregate functions of §6.
    static let aggregateFunctions: Set<String> = ["count", "collect", "min", "max", "sum", "avg"]

    /// Whether the expression contains an aggregate.
    var containsAggregate: Bool {
        switch self {
        case .countAll, .aggregate: return true
        case .function(let name, _, let arguments, _):
            return CypherExpression.aggregateFunctions.contains(name.lowercased()) || arguments.contains { $0.containsAggregate }
        case .property(let base, _, _): return base.containsAggregate
        case .list(let items): return items.contains { $0.containsAggregate }
        case .map(let entries): return entries.contains { $0.1.containsAggregate }
        case .binary(_, let lhs, let rhs): return lhs.containsAggregate || rhs.containsAggregate
        case .not(let inner), .negate(let inner), .isNull(let inner, _): return inner.containsAggregate
        case .index(let base, let index): return base.containsAggregate || index.containsAggregate
        case .caseWhen(let subject, let branches, let otherwise):
            return (subject?.containsAggregate ?? false) || branches.contains { $0.0.containsAggregate || $0.1.containsAggregate }
                || (otherwise?.containsAggregate ?? false)
        default: return false
        }
    }
}
