import RelGraphCore

/// What a query returns: named columns and rows of values, plus warnings about names the
/// graph does not have.
public struct CypherResult: Sendable {
    public let columns: [String]
    public let rows: [[CypherValue]]
    public let warnings: [CypherWarning]
    /// The graph the values refer to.
    public let graph: Graph

    /// `{"columns": [NAME, ...], "rows": [[VALUE, ...], ...]}` (contract §2): nodes as
    /// `{"id", "kind", "label"}`, relationships as `{"from", "to", "relation"}`, paths as
    /// `{"nodes", "edges"}`, dates as strings, maps with their keys in order.
    public func json(language: String = "en") -> JSONValue {
        .object([
            ("columns", .array(columns.map(JSONValue.string))),
            ("rows", .array(rows.map { row in .array(row.map { json($0, language: language) }) })),
        ])
    }

    /// One value as JSON.
    public func json(_ value: CypherValue, language: String = "en") -> JSONValue {
        switch value {
        case .null: return .null
        case .boolean(let flag): return .boolean(flag)
        case .integer(let number): return .integer(number)
        case .float(let number): return .number(number)
        case .string(let text): return .string(text)
        case .date(let date): return .string(date.description)
        case .temporal(let temporal): return .string(temporal.description)
        case .duration(let duration): return .string(duration.description)
        case .list(let items): return .array(items.map { json($0, language: language) })
        case .map(let entries):
            return .object(entries.keys.sorted { $0.precedesInScalarOrder($1) }.map { ($0, json(entries[$0]!, language: language)) })
        case .node(let node):
            return .object([
                ("id", .string(graph.id(ofNode: node))),
                ("kind", .string(graph.kind(ofNode: node).rawValue)),
                ("label", .string(graph.displayName(ofNode: node, in: language))),
            ])
        case .relationship(let edge):
            var fields: [(String, JSONValue)] = [
                ("from", .string(graph.id(ofNode: graph.from(ofEdge: edge)))),
                ("to", .string(graph.id(ofNode: graph.to(ofEdge: edge)))),
                ("relation", .string(graph.relation(ofEdge: edge))),
            ]
            // Parallel edges are told apart by their ids (contract §2, query).
            if let id = graph.id(ofEdge: edge) { fields.append(("id", .string(id))) }
            return .object(fields)
        case .path(let nodes, let relationships):
            return .object([
                ("nodes", .array(nodes.map { json(.node($0), language: language) })),
                ("edges", .array(relationships.map { json(.relationship($0), language: language) })),
            ])
        }
    }

    /// One value for people: nodes by their label in `language`, relationships by their
    /// relation's label, paths as a chain of labels, lists in brackets, null as nothing.
    public func text(_ value: CypherValue, language: String = "en") -> String {
        switch value {
        case .null: return ""
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .float(let number): return AttributeValue.format(number)
        case .string(let text): return text
        case .date(let date): return date.description
        case .temporal(let temporal): return temporal.description
        case .duration(let duration): return duration.description
        case .list(let items): return "[" + items.map { text($0, language: language) }.joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.keys.sorted { $0.precedesInScalarOrder($1) }.map { "\($0): \(text(entries[$0]!, language: language))" }.joined(separator: ", ")
                + "}"
        case .node(let node): return graph.displayName(ofNode: node, in: language)
        case .relationship(let edge): return graph.relationLabel(graph.relation(ofEdge: edge), in: language)
        case .path(let nodes, let relationships):
            var parts = [graph.displayName(ofNode: nodes[0], in: language)]
            for (index, edge) in relationships.enumerated() {
                let forward = graph.from(ofEdge: edge) == nodes[index]
                let label = graph.relationLabel(graph.relation(ofEdge: edge), in: language)
                parts.append(graph.isSymmetric(edge: edge) ? "─[\(label)]─" : forward ? "─[\(label)]→" : "←[\(label)]─")
                parts.append(graph.displayName(ofNode: nodes[index + 1], in: language))
            }
            return parts.joined(separator: " ")
        }
    }

