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
        // Elements grouped by their interned kind and relation codes, in document order.
        let nodesByKind = Dictionary(uniqueKeysWithValues: Self.group(storage.nodeKinds, codes: storage.kinds.values.count)
            .enumerated().filter { !$0.element.isEmpty }.map { (storage.kinds.values[$0.offset], $0.element) })
        let kinds = nodesByKind.keys.sorted { $0.rawValue.precedesInScalarOrder($1.rawValue) }
        let languages = languages(of: storage.nodeLabels)
        var nodeColumns: [NodeKind: [Column]] = [:]
        for kind in kinds {
            nodeColumns[kind] = [Column(name: "label", type: .string)] + languages.map { Column(name: "label_\($0)", type: .string) }
                + ["type", "date", "start", "end", "source"].map { Column(name: $0, type: .string) }
                + AttributeColumns(nodesByKind[kind]!.lazy.map { storage.nodeAttributes[$0] }).columns.map { Column(name: $0.name, type: $0.type) }
        }
        let groups = Dictionary(uniqueKeysWithValues: Self.group(storage.edgeRelations, codes: storage.relations.values.count)
            .enumerated().filter { !$0.element.isEmpty }.map { (storage.relations.values[$0.offset], $0.element) })
        // Per relation, its edges by the kinds of their ends.
        let kindCount = storage.kinds.values.count
        let endsByRelation = groups.mapValues { edges in
            let keys = edges.map { storage.nodeKinds[Int(storage.edgeFrom[$0])] * Int32(kindCount) + storage.nodeKinds[Int(storage.edgeTo[$0])] }
            return Dictionary(grouping: keys.indices) { keys[$0] }.map { key, positions in
                (ends: Pair(from: storage.kinds.values[Int(key) / kindCount], to: storage.kinds.values[Int(key) % kindCount]), edges: positions.map { edges[$0] })
            }.sorted { $0.ends < $1.ends }
        }
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
            let pairs = endsByRelation[relation]!.map(\.ends).map { "FROM \(Self.quoted($0.from.rawValue)) TO \(Self.quoted($0.to.rawValue))" }
            let columns = edgeColumns[relation]!.map { ", \(Self.quoted($0.name)) \($0.kuzuType)" }.joined()
            sink.write("// kuzu: CREATE REL TABLE \(Self.quoted(relation))(\(pairs.joined(separator: ", "))\(columns));\n")
        }

        sink.write("\n// Constraints: one node of each kind per id.\n")
        for kind in kinds {
            sink.write("CREATE CONSTRAINT \(Self.quoted("relgraph_\(kind.rawValue)_id")) IF NOT EXISTS FOR (n:\(Self.quoted(kind.rawValue))) REQUIRE n.id IS UNIQUE;\n")
        }
        sink.write("\n// Nodes, by kind.\n")
        let sourceLiterals = storage.sources.map { Self.literal($0.id) }
        for kind in kinds {
            let columns = nodeColumns[kind]!
            let slots = Slots(keys: ["id"], columns: columns)
            let label = slots["label"], type = slots["type"], date = slots["date"], start = slots["start"], end = slots["end"], source = slots["source"]
            let languageSlots = languages.map { slots["label_\($0)"] }
            let members = nodesByKind[kind]!
            let row: RowFill = { position, values in
                let node = members[position]
                let text = storage.nodeLabels[node]
                let timing = storage.nodeTimings[node]
                // Later values for a name replace earlier ones (an attribute named as a column).
                values[0] = Self.literal(storage.nodeIDs[node])
                values[label] = Self.literal(text.text(in: language))
                for (language, slot) in zip(languages, languageSlots) { values[slot] = Self.literal(text[language]) }
                values[type] = Self.literal(storage.nodeTypes[node])
                values[date] = Self.literal(timing.date?.description)
                values[start] = Self.literal(timing.start?.description)
                values[end] = Self.literal(timing.end?.description)
                let sourceIndex = storage.nodeSources[node]
                values[source] = sourceIndex >= 0 ? sourceLiterals[Int(sourceIndex)] : "NULL"
                for attribute in storage.nodeAttributes[node] {
                    values[slots[attribute.name]] = Self.literal(attribute.value, as: slots.type(of: attribute.name))
                }
            }
            writeStatements(members.count, row, slots, to: &sink) { assignments in
                "MERGE (n:\(Self.quoted(kind.rawValue)) {id: row.id})" + (assignments.isEmpty ? "" : " SET " + assignments.map { "n.\($0)" }.joined(separator: ", "))
            }
        }
        sink.write("\n// Relationships, by relation and the kinds of their ends.\n")
        let idLiterals = Parallel.mapInChunks(graph.nodeCount) { Self.literal(storage.nodeIDs[$0]) }
        for relation in relations {
            let columns = edgeColumns[relation]!
            let slots = Slots(keys: ["from", "to"], columns: columns)
            let date = slots["date"], start = slots["start"], end = slots["end"], source = slots["source"]
            for (ends, members) in endsByRelation[relation]! {
                let row: RowFill = { position, values in
                    let edge = members[position]
                    let timing = storage.edgeTimings[edge]
                    values[0] = idLiterals[Int(storage.edgeFrom[edge])]
                    values[1] = idLiterals[Int(storage.edgeTo[edge])]
                    values[date] = Self.literal(timing.date?.description)
                    values[start] = Self.literal(timing.start?.description)
                    values[end] = Self.literal(timing.end?.description)
                    let sourceIndex = storage.edgeSources[edge]
                    values[source] = sourceIndex >= 0 ? sourceLiterals[Int(sourceIndex)] : "NULL"
                    for attribute in storage.edgeAttributes[edge] {
                        values[slots[attribute.name]] = Self.literal(attribute.value, as: slots.type(of: attribute.name))
                    }
                }
                writeStatements(members.count, row, slots, to: &sink) { assignments in
                    "MATCH (a:\(Self.quoted(ends.from.rawValue)) {id: row.from}), (b:\(Self.quoted(ends.to.rawValue)) {id: row.to})\n"
                        + "CREATE (a)-[r:\(Self.quoted(relation))]->(b)" + (assignments.isEmpty ? "" : " SET " + assignments.map { "r.\($0)" }.joined(separator: ", "))
                }
            }
        }
    }

    /// Where a row keeps each value: the keys (`id`, or `from` and `to`) first, then the
    /// columns; a name that appears twice (an attribute named as a column) has the first slot.
    struct Slots: Sendable {
        let keys: [String]
        let columns: [Column]
        private let first: [String: Int]
        private let columnTypes: [String: AttributeColumns.ColumnType]

        init(keys: [String], columns: [Column]) {
            self.keys = keys
            self.columns = columns
            var first: [String: Int] = [:]
            for (index, name) in (keys + columns.map(\.name)).enumerated() where first[name] == nil { first[name] = index }
            self.first = first
            var columnTypes: [String: AttributeColumns.ColumnType] = [:]
            for column in columns where columnTypes[column.name] == nil { columnTypes[column.name] = column.type }
            self.columnTypes = columnTypes
        }

        var count: Int { keys.count + columns.count }

        /// The slot of the key or column `name`.
        subscript(name: String) -> Int { first[name]! }

        /// The type of the first column named `name`.
        func type(of name: String) -> AttributeColumns.ColumnType { columnTypes[name]! }
    }

    /// Fills the literals of row `position` into slots that are all nil (a slot left nil has
    /// no value). Rows are made where they are written, on every core, never all kept at once.
    typealias RowFill = @Sendable (_ position: Int, _ values: inout [String?]) -> Void

    /// Writes rows `0..<count` (made by `row`) as `UNWIND` statements of at most ``batchSize``
    /// rows ending in `clause`.
    ///
    /// Rows are grouped by which of their typed (not string) columns have values, so that every
    /// row of a statement has the same keys and each key one type: string columns carry `NULL`
    /// where a row has no value, typed columns appear only in the statements of rows that have
    /// one (an engine that types its lists, as Kùzu does, cannot mix `NULL` with a number).
    private func writeStatements(
        _ count: Int, _ row: RowFill, _ slots: Slots, to sink: inout some TextSink, clause: @Sendable ([String]) -> String
    ) {
        let columns = slots.columns
        let typed = columns.indices.filter { columns[$0].type != .string }
        let shapes = Self.shapes(of: count, row, slots, typed: typed)
        let names = { (shape: [Int]) in shape.map { columns[$0].name } }
        for shape in shapes.keys.sorted(by: { names($0).lexicographicallyPrecedes(names($1)) { $0.precedesInScalarOrder($1) } }) {
            let shapeNames = Set(names(shape))
            let present = columns.filter { $0.type == .string || shapeNames.contains($0.name) }
            let assignments = present.map { "\(Self.quoted($0.name)) = row.\(Self.quoted($0.name))" }
            let batches = shapes[shape]!.chunked(into: batchSize)
            let ending = "\n] AS row\n" + clause(assignments) + ";\n"
            let fields = present.map { (name: ", " + Self.quoted($0.name) + ": ", slot: slots[$0.name]) }
            let keys = slots.keys.map { (name: $0 + ": ", slot: slots[$0]) }
            // Statements are formatted on every core and written in order (``OrderedFormatting``).
            OrderedFormatting.write(count: batches.count, rangeSize: 4, to: &sink) { range, text in
                var values = [String?](repeating: nil, count: slots.count)
                for batch in batches[range] {
                    text.write("UNWIND [")
                    for (index, position) in batch.enumerated() {
                        Self.make(position, row, into: &values)
                        text.write(index == 0 ? "\n  {" : ",\n  {")
                        for (index, key) in keys.enumerated() {
                            if index > 0 { text.write(", ") }
                            text.write(key.name)
                            text.write(values[key.slot]!)
                        }
                        for field in fields {
                            text.write(field.name)
                            text.write(values[field.slot] ?? "NULL")
                        }
                        text.write("}")
                    }
                    text.write(ending)
                }
            }
        }
    }

    /// The positions of rows `0..<count` by shape: the typed columns (of `typed`) that have
    /// values, in increasing order; each shape's positions in order. Found on every core.
    private static func shapes(of count: Int, _ row: RowFill, _ slots: Slots, typed: [Int]) -> [[Int]: [Int]] {
        guard !typed.isEmpty else { return [[]: Array(0..<count)] }
        let typedSlots = typed.map { slots[slots.columns[$0].name] }
        let chunkSize = 16_384
        let keys = Parallel.map((count + chunkSize - 1) / chunkSize) { chunk in
            var values = [String?](repeating: nil, count: slots.count)
            return (chunk * chunkSize..<min(chunk * chunkSize + chunkSize, count)).map { position -> BitSet in
                make(position, row, into: &values)
                var shape = BitSet(count: typed.count, filled: false)
                for (index, slot) in typedSlots.enumerated() where values[slot] != nil { shape.insert(index) }
                return shape
            }
        }
        var positions: [BitSet: [Int]] = [:]
        var position = 0
        for chunk in keys {
            for key in chunk {
                positions[key, default: []].append(position)
                position += 1
            }
        }
        var shapes: [[Int]: [Int]] = [:]
        for (key, members) in positions {
            var shape: [Int] = []
            key.forEachMember { shape.append(typed[$0]) }
            shapes[shape] = members
        }
        return shapes
    }

    /// Row `position`'s literals in `values`, every other slot nil.
    private static func make(_ position: Int, _ row: RowFill, into values: inout [String?]) {
        for slot in values.indices { values[slot] = nil }
        row(position, &values)
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

    /// The indices of `codes` grouped by code (`0..<count`), each group in increasing order.
    static func group(_ codes: some Collection<Int32>, codes count: Int) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        for (index, code) in codes.enumerated() { groups[Int(code)].append(index) }
        return groups
    }

    /// A string literal, or `NULL`.
    static func literal(_ text: String?) -> String {
        guard let text else { return "NULL" }
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "'" + text + "'"
        }
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
