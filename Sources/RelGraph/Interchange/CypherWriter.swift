/// Writes a Cypher script that `cypher-shell` runs into an empty Neo4j 5 database: a uniqueness
/// constraint on `id` for every kind first, then the nodes, one label per kind, then the
/// relationships, one type per relation, each batched with `UNWIND` (1,000 rows a statement)
/// so that a large graph loads in few transactions.
///
/// Every identifier is backquoted (kinds, relations and attribute names may hold `-`), strings
/// are single-quoted with `\` escapes, dates are strings as written (`1993`, `2021-12`), and a
/// relationship's ends are matched by kind and id, so every lookup uses the constraint's index.
/// Within a batch every row has the same keys (`null` where an element has no value), which
/// Neo4j reads as "not set" and which embedded Cypher engines that type their lists need.
///
/// The same statements run in Kùzu (an embedded openCypher database) once its tables are
/// declared, which Kùzu needs where Neo4j takes constraints: the script's header carries those
/// declarations as `// kuzu:` comment lines.
public struct CypherWriter: GraphWriter {
    /// The language of each node's `label` property (every language is also in `label_<lang>`).
    public var language: String
    /// Rows per `UNWIND` statement.
    public var batchSize = 1_000

    public init(language: String = "en") {
        self.language = language
    }

