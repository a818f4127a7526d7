import RelGraphCore

/// Turns a parsed query into a ``QueryPlan`` for one graph: resolves variables to slots,
/// checks names against the graph (warning about kinds, relations and properties nothing
/// has), and orders each `MATCH` so it starts from its most selective element.
struct CypherPlanner {
    let graph: Graph
    private var warnings: [CypherWarning] = []
    private var patternPlans: [MatchPlan] = []
    private var anonymous = 0
    /// Counted once, when the first pattern needs them.
    private lazy var statistics = PlanStatistics(graph)
    private var kindCounts: [Int] { mutating get { statistics.kindCounts } }
    private var kindDegrees: [Int] { mutating get { statistics.kindDegrees } }
    private var relationCounts: [Int] { mutating get { statistics.relationCounts } }
    private lazy var nodeAttributeNames: Set<String> = Set(graph.storage.nodeAttributes.flatMap { $0.map(\.name) })
    private lazy var edgeAttributeNames: Set<String> = Set(graph.storage.edgeAttributes.flatMap { $0.map(\.name) })

    static let nodeFields: Set<String> = ["id", "kind", "type", "label", "date", "start", "end", "source"]
    static let relationshipFields: Set<String> = ["id", "date", "start", "end", "source"]

    init(graph: Graph) { self.graph = graph }

    /// What a slot holds, for warnings about properties.
    enum SlotKind { case node, relationship, relationships, path, value }

    struct Scope {
        var names: [String] = []
        var kinds: [SlotKind] = []
        func slot(of name: String) -> Int? { names.lastIndex(of: name) }
        var width: Int { names.count }
        mutating func add(_ name: String, _ kind: SlotKind) -> Int {
            names.append(name)
            kinds.append(kind)
            return names.count - 1
        }
    }

    /// Plans a whole query.
    mutating func plan(_ query: CypherQuery) throws(CypherError) -> QueryPlan {
        var scope = Scope()
        var stages: [Stage] = []
        var columns: [String] = []
        for clause in query.clauses {
            switch clause {
            case .match(let match):
                stages.append(.match(try planMatch(match, scope: &scope)))
            case .unwind(let expression, let alias):
                let resolved = try resolve(expression, in: scope)
                stages.append(.unwind(resolved, slot: scope.add(alias, .value)))
            case .with(let projection):
                stages.append(.project(try planProjection(projection, scope: &scope, isReturn: false)))
            case .return(let projection):
                let plan = try planProjection(projection, scope: &scope, isReturn: true)
                columns = plan.aliases
                stages.append(.project(plan))
            }
        }
        return QueryPlan(stages: stages, patternPlans: patternPlans, columns: columns, warnings: warnings)
    }

    // MARK: Names the graph does not have

