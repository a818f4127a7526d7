/// The attribute names used across a set of nodes or edges, each with the one type all its
/// values share (or `string` when they differ), ordered by name: the columns of a table
/// export (GraphML keys, Neo4j CSV headers).
struct AttributeColumns {
    enum ColumnType: Hashable {
        case string, integer, number, boolean

        /// The type's name in GraphML and GEXF (XML Schema's).
        var xmlName: String {
            switch self {
            case .string: return "string"
            case .integer: return "long"
            case .number: return "double"
            case .boolean: return "boolean"
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
                    if known != type { types[attribute.name] = (known == .integer && type == .number) || (known == .number && type == .integer) ? .number : .string }
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
        }
    }
}

/// The languages used by a set of labels, ordered.
func languages(of labels: some Sequence<LocalizedText>) -> [String] {
    var seen = Set<String>()
    for label in labels { seen.formUnion(label.languages) }
    return seen.sorted { $0.precedesInScalarOrder($1) }
}