    public func write(_ graph: Graph, to sink: inout some TextSink) {
        let storage = graph.storage
        let title = graph.title.text(in: language).map { " " + $0.replacingAll("\n", with: " ") } ?? ""
        sink.write("// RelGraph graph\(title): \(graph.nodeCount) nodes, \(graph.edgeCount) relationships.\n")
        sink.write("// Run into an empty Neo4j 5 database: cypher-shell -f graph.cypher\n")
        let nodesByKind = Dictionary(grouping: 0..<graph.nodeCount) { graph.kind(ofNode: $0) }
        let kinds = nodesByKind.keys.sorted { $0.rawValue.precedesInScalarOrder($1.rawValue) }
        let languages = languages(of: storage.nodeLabels)
        var nodeColumns: [NodeKind: [Column]] = [:]
        for kind in kinds {
            nodeColumns[kind] = [Column(name: "label", type: .string)] + languages.map { Column(name: "label_\($0)", type: .string) }
                + ["type", "date", "start", "end", "source"].map { Column(name: $0, type: .string) }
                + AttributeColumns(nodesByKind[kind]!.lazy.map { storage.nodeAttributes[$0] }).columns.map { Column(name: $0.name, type: $0.type) }
        }
        let groups = Dictionary(grouping: 0..<graph.edgeCount) { graph.relation(ofEdge: $0) }
        let relations = groups.keys.sorted { $0.precedesInScalarOrder($1) }
        var edgeColumns: [String: [Column]] = [:]
        for relation in relations {
            edgeColumns[relation] = ["date", "start", "end", "source"].map { Column(name: $0, type: .string) }
                + AttributeColumns(groups[relation]!.lazy.map { storage.edgeAttributes[$0] }).columns.map { Column(name: $0.name, type: $0.type) }
        }

        sink.write("//\n// Kùzu declares tables instead of constraints; run these lines, uncommented, first:\n")
        for kind in kinds {
            let columns = nodeColumns[kind]!.map { "\(Self.quoted($0.name)) \($0.kuzuType)" }.joined(separator: ", ")
            sink.write("// kuzu: CREATE NODE TABLE \(Self.quoted(kind.rawValue))(id STRING, \(columns), PRIMARY KEY(id));\n")
        }
        for relation in relations {
            let pairs = Set(groups[relation]!.map { Pair(from: graph.kind(ofNode: graph.from(ofEdge: $0)), to: graph.kind(ofNode: graph.to(ofEdge: $0))) })
                .sorted().map { "FROM \(Self.quoted($0.from.rawValue)) TO \(Self.quoted($0.to.rawValue))" }
            let columns = edgeColumns[relation]!.map { ", \(Self.quoted($0.name)) \($0.kuzuType)" }.joined()
            sink.write("// kuzu: CREATE REL TABLE \(Self.quoted(relation))(\(pairs.joined(separator: ", "))\(columns));\n")
        }

        sink.write("\n// Constraints: one node of each kind per id.\n")
        for kind in kinds {
            sink.write("CREATE CONSTRAINT \(Self.quoted("relgraph_\(kind.rawValue)_id")) IF NOT EXISTS FOR (n:\(Self.quoted(kind.rawValue))) REQUIRE n.id IS UNIQUE;\n")
        }
        sink.write("\n// Nodes, by kind.\n")
        for kind in kinds {
            let columns = nodeColumns[kind]!
            let members = nodesByKind[kind]!
            let rows = Parallel.mapInChunks(members.count) { position -> [String: String] in
                let node = members[position]
                let label = storage.nodeLabels[node]
                let timing = storage.nodeTimings[node]
                var values: [String: String] = ["id": Self.literal(storage.nodeIDs[node]), "label": Self.literal(label.text(in: language))]
                for language in languages { values["label_\(language)"] = Self.literal(label[language]) }
                values["type"] = Self.literal(storage.nodeTypes[node])
                values["date"] = Self.literal(timing.date?.description)
                values["start"] = Self.literal(timing.start?.description)
                values["end"] = Self.literal(timing.end?.description)
                values["source"] = Self.literal(graph.node(at: node).source)
                for attribute in storage.nodeAttributes[node] {
                    values[attribute.name] = Self.literal(attribute.value, as: columns.first { $0.name == attribute.name }!.type)
                }
                return values
            }
            writeStatements(rows, columns: columns, keys: ["id"], to: &sink) { assignments in
                "MERGE (n:\(Self.quoted(kind.rawValue)) {id: row.id})" + (assignments.isEmpty ? "" : " SET " + assignments.map { "n.\($0)" }.joined(separator: ", "))
            }
        }
        sink.write("\n// Relationships, by relation and the kinds of their ends.\n")
        for relation in relations {
            let columns = edgeColumns[relation]!
            let byEnds = Dictionary(grouping: groups[relation]!) { Pair(from: graph.kind(ofNode: graph.from(ofEdge: $0)), to: graph.kind(ofNode: graph.to(ofEdge: $0))) }
            for ends in byEnds.keys.sorted() {
                let members = byEnds[ends]!
                let rows = Parallel.mapInChunks(members.count) { position -> [String: String] in
                    let edge = members[position]
                    let timing = storage.edgeTimings[edge]
                    var values: [String: String] = [
                        "from": Self.literal(graph.id(ofNode: graph.from(ofEdge: edge))), "to": Self.literal(graph.id(ofNode: graph.to(ofEdge: edge))),
                        "date": Self.literal(timing.date?.description), "start": Self.literal(timing.start?.description),
                        "end": Self.literal(timing.end?.description), "source": Self.literal(graph.edge(at: edge).source),
                    ]
                    for attribute in storage.edgeAttributes[edge] {
                        values[attribute.name] = Self.literal(attribute.value, as: columns.first { $0.name == attribute.name }!.type)
                    }
                    return values
                }
                writeStatements(rows, columns: columns, keys: ["from", "to"], to: &sink) { assignments in
                    "MATCH (a:\(Self.quoted(ends.from.rawValue)) {id: row.from}), (b:\(Self.quoted(ends.to.rawValue)) {id: row.to})\n"
                        + "CREATE (a)-[r:\(Self.quoted(relation))]->(b)" + (assignments.isEmpty ? "" : " SET " + assignments.map { "r.\($0)" }.joined(separator: ", "))
                }
            }
        }
    }

