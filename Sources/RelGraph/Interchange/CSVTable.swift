/// The meaning of a Neo4j CSV header, and turning records into nodes and edges.
struct CSVTable: Sendable {
    enum Column: Sendable {
        case id, labels, start, end, type, label, localizedLabel(String), languageOrder, nodeType
        case date, startDate, endDate, source
        case attribute(String, AttributeColumns.ColumnType)
        case ignored
    }

    let columns: [Column]
    let names: [String]
    var columnCount: Int { columns.count }

    init(header: [String], file: String) throws(Neo4jCSV.TableError) {
        names = header
        var columns: [Column] = []
        for entry in header {
            let (name, type) = Self.split(entry)
            switch (name, type?.uppercased()) {
            case (_, "ID"?): columns.append(.id)
            case (_, "LABEL"?): columns.append(.labels)
            case (_, "START_ID"?): columns.append(.start)
            case (_, "END_ID"?): columns.append(.end)
            case (_, "TYPE"?): columns.append(.type)
            case ("label", nil): columns.append(.label)
            case ("type", nil): columns.append(.nodeType)
            case ("date", nil): columns.append(.date)
            case ("start", nil): columns.append(.startDate)
            case ("end", nil): columns.append(.endDate)
            case ("source", nil): columns.append(.source)
            case ("label_languages", nil): columns.append(.languageOrder)
            case (let name, nil) where name.hasPrefix("label_"): columns.append(.localizedLabel(String(name.dropFirst(6))))
            case (let name, let type):
                let columnType: AttributeColumns.ColumnType
                switch type?.lowercased() {
                case nil, "string"?: columnType = .string
                case "int"?, "long"?, "short"?, "byte"?: columnType = .integer
                case "float"?, "double"?: columnType = .number
                case "boolean"?: columnType = .boolean
                case "ignore"?: columns.append(.ignored); continue
                case let other?:
                    throw .init(column: entry, problem: .syntax("\(file): column '\(entry)' has type '\(other)', which RelGraph does not read; use string, long, double or boolean"))
                }
                columns.append(.attribute(name, columnType))
            }
        }
        self.columns = columns
    }

    /// `name:type` → (name, type); `name` alone has no type.
    private static func split(_ entry: String) -> (String, String?) {
        guard let colon = entry.lastIndex(of: ":") else { return (entry, nil) }
        var type = String(entry[entry.index(after: colon)...])
        if let parenthesis = type.firstIndex(of: "(") { type = String(type[..<parenthesis]) }
        return (String(entry[..<colon]), type)
    }

    func node(from record: [CSVReader.Field]) throws(Neo4jCSV.TableError) -> Node {
        var node = Node(id: "", kind: .actor)
        var neutralLabel: String?
        var localized: [LocalizedText.Entry] = []
        var order: [String] = []
        var dates = DateFields()
        for (column, field) in zip(columns, record) {
            let present = !field.text.isEmpty || field.wasQuoted
            guard present else { continue }
            switch column {
            case .id: node.id = field.text
            case .labels:
                if let semicolon = field.text.utf8.firstIndex(of: UInt8(ascii: ";")) {
                    node.kind = NodeKind(String(field.text[..<semicolon]))
                    node.attributes["neo4j-labels"] = .string(field.text)
                } else {
                    node.kind = NodeKind(field.text)
                }
            case .label: neutralLabel = field.text
            case .localizedLabel(let language): localized.append(.init(language: language, text: field.text))
            case .languageOrder: order = field.text.split(separator: " ").map(String.init)
            case .nodeType: node.type = field.text
            case .date, .startDate, .endDate: try dates.read(column, field.text)
            case .source: node.source = field.text
            case .attribute(let name, let type): node.attributes[name] = try value(field, type, column: name)
            case .start, .end, .type, .ignored: break
            }
        }
        if !order.isEmpty {
            localized.sort { (order.firstIndex(of: $0.language!) ?? order.count) < (order.firstIndex(of: $1.language!) ?? order.count) }
        }
        node.label = localized.isEmpty ? neutralLabel.map { LocalizedText($0) } ?? LocalizedText() : LocalizedText(localized)
        node.timing = try dates.timing()
        return node
    }

    func edge(from record: [CSVReader.Field]) throws(Neo4jCSV.TableError) -> Edge {
        var edge = Edge(from: "", to: "", relation: "")
        var dates = DateFields()
        for (column, field) in zip(columns, record) {
            guard !field.text.isEmpty || field.wasQuoted else { continue }
            switch column {
            case .start: edge.from = field.text
            case .end: edge.to = field.text
            case .type: edge.relation = field.text
            case .date, .startDate, .endDate: try dates.read(column, field.text)
            case .source: edge.source = field.text
            case .attribute(let name, let type): edge.attributes[name] = try value(field, type, column: name)
            case .label, .localizedLabel, .languageOrder, .nodeType, .id, .labels:
                edge.attributes[nameOf(column)] = .string(field.text)
            case .ignored: break
            }
        }
        edge.timing = try dates.timing()
        return edge
    }

    private func nameOf(_ column: Column) -> String {
        switch column {
        case .label: return "edge-label"
        case .localizedLabel(let language): return "edge-label-\(language)"
        default: return "edge-\(column)"
        }
    }

    private func value(_ field: CSVReader.Field, _ type: AttributeColumns.ColumnType, column: String) throws(Neo4jCSV.TableError) -> AttributeValue {
        switch type {
        case .string: return .string(field.text)
        case .integer:
            guard let integer = Int(field.text) else { throw .init(column: column, problem: .typeMismatch(key: column, expected: "an integer", found: "'\(field.text)'")) }
            return .integer(integer)
        case .number:
            guard let number = Double(field.text), number.isFinite else { throw .init(column: column, problem: .typeMismatch(key: column, expected: "a number", found: "'\(field.text)'")) }
            return .number(number)
        case .boolean:
            switch field.text.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw .init(column: column, problem: .notABoolean(key: column, value: field.text))
            }
        }
    }

    /// The position of `column` in a record that starts at `start` (approximate: fields
    /// are assumed to be on the record's first line).
    func position(of column: String, in record: [CSVReader.Field], startingAt start: TextPosition) -> TextPosition {
        guard let index = names.firstIndex(where: { $0 == column || $0.hasPrefix(column + ":") || Self.split($0).0 == column }) else { return start }
        var offset = 0
        for field in record.prefix(index) { offset += field.text.count + (field.wasQuoted ? 2 : 0) + 1 }
        return TextPosition(line: start.line, column: start.column + offset)
    }

    private struct DateFields {
        var date: PartialDate?, start: PartialDate?, end: PartialDate?

        mutating func read(_ column: Column, _ text: String) throws(Neo4jCSV.TableError) {
            let key: String
            switch column {
            case .date: key = "date"
            case .startDate: key = "start"
            default: key = "end"
            }
            do {
                let value = try PartialDate(parsing: text)
                switch column {
                case .date: date = value
                case .startDate: start = value
                default: end = value
                }
            } catch {
                throw .init(column: key, problem: .invalidDate(key: key, error))
            }
        }

        func timing() throws(Neo4jCSV.TableError) -> Timing {
            do {
                return try Timing(date: date, start: start, end: end)
            } catch {
                throw .init(column: "end", problem: .invalidTiming(error))
            }
        }
    }
}
