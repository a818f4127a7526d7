import RelGraphCore

/// The engine tables as JSON Lines (`export --to jsonl`): a folder that Spark, DuckDB and pandas
/// read as it is, split into part files so that workers read them in parallel.
///
/// ```
/// graph.json                 the declarations, the columns of both tables and their files
/// nodes/part-00000.jsonl     one node per line: {"id": …, "kind": …, "label_hi": …, …}
/// edges/part-00000.jsonl     one edge per line: {"src": …, "dst": …, "relation": …, "symmetric": …, …}
/// ```
///
/// Every line carries every column of its table (null where a value is absent), in the order
/// `EngineTableColumns` gives, so that readers that infer a schema from a sample see every
/// column. Attributes keep their types (numbers, booleans, arrays); each date is its text plus
/// its first and last day. Lines are compact JSON, text as it is (Devanagari unescaped).
public struct JSONLinesWriter: Sendable {
    /// The language of the `label` column (each language also has its own `label_<lang>`).
    public var language: String
    /// At most this many nodes or edges go into one part file.
    public var rowsPerPart: Int

    public init(language: String = "en", rowsPerPart: Int = 250_000) {
        self.language = language
        self.rowsPerPart = rowsPerPart
    }

    /// Writes the folder at `path`, whole or not at all (see `PartFolder`).
    public func write(_ graph: Graph, toFolder path: String) throws(OutputError) {
        let folder = try PartFolder(path: path, subfolders: ["nodes", "edges"])
        let nodeColumns = EngineTableColumns.nodes(of: graph), edgeColumns = EngineTableColumns.edges(of: graph)
        let nodeFiles = try writeParts("nodes", count: graph.nodeCount, into: folder) { range, line in
            writeNodes(range, of: graph, columns: nodeColumns, to: &line)
        }
        let edgeFiles = try writeParts("edges", count: graph.edgeCount, into: folder) { range, line in
            writeEdges(range, of: graph, columns: edgeColumns, to: &line)
        }
        let description = EngineTablesDescription(
            graph: graph, language: language, nodeColumns: nodeColumns, edgeColumns: edgeColumns,
            nodeFiles: nodeFiles, edgeFiles: edgeFiles)
        let file = try folder.file(named: "graph.json")
        file.write(description.json.serialized() + "\n")
        try file.commit()
        try folder.commit()
    }

    /// The number of part files for `count` rows: at least two, so that even a small table
    /// shows readers how the folder splits.
    func partCount(_ count: Int) -> Int {
        max(2, (count + rowsPerPart - 1) / rowsPerPart)
    }

    private func writeParts(
        _ table: String, count: Int, into folder: PartFolder,
        format: @escaping @Sendable (Range<Int>, inout TextBuffer) -> Void
    ) throws(OutputError) -> [String] {
        let parts = partCount(count)
        var names: [String] = []
        for part in 0..<parts {
            let start = count * part / parts, end = count * (part + 1) / parts
            var digits = String(part)
            digits = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
            let name = "\(table)/part-\(digits).jsonl"
            var file = try folder.file(named: name)
            OrderedFormatting.write(count: end - start, to: &file) { range, line in
                format(range.lowerBound + start..<range.upperBound + start, &line)
            }
            try file.commit()
            names.append(name)
        }
        return names
    }