    /// Writes `rows` as `UNWIND` statements of at most ``batchSize`` rows ending in `clause`.
    ///
    /// Rows are grouped by which of their typed (not string) columns have values, so that every
    /// row of a statement has the same keys and each key one type: string columns carry `NULL`
    /// where a row has no value, typed columns appear only in the statements of rows that have
    /// one (an engine that types its lists, as Kùzu does, cannot mix `NULL` with a number).
    private func writeStatements(
        _ rows: [[String: String]], columns: [Column], keys: [String], to sink: inout some TextSink,
        clause: @Sendable ([String]) -> String
    ) {
        let shapes = Dictionary(grouping: rows) { row in columns.filter { $0.type != .string && row[$0.name] != nil }.map(\.name) }
        for shape in shapes.keys.sorted(by: { $0.lexicographicallyPrecedes($1) { $0.precedesInScalarOrder($1) } }) {
            let present = columns.filter { $0.type == .string || shape.contains($0.name) }
            let assignments = present.map { "\(Self.quoted($0.name)) = row.\(Self.quoted($0.name))" }
            let batches = shapes[shape]!.chunked(into: batchSize)
            let ending = "\n] AS row\n" + clause(assignments) + ";\n"
            let names = present.map { Self.quoted($0.name) + ": " }
            // Statements are formatted on every core and written in order (``OrderedFormatting``).
            OrderedFormatting.write(count: batches.count, rangeSize: 4, to: &sink) { range, text in
                for batch in batches[range] {
                    text.write("UNWIND [")
                    for (position, row) in batch.enumerated() {
                        text.write(position == 0 ? "\n  {" : ",\n  {")
                        for (index, key) in keys.enumerated() {
                            if index > 0 { text.write(", ") }
                            text.write(key)
                            text.write(": ")
                            text.write(row[key]!)
                        }
                        for (column, name) in zip(present, names) {
                            text.write(", ")
                            text.write(name)
                            text.write(row[column.name] ?? "NULL")
                        }
                        text.write("}")
                    }
                    text.write(ending)
                }
            }
        }
    }

    /// A property column: its name and the type its values share.
    struct Column {
        var name: String
        var type: AttributeColumns.ColumnType

        var kuzuType: String {
            switch type {
            case .string: return "STRING"
            case .integer: return "INT64"
            case .number: return "DOUBLE"
            case .boolean: return "BOOLEAN"
            case .list(let element): return Column(name: name, type: element).kuzuType + "[]"
            }
        }
    }

    /// The kinds at the two ends of a relationship.
    struct Pair: Hashable, Comparable {
        var from: NodeKind
        var to: NodeKind

        static func < (lhs: Pair, rhs: Pair) -> Bool {
            lhs.from.rawValue == rhs.from.rawValue
                ? lhs.to.rawValue.precedesInScalarOrder(rhs.to.rawValue)
                : lhs.from.rawValue.precedesInScalarOrder(rhs.from.rawValue)
        }
    }

    /// An identifier in backquotes (a backquote inside doubled).
    static func quoted(_ name: String) -> String { "`" + name.replacingAll("`", with: "``") + "`" }

    /// A string literal, or `NULL`.
    static func literal(_ text: String?) -> String {
        guard let text else { return "NULL" }
        var output = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "'": output += "\\'"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "'"
    }

    /// An attribute value as a literal of its column's type (a column of mixed types is strings).
    static func literal(_ value: AttributeValue, as type: AttributeColumns.ColumnType) -> String {
        switch (value, type) {
        case (.integer(let integer), .integer): return String(integer)
        case (.integer(let integer), .number): return String(integer) + ".0"
        case (.number, .number): return value.text.contains(".") || value.text.contains("e") ? value.text : value.text + ".0"
        case (.boolean(let boolean), .boolean): return boolean ? "true" : "false"
        // Lists are Cypher lists of their column's element type (Neo4j arrays).
        case (.list(let values), .list(let element)): return "[" + values.map { literal($0, as: element) }.joined(separator: ", ") + "]"
        default: return literal(value.text)
        }
    }
}

extension Array {
    /// The array cut into consecutive pieces of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
