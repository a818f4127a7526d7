import Foundation
import RelGraphCore

/// The binary operators: logic with openCypher's three values, comparisons, list membership,
/// string predicates, regular expressions, and arithmetic on numbers, strings, lists,
/// temporal values and durations.
extension CypherExecutor {
    private func logical(_ value: CypherValue, _ op: CypherExpression.BinaryOperator, at position: CypherPosition) throws(CypherError) -> Bool? {
        switch value {
        case .boolean(let flag): return flag
        case .null: return nil
        default: throw typeError("\(op.rawValue) needs booleans, not \(value.described)", at: position)
        }
    }

    func binary(
        _ op: CypherExpression.BinaryOperator, _ lhs: CypherExpression, _ rhs: CypherExpression, _ row: Row, _ aggregates: [CypherValue],
        at position: CypherPosition
    ) throws(CypherError) -> CypherValue {
        switch op {
        case .and:
            let a = try logical(evaluate(lhs, row, aggregates), op, at: position)
            if a == false { return .boolean(false) }
            let b = try logical(evaluate(rhs, row, aggregates), op, at: position)
            if b == false { return .boolean(false) }
            return a == nil || b == nil ? .null : .boolean(true)
        case .or:
            let a = try logical(evaluate(lhs, row, aggregates), op, at: position)
            if a == true { return .boolean(true) }
            let b = try logical(evaluate(rhs, row, aggregates), op, at: position)
            if b == true { return .boolean(true) }
            return a == nil || b == nil ? .null : .boolean(false)
        case .xor:
            let a = try logical(evaluate(lhs, row, aggregates), op, at: position), b = try logical(evaluate(rhs, row, aggregates), op, at: position)
            guard let a, let b else { return .null }
            return .boolean(a != b)
        default:
            break
        }
        let a = try evaluate(lhs, row, aggregates), b = try evaluate(rhs, row, aggregates)
        switch op {
        case .equal: return CypherValue.equals(a, b).map(CypherValue.boolean) ?? .null
        case .notEqual: return CypherValue.equals(a, b).map { .boolean(!$0) } ?? .null
        case .less: return CypherValue.compareResult(a, b) { $0 < 0 }
        case .lessOrEqual: return CypherValue.compareResult(a, b) { $0 <= 0 }
        case .greater: return CypherValue.compareResult(a, b) { $0 > 0 }
        case .greaterOrEqual: return CypherValue.compareResult(a, b) { $0 >= 0 }
        case .in:
            guard case .list(let items) = b else {
                if b.isNull { return .null }
                throw typeError("IN needs a list on its right, not \(b.described)", at: position)
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
            return .boolean((try? regex(pattern, at: position).wholeMatch(in: text)) != nil)
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            return try arithmetic(op, a, b, at: position)
        default:
            preconditionFailure("logical operators are handled above")
        }
    }

    func regex(_ pattern: String, at position: CypherPosition) throws(CypherError) -> Regex<AnyRegexOutput> {
        if let cached = regexes[pattern] { return cached }
        do {
            let regex = try Regex(pattern)
            regexes[pattern] = regex
            return regex
        } catch {
            throw CypherError(
                .argument, .invalidArgumentValue, "'\(pattern)' is not a regular expression: \(error)", line: position.line, column: position.column,
                phase: .runtime)
        }
    }

    func outOfRange(_ message: String, at position: CypherPosition) -> CypherError {
        CypherError(.argument, .numberOutOfRange, message, line: position.line, column: position.column, phase: .runtime)
    }

    private func arithmetic(_ op: CypherExpression.BinaryOperator, _ a: CypherValue, _ b: CypherValue, at position: CypherPosition) throws(CypherError)
        -> CypherValue
    {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.integer(x), .integer(y)):
            func checked(_ result: (partialValue: Int, overflow: Bool)) throws(CypherError) -> CypherValue {
                guard !result.overflow else { throw outOfRange("\(x) \(op.rawValue) \(y) is too large for an integer", at: position) }
                return .integer(result.partialValue)
            }
            switch op {
            case .add: return try checked(x.addingReportingOverflow(y))
            case .subtract: return try checked(x.subtractingReportingOverflow(y))
            case .multiply: return try checked(x.multipliedReportingOverflow(by: y))
            case .divide:
                guard y != 0 else {
                    throw CypherError(.argument, .invalidArgumentValue, "division by zero", line: position.line, column: position.column, phase: .runtime)
                }
                return try checked(x.dividedReportingOverflow(by: y))
            case .modulo:
                guard y != 0 else {
                    throw CypherError(.argument, .invalidArgumentValue, "division by zero", line: position.line, column: position.column, phase: .runtime)
                }
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
        case let (.list(x), .list(y)) where op == .add: return .list(x + y)
        case let (.list(x), _) where op == .add: return .list(x + [b])
        case let (_, .list(y)) where op == .add: return .list([a] + y)
        case let (.string(x), _) where op == .add && !b.isGraphElement: return .string(x + (try ValueText.string(of: b)))
        case let (_, .string(y)) where op == .add && !a.isGraphElement: return .string((try ValueText.string(of: a)) + y)
        case let (.duration(x), .duration(y)) where op == .add || op == .subtract:
            return .duration(try DurationArithmetic.combine(x, op == .add ? y : y.negated, at: position))
        case (.date, .duration),
            (.temporal, .duration) where op == .add || op == .subtract:
            guard case .duration(let duration) = b, let temporal = a.temporal else { break }
            return .temporal(try TemporalArithmetic.add(op == .add ? duration : duration.negated, to: temporal, at: position))
        case (.duration, .date),
            (.duration, .temporal) where op == .add:
            guard case .duration(let duration) = a, let temporal = b.temporal else { break }
            return .temporal(try TemporalArithmetic.add(duration, to: temporal, at: position))
        case let (.duration(duration), _) where (op == .multiply || op == .divide) && b.isNumber:
            return .duration(try DurationArithmetic.scale(duration, by: b.number!, dividing: op == .divide, at: position))
        case let (_, .duration(duration)) where op == .multiply && a.isNumber:
            return .duration(try DurationArithmetic.scale(duration, by: a.number!, dividing: false, at: position))
        default:
            break
        }
        throw typeError("cannot apply \(op.rawValue) to \(a.described) and \(b.described)", at: position)
    }
}

extension CypherValue {
    var isGraphElement: Bool {
        switch self {
        case .node, .relationship, .path, .map, .list: return true
        default: return false
        }
    }
}
