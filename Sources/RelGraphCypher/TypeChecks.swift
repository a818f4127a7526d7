import RelGraphCore

/// The operand checks openCypher makes before running, and warnings where a query compares a
/// date in a way that is never true.
extension CypherPlanner {
    func checkOperands(
        _ op: CypherExpression.BinaryOperator, _ lhs: CypherExpression, _ rhs: CypherExpression,
        at position: CypherPosition, in scope: Scope
    ) throws(CypherError) {
        let (left, right) = (staticType(of: lhs, in: scope), staticType(of: rhs, in: scope))
        switch op {
        case .and, .or, .xor:
            for type in [left, right] where !type.canBeBoolean {
                throw CypherError(.syntax, .invalidArgumentType, "\(op.rawValue) needs booleans, not \(type.described)", at: position)
            }
        case .in:
            if right != .any, right != .null, !right.isList {
                throw CypherError(.syntax, .invalidArgumentType, "IN needs a list on its right, not \(right.described)", at: position)
            }
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            if !CypherPlanner.arithmeticMayApply(op, left, right) {
                throw CypherError(.syntax, .invalidArgumentType, "cannot apply \(op.rawValue) to \(left.described) and \(right.described)", at: position)
            }
        default:
            break
        }
    }

    /// Whether an arithmetic operator can apply to values of these types (always, when either
    /// is not known before running).
    static func arithmeticMayApply(_ op: CypherExpression.BinaryOperator, _ left: StaticType, _ right: StaticType) -> Bool {
        enum Operand { case unknown, number, string, list, temporal, duration, other }
        func operand(_ type: StaticType) -> Operand {
            switch type {
            case .any, .null: return .unknown
            case .integer, .float: return .number
            case .string: return .string
            case .list: return .list
            case .temporal: return .temporal
            case .duration: return .duration
            default: return .other
            }
        }
        let (a, b) = (operand(left), operand(right))
        if a == .unknown || b == .unknown { return true }
        switch op {
        case .add:
            if a == .list || b == .list || a == .string || b == .string { return true }
            return (a == .number && b == .number) || (a == .duration && (b == .duration || b == .temporal)) || (a == .temporal && b == .duration)
        case .subtract:
            return (a == .number && b == .number) || (b == .duration && (a == .duration || a == .temporal))
        case .multiply:
            return (a == .number && b == .number) || (a == .duration && b == .number) || (a == .number && b == .duration)
        case .divide:
            return (a == .number && b == .number) || (a == .duration && b == .number)
        default:
            return a == .number && b == .number
        }
    }

    func checkIndex(_ container: CypherExpression, _ key: CypherExpression, at position: CypherPosition, in scope: Scope) throws(CypherError) {
        let (base, index) = (staticType(of: container, in: scope), staticType(of: key, in: scope))
        switch base {
        case .boolean, .integer, .float, .string, .temporal, .duration, .path:
            throw CypherError(.type, .invalidArgumentType, "\(base.described) cannot be indexed; only lists, maps, nodes and relationships can", at: position)
        case .map, .node, .relationship:
            if index != .any, index != .string, index != .null {
                throw CypherError(
                    .type, .mapElementAccessByNonString, "\(base.described) is indexed by a property name (a string), not \(index.described)", at: position)
            }
        case .list:
            if index != .any, index != .integer, index != .null {
                throw CypherError(.type, .invalidArgumentType, "a list is indexed by an integer, not \(index.described)", at: position)
            }
        default:
            break
        }
    }

    /// Warns where a document date is compared with a number, or searched as text; `written`
    /// are the operands as the query names them, for the message.
    mutating func checkDateUse(
        _ op: CypherExpression.BinaryOperator, _ lhs: CypherExpression, _ rhs: CypherExpression,
        written: (CypherExpression, CypherExpression), at position: CypherPosition, in scope: Scope
    ) {
        func datedField(_ expression: CypherExpression) -> Bool {
            guard case .property(let base, let name, _) = expression, ["date", "start", "end"].contains(name) else { return false }
            let type = staticType(of: base, in: scope)
            return type == .node || type == .relationship
        }
        guard datedField(lhs) || datedField(rhs) else { return }
        let (date, other) = datedField(lhs) ? (written.0, rhs) : (written.1, lhs)
        var name = "the date"
        if case .property(.variable(let variable, _), let field, _) = date { name = "\(variable).\(field)" }
        if op.isComparison || op == .in, staticType(of: other, in: scope).isNumber {
            warn(
                "\(name) is a date, which never equals or orders against a number: compare it with a date ('1993', '1993-05' or date('1993-05-01')), or compare \(name).year with the number",
                at: position)
        }
        if op == .startsWith || op == .endsWith || op == .contains {
            warn(
                "\(name) is a date, not a string, so \(op.rawValue) is null on it. Dates compare chronologically, a partial date as its first day (\(name) >= '1993'); for text, use toString(\(name))",
                at: position)
        }
    }
}
