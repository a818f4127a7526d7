import RelGraphCore

/// A compiled query: each clause turned into a stage over rows of values in numbered slots.
struct QueryPlan: Sendable {
    var stages: [Stage]
    /// Plans of pattern predicates (`WHERE (a)-->(b)`), referenced by `.patternPlan(i)`.
    var patternPlans: [MatchPlan]
    var columns: [String]
    var warnings: [CypherWarning]
}

enum Stage: Sendable {
    case match(MatchPlan)
    case unwind(CypherExpression, slot: Int)
    case project(ProjectionPlan)
}

/// What a node must be to match a node pattern.
struct NodeConstraint: Sendable {
    /// `allowedKinds[kindCode]`, or nil for any kind.
    var allowedKinds: [Bool]?
    var properties: [(String, CypherExpression)]

    var isEmpty: Bool { allowedKinds == nil && properties.isEmpty }
}

/// What an edge must be to match a relationship pattern.
struct RelationshipConstraint: Sendable {
    /// `allowedRelations[relationCode]`, or nil for any relation.
    var allowedRelations: [Bool]?
    var properties: [(String, CypherExpression)]
    /// `nil`: one hop; else the number of hops allowed.
    var length: (minimum: Int, maximum: Int?)?
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
    case scanEdges(left: Int, relationship: Int, right: Int, RelationshipConstraint, RelationshipPattern.Direction, leftNode: NodeConstraint, rightNode: NodeConstraint)
    /// From a bound node, across edges, to a node (bound already when `targetBound`).
    /// `reversed`: the pattern is walked right to left, so a variable-length list is reversed.
    case expand(from: Int, relationship: Int, to: Int, RelationshipConstraint, Direction, NodeConstraint, targetBound: Bool, reversed: Bool)
    /// `shortestPath` / `allShortestPaths` between two bound nodes.
    case shortest(from: Int, relationship: Int, to: Int, RelationshipConstraint, Direction, all: Bool, path: Int?)
    /// Builds a path value from bound nodes and relationships.
    case bindPath(slot: Int, nodes: [Int], relationships: [Int])
}

struct MatchPlan: Sendable {
    var steps: [MatchStep]
    var predicate: CypherExpression?
    var isOptional: Bool
    /// Slots this clause binds (null when an optional match finds nothing).
    var newSlots: Range<Int>
}

struct AggregateSpec: Sendable {
    enum Function: String, Sendable { case count, collect, min, max, sum, avg }
    var function: Function
    var isDistinct: Bool
    /// `nil` for `count(*)`.
    var argument: CypherExpression?
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
    var isReturn: Bool

    var isAggregating: Bool { !aggregates.isEmpty }
}
