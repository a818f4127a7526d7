import RelGraphCore

/// `MATCH` patterns: slots for their variables, constraints from labels, types and property
/// maps, and the order of steps (each comma-separated part from its cheapest element, given
/// what is bound).
extension CypherPlanner {
    /// One pattern element's slot: a named variable (reused when bound), or a hidden one.
    private mutating func slot(for variable: String?, _ type: StaticType, in scope: inout Scope, position: CypherPosition) throws(CypherError) -> Int {
        guard let variable else {
            anonymous += 1
            return scope.add(" \(anonymous)", type)
        }
        guard let slot = scope.slot(of: variable) else { return scope.add(variable, type) }
        let bound = scope.types[slot]
        let compatible = bound == type || bound == .any || bound == .null
        guard compatible else {
            throw CypherError(
                .syntax, .variableTypeConflict, "'\(variable)' is already bound to \(bound.described), not \(type.described)", at: position, subject: variable)
        }
        return slot
    }

    struct ChainSlots {
        var nodes: [Int]
        var relationships: [Int]
        var nodeConstraints: [NodeConstraint]
        var relationshipConstraints: [RelationshipConstraint]
    }

    /// The constraint of a pattern's property map: fixed keys (`{name: 'a'}`) or a parameter map.
    private mutating func propertyConstraint(_ map: CypherExpression?, of type: StaticType, at position: CypherPosition, in scope: Scope)
        throws(CypherError) -> (properties: [(String, CypherExpression)], map: CypherExpression?)
    {
        switch map {
        case nil: return ([], nil)
        case .map(let entries)?:
            var properties: [(String, CypherExpression)] = []
            for (name, value) in entries {
                checkProperty(name, of: type, at: position)
                properties.append((name, try resolve(value, in: scope)))
            }
            return (properties, nil)
        case let other?:
            return ([], try resolve(other, in: scope))
        }
    }

    mutating func planPatterns(
        _ parts: [PatternPart], isOptional: Bool, predicate: CypherExpression?, position: CypherPosition, scope: inout Scope
    ) throws(CypherError) -> MatchPlan {
        let firstNew = scope.width
        var bound = Set(0..<scope.width)
        var chains: [ChainSlots] = []
        var requiredNodes: [Int] = []
        // Slots first, so that properties may mention any variable of the clause.
        var pathSlots: [Int?] = []
        var relationshipsOfClause: Set<String> = []
        var boundRelationships: Set<Int> = []
        for part in parts {
            var nodes: [Int] = [], relationships: [Int] = []
            for node in part.nodes {
                let slot = try slot(for: node.variable, .node, in: &scope, position: node.variablePosition)
                if slot < firstNew, scope.types[slot] != .node { requiredNodes.append(slot) }
                nodes.append(slot)
            }
            for relationship in part.relationships {
                let isList = relationship.length != nil || part.shortest != .none
                if let variable = relationship.variable {
                    if !relationshipsOfClause.insert(variable).inserted {
                        throw CypherError(
                            .syntax, .relationshipUniquenessViolation,
                            "the relationship variable '\(variable)' is used twice in one MATCH; a relationship is matched once per pattern",
                            at: relationship.variablePosition, subject: variable)
                    }
                }
                let slot = try slot(
                    for: relationship.variable, isList ? .list(.relationship) : .relationship, in: &scope,
                    position: relationship.variablePosition)
                if slot < firstNew {
                    // Bound by an earlier clause: this pattern must match that very relationship.
                    guard part.shortest == .none else {
                        throw CypherError(
                            .syntax, .variableAlreadyBound, "a shortest path needs a new relationship variable", at: relationship.variablePosition)
                    }
                    boundRelationships.insert(slot)
                }
                relationships.append(slot)
            }
            chains.append(ChainSlots(nodes: nodes, relationships: relationships, nodeConstraints: [], relationshipConstraints: []))
            if let variable = part.pathVariable {
                if scope.slot(of: variable) != nil {
                    throw CypherError(
                        .syntax, .variableAlreadyBound,
                        "the variable '\(variable)' is already bound; give this path another name", at: part.position, subject: variable)
                }
                pathSlots.append(scope.add(variable, .path))
            } else {
                pathSlots.append(nil)
            }
        }
        for (index, part) in parts.enumerated() {
            for node in part.nodes {
                let labels = labelConstraint(node.labels, positions: node.labelPositions)
                let properties = try propertyConstraint(node.properties, of: .node, at: node.position, in: scope)
                chains[index].nodeConstraints.append(
                    NodeConstraint(
                        allowedKinds: labels.kinds, labelGroups: labels.groups,
                        properties: properties.properties, propertyMap: properties.map))
            }
            for relationship in part.relationships {
                let properties = try propertyConstraint(relationship.properties, of: .relationship, at: relationship.position, in: scope)
                var length = relationship.length
                if part.shortest != .none, length == nil { length = (1, 1) }
                var constraint = RelationshipConstraint(
                    allowedRelations: relationTable(relationship.types, positions: relationship.typePositions),
                    properties: properties.properties, propertyMap: properties.map, length: length)
                constraint.isBound = boundRelationships.contains(chains[index].relationships[chains[index].relationshipConstraints.count])
                chains[index].relationshipConstraints.append(constraint)
            }
        }
        var steps: [MatchStep] = requiredNodes.map { .requireNode(slot: $0) }
        var remaining = Array(parts.indices)
        while !remaining.isEmpty {
            // The part whose best starting element is cheapest, given what is bound.
            var best: (position: Int, start: Start, cost: Double)?
            for (position, index) in remaining.enumerated() {
                let start = cheapestStart(parts[index], chains[index], bound: bound)
                if best == nil || start.cost < best!.cost { best = (position, start.start, start.cost) }
            }
            let index = remaining.remove(at: best!.position)
            steps += planChain(parts[index], chains[index], start: best!.start, path: pathSlots[index], bound: &bound)
        }
        var resolvedPredicate: CypherExpression?
        if let predicate {
            let resolved = try resolve(predicate, in: scope)
            if !staticType(of: resolved, in: scope).canBeBoolean {
                throw CypherError(
                    .syntax, .invalidArgumentType, "WHERE needs a boolean condition, not \(staticType(of: resolved, in: scope).described)",
                    at: predicate.position)
            }
            resolvedPredicate = resolved
        }
        return MatchPlan(steps: steps, predicate: resolvedPredicate, isOptional: isOptional, newSlots: firstNew..<scope.width, position: position)
    }

