import RelGraphCore

/// Resolving expressions: variables to slots, patterns and subqueries to plans, and the
/// checks openCypher makes before running (names, types, aggregates out of place).
extension CypherPlanner {
    /// Replaces variables by slots, compiles patterns and subqueries, checks names and types.
    /// Aggregates are refused here: projections take them out first (``ProjectionPlanner``).
    mutating func resolve(_ expression: CypherExpression, in scope: Scope) throws(CypherError) -> CypherExpression {
        switch expression {
        case .variable(let name, let position):
            guard let slot = scope.slot(of: name) else {
                let suggestion = NearestName(candidates: scope.visible).nearest(to: name).map { "; did you mean '\($0)'?" } ?? ""
                throw CypherError(.syntax, .undefinedVariable, "the variable '\(name)' is not defined here" + suggestion, at: position, subject: name)
            }
            return .slot(slot)
        case .property(let base, let name, let position):
            let resolved = try resolve(base, in: scope)
            let type = staticType(of: resolved, in: scope)
            guard type.hasProperties else {
                throw CypherError(
                    type == .path ? .syntax : .type, .invalidArgumentType, "\(type.described) has no properties (asked for '\(name)')", at: position)
            }
            checkProperty(name, of: type, at: position)
            return .property(resolved, name, position)
        case .list(let items):
            var resolved: [CypherExpression] = []
            for item in items { resolved.append(try resolve(item, in: scope)) }
            return .list(resolved)
        case .map(let entries):
            var resolved: [(String, CypherExpression)] = []
            for (key, value) in entries { resolved.append((key, try resolve(value, in: scope))) }
            return .map(resolved)
        case .binary(let op, let lhs, let rhs, let position):
            let (left, right) = (try resolve(lhs, in: scope), try resolve(rhs, in: scope))
            try checkOperands(op, left, right, at: position, in: scope)
            checkDateUse(op, left, right, written: (lhs, rhs), at: position, in: scope)
            return .binary(op, left, right, position)
        case .not(let inner, let position):
            let resolved = try resolve(inner, in: scope)
            let type = staticType(of: resolved, in: scope)
            guard type.canBeBoolean else {
                throw CypherError(.syntax, .invalidArgumentType, "NOT needs a boolean, not \(type.described)", at: position)
            }
            return .not(resolved, position)
        case .negate(let inner, let position): return .negate(try resolve(inner, in: scope), position)
        case .isNull(let inner, let negated): return .isNull(try resolve(inner, in: scope), negated: negated)
        case .index(let base, let index, let position):
            let (container, key) = (try resolve(base, in: scope), try resolve(index, in: scope))
            try checkIndex(container, key, at: position, in: scope)
            return .index(container, key, position)
        case .slice(let base, let from, let to, let position):
            return .slice(
                try resolve(base, in: scope), try from.map { e throws(CypherError) in try resolve(e, in: scope) },
                try to.map { e throws(CypherError) in try resolve(e, in: scope) }, position)
        case .function(let name, let distinct, let arguments, let position):
            if CypherExpression.aggregateFunctions.contains(name.lowercased()) {
                throw CypherError(.syntax, .invalidAggregation, "\(name)(...) aggregates rows; it belongs in RETURN or WITH, not here", at: position)
            }
            try CypherFunctions.check(name, arguments: arguments.count, at: position)
            if case .pattern(let part)? = arguments.first, ["size", "length"].contains(name.lowercased()) {
                throw CypherError(
                    .syntax, .unexpectedSyntax, "\(name)() of a pattern is not supported; count its matches with COUNT { ... } instead", at: part.position)
            }
            var resolved: [CypherExpression] = []
            for argument in arguments { resolved.append(try resolve(argument, in: scope)) }
            try CypherFunctions.checkTypes(name.lowercased(), resolved.map { staticType(of: $0, in: scope) }, at: position)
            return .function(name.lowercased(), distinct: distinct, resolved, position)
        case .countAll(let position):
            throw CypherError(.syntax, .invalidAggregation, "count(*) aggregates rows; it belongs in RETURN or WITH, not here", at: position)
        case .hasLabels(let base, let groups, let position):
            let resolved = try resolve(base, in: scope)
            if staticType(of: resolved, in: scope) == .node { _ = labelConstraint(groups, positions: [position]) }
            return .hasLabels(resolved, groups, position)
        case .pattern(let part):
            var local = scope
            let named = part.nodes.map { ($0.variable, $0.variablePosition) } + part.relationships.map { ($0.variable, $0.variablePosition) }
            for case let (name?, at) in named where scope.slot(of: name) == nil {
                throw CypherError(
                    .syntax, .undefinedVariable,
                    "the variable '\(name)' is not defined here; a pattern in an expression cannot introduce variables (use EXISTS { MATCH ... } or a pattern comprehension)",
                    at: at, subject: name)
            }
            let plan = try planPatterns([part], isOptional: false, predicate: nil, position: part.position, scope: &local)
            patternPlans.append(plan)
            existencePatterns.insert(patternPlans.count - 1)
            return .patternPlan(patternPlans.count - 1)
        case .patternComprehension(let part, let predicate, let projection, _):
            var local = scope
            let plan = try planPatterns([part], isOptional: false, predicate: nil, position: part.position, scope: &local)
            patternPlans.append(plan)
            let index = patternPlans.count - 1
            return .patternComprehensionPlan(
                index, predicate: try predicate.map { p throws(CypherError) in try resolve(p, in: local) },
                projection: try resolve(projection, in: local))
        case .listComprehension(let list, let position):
            return .listComprehension(try resolveIterated(list, in: scope), position)
        case .quantifier(let quantifier, let list, let position):
            return .quantifier(quantifier, try resolveIterated(list, in: scope), position)
        case .reduce(let accumulator, _, let initial, var list, let position):
            let start = try resolve(initial, in: scope)
            list.source = try resolve(list.source, in: scope)
            var local = scope
            let accumulatorSlot = local.add(accumulator, staticType(of: start, in: scope))
            list.slot = local.add(list.variable, elementType(of: staticType(of: list.source, in: scope)))
            list.projection = try list.projection.map { p throws(CypherError) in try resolve(p, in: local) }
            return .reduce(accumulator: accumulator, accumulatorSlot: accumulatorSlot, initial: start, list, position)
        case .mapProjection(let base, let items, let position):
            let resolvedBase = try resolve(base, in: scope)
            var entries: [(String?, CypherExpression)] = []
            for item in items {
                switch item {
                case .property(let name): entries.append((name, .property(resolvedBase, name, position)))
                case .allProperties: entries.append((nil, resolvedBase))
                case .entry(let key, let value): entries.append((key, try resolve(value, in: scope)))
                case .variable(let name, let at): entries.append((name, try resolve(.variable(name, at), in: scope)))
                }
            }
            return .resolvedMapProjection(resolvedBase, entries, position)
        case .subquery(let subquery):
            return .subqueryPlan(try planSubquery(subquery, in: scope), subquery.kind)
        case .caseWhen(let subject, let branches, let otherwise):
            var resolvedBranches: [(CypherExpression, CypherExpression)] = []
            for (condition, value) in branches {
                resolvedBranches.append((try resolve(condition, in: scope), try resolve(value, in: scope)))
            }
            return .caseWhen(
                subject: try subject.map { s throws(CypherError) in try resolve(s, in: scope) },
                branches: resolvedBranches,
                otherwise: try otherwise.map { o throws(CypherError) in try resolve(o, in: scope) })
        case .parameter(let name, let position):
            if let given = parameterNames, !given.contains(name) {
                throw CypherError(.missingParameter, .missingParameter, "the parameter $\(name) is not given", at: position, subject: name)
            }
            return expression
        case .literal, .slot, .aggregate, .patternPlan, .patternComprehensionPlan, .subqueryPlan, .resolvedMapProjection:
            return expression
        }
    }

