import RelGraphCore

/// `WITH` and `RETURN`: items and their names, aggregates taken out of the items, grouping
/// checked (an item mixing an aggregate with values that are not grouping keys is refused, as
/// Neo4j refuses it), `ORDER BY`, `SKIP`, `LIMIT` and `WITH ... WHERE`.
extension CypherPlanner {
    mutating func planProjection(_ projection: Projection, scope: inout Scope, isReturn: Bool) throws(CypherError) -> ProjectionPlan {
        let clause = isReturn ? "RETURN" : "WITH"
        var items = projection.items
        if projection.includesEverything {
            let visible = scope.visible.sorted { $0.precedesInScalarOrder($1) }
            guard !visible.isEmpty || !items.isEmpty else {
                throw CypherError(.syntax, .noVariablesInScope, "\(clause) * needs at least one variable in scope", at: projection.position)
            }
            items =
                visible.map {
                    Projection.Item(expression: .variable($0, projection.position), alias: $0, isAliased: true, text: $0, position: projection.position)
                } + items
        }
        var seen: Set<String> = []
        for item in items {
            if case .pattern(let part) = item.expression {
                throw CypherError(
                    .syntax, .unexpectedSyntax,
                    "a pattern is not a value to \(isReturn ? "return" : "project"); write EXISTS { \(item.text) } for whether it matches, COUNT { \(item.text) } for how often, or [\(item.text) | ...] for what it matches",
                    at: part.position)
            }
            guard seen.insert(item.alias).inserted else {
                throw CypherError(.syntax, .columnNameConflict, "two columns are named '\(item.alias)'; give one another name with AS", at: item.position)
            }
        }
        var aggregates: [AggregateSpec] = []
        var resolvedItems: [CypherExpression] = []
        for item in items {
            resolvedItems.append(try resolveAggregating(item.expression, in: scope, extracting: &aggregates))
        }
        let isAggregating = !aggregates.isEmpty
        if isAggregating { try checkGrouping(resolvedItems, items, inputWidth: scope.width) }
        var output = Scope()
        for (item, resolved) in zip(items, resolvedItems) { _ = output.add(item.alias, staticType(of: resolved, in: scope)) }
        var order: [(CypherExpression, ascending: Bool)] = []
        for key in projection.order {
            if let column = items.firstIndex(where: { $0.alias == key.text || $0.text == key.text }) {
                order.append((.slot(column), key.ascending))
                continue
            }
            if isAggregating || projection.isDistinct {
                var extracted = aggregates
                let resolved = try resolveAfterProjection(
                    key.expression, output: output, input: scope, items: resolvedItems,
                    extracting: &extracted, position: key.position)
                if extracted.count > aggregates.count, !isAggregating {
                    throw CypherError(.syntax, .invalidAggregation, "ORDER BY cannot aggregate in a \(clause) that does not", at: key.position)
                }
                aggregates = extracted
                order.append((resolved, key.ascending))
            } else {
                if key.expression.containsAggregate {
                    throw CypherError(.syntax, .invalidAggregation, "ORDER BY cannot aggregate in a \(clause) that does not", at: key.position)
                }
                order.append((try resolve(key.expression, in: combined(output, scope)), key.ascending))
            }
        }
        let skip = try rowCount(projection.skip, "SKIP")
        let limit = try rowCount(projection.limit, "LIMIT")
        var predicate: CypherExpression?
        var predicateReadsInput = false
        if let condition = projection.predicate {
            if condition.containsAggregate {
                throw CypherError(
                    .syntax, .invalidAggregation, "WHERE cannot aggregate; aggregate in WITH, then filter in the next WITH ... WHERE", at: condition.position)
            }
            if isAggregating || projection.isDistinct {
                var unused: [AggregateSpec] = []
                predicate = try resolveAfterProjection(
                    condition, output: output, input: scope, items: resolvedItems,
                    extracting: &unused, position: condition.position ?? projection.position)
            } else {
                // Like ORDER BY, WHERE after WITH may read the variables of before the WITH.
                predicate = try resolve(condition, in: combined(output, scope))
                predicateReadsInput = true
            }
        }
        for item in items where !isReturn && !item.isAliased && !item.expression.isVariable {
            throw CypherError(.syntax, .noExpressionAlias, "an expression in WITH needs a name: \(item.text) AS name", at: item.position)
        }
        scope = output
        var plan = ProjectionPlan(
            items: resolvedItems, aliases: items.map(\.alias), aggregates: aggregates, isDistinct: projection.isDistinct,
            order: order, skip: skip, limit: limit, predicate: predicate, isReturn: isReturn, position: projection.position)
        plan.predicateReadsInput = predicateReadsInput
        return plan
    }

