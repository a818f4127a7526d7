import Foundation

extension CypherExecutor {
    /// Whether a predicate's value keeps a row: only `true` does (null and false drop it).
    func isTrue(_ value: CypherValue) -> Bool {
        if case .boolean(true) = value { return true }
        return false
    }

    /// The value of a resolved expression for `row`; `aggregates` are the results of the
    /// projection's aggregates, where the expression refers to them.
    func evaluate(_ expression: CypherExpression, _ row: Row, _ aggregates: [CypherValue] = []) throws(CypherError) -> CypherValue {
        switch expression {
        case .literal(let value): return value
        case .slot(let slot): return row[slot]
        case .aggregate(let index): return aggregates[index]
        case .parameter(let name, let position):
            guard let value = parameters[name] else {
                throw CypherError(.semantic, "the parameter $\(name) is not given", line: position.line, column: position.column, remedy: .giveTheParameter)
            }
            return value
        case .variable(let name, let position):
            throw CypherError(.semantic, "the variable '\(name)' is not defined here", line: position.line, column: position.column)
        case .property(let base, let name, let position):
            switch try evaluate(base, row, aggregates) {
            case .null: return .null
            case .node(let node): return nodeProperty(node.position, name)
            case .relationship(let edge): return relationshipProperty(edge.position, name)
            case .map(let entries): return entries[name] ?? .null
            case .date(let date):
                switch name {
                case "year": return .integer(date.year)
                case "month": return date.month.map(CypherValue.integer) ?? .null
                case "day": return date.day.map(CypherValue.integer) ?? .null
                default: break
                }
                throw CypherError(.semantic, "a date has no property '\(name)'; it has year, month and day", line: position.line, column: position.column)
            case let value:
                throw CypherError(.semantic, "a \(value.typeName) has no properties", line: position.line, column: position.column)
            }
        case .list(let items):
            var values: [CypherValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, row, aggregates)) }
            return .list(values)
        case .map(let entries):
            var values: [String: CypherValue] = [:]
            for (key, value) in entries { values[key] = try evaluate(value, row, aggregates) }
            return .map(values)
        case .not(let inner):
            switch try evaluate(inner, row, aggregates) {
            case .boolean(let value): return .boolean(!value)
            case .null: return .null
            case let value: throw CypherError(.semantic, "NOT needs a boolean, not a \(value.typeName)", line: 1, column: 1)
            }
        case .negate(let inner):
            switch try evaluate(inner, row, aggregates) {
            case .integer(let value): return .integer(-value)
            case .float(let value): return .float(-value)
            case .null: return .null
            case let value: throw CypherError(.semantic, "cannot negate a \(value.typeName)", line: 1, column: 1)
            }
        case .isNull(let inner, let negated):
            return .boolean(try evaluate(inner, row, aggregates).isNull != negated)
        case .index(let base, let index):
            let container = try evaluate(base, row, aggregates), key = try evaluate(index, row, aggregates)
            switch (container, key) {
            case (.null, _), (_, .null): return .null
            case let (.list(items), .integer(position)):
                let resolved = position < 0 ? items.count + position : position
                return items.indices.contains(resolved) ? items[resolved] : .null
            case let (.map(entries), .string(name)): return entries[name] ?? .null
            case let (.node(node), .string(name)): return nodeProperty(node.position, name)
            case let (.relationship(edge), .string(name)): return relationshipProperty(edge.position, name)
            default: throw CypherError(.semantic, "cannot index a \(container.typeName) with a \(key.typeName)", line: 1, column: 1)
            }
        case .function(let name, _, let arguments, let position):
            var values: [CypherValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, row, aggregates)) }
            return try CypherFunctions.call(name, values, graph: graph, position: position)
        case .patternPlan(let index):
            return .boolean(try exists(index, row))
        case .caseWhen(let subject, let branches, let otherwise):
            let value = try subject.map { subject throws(CypherError) in try evaluate(subject, row, aggregates) }
            for (condition, result) in branches {
                let test = try evaluate(condition, row, aggregates)
                let hit = value.map { CypherValue.equals($0, test) == true } ?? isTrue(test)
                if hit { return try evaluate(result, row, aggregates) }
            }
            return try otherwise.map { otherwise throws(CypherError) in try evaluate(otherwise, row, aggregates) } ?? .null
        case .binary(let op, let lhs, let rhs):
            return try binary(op, lhs, rhs, row, aggregates)
        case .countAll, .pattern:
            throw CypherError(.semantic, "this expression cannot be evaluated here", line: 1, column: 1)
        }
    }

    private func logical(_ value: CypherValue, _ op: CypherExpression.BinaryOperator) throws(CypherError) -> Bool? {
        switch value {
        case .boolean(let flag): return flag
        case .null: return nil
        default: throw CypherError(.semantic, "\(op.rawValue) needs booleans, not a \(value.typeName)", line: 1, column: 1)
        }
    }

    private func binary(
        _ op: CypherExpression.BinaryOperator, _ lhs: CypherExpression, _ rhs: CypherExpression, _ row: Row, _ aggregates: [CypherValue]
    ) throws(CypherError) -> CypherValue {
        switch op {
        case .and:
            let a = try logical(evaluate(lhs, row, aggregates), op)
            if a == false { return .boolean(false) }
            let b = try logical(evaluate(rhs, row, aggregates), op)
            if b == false { return .boolean(false) }
            return a == nil || b == nil ? .null : .boolean(true)
        case .or:
            let a = try logical(evaluate(lhs, row, aggregates), op)
            if a == true { return .boolean(true) }
            let b = try logical(evaluate(rhs, row, aggregates), op)
            if b == true { return .boolean(true) }
            return a == nil || b == nil ? .null : .boolean(false)
        case .xor:
            let a = try logical(evaluate(lhs, row, aggregates), op), b = try logical(evaluate(rhs, row, aggregates), op)
            guard let a, let b else { return .null }
            return .boolean(a != b)
        default:
            break
        }
        let a = try evaluate(lhs, row, aggregates), b = try evaluate(rhs, row, aggregates)
        switch op {
        case .equal: return CypherValue.equals(a, b).map(CypherValue.boolean) ?? .null
        case .notEqual: return CypherValue.equals(a, b).map { .boolean(!$0) } ?? .null
        case .less: return CypherValue.compare(a, b).map { .boolean($0 < 0) } ?? .null
        case .lessOrEqual: return CypherValue.compare(a, b).map { .boolean($0 <= 0) } ?? .null
        case .greater: return CypherValue.compare(a, b).map { .boolean($0 > 0) } ?? .null
        case .greaterOrEqual: return CypherValue.compare(a, b).map { .boolean($0 >= 0) } ?? .null
        case .in:
            guard case .list(let items) = b else {
                if b.isNull { return .null }
                throw CypherError(.semantic, "IN needs a list on its right, not a \(b.typeName)", line: 1, column: 1)
            }
            var unknown = false
            for item in items {
                switch CypherValue.equals(a, item) {
                case true?: return .boolean(true)
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? .null : .boolean(false)
        case .startsWith, .endsWith, .contains:
            guard case .string(let text) = a, case .string(let part) = b else { return .null }
            switch op {
            case .startsWith: return .boolean(text.unicodeScalars.starts(with: part.unicodeScalars))
            case .endsWith: return .boolean(text.unicodeScalars.reversed().starts(with: part.unicodeScalars.reversed()))
            default: return .boolean(part.isEmpty || text.contains(part))
            }
        case .matches:
            guard case .string(let text) = a, case .string(let pattern) = b else { return .null }
            let regex: Regex<AnyRegexOutput>
            if let cached = regexes[pattern] { regex = cached } else {
                do { regex = try Regex(pattern) } catch {
                    throw CypherError(.semantic, "'\(pattern)' is not a regular expression: \(error)", line: 1, column: 1)
                }
                regexes[pattern] = regex
            }
            return .boolean((try? regex.wholeMatch(in: text)) != nil)
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            return try arithmetic(op, a, b)
        default:
            preconditionFailure("logical operators are handled above")
        }
    }

    private func arithmetic(_ op: CypherExpression.BinaryOperator, _ a: CypherValue, _ b: CypherValue) throws(CypherError) -> CypherValue {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.integer(x), .integer(y)):
            switch op {
            case .add: let (value, overflow) = x.addingReportingOverflow(y); return overflow ? .float(Double(x) + Double(y)) : .integer(value)
            case .subtract: let (value, overflow) = x.subtractingReportingOverflow(y); return overflow ? .float(Double(x) - Double(y)) : .integer(value)
            case .multiply: let (value, overflow) = x.multipliedReportingOverflow(by: y); return overflow ? .float(Double(x) * Double(y)) : .integer(value)
            case .divide:
                guard y != 0 else { throw CypherError(.semantic, "division by zero", line: 1, column: 1) }
                return x == Int.min && y == -1 ? .float(-Double(x)) : .integer(x / y)
            case .modulo:
                guard y != 0 else { throw CypherError(.semantic, "division by zero", line: 1, column: 1) }
                return x == Int.min && y == -1 ? .integer(0) : .integer(x % y)
            default: return .float(pow(Double(x), Double(y)))
            }
        case (.integer, .float), (.float, .integer), (.float, .float):
            let x = a.number!, y = b.number!
            switch op {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .divide: return .float(x / y)
            case .modulo: return .float(x.truncatingRemainder(dividingBy: y))
            default: return .float(pow(x, y))
            }
        case let (.string(x), .string(y)) where op == .add: return .string(x + y)
        case let (.string(x), _) where op == .add && b.number != nil: return .string(x + (try CypherFunctions.call("toString", [b], graph: graph, position: CypherPosition(line: 1, column: 1))).text)
        case let (.list(x), .list(y)) where op == .add: return .list(x + y)
        case let (.list(x), _) where op == .add: return .list(x + [b])
        case let (_, .list(y)) where op == .add: return .list([a] + y)
        default:
            throw CypherError(.semantic, "cannot apply \(op.rawValue) to a \(a.typeName) and a \(b.typeName)", line: 1, column: 1)
        }
    }
}

extension CypherValue {
    var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        default: return nil
        }
    }

    var text: String {
        if case .string(let value) = self { return value }
        return ""
    }
}
