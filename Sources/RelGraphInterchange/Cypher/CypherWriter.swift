import RelGraphCore

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
    /// The server the script is for: what it declares before the data (``CypherDialect``).
    public var dialect: CypherDialect

    /// A script for Neo4j 5.
    public init(language: String = "en") {
        self.init(language: language, dialect: .neo4j)
    }

    /// A script for `dialect`'s server.
    public init(language: String = "en", dialect: CypherDialect) {
        self.language = language
        self.dialect = dialect
    }

    public func write(_ graph: Graph, to sink: inout some TextSink) {
        let storage = graph.storage
        let title = graph.title.text(in: language).map { " " + $0.replacingAll("\n", with: " ") } ?? ""
        sink.write("// RelGraph graph\(title): \(graph.nodeCount) nodes, \(graph.edgeCount) relationships.\n")
        sink.write("// \(dialect.howToRun)\n")
        // Nodes grouped by their interned kind codes, in document order.
        let nodesByKind = Dictionary(
            uniqueKeysWithValues: Self.group(storage.nodeKinds, codes: storage.kinds.values.count)
                .enumerated().filter { !$0.element.isEmpty }.map { (storage.kinds.values[$0.offset], $0.element) })
        let kinds = nodesByKind.keys.sorted { $0.rawValue.precedesInScalarOrder($1.rawValue) }
        let languages = languages(of: storage.nodeLabels)
        // Every node carries its kind as a property too (contract §6), beside its label.
        let nodeFixed =
            [Column(name: "kind", type: .string), Column(name: "label", type: .string)] + languages.map { Column(name: "label_\($0)", type: .string) }
            + ["type", "date", "start", "end", "source"].map { Column(name: $0, type: .string) }
        var nodeColumns: [NodeKind: [Column]] = [:]
        for kind in kinds {
            nodeColumns[kind] =
                nodeFixed
                + AttributeColumns(nodesByKind[kind]!.lazy.map { storage.nodeAttributes[$0] }).columns.map { Column(name: $0.name, type: $0.type) }
        }
        // Edges by relation and the kinds of their ends, each group's rows read front to back.
        let edgeGroups = CypherEdgeGroups(storage)
        var relations: [String] = []
        var groupsByRelation: [String: ArraySlice<CypherEdgeGroups.Group>] = [:]
        var groupStart = 0
        for (index, group) in edgeGroups.groups.enumerated()
        where index + 1 == edgeGroups.groups.count || edgeGroups.groups[index + 1].relation != group.relation {
            let relation = storage.relations.values[Int(group.relation)]
            relations.append(relation)
            groupsByRelation[relation] = edgeGroups.groups[groupStart...index]
            groupStart = index + 1
        }
        // Every relationship carries its edge's id (null where it has none); those of symmetric
        // relations `symmetric: true` (servers store each relationship one way).
        let edgeFixed = ["id", "date", "start", "end", "source"].map { Column(name: $0, type: .string) }
        var edgeColumns: [String: [Column]] = [:]
        for relation in relations {
            let withAttributes = groupsByRelation[relation]!.lazy.flatMap(\.positions).filter { edgeGroups.hasAttributes[$0] }
            edgeColumns[relation] =
                edgeFixed + (graph.relationType(relation).isSymmetric ? [Column(name: "symmetric", type: .boolean)] : [])
                + AttributeColumns(withAttributes.map { storage.edgeAttributes[Int(edgeGroups.edges[$0])] }).columns.map {
                    Column(name: $0.name, type: $0.type)
                }
        }

        let kindNames = storage.kinds.values
        let nodeTables = kinds.map { kind in
            let columns = nodeColumns[kind]!.map { "\(Self.quoted($0.name)) \($0.kuzuType)" }.joined(separator: ", ")
            return "CREATE NODE TABLE \(Self.quoted(kind.rawValue))(id STRING, \(columns), PRIMARY KEY(id))"
        }
        let relationTables = relations.map { relation in
            let pairs = groupsByRelation[relation]!.map {
                "FROM \(Self.quoted(kindNames[Int($0.from)].rawValue)) TO \(Self.quoted(kindNames[Int($0.to)].rawValue))"
            }
            let columns = edgeColumns[relation]!.map { ", \(Self.quoted($0.name)) \($0.kuzuType)" }.joined()
            return "CREATE REL TABLE \(Self.quoted(relation))(\(pairs.joined(separator: ", "))\(columns))"
        }
        sink.write(dialect.preamble(kinds: kinds.map(\.rawValue), nodeTables: nodeTables, relationTables: relationTables, quoted: Self.quoted))
        sink.write("\n// Nodes, by kind.\n")
        // Literals used by many rows, made once: a source's, a node id's.
        let sourceLiterals = TextFragments(count: storage.sources.count) { source, text in Self.writeLiteral(storage.sources[source].id, to: &text) }
        let language = language
        var nodeStatements: [Statements] = []
        for kind in kinds {
            let columns = nodeColumns[kind]!
            let slots = Slots(keys: ["id"], columns: columns, fixed: 1 + nodeFixed.count)
            let kindSlot = slots["kind"], label = slots["label"], type = slots["type"], date = slots["date"], start = slots["start"], end = slots["end"],
                source = slots["source"]
            let languageSlots = languages.map { slots["label_\($0)"] }
            let members = nodesByKind[kind]!
            let row: RowFill = { position, values in
                let node = members[position]
                let text = storage.nodeLabels[node]
                let timing = storage.nodeTimings[node]
                // Later values for a name replace earlier ones (an attribute named as a column).
                values.set(0) { Self.writeLiteral(storage.nodeIDs[node], to: &$0) }
                values.set(kindSlot) { Self.writeLiteral(kind.rawValue, to: &$0) }
                if let display = text.text(in: language) { values.set(label) { Self.writeLiteral(display, to: &$0) } }
                for entry in text.entries {
                    guard let language = entry.language, let index = languages.firstIndex(of: language) else { continue }
                    values.set(languageSlots[index]) { Self.writeLiteral(entry.text, to: &$0) }
                }
                if let value = storage.nodeTypes[node] { values.set(type) { Self.writeLiteral(value, to: &$0) } }
                Self.set(timing, date: date, start: start, end: end, in: &values)
                let sourceIndex = storage.nodeSources[node]
                if sourceIndex >= 0 { values.set(source) { sourceLiterals.write(Int(sourceIndex), to: &$0) } }
                for attribute in storage.nodeAttributes[node] {
                    values.set(slots[attribute.name]) { $0.write(Self.literal(attribute.value, as: slots.type(of: attribute.name))) }
                }
            }
            nodeStatements += statements(members.count, row, attributes: { storage.nodeAttributes[members[$0]] }, slots) { assignments in
                "MERGE (n:\(Self.quoted(kind.rawValue)) {id: row.id})"
                    + (assignments.isEmpty ? "" : " SET " + assignments.map { "n.\($0)" }.joined(separator: ", "))
            }
        }
        Self.write(nodeStatements, to: &sink)
        sink.write("\n// Relationships, by relation and the kinds of their ends.\n")
        var edgeStatements: [Statements] = []
        let idLiterals = TextFragments(count: graph.nodeCount) { node, text in Self.writeLiteral(storage.nodeIDs[node], to: &text) }
        for relation in relations {
            let columns = edgeColumns[relation]!
            let marksSymmetry = graph.relationType(relation).isSymmetric
            let slots = Slots(keys: ["from", "to"], columns: columns, fixed: 2 + edgeFixed.count + (marksSymmetry ? 1 : 0))
            let date = slots["date"], start = slots["start"], end = slots["end"], source = slots["source"]
            let edgeID = slots["id"], symmetric = marksSymmetry ? slots["symmetric"] : nil
            for group in groupsByRelation[relation]! {
                let base = group.positions.lowerBound
                // A batch's end ids are gathered before its rows are made: they are scattered
                // over the nodes, and fetched together their cache misses overlap.
                let gather: GatherFill = { positions, values in
                    values.gather(2 * positions.count, of: idLiterals) { end in
                        let position = base + positions[positions.startIndex + end >> 1]
                        return Int(end & 1 == 0 ? edgeGroups.from[position] : edgeGroups.to[position])
                    }
                }
                let row: RowFill = { position, values in
                    let fromEnd = 2 * values.rowInBatch
                    values.set(0, gathered: fromEnd, of: idLiterals)
                    values.set(1, gathered: fromEnd + 1, of: idLiterals)
                    let position = base + position
                    if let id = storage.edgeIDs[Int(edgeGroups.edges[position])] { values.set(edgeID) { Self.writeLiteral(id, to: &$0) } }
                    if let symmetric { values.set(symmetric) { $0.write("true") } }
                    Self.set(edgeGroups.timings[position], date: date, start: start, end: end, in: &values)
                    let sourceIndex = edgeGroups.sources[position]
                    if sourceIndex >= 0 { values.set(source) { sourceLiterals.write(Int(sourceIndex), to: &$0) } }
                    guard edgeGroups.hasAttributes[position] else { return }
                    for attribute in storage.edgeAttributes[Int(edgeGroups.edges[position])] {
                        values.set(slots[attribute.name]) { $0.write(Self.literal(attribute.value, as: slots.type(of: attribute.name))) }
                    }
                }
                let attributes: @Sendable (Int) -> Attributes = { position in
                    edgeGroups.hasAttributes[base + position] ? storage.edgeAttributes[Int(edgeGroups.edges[base + position])] : Attributes()
                }
                let from = kindNames[Int(group.from)].rawValue, to = kindNames[Int(group.to)].rawValue
                edgeStatements += statements(group.positions.count, row, gather: gather, attributes: attributes, slots) { assignments in
                    "MATCH (a:\(Self.quoted(from)) {id: row.from}), (b:\(Self.quoted(to)) {id: row.to})\n"
                        + "CREATE (a)-[r:\(Self.quoted(relation))]->(b)"
                        + (assignments.isEmpty ? "" : " SET " + assignments.map { "r.\($0)" }.joined(separator: ", "))
                }
            }
        }
        Self.write(edgeStatements, to: &sink)
    }

    /// The literals of a timing's date, start and end into their slots (none for a missing one).
    private static func set(_ timing: Timing, date: Int, start: Int, end: Int, in values: inout RowValues) {
        switch timing {
        case .undated: break
        case .on(let value): values.set(date) { writeLiteral(value, to: &$0) }
        case let .between(startValue, endValue):
            if let startValue { values.set(start) { writeLiteral(startValue, to: &$0) } }
            if let endValue { values.set(end) { writeLiteral(endValue, to: &$0) } }
        }
    }

    /// Where a row keeps each value: the keys (`id`, or `from` and `to`) first, then the
    /// columns; a name that appears twice (an attribute named as a column) has the first slot.
    struct Slots: Sendable {
        let keys: [String]
        let columns: [Column]
        /// How many slots (the keys, then the columns every row has) a row always fills:
        /// a typed column named like one of them is present in every row.
        let fixed: Int
        private let first: [String: Int]
        private let columnTypes: [String: AttributeColumns.ColumnType]

        init(keys: [String], columns: [Column], fixed: Int) {
            self.keys = keys
            self.columns = columns
            self.fixed = fixed
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

    /// Fills the literals of row `position` into slots that are all empty (a slot left empty
    /// has no value). Rows are made where they are written, on every core, never all kept at once.
    typealias RowFill = @Sendable (_ position: Int, _ values: inout RowValues) -> Void

    /// Gathers what the rows of a batch (their positions) read at scattered places, before
    /// they are made (``RowValues/gather(_:of:_:)``).
    typealias GatherFill = @Sendable (_ positions: ArraySlice<Int>, _ values: inout RowValues) -> Void

    /// `UNWIND` statements of rows of one shape: their rows' positions, a batch per statement.
    struct Statements: Sendable {
        let batches: [ArraySlice<Int>]
        let row: RowFill
        let gather: GatherFill?
        let slotCount: Int
        /// Each key's and field's name (with what goes before it) and slot.
        let keys: [(name: String, slot: Int)]
        let fields: [(name: String, slot: Int)]
        /// `] AS row` and the clause.
        let ending: String
    }

    /// The statements for rows `0..<count` (made by `row`): `UNWIND` statements of at most
    /// ``batchSize`` rows ending in `clause`.
    ///
    /// Rows are grouped by which of their typed (not string) columns have values, so that every
    /// row of a statement has the same keys and each key one type: string columns carry `NULL`
    /// where a row has no value, typed columns appear only in the statements of rows that have
    /// one (an engine that types its lists, as Kùzu does, cannot mix `NULL` with a number).
    /// `attributes(position)` are the row's attributes, which alone decide its typed columns.
    private func statements(
        _ count: Int, _ row: @escaping RowFill, gather: GatherFill? = nil, attributes: @Sendable (Int) -> Attributes, _ slots: Slots,
        clause: @Sendable ([String]) -> String
    ) -> [Statements] {
        let columns = slots.columns
        let typed = columns.indices.filter { columns[$0].type != .string }
        let shapes = Self.shapes(of: count, attributes: attributes, slots, typed: typed)
        let names = { (shape: [Int]) in shape.map { columns[$0].name } }
        return shapes.keys.sorted(by: { names($0).lexicographicallyPrecedes(names($1)) { $0.precedesInScalarOrder($1) } }).map { shape in
            let shapeNames = Set(names(shape))
            let present = columns.filter { $0.type == .string || shapeNames.contains($0.name) }
            let assignments = present.map { "\(Self.quoted($0.name)) = row.\(Self.quoted($0.name))" }
            return Statements(
                batches: shapes[shape]!.chunked(into: batchSize), row: row, gather: gather, slotCount: slots.count,
                keys: slots.keys.enumerated().map { (name: ($0.offset > 0 ? ", " : "") + $0.element + ": ", slot: slots[$0.element]) },
                fields: present.map { (name: ", " + Self.quoted($0.name) + ": ", slot: slots[$0.name]) },
                ending: "\n] AS row\n" + clause(assignments) + ";\n")
        }
    }

    /// Writes every statement of `groups`, in order, as one stream: statements are formatted on
    /// every core and written in order (``OrderedFormatting``), across groups, so writing one
    /// group's last statements overlaps formatting the next group's.
    private static func write(_ groups: [Statements], to sink: inout some TextSink) {
        let statements = groups.indices.flatMap { group in groups[group].batches.indices.map { (group: group, batch: $0) } }
        let slotCount = groups.map(\.slotCount).max() ?? 0
        OrderedFormatting.write(count: statements.count, rangeSize: 4, to: &sink) { range, text in
            var values = RowValues(slots: slotCount)
            for (group, batch) in statements[range] {
                let statement = groups[group]
                text.write("UNWIND [")
                let positions = statement.batches[batch]
                statement.gather?(positions, &values)
                for (index, position) in positions.enumerated() {
                    values.removeAll()
                    values.rowInBatch = index
                    statement.row(position, &values)
                    text.write(index == 0 ? "\n  {" : ",\n  {")
                    for key in statement.keys {
                        text.write(key.name)
                        values.write(key.slot, to: &text)
                    }
                    for field in statement.fields {
                        text.write(field.name)
                        values.write(field.slot, to: &text)
                    }
                    text.write(byte: UInt8(ascii: "}"))
                }
                text.write(statement.ending)
            }
        }
    }

    /// The positions of rows `0..<count` by shape: the typed columns (of `typed`) that have
    /// values, in increasing order; each shape's positions in order.
    ///
    /// A row fills its keys and fixed columns always and an attribute's slot when it has the
    /// attribute, so a typed column has a value in every row when it shares its slot with a
    /// fixed column (a name given twice), and otherwise where the row has an attribute of its name.
    private static func shapes(of count: Int, attributes: (Int) -> Attributes, _ slots: Slots, typed: [Int]) -> [[Int]: [Int]] {
        guard !typed.isEmpty else { return [[]: Array(0..<count)] }
        let typedSlots = typed.map { slots[slots.columns[$0].name] }
        let always = typed.indices.filter { typedSlots[$0] < slots.fixed }
        var plain: [Int] = []
        var positions: [[Int]: [Int]] = [:]
        for position in 0..<count {
            let attributes = attributes(position)
            guard !attributes.isEmpty else {
                plain.append(position)
                continue
            }
            let filled = Set(attributes.map { slots[$0.name] })
            let shape = typed.indices.filter { typedSlots[$0] < slots.fixed || filled.contains(typedSlots[$0]) }
            positions[shape, default: []].append(position)
        }
        var shapes: [[Int]: [Int]] = [:]
        for (shape, members) in positions { shapes[shape.map { typed[$0] }] = members }
        if !plain.isEmpty {
            let shape = always.map { typed[$0] }
            // Rows without attributes and rows whose attributes fill no typed column share a shape.
            shapes[shape] = shapes[shape].map { Self.merged(plain, $0) } ?? plain
        }
        return shapes
    }

    /// Two increasing lists of positions as one.
    private static func merged(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { result.append(a[i]); i += 1 } else { result.append(b[j]); j += 1 }
        }
        return result
    }
}
