import RelGraphCore

/// A value a query computes: a scalar, a list, a map, a temporal value, or a node,
/// relationship or path of the graph (by index).
public enum CypherValue: Sendable, Hashable {
    case null
    case boolean(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    /// A document's date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as written: a date in queries, its
    /// first day where a day is needed (comparisons, arithmetic, components).
    case date(PartialDate)
    /// `date()`, `time()`, `localtime()`, `datetime()`, `localdatetime()` values.
    indirect case temporal(CypherTemporal)
    /// `duration()` values.
    indirect case duration(CypherDuration)
    case list([CypherValue])
    case map([String: CypherValue])
    case node(NodeIndex)
    case relationship(EdgeIndex)
    case path(nodes: [NodeIndex], relationships: [EdgeIndex])

    var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A name for the value's type, for messages ("an integer", "a string").
    var typeName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .float: return "float"
        case .string: return "string"
        case .date: return "date"
        case .temporal(let value): return value.kind.name
        case .duration: return "duration"
        case .list: return "list"
        case .map: return "map"
        case .node: return "node"
        case .relationship: return "relationship"
        case .path: return "path"
        }
    }

    /// The type's name with its article: "an integer", "a string".
    var described: String { CypherValue.withArticle(typeName) }

    static func withArticle(_ name: String) -> String {
        guard let first = name.first else { return name }
        return ("aeiou".contains(first) ? "an " : "a ") + name
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

    var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        default: return nil
        }
    }

    var isNumber: Bool { number != nil }

    /// The value as a temporal value, a document date as its first day.
    var temporal: CypherTemporal? {
        switch self {
        case .temporal(let value): return value
        case .date(let date): return CypherTemporal(date: date)
        default: return nil
        }
    }
}
