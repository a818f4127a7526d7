import RelGraphCore

/// The columns of the engine tables (`export --to jsonl|parquet`): plain names, one type each,
/// the same in every part file, declared in the folder's `graph.json`.
///
/// Nodes: `id`, `kind`, `type`, `label` (in the export's language), `label_<lang>` per language,
/// `label_languages` (only where some label's languages are not in alphabetical order, which
/// decides the fallback), the dates, `source`, `index` (the node's position in the graph), then
/// the attributes by name. Edges: `src`, `dst`, `relation`, `id`, `symmetric`, `index` (the
/// edge's position, which breaks ties between parallel edges), the dates, `source`, then the
/// attributes. Each date is three columns: its text (`date`, `2021-07`) and the days it
/// covers (`date_first_day`, `date_last_day`, as `YYYY-MM-DD`).
///
/// An attribute whose name is taken by one of these columns (an edge attribute `symmetric`,
/// a node attribute `date_first_day`) is written as `attribute_<name>` (then `attribute_<name>_2`…);
/// `graph.json` names each column's attribute, so readers need not guess.
struct EngineTableColumns: Sendable {
    /// A column's type, named as Spark SQL names it (`long`, `array<string>`, `date`).
    enum ColumnType: Hashable, Sendable {
        case string, long, double, boolean, date
        indirect case array(ColumnType)

        init(_ type: AttributeColumns.ColumnType) {
            switch type {
            case .string: self = .string
            case .integer: self = .long
            case .number: self = .double
            case .boolean: self = .boolean
            case .list(let element): self = .array(ColumnType(element))
            }
        }

        var name: String {
            switch self {
            case .string: return "string"
            case .long: return "long"
            case .double: return "double"
            case .boolean: return "boolean"
            case .date: return "date"
            case .array(let element): return "array<\(element.name)>"
            }
        }
    }

    /// What a column holds.
    enum Content: Hashable, Sendable {
        case id, kind, type, label, labelIn(String), labelLanguages
        case from, to, relation, edgeID, symmetric, index
        /// A date of the timing: its text, or its first or last day.
        case date(DatePart, DateField)
        case source
        /// The attribute of this name, at this position among the attribute columns.
        case attribute(String, AttributeColumns.ColumnType)
    }

    enum DateField: String, Sendable { case date, start, end }
    enum DatePart: Sendable { case text, firstDay, lastDay }

    struct Column: Sendable {
        var name: String
        var type: ColumnType
        var content: Content
    }

    let columns: [Column]

    /// The node table's columns for `graph`, labels in `language` in the `label` column.
    static func nodes(of graph: Graph) -> EngineTableColumns {
        let storage = graph.storage
        var fixed: [Column] = [
            Column(name: "id", type: .string, content: .id),
            Column(name: "kind", type: .string, content: .kind),
            Column(name: "type", type: .string, content: .type),
            Column(name: "label", type: .string, content: .label),
        ]
        fixed += languages(of: storage.nodeLabels).map { Column(name: "label_\($0)", type: .string, content: .labelIn($0)) }
        if storage.nodeLabels.contains(where: { $0.languages != $0.languages.sorted() }) {
            fixed.append(Column(name: "label_languages", type: .array(.string), content: .labelLanguages))
        }
        fixed +=
            dateColumns() + [
                Column(name: "source", type: .string, content: .source),
                Column(name: "index", type: .long, content: .index),
            ]
        return EngineTableColumns(fixed: fixed, attributes: AttributeColumns(storage.nodeAttributes))
    }

    /// The edge table's columns for `graph`.
    static func edges(of graph: Graph) -> EngineTableColumns {
        let fixed: [Column] =
            [
                Column(name: "src", type: .string, content: .from),
                Column(name: "dst", type: .string, content: .to),
                Column(name: "relation", type: .string, content: .relation),
                Column(name: "id", type: .string, content: .edgeID),
                Column(name: "symmetric", type: .boolean, content: .symmetric),
                Column(name: "index", type: .long, content: .index),
            ] + dateColumns() + [Column(name: "source", type: .string, content: .source)]
        return EngineTableColumns(fixed: fixed, attributes: AttributeColumns(graph.storage.edgeAttributes))
    }

    private init(fixed: [Column], attributes: AttributeColumns) {
        var taken = Set(fixed.map(\.name))
        var columns = fixed
        for (name, type) in attributes.columns {
            var columnName = name
            if taken.contains(columnName) {
                columnName = "attribute_\(name)"
                var suffix = 2
                while taken.contains(columnName) || attributes.columns.contains(where: { $0.name == columnName }) {
                    columnName = "attribute_\(name)_\(suffix)"
                    suffix += 1
                }
            }
            taken.insert(columnName)
            columns.append(Column(name: columnName, type: ColumnType(type), content: .attribute(name, type)))
        }
        self.columns = columns
    }

    private static func dateColumns() -> [Column] {
        [DateField.date, .start, .end].flatMap { field in
            [
                Column(name: field.rawValue, type: .string, content: .date(.text, field)),
                Column(name: "\(field.rawValue)_first_day", type: .date, content: .date(.firstDay, field)),
                Column(name: "\(field.rawValue)_last_day", type: .date, content: .date(.lastDay, field)),
            ]
        }
    }

    /// The columns as `graph.json` declares them: `{"name", "type"}`, plus `"attribute"` for
    /// attribute columns.
    var declaration: JSONValue {
        .array(
            columns.map { column in
                var pairs: [(String, JSONValue)] = [("name", .string(column.name)), ("type", .string(column.type.name))]
                if case .attribute(let name, _) = column.content { pairs.append(("attribute", .string(name))) }
                return .object(pairs)
            })
    }
}