    private func writeNodes(_ range: Range<Int>, of graph: Graph, columns: EngineTableColumns, to line: inout TextBuffer) {
        let storage = graph.storage
        for index in range {
            let label = storage.nodeLabels[index]
            let timing = storage.nodeTimings[index]
            let attributes = storage.nodeAttributes[index]
            line.write(byte: UInt8(ascii: "{"))
            for (position, column) in columns.columns.enumerated() {
                if position > 0 { line.write(byte: UInt8(ascii: ",")) }
                Self.key(column.name, to: &line)
                switch column.content {
                case .id: Self.string(storage.nodeIDs[index], to: &line)
                case .kind: Self.string(storage.kinds[storage.nodeKinds[index]].rawValue, to: &line)
                case .type: Self.optional(storage.nodeTypes[index], to: &line)
                case .label: Self.optional(label.text(in: language), to: &line)
                case .labelIn(let language): Self.optional(label[language], to: &line)
                case .labelLanguages:
                    let languages = label.languages
                    if languages == languages.sorted() {
                        line.write("null")
                    } else {
                        Self.array(languages.map(JSONValue.string), to: &line)
                    }
                case .date(let part, let field): Self.date(part, field, of: timing, to: &line)
                case .source: Self.optional(Self.sourceID(storage.nodeSources[index], in: graph), to: &line)
                case .index: line.write(decimal: index)
                case .attribute(let name, let type): Self.attribute(name, type, in: attributes, to: &line)
                case .from, .to, .relation, .edgeID, .symmetric: line.write("null")
                }
            }
            line.write("}\n")
        }
    }

    private func writeEdges(_ range: Range<Int>, of graph: Graph, columns: EngineTableColumns, to line: inout TextBuffer) {
        let storage = graph.storage
        for index in range {
            let timing = storage.edgeTimings[index]
            let attributes = storage.edgeAttributes[index]
            line.write(byte: UInt8(ascii: "{"))
            for (position, column) in columns.columns.enumerated() {
                if position > 0 { line.write(byte: UInt8(ascii: ",")) }
                Self.key(column.name, to: &line)
                switch column.content {
                case .from: Self.string(storage.nodeIDs[Int(storage.edgeFrom[index])], to: &line)
                case .to: Self.string(storage.nodeIDs[Int(storage.edgeTo[index])], to: &line)
                case .relation: Self.string(storage.relations[storage.edgeRelations[index]], to: &line)
                case .edgeID: Self.optional(storage.edgeIDs[index], to: &line)
                case .symmetric: line.write(graph.isSymmetric(edge: EdgeIndex(index)) ? "true" : "false")
                case .index: line.write(decimal: index)
                case .date(let part, let field): Self.date(part, field, of: timing, to: &line)
                case .source: Self.optional(Self.sourceID(storage.edgeSources[index], in: graph), to: &line)
                case .attribute(let name, let type): Self.attribute(name, type, in: attributes, to: &line)
                case .id, .kind, .type, .label, .labelIn, .labelLanguages: line.write("null")
                }
            }
            line.write("}\n")
        }
    }

    private static func sourceID(_ code: Int32, in graph: Graph) -> String? {
        code < 0 ? nil : graph.storage.sources[Int(code)].id
    }

    private static func key(_ name: String, to line: inout TextBuffer) {
        string(name, to: &line)
        line.write(byte: UInt8(ascii: ":"))
    }

    private static func string(_ text: String, to line: inout TextBuffer) {
        var literal = ""
        JSONStringLiteral.append(text, to: &literal)
        line.write(literal)
    }

    private static func optional(_ text: String?, to line: inout TextBuffer) {
        if let text { string(text, to: &line) } else { line.write("null") }
    }

    private static func array(_ values: [JSONValue], to line: inout TextBuffer) {
        line.write(JSONValue.array(values).serialized(indented: false))
    }

    private static func date(_ part: EngineTableColumns.DatePart, _ field: EngineTableColumns.DateField, of timing: Timing, to line: inout TextBuffer) {
        let date: PartialDate?
        switch field {
        case .date: date = timing.date
        case .start: date = timing.start
        case .end: date = timing.end
        }
        guard let date else { line.write("null"); return }
        switch part {
        case .text: string(date.description, to: &line)
        case .firstDay: string(date.firstFullDate.description, to: &line)
        case .lastDay: string(date.lastFullDate.description, to: &line)
        }
    }

    /// The attribute `name` of `attributes` as its column's type says: numbers of a `double`
    /// column as doubles, any value of a `string` column as its text, list elements alike.
    private static func attribute(_ name: String, _ type: AttributeColumns.ColumnType, in attributes: Attributes, to line: inout TextBuffer) {
        guard let value = attributes.first(where: { $0.name == name })?.value else { line.write("null"); return }
        line.write(typed(value, as: type).serialized(indented: false))
    }