    /// The output columns first, then the input row's slots (a name the output reuses hidden).
    private func combined(_ output: Scope, _ input: Scope) -> Scope {
        var combined = output
        for (name, type) in zip(input.names, input.types) { _ = combined.add(output.slot(of: name) == nil ? name : " shadowed", type) }
        return combined
    }

    /// `SKIP` and `LIMIT`: a constant (no variables), checked now when it is a literal.
    private mutating func rowCount(_ expression: CypherExpression?, _ clause: String) throws(CypherError) -> CypherExpression? {
        guard let expression else { return nil }
        let resolved: CypherExpression
        do { resolved = try resolve(expression, in: Scope()) } catch {
            if error.code == .undefinedVariable {
                throw CypherError(.syntax, .nonConstantExpression, "\(clause) takes a constant, not an expression of the rows", at: expression.position)
            }
            throw error
        }
        var constant: CypherValue?
        if case .literal(let value) = resolved { constant = value }
        if case .negate(.literal(.integer(let value)), _) = resolved { constant = .integer(-value) }
        if case .negate(.literal(.float(let value)), _) = resolved { constant = .float(-value) }
        if let value = constant {
            switch value {
            case .integer(let count) where count < 0:
                throw CypherError(.syntax, .negativeIntegerArgument, "\(clause) needs a count of rows, not \(count)", at: expression.position)
            case .integer: break
            default:
                throw CypherError(.syntax, .invalidArgumentType, "\(clause) needs an integer, not \(value.described)", at: expression.position)
            }
        }
        return resolved
    }

    /// Resolves an item, moving each aggregate call into `aggregates` (its argument is
    /// resolved in the input scope) and leaving `.aggregate(i)` in its place.
    mutating func resolveAggregating(
        _ expression: CypherExpression, in scope: Scope, arguments argumentScope: Scope? = nil, extracting aggregates: inout [AggregateSpec]
    ) throws(CypherError) -> CypherExpression {
        guard expression.containsAggregate else { return try resolve(expression, in: scope) }
        func recurse(_ inner: CypherExpression) throws(CypherError) -> CypherExpression {
            try resolveAggregating(inner, in: scope, arguments: argumentScope, extracting: &aggregates)
        }
        switch expression {
        case .countAll(let position):
            aggregates.append(AggregateSpec(function: .count, isDistinct: false, argument: nil, percentile: nil, position: position))
            return .aggregate(aggregates.count - 1)
        case .function(let name, let distinct, let arguments, let position) where CypherExpression.aggregateFunctions.contains(name.lowercased()):
            let function = AggregateSpec.Function(rawValue: name.lowercased())!
            let expected = function == .percentileDisc || function == .percentileCont ? 2 : 1
            guard arguments.count == expected else {
                throw CypherError(
                    .syntax, .invalidNumberOfArguments, "\(name) takes \(expected) argument\(expected == 1 ? "" : "s"), not \(arguments.count)", at: position)
            }
            guard !arguments.contains(where: \.containsAggregate) else {
                throw CypherError(.syntax, .nestedAggregation, "an aggregate cannot contain another aggregate", at: position)
            }
            guard !arguments.contains(where: \.callsRandom) else {
                throw CypherError(.syntax, .nonConstantExpression, "\(name)(...) cannot aggregate rand(), which differs on every row", at: position)
            }
            let argument = try resolve(arguments[0], in: argumentScope ?? scope)
            let percentile = expected == 2 ? try resolve(arguments[1], in: argumentScope ?? scope) : nil
            aggregates.append(AggregateSpec(function: function, isDistinct: distinct, argument: argument, percentile: percentile, position: position))
            return .aggregate(aggregates.count - 1)
        case .binary(let op, let lhs, let rhs, let position): return .binary(op, try recurse(lhs), try recurse(rhs), position)
        case .not(let inner, let position): return .not(try recurse(inner), position)
        case .negate(let inner, let position): return .negate(try recurse(inner), position)
        case .isNull(let inner, let negated): return .isNull(try recurse(inner), negated: negated)
        case .property(let base, let name, let position): return .property(try recurse(base), name, position)
        case .index(let base, let index, let position): return .index(try recurse(base), try recurse(index), position)
        case .slice(let base, let from, let to, let position):
            return .slice(
                try recurse(base), try from.map { e throws(CypherError) in try recurse(e) }, try to.map { e throws(CypherError) in try recurse(e) }, position)
        case .list(let items):
            var resolved: [CypherExpression] = []
            for item in items { resolved.append(try recurse(item)) }
            return .list(resolved)
        case .map(let entries):
            var resolved: [(String, CypherExpression)] = []
            for (key, value) in entries { resolved.append((key, try recurse(value))) }
            return .map(resolved)
        case .function(let name, let distinct, let arguments, let position):
            try CypherFunctions.check(name, arguments: arguments.count, at: position)
            var resolved: [CypherExpression] = []
            for argument in arguments { resolved.append(try recurse(argument)) }
            return .function(name.lowercased(), distinct: distinct, resolved, position)
        case .caseWhen(let subject, let branches, let otherwise):
            var resolvedBranches: [(CypherExpression, CypherExpression)] = []
            for (condition, value) in branches { resolvedBranches.append((try recurse(condition), try recurse(value))) }
            return .caseWhen(
                subject: try subject.map { e throws(CypherError) in try recurse(e) }, branches: resolvedBranches,
                otherwise: try otherwise.map { e throws(CypherError) in try recurse(e) })
        case .listComprehension(var list, let position) where !(list.predicate?.containsAggregate ?? false) && !(list.projection?.containsAggregate ?? false):
            list.source = try recurse(list.source)
            return .listComprehension(try resolveIteratedBody(list, in: scope), position)
        case .quantifier(let quantifier, var list, let position) where !(list.predicate?.containsAggregate ?? false):
            list.source = try recurse(list.source)
            return .quantifier(quantifier, try resolveIteratedBody(list, in: scope), position)
        default:
            throw CypherError(.syntax, .invalidAggregation, "an aggregate cannot be used inside this expression", at: expression.position)
        }
    }

