import RelGraphCore

extension CypherValue {
    /// `=` in Cypher: `nil` (null) when either side is null or the answer is unknown.
    static func equals(_ lhs: CypherValue, _ rhs: CypherValue) -> Bool? {
        switch (lhs, rhs) {
        case (.null, _), (_, .null): return nil
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .float(b)): return Double(a) == b && (b.magnitude < 9e15 ? true : Int(exactly: b) == a)
        case let (.float(a), .integer(b)): return a == Double(b) && (a.magnitude < 9e15 ? true : Int(exactly: a) == b)
        case let (.float(a), .float(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case let (.date(a), .string(b)), let (.string(b), .date(a)):
            guard let other = PartialDate(b) else { return false }
            return a.firstDay == other.firstDay
        case (.date, .date), (.date, .temporal), (.temporal, .date), (.temporal, .temporal):
            guard let a = lhs.temporal, let b = rhs.temporal, a.kind == b.kind else { return false }
            return TemporalOrder.compare(a, b) == 0
        case let (.duration(a), .duration(b)): return a == b
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

    /// `<` and friends: the order of two comparable values, `nil` when they do not compare
    /// (null, different types, maps, durations). NaN compares as neither less nor greater
    /// nor equal: ``compareResult(_:_:_:)`` makes every comparison with it false.
    static func compare(_ lhs: CypherValue, _ rhs: CypherValue) -> Int? {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): return order(a, b)
        case let (.integer(a), .float(b)): return b.isNaN ? nil : NumberOrder.compare(a, b)
        case let (.float(a), .integer(b)): return a.isNaN ? nil : -NumberOrder.compare(b, a)
        case let (.float(a), .float(b)): return a.isNaN || b.isNaN ? nil : order(a, b)
        case let (.string(a), .string(b)): return a == b ? 0 : (a.precedesInScalarOrder(b) ? -1 : 1)
        case let (.boolean(a), .boolean(b)): return order(a ? 1 : 0, b ? 1 : 0)
        case let (.date(a), .string(b)):
            return PartialDate(b).map { order(a.firstDay, $0.firstDay) }
        case let (.string(a), .date(b)):
            return PartialDate(a).map { order($0.firstDay, b.firstDay) }
        case (.date, .date), (.date, .temporal), (.temporal, .date), (.temporal, .temporal):
            guard let a = lhs.temporal, let b = rhs.temporal, a.kind == b.kind else { return nil }
            return TemporalOrder.compare(a, b)
        case let (.list(a), .list(b)):
            for (x, y) in zip(a, b) {
                if case .null = x { return nil }
                if case .null = y { return nil }
                guard let result = compare(x, y) else { return nil }
                if result != 0 { return result }
            }
            return order(a.count, b.count)
        default: return nil
        }
    }

    /// Whether a comparison holds: null when the values do not compare, false when either is
    /// NaN (as openCypher specifies).
    static func compareResult(_ lhs: CypherValue, _ rhs: CypherValue, _ holds: (Int) -> Bool) -> CypherValue {
        if let order = compare(lhs, rhs) { return .boolean(holds(order)) }
        switch (lhs, rhs) {
        case let (.float(a), b) where a.isNaN && b.isNumber: return .boolean(false)
        case let (a, .float(b)) where b.isNaN && a.isNumber: return .boolean(false)
        default: return .null
        }
    }

    /// The total order `ORDER BY`, `min` and `max` use: values of different types by type
    /// (maps, nodes, relationships, lists, paths, datetimes, local datetimes, dates, times,
    /// local times, durations, strings, booleans, numbers), NaN after every number, null last.
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
        case let (.float(x), .integer) where x.isNaN: return 1
        case let (.integer, .float(y)) where y.isNaN: return -1
        case let (.duration(x), .duration(y)):
            for (p, q) in [(x.months, y.months), (x.days, y.days), (x.seconds, y.seconds), (x.nanoseconds, y.nanoseconds)] where p != q {
                return p < q ? -1 : 1
            }
            return 0
        case (.date, .date), (.date, .temporal), (.temporal, .date), (.temporal, .temporal):
            guard let x = lhs.temporal, let y = rhs.temporal else { return 0 }
            let order = TemporalOrder.compare(x, y)
            return order != 0 ? order : TemporalOrder.tieBreak(x, y)
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
        case .temporal(let value):
            switch value.kind {
            case .dateTime: return 5
            case .localDateTime: return 6
            case .date: return 7
            case .time: return 8
            case .localTime: return 9
            }
        case .date: return 7
        case .duration: return 10
        case .string: return 11
        case .boolean: return 12
        case .integer, .float: return 13
        case .null: return 14
        }
    }

    /// A key that makes equal values (`DISTINCT`, grouping, `count(DISTINCT)`) equal and
    /// unequal ones unequal: numbers by value, dates by day, times and datetimes by instant.
    var groupingKey: CypherValue {
        switch self {
        case .float(let value): return value == value.rounded() && abs(value) < 9e15 ? .integer(Int(value)) : self
        case .date, .temporal:
            guard let value = temporal else { return self }
            let instant = value.epochNanoseconds
            switch value.kind {
            case .time: return .list([.string("time"), .integer(value.utcNanosecondOfDay)])
            case .dateTime: return .list([.string("datetime"), .integer(instant.seconds), .integer(instant.nanoseconds)])
            default: return .list([.string(value.kind.name), .integer(value.epochDay), .integer(value.nanosecondOfDay)])
            }
        case .list(let items): return .list(items.map(\.groupingKey))
        case .map(let entries): return .map(entries.mapValues(\.groupingKey))
        default: return self
        }
    }
}

/// Comparing an integer with a float exactly (no rounding of large integers).
enum NumberOrder {
    static func compare(_ integer: Int, _ float: Double) -> Int {
        if float >= 9.223372036854775807e18 { return -1 }
        if float < -9.223372036854775808e18 { return 1 }
        let truncated = Int(float.rounded(.towardZero))
        if integer != truncated { return integer < truncated ? -1 : 1 }
        let fraction = float - float.rounded(.towardZero)
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0
    }
}
