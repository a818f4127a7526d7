import RelGraphCore

/// Turns a parsed statement into a ``StatementPlan`` for one graph: resolves variables to
/// slots, checks names and types (errors for what cannot run, warnings for kinds, relations
/// and properties nothing in the graph has), and orders each `MATCH` so it starts from its
/// most selective element.
///
/// The work is split by concern: clauses and scopes here, patterns in `PatternPlanner.swift`,
/// expressions in `ExpressionResolver.swift`, projections in `ProjectionPlanner.swift`,
/// types in `StaticType.swift`, names the graph lacks in `PlannerNames.swift`.
struct CypherPlanner {
    let graph: Graph
    var warnings: [CypherWarning] = []
    var patternPlans: [MatchPlan] = []
    var subqueries: [QueryPlan] = []
    /// Pattern plans and subqueries only tested for a match (pattern predicates, `EXISTS`).
    var existencePatterns: Set<Int> = []
    var existenceSubqueries: Set<Int> = []
    var anonymous = 0
    /// Counted once per graph, when the first pattern needs them.
    lazy var statistics = graph.facts.fact("cypher: plan statistics") { PlanStatistics(graph) }
    lazy var nodeAttributeNames = graph.facts.fact("cypher: node attribute names") {
        Set(graph.storage.nodeAttributes.flatMap { $0.map(\.name) })
    }
    lazy var edgeAttributeNames = graph.facts.fact("cypher: relationship attribute names") {
        Set(graph.storage.edgeAttributes.flatMap { $0.map(\.name) })
    }
    /// Whether some node keeps several labels (or none) in a `labels` list (``NodeLabels``).
    lazy var hasLabelLists: Bool = NodeLabels.graphHasLabelLists(graph)

    static let nodeFields: Set<String> = ["id", "kind", "type", "label", "date", "start", "end", "source"]
    static let relationshipFields: Set<String> = ["id", "date", "start", "end", "source"]

    /// The parameters the query is given, when known: a `$name` not among them is refused
    /// before running.
    var parameterNames: Set<String>?

    init(graph: Graph, parameterNames: Set<String>? = nil) {
        self.graph = graph
        self.parameterNames = parameterNames
    }

    /// The variables visible at a point of a query, each with its slot and what it holds.
    struct Scope {
        var names: [String] = []
        var types: [StaticType] = []
        func slot(of name: String) -> Int? { names.lastIndex(of: name) }
        var width: Int { names.count }
        mutating func add(_ name: String, _ type: StaticType) -> Int {
            names.append(name)
            types.append(type)
            return names.count - 1
        }
        /// The variables a user can name (hidden slots start with a space).
        var visible: [String] { names.enumerated().filter { !$0.element.hasPrefix(" ") && slot(of: $0.element) == $0.offset }.map(\.element) }
    }

    /// Plans a whole statement.
    mutating func plan(_ statement: CypherStatement) throws(CypherError) -> StatementPlan {
        var queries: [QueryPlan] = []
        for (index, query) in statement.queries.enumerated() {
            var scope = Scope()
            let plan = try plan(query, scope: &scope)
            if let first = queries.first, first.columns != plan.columns {
                let position = statement.unionPositions[index - 1]
                throw CypherError(
                    .syntax, .differentColumnsInUnion,
                    "the queries of a UNION must return the same columns: \(first.columns.joined(separator: ", ")) against \(plan.columns.joined(separator: ", "))",
                    at: position)
            }
            queries.append(plan)
        }
        if let mixed = Array(zip(statement.unionAll, statement.unionAll.dropFirst())).firstIndex(where: { $0 != $1 }) {
            throw CypherError(
                .syntax, .invalidClauseComposition, "UNION and UNION ALL cannot be mixed in one statement", at: statement.unionPositions[mixed + 1])
        }
        ReachPlanning.markReachableEnds(
            in: &queries, patternPlans: &patternPlans, subqueries: &subqueries,
            existencePatterns: existencePatterns, existenceSubqueries: existenceSubqueries)
        return StatementPlan(
            queries: queries, unionAll: statement.unionAll, patternPlans: patternPlans, subqueries: subqueries,
            columns: queries[0].columns, warnings: warnings)
    }

    /// Plans one query's clauses, starting from `scope` (empty, or a subquery's outer scope).
    mutating func plan(_ query: CypherQuery, scope: inout Scope, isSubquery: Bool = false) throws(CypherError) -> QueryPlan {
        var stages: [Stage] = []
        var columns: [String] = []
        for clause in query.clauses {
            switch clause {
            case .match(let match):
                stages.append(
                    .match(
                        try planPatterns(
                            match.patterns, isOptional: match.isOptional, predicate: match.predicate,
                            position: match.position, scope: &scope)))
            case .unwind(let expression, let alias, let position):
                let resolved = try resolve(expression, in: scope)
                if scope.slot(of: alias) != nil, scope.visible.contains(alias) {
                    throw CypherError(.syntax, .variableAlreadyBound, "the variable '\(alias)' is already bound; UNWIND needs a new name", at: position)
                }
                let element = elementType(of: staticType(of: resolved, in: scope))
                stages.append(.unwind(resolved, slot: scope.add(alias, element), position: position))
            case .with(let projection):
                stages.append(.project(try planProjection(projection, scope: &scope, isReturn: false)))
            case .return(let projection):
                let plan = try planProjection(projection, scope: &scope, isReturn: true)
                columns = plan.aliases
                stages.append(.project(plan))
            }
        }
        return QueryPlan(stages: stages, columns: columns)
    }

    /// A subquery (`EXISTS { }`, `COUNT { }`) planned in the scope it is written in; its number.
    mutating func planSubquery(_ subquery: Subquery, in scope: Scope) throws(CypherError) -> Int {
        var inner = scope
        let plan = try plan(subquery.query, scope: &inner, isSubquery: true)
        subqueries.append(plan)
        if subquery.kind == .exists { existenceSubqueries.insert(subqueries.count - 1) }
        return subqueries.count - 1
    }
}
