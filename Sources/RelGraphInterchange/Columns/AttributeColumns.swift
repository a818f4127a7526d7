import RelGraphCore

/// The attribute names used across a set of nodes or edges, each with the one type all its
/// values share (or `string` when they differ), ordered by name: the columns of a table
/// export (GraphML keys, Neo4j CSV headers).
struct AttributeColumns {
    enum ColumnType: Hashable, Sendable {
        case string, integer, number, boolean
        /// A list whose elements share `element` (or are strings when they differ).
        indirect case list(element: ColumnType)

        /// The type's name in GraphML and GEXF (XML Schema's).
        var xmlName: String {
            switch self {
            case .string: return "string"
            case .integer: return "long"
            case .number: return "double"
            case .boolean: return "boolean"
            // Lists travel as their JSON text in a string (GraphML's and GEXF's writers mark them).
            case .list: return "string"
            }
        }
    }

    private(set) var columns: [(name: String, type: ColumnType)] = []

    init(_ attributeLists: some Sequence<Attributes>) {
        var types: [String: ColumnType] = [:]
        for attributes in attributeLists {
            for attribute in attributes {
                let type = Self.type(of: attribute.value)
                if let known = types[attribute.name] {
                    if known != type { types[attribute.name] = Self.common(known, type) }
                } else {
                    types[attribute.name] = type
                }
            }
        }
        columns = types.sorted { $0.key.precedesInScalarOrder($1.key) }.map { ($0.key, $0.value) }
    }

    static func type(of value: AttributeValue) -> ColumnType {
        switch value {
        case .string: return .string
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        case .list(let values):
            // An empty list takes the type of the others; alone, it is a list of strings.
            guard let first = values.first else { return .list(element: .string) }
            return .list(element: values.dropFirst().reduce(type(of: first)) { common($0, type(of: $1)) })
        }
    }

    /// The type two values of one column share: numbers widen, lists stay lists, anything
    /// else mixed is a string.
    static func common(_ a: ColumnType, _ b: ColumnType) -> ColumnType {
        if a == b { return a }
        switch (a, b) {
        case (.integer, .number), (.number, .integer): return .number
        case let (.list(x), .list(y)): return .list(element: common(x, y))
        default: return .string
        }
    }
}

/// The languages used by a set of labels, ordered.
func languages(of labels: some Sequence<LocalizedText>) -> [String] {
    var seen = Set<String>()
    for label in labels { seen.formUnion(label.languages) }
    return seen.sorted { $0.precedesInScalarOrder($1) }
}