    /// In an aggregating projection, an item with an aggregate may use, besides aggregates,
    /// only constants and the grouping keys (the items without aggregates, or their variables),
    /// or expressions of those: `RETURN me.age + count(you)` is refused unless `me.age` or `me`
    /// is also returned.
    private func checkGrouping(_ resolved: [CypherExpression], _ items: [Projection.Item], inputWidth width: Int) throws(CypherError) {
        let keys = resolved.filter { !$0.containsAggregate }
        let keySlots = Set(keys.compactMap { if case .slot(let slot) = $0 { slot } else { nil } })
        /// The first part of `expression` that is not made of aggregates and grouping keys.
        func ungrounded(_ expression: CypherExpression) -> CypherExpression? {
            if case .aggregate = expression { return nil }
            if expression.isLookup, keys.contains(where: { $0.isSame(as: expression) }) { return nil }
            switch expression {
            case .slot(let slot): return slot >= width || keySlots.contains(slot) ? nil : expression
            case .literal, .parameter: return nil
            default:
                if expression.readsSubplans, expression.slotsRead(below: width).isEmpty == false { return expression }
                return expression.children.lazy.compactMap(ungrounded).first
            }
        }
        for (expression, item) in zip(resolved, items) where expression.containsAggregate {
            guard let offending = ungrounded(expression) else { continue }
            throw CypherError(
                .syntax, .ambiguousAggregationExpression,
                "\(item.text) mixes an aggregate with values that are not grouping keys; return them as their own columns too (or aggregate them)",
                at: offending.position ?? item.position)
        }
    }
}

extension CypherExpression {
    var isVariable: Bool { if case .variable = self { return true } else { return false } }

    /// A variable or a property of one (`n`, `n.age`): what a grouping key may stand for
    /// inside an aggregating item.
    var isLookup: Bool {
        switch self {
        case .slot: return true
        case .property(let base, _, _): return base.isLookup
        default: return false
        }
    }

    /// Whether it calls `rand()`, whose value differs row by row.
    var callsRandom: Bool {
        if case .function(let name, _, _, _) = self, name.lowercased() == "rand" { return true }
        return children.contains { $0.callsRandom }
    }
}
