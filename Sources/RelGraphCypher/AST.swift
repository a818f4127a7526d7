import RelGraphCore

/// A whole statement: one query, or several joined by `UNION` / `UNION ALL`.
struct CypherStatement: Sendable {
    var queries: [CypherQuery]
    /// `unionAll[i]`: whether `queries[i]` and `queries[i + 1]` are joined by `UNION ALL`.
    var unionAll: [Bool]
    /// Where each `UNION` is written, for messages.
    var unionPositions: [CypherPosition]
}

/// The syntax tree of one query, as the parser reads it (names not yet resolved).
struct CypherQuery: Sendable {
    var clauses: [CypherClause]
}

/// Where a name or an expression starts in the query text, for messages.
struct CypherPosition: Hashable, Sendable {
    var line: Int
    var column: Int

    static let start = CypherPosition(line: 1, column: 1)
}

enum CypherClause: Sendable {
    case match(MatchClause)
    case unwind(CypherExpression, alias: String, position: CypherPosition)
    case with(Projection)
    case `return`(Projection)
}

struct MatchClause: Sendable {
    var isOptional: Bool
    var patterns: [PatternPart]
    var predicate: CypherExpression?
    var position: CypherPosition
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
    var properties: CypherExpression?
    var position: CypherPosition
    var labelPositions: [CypherPosition]
    var variablePosition: CypherPosition
}

struct RelationshipPattern: Sendable {
    enum Direction: Sendable { case right, left, either }
    var variable: String?
    var types: [String]
    var properties: CypherExpression?
    var direction: Direction
    /// `nil` for a single hop; `(minimum, maximum)` for `*`, `*N`, `*N..M` (`nil` maximum: unbounded).
    var length: (minimum: Int, maximum: Int?)?
    var position: CypherPosition
    var typePositions: [CypherPosition]
    var variablePosition: CypherPosition
}

struct Projection: Sendable {
    struct Item: Sendable {
        var expression: CypherExpression
        var alias: String
        /// Whether the alias was written (`AS name`) rather than taken from the text.
        var isAliased: Bool
        /// The expression as written, which `ORDER BY` may repeat.
        var text: String
        var position: CypherPosition
    }
    struct SortKey: Sendable {
        var expression: CypherExpression
        var ascending: Bool
        var text: String
        var position: CypherPosition
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
    var position: CypherPosition
}

/// `EXISTS { ... }` and `COUNT { ... }`: a pattern with an optional `WHERE`, or a whole query.
struct Subquery: Sendable {
    enum Kind: Sendable { case exists, count }
    var kind: Kind
    /// The pattern form is parsed as a query of one `MATCH` without `RETURN`.
    var query: CypherQuery
    var position: CypherPosition
}

/// `[x IN list WHERE predicate | projection]`, and the list part of `any(...)`, `reduce(...)`.
struct IteratedList: Sendable {
    var variable: String
    var variablePosition: CypherPosition
    var source: CypherExpression
    var predicate: CypherExpression?
    var projection: CypherExpression?
    /// The slot the variable takes while the body is evaluated (set by the planner).
    var slot: Int = -1
}

/// `all`, `any`, `none`, `single` over a list.
enum Quantifier: String, Sendable { case all, any, none, single }

/// An entry of a map projection `n{.name, .*, key: expression, variable}`.
enum MapProjectionItem: Sendable {
    case property(String)
    case allProperties
    case entry(String, CypherExpression)
    case variable(String, CypherPosition)
}
