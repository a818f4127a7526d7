import RelGraphCore

/// A compiled statement: each query of a `UNION` as stages over rows of values in numbered
/// slots, and the plans its expressions refer to by number.
struct StatementPlan: Sendable {
    var queries: [QueryPlan]
    /// `unionAll[i]`: whether `queries[i]` and `queries[i + 1]` keep duplicate rows.
    var unionAll: [Bool]
    /// Plans of pattern predicates and pattern comprehensions, referenced by number.
    var patternPlans: [MatchPlan]
    /// Plans of `EXISTS { }` and `COUNT { }` subqueries, referenced by number.
    var subqueries: [QueryPlan]
    var columns: [String]
    var warnings: [CypherWarning]
}

/// One query's stages, in order; the last is the projection of `RETURN` (a subquery may end
/// without one).
struct QueryPlan: Sendable {
    var stages: [Stage]
    var columns: [String]
}

enum Stage: Sendable {
    case match(MatchPlan)
    case unwind(CypherExpression, slot: Int, position: CypherPosition)
    case project(ProjectionPlan)
}

/// What a node must be to match a node pattern.
struct NodeConstraint: Sendable {
    /// `allowedKinds[kindCode]`, or nil for any kind.
    var allowedKinds: [Bool]?
    /// Label groups checked on nodes that carry a list of labels (see ``NodeLabels``); nil
    /// when the pattern names no label.
    var labelGroups: [[String]]?
    var properties: [(String, CypherExpression)]
    /// A `$parameter` map of properties every one of which must match.
    var propertyMap: CypherExpression?

    var isEmpty: Bool { allowedKinds == nil && labelGroups == nil && properties.isEmpty && propertyMap == nil }
}

/// What an edge must be to match a relationship pattern.
struct RelationshipConstraint: Sendable {
    /// `allowedRelations[relationCode]`, or nil for any relation.
    var allowedRelations: [Bool]?
    var properties: [(String, CypherExpression)]
    var propertyMap: CypherExpression?
    /// `nil`: one hop; else the number of hops allowed.
    var length: (minimum: Int, maximum: Int?)?
    /// For a variable-length pattern whose relationships nothing reads and whose rows are
    /// only counted once per end node: walk breadth first and bind each reachable end node
    /// once (see `ReachableEnds.swift`).
    var reachesEndsOnly = false
    /// The relationship variable was bound by an earlier clause: only that relationship (or,
    /// for a variable length, that list of them) matches.
    var isBound = false
}

/// One step of matching: binds slots of the row, or checks them.
enum MatchStep: Sendable {
    /// Every kept node that meets the constraint.
    case scanNodes(slot: Int, NodeConstraint)
    /// The node with this id (an expression of bound values), if it meets the constraint.
    case lookUpNode(slot: Int, id: CypherExpression, NodeConstraint)
    /// A node bound earlier must also meet this constraint.
    case checkNode(slot: Int, NodeConstraint)
    /// Every kept edge of the relations allowed, with its ends, in `direction` of the pattern.
    case scanEdges(
        left: Int, relationship: Int, right: Int, RelationshipConstraint, RelationshipPattern.Direction, leftNode: NodeConstraint, rightNode: NodeConstraint)
    /// From a bound node, across edges, to a node (bound already when `targetBound`).
    /// `reversed`: the pattern is walked right to left, so a variable-length list is reversed.
    case expand(from: Int, relationship: Int, to: Int, RelationshipConstraint, Direction, NodeConstraint, targetBound: Bool, reversed: Bool)
    /// `shortestPath` / `allShortestPaths` between two bound nodes.
    case shortest(from: Int, relationship: Int, to: Int, RelationshipConstraint, Direction, all: Bool, path: Int?)
    /// Builds a path value from bound nodes and relationships.
    case bindPath(slot: Int, nodes: [Int], relationships: [Int])
    /// A value bound before the `MATCH` that must be a node (`WITH x MATCH (x)`).
    case requireNode(slot: Int)
}

struct MatchPlan: Sendable {
    var steps: [MatchStep]
    var predicate: CypherExpression?
    var isOptional: Bool
    /// Slots this clause binds (null when an optional match finds nothing).
    var newSlots: Range<Int>
    /// Where the clause is written, for messages about its budget.
    var position: CypherPosition

    /// How long the clause's variable-length patterns may grow, for the advice of a message
    /// about its budget.
    var variableLengths: VariableLengths {
        var longest: Int?
        for step in steps {
            guard case .expand(_, _, _, let constraint, _, _, _, _) = step, let length = constraint.length else { continue }
            guard let maximum = length.maximum else { return .unbounded }
            longest = max(longest ?? 0, maximum)
        }
        return longest.map(VariableLengths.bounded) ?? .none
    }
}

/// How long a `MATCH`'s variable-length patterns may grow.
enum VariableLengths: Equatable, Sendable {
    /// The clause has no variable-length pattern.
    case none
    /// Some pattern has no upper bound (`[*]`, `[*2..]`).
    case unbounded
    /// Every pattern has one; the largest.
    case bounded(Int)
}

struct AggregateSpec: Sendable {
    enum Function: String, Sendable {
        case count, collect, min, max, sum, avg
        case percentileDisc = "percentiledisc", percentileCont = "percentilecont", stDev = "stdev", stDevP = "stdevp"
    }
    var function: Function
    var isDistinct: Bool
    /// `nil` for `count(*)`.
    var argument: CypherExpression?
    /// The percentile of `percentileDisc` / `percentileCont`.
    var percentile: CypherExpression?
    var position: CypherPosition
}

struct ProjectionPlan: Sendable {
    var items: [CypherExpression]
    var aliases: [String]
    var aggregates: [AggregateSpec]
    var isDistinct: Bool
    /// Sort keys over the output row; for projections without aggregates, the input row's
    /// slots follow the output's (slot `items.count + i` is input slot `i`).
    var order: [(CypherExpression, ascending: Bool)]
    var skip: CypherExpression?
    var limit: CypherExpression?
    var predicate: CypherExpression?
    /// Whether `predicate` reads the input row too (slot `items.count + i` is input slot `i`).
    var predicateReadsInput = false
    var isReturn: Bool
    var position: CypherPosition

    var isAggregating: Bool { !aggregates.isEmpty }
}