    enum Start { case node(Int), edges(Int) }

    /// The steps of one comma-separated part, from `start` outwards.
    private func planChain(_ part: PatternPart, _ chain: ChainSlots, start: Start, path: Int?, bound: inout Set<Int>) -> [MatchStep] {
        var steps: [MatchStep] = []
        if part.shortest != .none {
            for end in [0, 1] {
                steps.append(nodeStep(chain, end, bound: bound))
                bound.insert(chain.nodes[end])
            }
            steps.append(
                .shortest(
                    from: chain.nodes[0], relationship: chain.relationships[0], to: chain.nodes[1], chain.relationshipConstraints[0],
                    CypherPlanner.direction(part.relationships[0].direction), all: part.shortest == .all, path: path))
            bound.insert(chain.relationships[0])
            if let path { bound.insert(path) }
            return steps
        }
        var left: Int, right: Int
        switch start {
        case .node(let position):
            steps.append(nodeStep(chain, position, bound: bound))
            bound.insert(chain.nodes[position])
            (left, right) = (position, position)
        case .edges(let relationship):
            steps.append(
                .scanEdges(
                    left: chain.nodes[relationship], relationship: chain.relationships[relationship], right: chain.nodes[relationship + 1],
                    chain.relationshipConstraints[relationship], part.relationships[relationship].direction,
                    leftNode: chain.nodeConstraints[relationship], rightNode: chain.nodeConstraints[relationship + 1]))
            bound.formUnion([chain.nodes[relationship], chain.relationships[relationship], chain.nodes[relationship + 1]])
            (left, right) = (relationship, relationship + 1)
        }
        while right < chain.nodes.count - 1 {
            let target = chain.nodes[right + 1]
            steps.append(
                .expand(
                    from: chain.nodes[right], relationship: chain.relationships[right], to: target,
                    chain.relationshipConstraints[right], CypherPlanner.direction(part.relationships[right].direction),
                    chain.nodeConstraints[right + 1], targetBound: bound.contains(target), reversed: false))
            bound.formUnion([target, chain.relationships[right]])
            right += 1
        }
        while left > 0 {
            let target = chain.nodes[left - 1]
            steps.append(
                .expand(
                    from: chain.nodes[left], relationship: chain.relationships[left - 1], to: target,
                    chain.relationshipConstraints[left - 1], CypherPlanner.direction(part.relationships[left - 1].direction).reversed,
                    chain.nodeConstraints[left - 1], targetBound: bound.contains(target), reversed: true))
            bound.formUnion([target, chain.relationships[left - 1]])
            left -= 1
        }
        if let path {
            steps.append(.bindPath(slot: path, nodes: chain.nodes, relationships: chain.relationships))
            bound.insert(path)
        }
        return steps
    }

    /// The node step that starts a chain at `position`.
    private func nodeStep(_ chain: ChainSlots, _ position: Int, bound: Set<Int>) -> MatchStep {
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
        case .binary(_, let lhs, let rhs, _): return isConstant(lhs, bound: bound) && isConstant(rhs, bound: bound)
        case .function(let name, _, let arguments, _): return name != "rand" && arguments.allSatisfy { isConstant($0, bound: bound) }
        default: return false
        }
    }

    static func direction(_ direction: RelationshipPattern.Direction) -> Direction {
        switch direction {
        case .right: return .outgoing
        case .left: return .incoming
        case .either: return .both
        }
    }
}