    static func typed(_ value: AttributeValue, as type: AttributeColumns.ColumnType) -> JSONValue {
        switch (type, value) {
        case (.string, _): return .string(value.text)
        case (.number, .integer(let integer)): return .number(Double(integer))
        case (.list(let element), .list(let values)): return .array(values.map { typed($0, as: element) })
        default: return value.json
        }
    }
}

/// `graph.json`: what the folder holds, for readers that want more than the tables (the
/// Spark engine reads its columns' types and the declarations from it).
struct EngineTablesDescription {
    var graph: Graph
    var language: String
    var nodeColumns: EngineTableColumns
    var edgeColumns: EngineTableColumns
    var nodeFiles: [String]
    var edgeFiles: [String]

    var json: JSONValue {
        .object([
            ("format", .string("relgraph-tables")),
            ("version", .integer(1)),
            ("language", .string(language)),
            ("declarations", declarations),
            ("kinds", .array(graph.storage.kinds.values.map { .string($0.rawValue) })),
            ("relations", .array(graph.storage.relations.values.map(JSONValue.string))),
            ("nodes", table(count: graph.nodeCount, columns: nodeColumns, files: nodeFiles)),
            ("edges", table(count: graph.edgeCount, columns: edgeColumns, files: edgeFiles)),
        ])
    }

    private func table(count: Int, columns: EngineTableColumns, files: [String]) -> JSONValue {
        .object([("count", .integer(count)), ("files", .array(files.map(JSONValue.string))), ("columns", columns.declaration)])
    }

    /// The document's title, graph attributes, sources, kinds and relations, as a graph
    /// document writes them.
    private var declarations: JSONValue {
        var pairs: [(String, JSONValue)] = [("relgraph", .integer(1))]
        if !graph.title.isEmpty { pairs.append(("title", Self.text(graph.title))) }
        if !graph.graphAttributes.isEmpty {
            pairs.append(("attributes", .object(graph.graphAttributes.map { ($0.name, $0.value.json) })))
        }
        if !graph.sources.isEmpty {
            pairs.append(
                (
                    "sources",
                    .array(
                        graph.sources.map { source in
                            var entry: [(String, JSONValue)] = [("id", .string(source.id))]
                            if !source.title.isEmpty { entry.append(("title", Self.text(source.title))) }
                            if let url = source.url { entry.append(("url", .string(url))) }
                            return .object(entry)
                        })
                ))
        }
        if !graph.kindDeclarations.isEmpty {
            pairs.append(
                (
                    "kinds",
                    .array(
                        graph.kindDeclarations.map { declaration in
                            var entry: [(String, JSONValue)] = [("id", .string(declaration.kind.rawValue))]
                            if !declaration.label.isEmpty { entry.append(("label", Self.text(declaration.label))) }
                            if let style = declaration.style {
                                var styleEntries: [(String, JSONValue)] = []
                                if let shape = style.shape { styleEntries.append(("shape", .string(shape))) }
                                if let color = style.color { styleEntries.append(("color", .string(color))) }
                                entry.append(("style", .object(styleEntries)))
                            }
                            return .object(entry)
                        })
                ))
        }
        if !graph.relationTypes.isEmpty {
            pairs.append(
                (
                    "relations",
                    .array(
                        graph.relationTypes.map { relation in
                            var entry: [(String, JSONValue)] = [("id", .string(relation.id))]
                            if !relation.label.isEmpty { entry.append(("label", Self.text(relation.label))) }
                            if relation.isSymmetric { entry.append(("symmetric", .boolean(true))) }
                            return .object(entry)
                        })
                ))
        }
        return .object(pairs)
    }

    private static func text(_ text: LocalizedText) -> JSONValue {
        if text.isNeutral { return .string(text.entries[0].text) }
        return .object(text.entries.map { ($0.language ?? "und", .string($0.text)) })
    }
}