    /// The nodes and edges the result mentions (in nodes, relationships, paths and lists),
    /// for drawing what a query found.
    ///
    /// - Complexity: O(*v*) in the values of the rows.
    public var mentionedElements: (nodes: Set<NodeIndex>, edges: Set<EdgeIndex>) {
        var nodes = Set<NodeIndex>(), edges = Set<EdgeIndex>()
        func visit(_ value: CypherValue) {
            switch value {
            case .node(let node): nodes.insert(node)
            case .relationship(let edge):
                edges.insert(edge)
                nodes.insert(graph.from(ofEdge: edge))
                nodes.insert(graph.to(ofEdge: edge))
            case .path(let pathNodes, let pathEdges):
                nodes.formUnion(pathNodes)
                edges.formUnion(pathEdges)
            case .list(let items): items.forEach(visit)
            case .map(let entries): entries.values.forEach(visit)
            default: break
            }
        }
        rows.forEach { $0.forEach(visit) }
        return (nodes, edges)
    }
}

extension GraphView {
    /// What a query's result mentions, as a view to draw: its nodes and relationships (those
    /// of paths included); where it mentions no relationship, its nodes and the edges between
    /// them.
    ///
    /// - Complexity: O(*n* + *m*), plus the values of the result's rows.
    public func restricted(to result: CypherResult) -> GraphView {
        let (nodes, edges) = result.mentionedElements
        if edges.isEmpty { return restricted(to: nodes) }
        return restricted(toNodes: nodes, edges: edges)
    }

    /// Runs a read-only openCypher query (contract §6) over this view, so filters and
    /// `--as-of` apply to everything the query sees.
    ///
    /// ```swift
    /// let result = try graph.query("MATCH (a:actor)-[:signed]->(t:treaty) WHERE t.date >= '2000' RETURN a.label, t.label")
    /// ```
    ///
    /// - Parameters:
    ///   - text: the query, in the openCypher subset of contract §6.
    ///   - parameters: values for `$name` in the query.
    ///   - language: the language of `label` properties.
    ///   - limits: a time limit, a cap on rows, a cancellation flag; past them the query stops
    ///     with an error of kind `.limit` naming the clause it was in.
    /// - Complexity: parsing and planning are linear in the query (planning reads counts per
    ///   kind and relation once); matching is proportional to the edges the plan walks.
    public func query(_ text: String, parameters: [String: CypherValue] = [:], language: String = "en", limits: QueryLimits = .none)
        throws(CypherError) -> CypherResult
    {
        let parsed = try CypherParser.parse(text)
        var planner = CypherPlanner(graph: graph, parameterNames: Set(parameters.keys))
        let plan = try planner.plan(parsed)
        let executor = CypherExecutor(view: self, plan: plan, parameters: parameters, language: language, limits: limits)
        do {
            let rows = try executor.run()
            return CypherResult(columns: plan.columns, rows: rows, warnings: plan.warnings, graph: graph)
        } catch {
            var failure = error
            failure.phase = .runtime
            throw failure
        }
    }
}

extension Graph {
    /// Runs a read-only openCypher query (contract §6) over the whole graph.
    ///
    /// - Complexity: see ``GraphView/query(_:parameters:language:limits:)``.
    public func query(_ text: String, parameters: [String: CypherValue] = [:], language: String = "en", limits: QueryLimits = .none)
        throws(CypherError) -> CypherResult
    {
        try GraphView(self).query(text, parameters: parameters, language: language, limits: limits)
    }
}

extension CypherValue {
    /// Reads a `--param` value: a number, `true`/`false`/`null`, a quoted string or a list
    /// in Cypher syntax; anything else is taken as a string.
    public init(parameterText text: String) {
        if let result = try? GraphView(Graph()).query("RETURN \(text) AS value"), result.rows.count == 1 {
            self = result.rows[0][0]
        } else {
            self = .string(text)
        }
    }
}