    private mutating func warn(_ message: String, at position: CypherPosition) {
        let warning = CypherWarning(message: message, line: position.line, column: position.column)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    private mutating func kindTable(_ groups: [[String]], positions: [CypherPosition]) -> [Bool]? {
        guard !groups.isEmpty else { return nil }
        let kinds = graph.storage.kinds.values
        var allowed = [Bool](repeating: true, count: kinds.count)
        var position = 0
        for group in groups {
            for name in group {
                let known = Set(kinds.map(\.rawValue) + graph.kindDeclarations.map(\.kind.rawValue) + NodeKind.builtIn.map(\.rawValue))
                if !known.contains(name) {
                    let suggestion = NearestName(candidates: Array(known)).nearest(to: name)
                    warn("no node has the kind '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: positions[min(position, positions.count - 1)])
                }
                position += 1
            }
            for (code, kind) in kinds.enumerated() where !group.contains(kind.rawValue) { allowed[code] = false }
        }
        return allowed
    }

    private mutating func relationTable(_ types: [String], positions: [CypherPosition]) -> [Bool]? {
        guard !types.isEmpty else { return nil }
        let relations = graph.storage.relations.values
        let known = Set(relations + graph.relationTypes.map(\.id))
        for (position, name) in types.enumerated() where !known.contains(name) {
            let suggestion = NearestName(candidates: Array(known)).nearest(to: name)
            warn("no edge has the relation '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: positions[min(position, positions.count - 1)])
        }
        return relations.map { types.contains($0) }
    }

    private mutating func checkProperty(_ name: String, of kind: SlotKind, at position: CypherPosition) {
        switch kind {
        case .node:
            guard !CypherPlanner.nodeFields.contains(name), !nodeAttributeNames.contains(name) else { return }
            let suggestion = NearestName(candidates: Array(CypherPlanner.nodeFields) + Array(nodeAttributeNames)).nearest(to: name)
            warn("no node has the property '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: position)
        case .relationship:
            guard !CypherPlanner.relationshipFields.contains(name), !edgeAttributeNames.contains(name) else { return }
            let suggestion = NearestName(candidates: Array(CypherPlanner.relationshipFields) + Array(edgeAttributeNames)).nearest(to: name)
            warn("no relationship has the property '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: position)
        default:
            return
        }
    }

    // MARK: Expressions

    /// Replaces variables by slots, compiles pattern predicates, checks property names.
    mutating func resolve(_ expression: CypherExpression, in scope: Scope) throws(CypherError) -> CypherExpression {
        switch expression {
        case .variable(let name, let position):
            guard let slot = scope.slot(of: name) else {
                let visible = scope.names.filter { !$0.hasPrefix(" ") }
                let suggestion = NearestName(candidates: visible).nearest(to: name)
                throw CypherError(.semantic, "the variable '\(name)' is not defined here" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                                  line: position.line, column: position.column)
            }
            return .slot(slot)
        case .property(let base, let name, let position):
            if case .variable(let variable, _) = base, let slot = scope.slot(of: variable) {
                checkProperty(name, of: scope.kinds[slot], at: position)
            }
            return .property(try resolve(base, in: scope), name, position)
        case .list(let items):
            var resolved: [CypherExpression] = []
            for item in items { resolved.append(try resolve(item, in: scope)) }
            return .list(resolved)
        case .map(let entries):
            var resolved: [(String, CypherExpression)] = []
            for (key, value) in entries { resolved.append((key, try resolve(value, in: scope))) }
            return .map(resolved)
        case .binary(let op, let lhs, let rhs):
            return .binary(op, try resolve(lhs, in: scope), try resolve(rhs, in: scope))
        case .not(let inner): return .not(try resolve(inner, in: scope))
        case .negate(let inner): return .negate(try resolve(inner, in: scope))
        case .isNull(let inner, let negated): return .isNull(try resolve(inner, in: scope), negated: negated)
        case .index(let base, let index): return .index(try resolve(base, in: scope), try resolve(index, in: scope))
        case .function(let name, let distinct, let arguments, let position):
            try CypherFunctions.check(name, arguments: arguments.count, at: position)
            if name == "$haslabels", arguments.count > 1 {
                for case .list(let names) in arguments.dropFirst() {
                    let labels = names.compactMap { name -> String? in if case .literal(.string(let text)) = name { return text } else { return nil } }
                    _ = kindTable([labels], positions: [position])
                }
            }
            var resolved: [CypherExpression] = []
            for argument in arguments { resolved.append(try resolve(argument, in: scope)) }
            return .function(name.lowercased(), distinct: distinct, resolved, position)
        case .caseWhen(let subject, let branches, let otherwise):
            var resolvedBranches: [(CypherExpression, CypherExpression)] = []
            for (condition, value) in branches {
                resolvedBranches.append((try resolve(condition, in: scope), try resolve(value, in: scope)))
            }
            return .caseWhen(
                subject: try subject.map { subject throws(CypherError) in try resolve(subject, in: scope) },
                branches: resolvedBranches,
                otherwise: try otherwise.map { otherwise throws(CypherError) in try resolve(otherwise, in: scope) })
        case .pattern(let part):
            var local = scope
            let plan = try planPatterns([part], isOptional: false, predicate: nil, scope: &local)
            patternPlans.append(plan)
            return .patternPlan(patternPlans.count - 1)
        case .countAll:
            throw CypherError(.semantic, "count(*) is an aggregate; use it in RETURN or WITH", line: 1, column: 1)
        case .literal, .parameter, .slot, .aggregate, .patternPlan:
            return expression
        }
    }

    // MARK: MATCH

    private mutating func planMatch(_ match: MatchClause, scope: inout Scope) throws(CypherError) -> MatchPlan {
        try planPatterns(match.patterns, isOptional: match.isOptional, predicate: match.predicate, scope: &scope)
    }

    /// One pattern element's slot: a named variable (reused when bound), or a hidden one.
    private mutating func slot(for variable: String?, _ kind: SlotKind, in scope: inout Scope, position: CypherPosition) throws(CypherError) -> Int {
        if let variable {
            if let slot = scope.slot(of: variable) {
                if scope.kinds[slot] != kind, !(kind == .node && scope.kinds[slot] == .value) {
                    throw CypherError(.semantic, "'\(variable)' is already bound to a \(scope.kinds[slot]), not a \(kind)", line: position.line, column: position.column)
                }
                return slot
            }
            return scope.add(variable, kind)
        }
        anonymous += 1
        return scope.add(" \(anonymous)", kind)
    }

    private struct ChainSlots {
        var nodes: [Int]
        var relationships: [Int]
        var nodeConstraints: [NodeConstraint]
        var relationshipConstraints: [RelationshipConstraint]
    }

    private mutating func planPatterns(
        _ parts: [PatternPart], isOptional: Bool, predicate: CypherExpression?, scope: inout Scope
    ) throws(CypherError) -> MatchPlan {
        let firstNew = scope.width
        var bound = Set(0..<scope.width)
        var chains: [ChainSlots] = []
        // Slots first, so that properties may mention any variable of the clause.
        var pathSlots: [Int?] = []
        for part in parts {
            var nodes: [Int] = [], relationships: [Int] = []
            for node in part.nodes { nodes.append(try slot(for: node.variable, .node, in: &scope, position: node.position)) }
            for relationship in part.relationships {
                if let variable = relationship.variable, scope.slot(of: variable) != nil {
                    throw CypherError(.semantic, "the relationship variable '\(variable)' is already bound; give this relationship another name",
                                      line: relationship.position.line, column: relationship.position.column)
                }
                let kind: SlotKind = relationship.length == nil && part.shortest == .none ? .relationship : .relationships
                relationships.append(try slot(for: relationship.variable, kind, in: &scope, position: relationship.position))
            }
            chains.append(ChainSlots(nodes: nodes, relationships: relationships, nodeConstraints: [], relationshipConstraints: []))
            if let variable = part.pathVariable {
                if scope.slot(of: variable) != nil {
                    throw CypherError(.semantic, "the path variable '\(variable)' is already bound", line: part.position.line, column: part.position.column)
                }
                pathSlots.append(scope.add(variable, .path))
            } else {
                pathSlots.append(nil)
            }
        }
        for (index, part) in parts.enumerated() {
            for node in part.nodes {
                var properties: [(String, CypherExpression)] = []
                for (name, value) in node.properties {
                    checkProperty(name, of: .node, at: node.position)
                    properties.append((name, try resolve(value, in: scope)))
                }
                chains[index].nodeConstraints.append(NodeConstraint(allowedKinds: kindTable(node.labels, positions: node.labelPositions), properties: properties))
            }
            for relationship in part.relationships {
                var properties: [(String, CypherExpression)] = []
                for (name, value) in relationship.properties {
                    checkProperty(name, of: .relationship, at: relationship.position)
                    properties.append((name, try resolve(value, in: scope)))
                }
                var length = relationship.length
                if part.shortest != .none, length == nil { length = (1, 1) }
                chains[index].relationshipConstraints.append(RelationshipConstraint(
                    allowedRelations: relationTable(relationship.types, positions: relationship.typePositions),
                    properties: properties, length: length))
            }
        }

        var steps: [MatchStep] = []
        var remaining = Array(parts.indices)
        while !remaining.isEmpty {
            // The part whose best starting element is cheapest, given what is bound.
            var best: (position: Int, start: Start, cost: Double)?
            for (position, index) in remaining.enumerated() {
                let start = cheapestStart(parts[index], chains[index], bound: bound)
                if best == nil || start.cost < best!.cost { best = (position, start.start, start.cost) }
            }
            let index = remaining.remove(at: best!.position)
            let part = parts[index], chain = chains[index]
            if part.shortest != .none {
                for end in [0, 1] {
                    steps.append(nodeStep(chain, end, part, bound: bound))
                    bound.insert(chain.nodes[end])
                }
                steps.append(.shortest(
                    from: chain.nodes[0], relationship: chain.relationships[0], to: chain.nodes[1], chain.relationshipConstraints[0],
                    CypherPlanner.direction(part.relationships[0].direction), all: part.shortest == .all, path: pathSlots[index]))
                bound.insert(chain.relationships[0])
                if let path = pathSlots[index] { bound.insert(path) }
                continue
            }
            var left: Int, right: Int
            switch best!.start {
            case .node(let position):
                steps.append(nodeStep(chain, position, part, bound: bound))
                bound.insert(chain.nodes[position])
                (left, right) = (position, position)
            case .edges(let relationship):
                let constraint = chain.relationshipConstraints[relationship]
                steps.append(.scanEdges(
                    left: chain.nodes[relationship], relationship: chain.relationships[relationship], right: chain.nodes[relationship + 1],
                    constraint, part.relationships[relationship].direction,
                    leftNode: chain.nodeConstraints[relationship], rightNode: chain.nodeConstraints[relationship + 1]))
                bound.formUnion([chain.nodes[relationship], chain.relationships[relationship], chain.nodes[relationship + 1]])
                (left, right) = (relationship, relationship + 1)
                if chain.nodes[relationship] == chain.nodes[relationship + 1] {
                    // `(a)-[r]->(a)`: a self-loop; scanEdges checks it.
                }
            }
            while right < chain.nodes.count - 1 {
                let target = chain.nodes[right + 1]
                steps.append(.expand(
                    from: chain.nodes[right], relationship: chain.relationships[right], to: target,
                    chain.relationshipConstraints[right], CypherPlanner.direction(part.relationships[right].direction),
                    chain.nodeConstraints[right + 1], targetBound: bound.contains(target), reversed: false))
                bound.formUnion([target, chain.relationships[right]])
                right += 1
            }
            while left > 0 {
                let target = chain.nodes[left - 1]
                steps.append(.expand(
                    from: chain.nodes[left], relationship: chain.relationships[left - 1], to: target,
                    chain.relationshipConstraints[left - 1], CypherPlanner.direction(part.relationships[left - 1].direction).reversed,
                    chain.nodeConstraints[left - 1], targetBound: bound.contains(target), reversed: true))
                bound.formUnion([target, chain.relationships[left - 1]])
                left -= 1
            }
            if let path = pathSlots[index] {
                steps.append(.bindPath(slot: path, nodes: chain.nodes, relationships: chain.relationships))
                bound.insert(path)
            }
        }
        let resolvedPredicate = try predicate.map { predicate throws(CypherError) in try resolve(predicate, in: scope) }
        return MatchPlan(steps: steps, predicate: resolvedPredicate, isOptional: isOptional, newSlots: firstNew..<scope.width)
    }

    private enum Start { case node(Int), edges(Int) }

    /// The node step that starts a chain at `position`.
    private func nodeStep(_ chain: ChainSlots, _ position: Int, _ part: PatternPart, bound: Set<Int>) -> MatchStep {
        let slot = chain.nodes[position]
        var constraint = chain.nodeConstraints[position]
        if bound.contains(slot) { return .checkNode(slot: slot, constraint) }
        if let index = constraint.properties.firstIndex(where: { $0.0 == "id" && CypherPlanner.isConstant($0.1, bound: bound) }) {
            let id = constraint.properties.remove(at: index).1
            return .lookUpNode(slot: slot, id: id, constraint)
        }
        return .scanNodes(slot: slot, constraint)
    }

    /// Whether an expression can be computed before the pattern binds anything new.
    static func isConstant(_ expression: CypherExpression, bound: Set<Int>) -> Bool {
        switch expression {
        case .literal, .parameter: return true
        case .slot(let slot): return bound.contains(slot)
        case .property(let base, _, _): return isConstant(base, bound: bound)
        case .list(let items): return items.allSatisfy { isConstant($0, bound: bound) }
        case .binary(_, let lhs, let rhs): return isConstant(lhs, bound: bound) && isConstant(rhs, bound: bound)
        case .function(_, _, let arguments, _): return arguments.allSatisfy { isConstant($0, bound: bound) }
        default: return false
        }
    }

    /// The cheapest element to start a chain from, and roughly how many candidates it yields
    /// times the edges that must be walked from them.
    private mutating func cheapestStart(_ part: PatternPart, _ chain: ChainSlots, bound: Set<Int>) -> (start: Start, cost: Double) {
        var best: (Start, Double)?
        let hasEdges = !chain.relationships.isEmpty
        for (position, slot) in chain.nodes.enumerated() {
            let constraint = chain.nodeConstraints[position]
            var cost: Double
            if bound.contains(slot) {
                cost = 0
            } else if constraint.properties.contains(where: { $0.0 == "id" && CypherPlanner.isConstant($0.1, bound: bound) }) {
                cost = 1
            } else if let allowed = constraint.allowedKinds {
                var nodes = 0, degrees = 0
                for (code, isAllowed) in allowed.enumerated() where isAllowed {
                    nodes += kindCounts[code]
                    degrees += kindDegrees[code]
                }
                cost = Double(nodes + (hasEdges ? degrees : 0))
                if !constraint.properties.isEmpty { cost /= 4 }
            } else {
                cost = Double(graph.nodeCount + (hasEdges ? 2 * graph.edgeCount : 0))
                if !constraint.properties.isEmpty { cost /= 4 }
            }
            if best == nil || cost < best!.1 { best = (.node(position), cost) }
        }
        if part.shortest == .none {
            for (position, constraint) in chain.relationshipConstraints.enumerated() where constraint.length == nil {
                var edges = graph.edgeCount
                if let allowed = constraint.allowedRelations {
                    edges = 0
                    for (code, isAllowed) in allowed.enumerated() where isAllowed { edges += relationCounts[code] }
                }
                // The edges whose ends can have the kinds asked for: each end keeps its kinds'
                // share of all edge ends. Picking them is a pass over every edge, which costs
                // about a 64th of binding a row per edge.
                var share = 1.0
                let allEnds = Double(max(1, kindDegrees.reduce(0, +)))
                for end in [chain.nodeConstraints[position], chain.nodeConstraints[position + 1]] {
                    guard let allowed = end.allowedKinds else { continue }
                    var ends = 0
                    for (code, isAllowed) in allowed.enumerated() where isAllowed { ends += kindDegrees[code] }
                    share *= Double(ends) / allEnds
                }
                let cost = Double(edges) * share * (constraint.properties.isEmpty ? 1 : 0.25) + Double(graph.edgeCount) / 64
                if best == nil || cost < best!.1 { best = (.edges(position), cost) }
            }
        }
        return best!
    }

    static func direction(_ direction: RelationshipPattern.Direction) -> Direction {
        switch direction {
        case .right: return .outgoing
        case .left: return .incoming
        case .either: return .both
        }
    }

    // MARK: WITH and RETURN

    private mutating func planProjection(_ projection: Projection, scope: inout Scope, isReturn: Bool) throws(CypherError) -> ProjectionPlan {
        var items = projection.items
        if projection.includesEverything {
            let visible = scope.names.enumerated().filter { !$0.element.hasPrefix(" ") && scope.slot(of: $0.element) == $0.offset }
            guard !visible.isEmpty || !items.isEmpty else {
                throw CypherError(.semantic, "RETURN * needs at least one variable in scope", line: 1, column: 1)
            }
            let everything = visible.map(\.element).sorted { $0.precedesInScalarOrder($1) }.map {
                Projection.Item(expression: .variable($0, CypherPosition(line: 1, column: 1)), alias: $0, text: $0, position: CypherPosition(line: 1, column: 1))
            }
            items = everything + items
        }
        var aggregates: [AggregateSpec] = []
        var resolvedItems: [CypherExpression] = []
        var outputKinds: [SlotKind] = []
        for item in items {
            let resolved = try resolve(item.expression, in: scope, extracting: &aggregates, position: item.position)
            resolvedItems.append(resolved)
            if case .slot(let slot) = resolved { outputKinds.append(scope.kinds[slot]) } else { outputKinds.append(.value) }
        }
        let isAggregating = !aggregates.isEmpty
        var output = Scope()
        for (item, kind) in zip(items, outputKinds) { _ = output.add(item.alias, kind) }
        var order: [(CypherExpression, ascending: Bool)] = []
        for key in projection.order {
            if let column = items.firstIndex(where: { $0.alias == key.text || $0.text == key.text }) {
                order.append((.slot(column), key.ascending))
                continue
            }
            if isAggregating {
                let resolved = try resolve(key.expression, in: output, extracting: &aggregates, position: CypherPosition(line: 1, column: 1))
                order.append((resolved, key.ascending))
            } else {
                // Output columns first, then the input row's slots.
                var combined = output
                for (name, kind) in zip(scope.names, scope.kinds) { _ = combined.add(output.slot(of: name) == nil ? name : " shadowed", kind) }
                order.append((try resolve(key.expression, in: combined), key.ascending))
            }
        }
        let skip = try projection.skip.map { skip throws(CypherError) in try resolve(skip, in: Scope()) }
        let limit = try projection.limit.map { limit throws(CypherError) in try resolve(limit, in: Scope()) }
        let predicate = try projection.predicate.map { predicate throws(CypherError) in try resolve(predicate, in: output) }
        scope = output
        return ProjectionPlan(
            items: resolvedItems, aliases: items.map(\.alias), aggregates: aggregates, isDistinct: projection.isDistinct,
            order: order, skip: skip, limit: limit, predicate: predicate, isReturn: isReturn)
    }

    /// Resolves an item, moving each aggregate call into `aggregates` (its argument is
    /// resolved in the input scope) and leaving `.aggregate(i)` in its place.
    private mutating func resolve(
        _ expression: CypherExpression, in scope: Scope, extracting aggregates: inout [AggregateSpec], position: CypherPosition
    ) throws(CypherError) -> CypherExpression {
        switch expression {
        case .countAll:
            aggregates.append(AggregateSpec(function: .count, isDistinct: false, argument: nil))
            return .aggregate(aggregates.count - 1)
        case .function(let name, let distinct, let arguments, let position)
            where CypherExpression.aggregateFunctions.contains(name.lowercased()):
            guard arguments.count == 1 else {
                throw CypherError(.semantic, "\(name) takes one argument", line: position.line, column: position.column)
            }
            guard !arguments[0].containsAggregate else {
                throw CypherError(.semantic, "an aggregate cannot contain another aggregate", line: position.line, column: position.column)
            }
            let argument = try resolve(arguments[0], in: scope)
            aggregates.append(AggregateSpec(function: AggregateSpec.Function(rawValue: name.lowercased())!, isDistinct: distinct, argument: argument))
            return .aggregate(aggregates.count - 1)
        case _ where !expression.containsAggregate:
            return try resolve(expression, in: scope)
        case .binary(let op, let lhs, let rhs):
            return .binary(op, try resolve(lhs, in: scope, extracting: &aggregates, position: position),
                           try resolve(rhs, in: scope, extracting: &aggregates, position: position))
        case .not(let inner): return .not(try resolve(inner, in: scope, extracting: &aggregates, position: position))
        case .negate(let inner): return .negate(try resolve(inner, in: scope, extracting: &aggregates, position: position))
        case .isNull(let inner, let negated): return .isNull(try resolve(inner, in: scope, extracting: &aggregates, position: position), negated: negated)
        case .property(let base, let name, let at): return .property(try resolve(base, in: scope, extracting: &aggregates, position: position), name, at)
        case .index(let base, let index):
            return .index(try resolve(base, in: scope, extracting: &aggregates, position: position), try resolve(index, in: scope, extracting: &aggregates, position: position))
        case .list(let items):
            var resolved: [CypherExpression] = []
            for item in items { resolved.append(try resolve(item, in: scope, extracting: &aggregates, position: position)) }
            return .list(resolved)
        case .map(let entries):
            var resolved: [(String, CypherExpression)] = []
            for (key, value) in entries { resolved.append((key, try resolve(value, in: scope, extracting: &aggregates, position: position))) }
            return .map(resolved)
        case .function(let name, let distinct, let arguments, let at):
            var resolved: [CypherExpression] = []
            for argument in arguments { resolved.append(try resolve(argument, in: scope, extracting: &aggregates, position: position)) }
            return .function(name.lowercased(), distinct: distinct, resolved, at)
        default:
            throw CypherError(.semantic, "aggregates are not supported inside this expression", line: position.line, column: position.column)
        }
    }
}
