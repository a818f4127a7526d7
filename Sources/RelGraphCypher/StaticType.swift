import RelGraphCore

/// What the planner knows of a value's type before running: enough to refuse at compile time
/// what openCypher refuses then (`WITH 123 AS x RETURN x.num`, `NOT 'a'`, `MATCH (r)` on a
/// relationship variable) and to warn about dates compared with numbers.
indirect enum StaticType: Equatable, Sendable {
    case any
    case null
    case boolean
    case integer
    case float
    case string
    case list(StaticType)
    case map
    case node
    case relationship
    case path
    case temporal(CypherTemporal.Kind)
    case duration

    var isNumber: Bool { self == .integer || self == .float }

    /// Whether a value of this type can be read as a boolean (or null).
    var canBeBoolean: Bool { self == .any || self == .boolean || self == .null }

    /// Whether values of this type have properties (`x.name`).
    var hasProperties: Bool {
        switch self {
        case .any, .null, .map, .node, .relationship, .temporal, .duration: return true
        default: return false
        }
    }

    var isList: Bool { if case .list = self { return true } else { return false } }

    /// How it reads in a message: "an integer", "a list".
    var described: String {
        let name: String
        switch self {
        case .any: return "any value"
        case .null: return "null"
        case .boolean: name = "boolean"
        case .integer: name = "integer"
        case .float: name = "float"
        case .string: name = "string"
        case .list: name = "list"
        case .map: name = "map"
        case .node: name = "node"
        case .relationship: name = "relationship"
        case .path: name = "path"
        case .temporal(let kind): name = kind.name
        case .duration: name = "duration"
        }
        return CypherValue.withArticle(name)
    }

    /// The type of a constant.
    init(of value: CypherValue) {
        switch value {
        case .null: self = .null
        case .boolean: self = .boolean
        case .integer: self = .integer
        case .float: self = .float
        case .string: self = .string
        case .date: self = .temporal(.date)
        case .temporal(let value): self = .temporal(value.kind)
        case .duration: self = .duration
        case .list(let items):
            let types = items.map(StaticType.init(of:))
            self = .list(types.dropFirst().allSatisfy { $0 == types.first } ? (types.first ?? .any) : .any)
        case .map: self = .map
        case .node: self = .node
        case .relationship: self = .relationship
        case .path: self = .path
        }
    }

    /// The common type of two branches (`CASE`, `coalesce`, list elements).
    func joined(with other: StaticType) -> StaticType {
        if self == other { return self }
        if self == .null { return other }
        if other == .null { return self }
        return .any
    }
}

extension CypherPlanner {
    /// The element type of a list (`UNWIND`, comprehensions); `any` for anything else.
    func elementType(of type: StaticType) -> StaticType {
        if case .list(let element) = type { return element }
        return type == .null ? .null : .any
    }

    /// What the planner knows of a resolved expression's type.
    func staticType(of expression: CypherExpression, in scope: Scope) -> StaticType {
        switch expression {
        case .literal(let value): return StaticType(of: value)
        case .slot(let slot): return slot < scope.types.count ? scope.types[slot] : .any
        case .list(let items):
            let types = items.map { staticType(of: $0, in: scope) }
            return .list(types.dropFirst().reduce(types.first ?? .any) { $0.joined(with: $1) })
        case .map, .resolvedMapProjection: return .map
        case .not, .isNull, .hasLabels, .patternPlan, .quantifier: return .boolean
        case .subqueryPlan(_, let kind): return kind == .exists ? .boolean : .integer
        case .patternComprehensionPlan, .listComprehension: return .list(.any)
        case .binary(let op, let lhs, let rhs, _):
            switch op {
            case .or, .xor, .and, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .startsWith, .endsWith, .contains, .matches:
                return .boolean
            default:
                let (a, b) = (staticType(of: lhs, in: scope), staticType(of: rhs, in: scope))
                if a == .integer, b == .integer, op != .power { return .integer }
                if a.isNumber, b.isNumber { return .float }
                if op == .add, a == .string, b == .string { return .string }
                return .any
            }
        case .negate(let inner, _):
            let type = staticType(of: inner, in: scope)
            return type.isNumber || type == .duration ? type : .any
        case .caseWhen(_, let branches, let otherwise):
            let types = branches.map { staticType(of: $0.1, in: scope) } + [otherwise.map { staticType(of: $0, in: scope) } ?? .null]
            return types.dropFirst().reduce(types[0]) { $0.joined(with: $1) }
        case .function(let name, _, let arguments, _):
            return CypherFunctions.resultType(name, arguments.map { staticType(of: $0, in: scope) })
        default: return .any
        }
    }
}
