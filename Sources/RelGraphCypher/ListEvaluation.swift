import RelGraphCore

/// Expressions that walk a list or a map: list comprehensions, `all`/`any`/`none`/`single`,
/// `reduce` and map projections.
extension CypherExecutor {
    /// The list a comprehension walks: null stays null; anything else is a type error.
    private func items(of list: IteratedList, _ row: Row, _ aggregates: [CypherValue], at position: CypherPosition) throws(CypherError) -> [CypherValue]? {
        switch try evaluate(list.source, row, aggregates) {
        case .null: return nil
        case .list(let items): return items
        case let value: throw typeError("\(list.variable) IN ... needs a list, not \(value.described)", at: position)
        }
    }

    /// The row with room for the comprehension's variable.
    private func scratch(_ row: Row, slot: Int) -> Row {
        slot < row.count ? row : row + Row(repeating: .null, count: slot + 1 - row.count)
    }

    func comprehension(_ list: IteratedList, _ row: Row, _ aggregates: [CypherValue], at position: CypherPosition) throws(CypherError) -> CypherValue {
        guard let items = try items(of: list, row, aggregates, at: position) else { return .null }
        var local = scratch(row, slot: list.slot)
        var results: [CypherValue] = []
        results.reserveCapacity(items.count)
        for item in items {
            try budget.step()
            local[list.slot] = item
            if let predicate = list.predicate, !isTrue(try evaluate(predicate, local, aggregates)) { continue }
            results.append(try list.projection.map { p throws(CypherError) in try evaluate(p, local, aggregates) } ?? item)
        }
        return .list(results)
    }

    /// `all`, `any`, `none`, `single`: null where the answer depends on a null condition.
    func quantify(_ quantifier: Quantifier, _ list: IteratedList, _ row: Row, _ aggregates: [CypherValue], at position: CypherPosition) throws(CypherError)
        -> CypherValue
    {
        guard let items = try items(of: list, row, aggregates, at: position), let predicate = list.predicate else { return .null }
        var local = scratch(row, slot: list.slot)
        var trues = 0, nulls = 0
        for item in items {
            try budget.step()
            local[list.slot] = item
            switch try evaluate(predicate, local, aggregates) {
            case .boolean(true): trues += 1
            case .boolean(false): if quantifier == .all { return .boolean(false) }
            case .null: nulls += 1
            case let value: throw typeError("\(quantifier.rawValue)(...) needs a boolean condition, not \(value.described)", at: position)
            }
            switch quantifier {
            case .any where trues > 0: return .boolean(true)
            case .none where trues > 0: return .boolean(false)
            case .single where trues > 1: return .boolean(false)
            default: break
            }
        }
        switch quantifier {
        case .all: return nulls > 0 ? .null : .boolean(true)
        case .any: return nulls > 0 ? .null : .boolean(false)
        case .none: return nulls > 0 ? .null : .boolean(true)
        case .single: return nulls > 0 ? .null : .boolean(trues == 1)
        }
    }

    func reduce(
        _ accumulatorSlot: Int, _ initial: CypherExpression, _ list: IteratedList, _ row: Row, _ aggregates: [CypherValue],
        at position: CypherPosition
    ) throws(CypherError) -> CypherValue {
        var accumulator = try evaluate(initial, row, aggregates)
        guard let items = try items(of: list, row, aggregates, at: position), let projection = list.projection else { return .null }
        var local = scratch(row, slot: Swift.max(list.slot, accumulatorSlot))
        for item in items {
            try budget.step()
            local[accumulatorSlot] = accumulator
            local[list.slot] = item
            accumulator = try evaluate(projection, local, aggregates)
        }
        return accumulator
    }

    /// `n{.name, .*, key: value}`.
    func project(
        _ base: CypherExpression, _ entries: [(String?, CypherExpression)], _ row: Row, _ aggregates: [CypherValue],
        at position: CypherPosition
    ) throws(CypherError) -> CypherValue {
        let value = try evaluate(base, row, aggregates)
        if value.isNull { return .null }
        var result: [String: CypherValue] = [:]
        for (key, expression) in entries {
            guard let key else {
                switch value {
                case .node(let node): result.merge(nodeProperties(node.position)) { $1 }
                case .relationship(let edge): result.merge(relationshipProperties(edge.position)) { $1 }
                case .map(let map): result.merge(map) { $1 }
                default: throw typeError("a map projection needs a node, a relationship or a map, not \(value.described)", at: position)
                }
                continue
            }
            result[key] = try evaluate(expression, row, aggregates)
        }
        return .map(result)
    }
}
