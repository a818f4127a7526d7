import RelGraphCore

extension CypherExecutor {
    /// Whether a predicate's value keeps a row: only `true` does (null and false drop it).
    func isTrue(_ value: CypherValue) -> Bool {
        if case .boolean(true) = value { return true }
        return false
    }

    func typeError(_ message: String, at position: CypherPosition?, _ code: CypherError.Code = .invalidArgumentType) -> CypherError {
        let position = position ?? .start
        return CypherError(.type, code, message, line: position.line, column: position.column, phase: .runtime)
    }

    /// The value of a resolved expression for `row`; `aggregates` are the results of the
    /// projection's aggregates, where the expression refers to them.
    func evaluate(_ expression: CypherExpression, _ row: Row, _ aggregates: [CypherValue] = []) throws(CypherError) -> CypherValue {
        switch expression {
        case .literal(let value): return value
        case .slot(let slot): return slot < row.count ? row[slot] : .null
        case .aggregate(let index): return index < aggregates.count ? aggregates[index] : .null
        case .parameter(let name, let position):
            guard let value = parameters[name] else {
                throw CypherError(
                    .missingParameter, .missingParameter, "the parameter $\(name) is not given", line: position.line, column: position.column,
                    subject: name, phase: .runtime)
            }
            return value
        case .property(let base, let name, let position):
            return try property(name, of: try evaluate(base, row, aggregates), at: position)
        case .list(let items):
            var values: [CypherValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, row, aggregates)) }
            return .list(values)
        case .map(let entries):
            var values: [String: CypherValue] = [:]
            for (key, value) in entries { values[key] = try evaluate(value, row, aggregates) }
            return .map(values)
        case .not(let inner, let position):
            switch try evaluate(inner, row, aggregates) {
            case .boolean(let value): return .boolean(!value)
            case .null: return .null
            case let value: throw typeError("NOT needs a boolean, not \(value.described)", at: position)
            }
        case .negate(let inner, let position):
            return try negate(try evaluate(inner, row, aggregates), at: position)
        case .isNull(let inner, let negated):
            return .boolean(try evaluate(inner, row, aggregates).isNull != negated)
        case .index(let base, let index, let position):
            return try element(of: try evaluate(base, row, aggregates), at: try evaluate(index, row, aggregates), position)
        case .slice(let base, let from, let to, let position):
            let list = try evaluate(base, row, aggregates)
            let start = try from.map { e throws(CypherError) in try evaluate(e, row, aggregates) }
            let end = try to.map { e throws(CypherError) in try evaluate(e, row, aggregates) }
            return try slice(list, start, end, at: position)
        case .function(let name, _, let arguments, let position):
            var values: [CypherValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, row, aggregates)) }
            return try CypherFunctions.call(name, values, executor: self, position: position)
        case .hasLabels(let base, let groups, let position):
            switch try evaluate(base, row, aggregates) {
            case .null: return .null
            case .node(let node): return .boolean(NodeLabels.matches(graph, node.position, groups))
            case .relationship(let edge): return .boolean(groups.allSatisfy { $0.contains(graph.relation(ofEdge: edge)) })
            case let value: throw typeError("a label test needs a node or a relationship, not \(value.described)", at: position)
            }
        case .patternPlan(let index):
            return .boolean(try exists(index, row))
        case .patternComprehensionPlan(let index, let predicate, let projection):
            var results: [CypherValue] = []
            try matches(of: index, from: row) { matched throws(CypherError) in
                if let predicate, !self.isTrue(try self.evaluate(predicate, matched, aggregates)) { return }
                results.append(try self.evaluate(projection, matched, aggregates))
            }
            return .list(results)
        case .listComprehension(let list, let position):
            return try comprehension(list, row, aggregates, at: position)
        case .quantifier(let quantifier, let list, let position):
            return try quantify(quantifier, list, row, aggregates, at: position)
        case .reduce(_, let accumulatorSlot, let initial, let list, let position):
            return try reduce(accumulatorSlot, initial, list, row, aggregates, at: position)
        case .resolvedMapProjection(let base, let entries, let position):
            return try project(base, entries, row, aggregates, at: position)
        case .subqueryPlan(let index, let kind):
            return try subquery(index, kind, row)
        case .caseWhen(let subject, let branches, let otherwise):
            let value = try subject.map { s throws(CypherError) in try evaluate(s, row, aggregates) }
            for (condition, result) in branches {
                let test = try evaluate(condition, row, aggregates)
                let hit = value.map { CypherValue.equals($0, test) == true } ?? isTrue(test)
                if hit { return try evaluate(result, row, aggregates) }
            }
            return try otherwise.map { o throws(CypherError) in try evaluate(o, row, aggregates) } ?? .null
        case .binary(let op, let lhs, let rhs, let position):
            return try binary(op, lhs, rhs, row, aggregates, at: position)
        case .variable(let name, let position):
            throw CypherError(
                .syntax, .undefinedVariable, "the variable '\(name)' is not defined here", line: position.line, column: position.column, phase: .runtime)
        case .countAll, .pattern, .patternComprehension, .mapProjection, .subquery:
            throw typeError("this expression cannot be evaluated here", at: expression.position)
        }
    }

    /// `value.name`: a property of a node, relationship or map, or a component of a
    /// temporal value or duration.
    func property(_ name: String, of value: CypherValue, at position: CypherPosition) throws(CypherError) -> CypherValue {
        switch value {
        case .null: return .null
        case .node(let node): return nodeProperty(node.position, name)
        case .relationship(let edge): return relationshipProperty(edge.position, name)
        case .map(let entries): return entries[name] ?? .null
        case .date, .temporal:
            guard let component = TemporalComponents.component(name, of: value.temporal!) else {
                throw typeError("\(value.described) has no component '\(name)'", at: position)
            }
            return component
        case .duration(let duration):
            guard let component = TemporalComponents.component(name, of: duration) else {
                throw typeError("a duration has no component '\(name)'", at: position)
            }
            return component
        default:
            throw typeError("\(value.described) has no properties (asked for '\(name)')", at: position)
        }
    }

    private func negate(_ value: CypherValue, at position: CypherPosition) throws(CypherError) -> CypherValue {
        switch value {
        case .integer(let number):
            guard number != Int.min else {
                throw CypherError(
                    .argument, .numberOutOfRange, "-(\(number)) is too large for an integer", line: position.line, column: position.column, phase: .runtime)
            }
            return .integer(-number)
        case .float(let number): return .float(-number)
        case .duration(let duration): return .duration(duration.negated)
        case .null: return .null
        default: throw typeError("cannot negate \(value.described)", at: position)
        }
    }

    /// `container[key]`.
    private func element(of container: CypherValue, at key: CypherValue, _ position: CypherPosition) throws(CypherError) -> CypherValue {
        switch (container, key) {
        case (.null, _), (_, .null): return .null
        case let (.list(items), .integer(index)):
            let resolved = index < 0 ? items.count + index : index
            return items.indices.contains(resolved) ? items[resolved] : .null
        case let (.map(entries), .string(name)): return entries[name] ?? .null
        case let (.node(node), .string(name)): return nodeProperty(node.position, name)
        case let (.relationship(edge), .string(name)): return relationshipProperty(edge.position, name)
        case (.map, _), (.node, _), (.relationship, _):
            throw typeError("\(container.described) is indexed by a property name (a string), not \(key.described)", at: position, .mapElementAccessByNonString)
        default:
            throw typeError("cannot index \(container.described) with \(key.described)", at: position)
        }
    }

    /// `list[from..to]`: either bound may be missing or negative (from the end).
    private func slice(_ list: CypherValue, _ from: CypherValue?, _ to: CypherValue?, at position: CypherPosition) throws(CypherError) -> CypherValue {
        if list.isNull || from?.isNull == true || to?.isNull == true { return .null }
        guard case .list(let items) = list else { throw typeError("only a list can be sliced, not \(list.described)", at: position) }
        func bound(_ value: CypherValue?, _ otherwise: Int) throws(CypherError) -> Int {
            guard let value else { return otherwise }
            guard case .integer(let index) = value else { throw typeError("a slice is bounded by integers, not \(value.described)", at: position) }
            let resolved = index < 0 ? items.count + index : index
            return Swift.min(Swift.max(resolved, 0), items.count)
        }
        let start = try bound(from, 0), end = try bound(to, items.count)
        return .list(start < end ? Array(items[start..<end]) : [])
    }
}