    /// `x IN list WHERE ... | ...`: the list in `scope`, the rest with `x` in a new slot.
    private mutating func resolveIterated(_ list: IteratedList, in scope: Scope) throws(CypherError) -> IteratedList {
        var resolved = list
        resolved.source = try resolve(list.source, in: scope)
        return try resolveIteratedBody(resolved, in: scope)
    }

    /// The rest of `x IN list WHERE ... | ...` once the list is resolved.
    mutating func resolveIteratedBody(_ list: IteratedList, in scope: Scope) throws(CypherError) -> IteratedList {
        var resolved = list
        let sourceType = staticType(of: resolved.source, in: scope)
        if sourceType != .any, sourceType != .null, !sourceType.isList {
            throw CypherError(.syntax, .invalidArgumentType, "\(list.variable) IN ... needs a list, not \(sourceType.described)", at: list.variablePosition)
        }
        var local = scope
        resolved.slot = local.add(list.variable, elementType(of: sourceType))
        resolved.predicate = try list.predicate.map { p throws(CypherError) in try resolve(p, in: local) }
        if let predicate = resolved.predicate, !staticType(of: predicate, in: local).canBeBoolean {
            throw CypherError(.syntax, .invalidArgumentType, "WHERE needs a boolean condition", at: predicate.position ?? list.variablePosition)
        }
        resolved.projection = try list.projection.map { p throws(CypherError) in try resolve(p, in: local) }
        return resolved
    }
}
