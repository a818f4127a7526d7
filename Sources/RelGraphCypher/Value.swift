import RelGraphCore

/// A value a query computes: a scalar, a list, a map, or a node, relationship or path of the
/// graph (by index).
public enum CypherValue: Sendable, Hashable {
    case null
    case boolean(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    /// A document date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); compares by its first day.
    case date(PartialDate)
    case list([CypherValue])
    case map([String: CypherValue])
    case node(NodeIndex)
    case relationship(EdgeIndex)
    case path(nodes: [NodeIndex], relationships: [EdgeIndex])

    var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A name for the value's type, for messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .float: return "float"
        case .string: return "string"
        case .date: return "date"
        case .list: return "list"
        case .map: return "map"
        case .node: return "node"
        case .relationship: return "relationship"
        case .path: return "path"
        }
    }

    init(_ attribute: AttributeValue) {
        switch attribute {
        case .string(let text): self = .string(text)
        case .integer(let value): self = .integer(value)
        case .number(let value): self = .float(value)
        case .boolean(let value): self = .boolean(value)
        case .list(let values): self = .list(values.map(CypherValue.init))
        }
    }
}

extension CypherValue {
    /// `=` in Cypher: `nil` (null) when either side is null or the answer is unknown.
    static func equals(_ lhs: CypherValue, _ rhs: CypherValue) -> Bool? {
        switch (lhs, rhs) {
        case (.null, _), (_, .null): return nil
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .float(b)): return Double(a) == b
        case let (.float(a), .integer(b)): return a == Double(b)
        case let (.float(a), .float(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case let (.date(a), .date(b)): return a.firstDay == b.firstDay
        case let (.date(a), .string(b)), let (.string(b), .date(a)):
            guard let other = PartialDate(b) else { return false }
            return a.firstDay == other.firstDay
        case let (.node(a), .node(b)): return a == b
        case let (.relationship(a), .relationship(b)): return a == b
        case let (.path(n1, r1), .path(n2, r2)): return n1 == n2 && r1 == r2
        case let (.list(a), .list(b)):
            guard a.count == b.count else { return false }
            var unknown = false
            for (x, y) in zip(a, b) {
                switch equals(x, y) {
                case false?: return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        case let (.map(a), .map(b)):
            guard Set(a.keys) == Set(b.keys) else { return false }
            var unknown = false
            for (key, x) in a {
                switch equals(x, b[key]!) {
                case false?: return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        default: return false
        }
    }

    /// `<` and friends: the order of two comparable values, or `nil` when they do not compare
    /// (null, or different types).
    static func compare(_ lhs: CypherValue, _ rhs: CypherValue) -> Int? {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): return order(a, b)
        case let (.integer(a), .float(b)): return b.isNaN ? nil : order(Double(a), b)
        case let (.float(a), .integer(b)): return a.isNaN ? nil : order(a, Double(b))
        case let (.float(a), .float(b)): return a.isNaN || b.isNaN ? nil : order(a, b)
        case let (.string(a), .string(b)): return a == b ? 0 : (a.precedesInScalarOrder(b) ? -1 : 1)
        case let (.boolean(a), .boolean(b)): return order(a ? 1 : 0, b ? 1 : 0)
        case let (.date(a), .date(b)): return order(a.firstDay, b.firstDay)
        case let (.date(a), .string(b)):
            return PartialDate(b).map { order(a.firstDay, $0.firstDay) }
        case let (.string(a), .date(b)):
            return PartialDate(a).map { order($0.firstDay, b.firstDay) }
        case let (.list(a), .list(b)):
            for (x, y) in zip(a, b) {
                guard let result = compare(x, y) else { return nil }
                if result != 0 { return result }
            }
            return order(a.count, b.count)
        default: return nil
        }
    }

    /// The total order `ORDER BY` uses: values of different types by type (maps, nodes,
    /// relationships, lists, paths, dates, strings, booleans, numbers), null last.
    static func sortOrder(_ lhs: CypherValue, _ rhs: CypherValue, graph: Graph) -> Int {
        let (a, b) = (lhs.sortRank, rhs.sortRank)
        if a != b { return a < b ? -1 : 1 }
        switch (lhs, rhs) {
        case (.null, .null): return 0
        case let (.node(x), .node(y)): return graph.idRanks[x.position] < graph.idRanks[y.position] ? -1 : x == y ? 0 : 1
        case let (.relationship(x), .relationship(y)): return x < y ? -1 : x == y ? 0 : 1
        case let (.path(n1, _), .path(n2, _)):
            return sortOrder(.list(n1.map(CypherValue.node)), .list(n2.map(CypherValue.node)), graph: graph)
        case let (.list(x), .list(y)):
            for (p, q) in zip(x, y) {
                let result = sortOrder(p, q, graph: graph)
                if result != 0 { return result }
            }
            return x.count < y.count ? -1 : x.count == y.count ? 0 : 1
        case let (.map(x), .map(y)):
            let keys = Set(x.keys).union(y.keys).sorted { $0.precedesInScalarOrder($1) }
            for key in keys {
                let result = sortOrder(x[key] ?? .null, y[key] ?? .null, graph: graph)
                if result != 0 { return result }
            }
            return 0
        case let (.float(x), .float(y)) where x.isNaN || y.isNaN:
            return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1)
        default:
            return compare(lhs, rhs) ?? 0
        }
    }

    private var sortRank: Int {
        switch self {
        case .map: return 0
        case .node: return 1
        case .relationship: return 2
        case .list: return 3
        case .path: return 4
        case .date: return 5
        case .string: return 6
        case .boolean: return 7
        case .integer, .float: return 8
        case .null: return 9
        }
    }

    /// A key that makes equal values (`DISTINCT`, grouping, `count(DISTINCT)`) equal and
    /// unequal ones unequal: numbers by value, dates by first day.
    var groupingKey: CypherValue {
        switch self {
        case .float(let value): return value == value.rounded() && abs(value) < 9e15 ? .integer(Int(value)) : self
        case .date(let date): return .list([.string("date"), .integer(date.firstDay)])
        case .list(let items): return .list(items.map(\.groupingKey))
        case .map(let entries): return .map(entries.mapValues(\.groupingKey))
        default: return self
        }
    }
}
