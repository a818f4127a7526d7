import RelGraphCore
import RelGraphDocument

/// The meaning of a Neo4j CSV header (as `neo4j-admin database import` reads it), and turning
/// records into nodes and edges.
///
/// Columns named like RelGraph's fields (`label`, `label_<lang>`, `type`, `date`, `start`, `end`,
/// `source`, a relationship's `id`) fill those fields where their values fit and are kept as
/// `neo4j-<name>` attributes where they do not, so a foreign file is never refused for them.
struct CSVTable: Sendable {
    enum Column: Sendable {
        /// `:ID` or `name:ID(Space)`; a named id column is also a property.
        case id(property: String?)
        case labels
        case start, end, type
        case label, localizedLabel(String), languageOrder, nodeType
        /// `name` or `title`: the label where there is no `label` column, and a property.
        case nameLike(String)
        case date, startDate, endDate, source
        /// A relationship's `id`: the edge's id where it is a valid, unused one.
        case edgeID
        case attribute(String, AttributeColumns.ColumnType, isArray: Bool)
        case ignored
    }

    let columns: [Column]
    let names: [String]
    /// The ID space of `:ID`, `:START_ID` and `:END_ID` (nil: the global space).
    let idSpace: String?, startSpace: String?, endSpace: String?
    let dialect: CSVDialect
    let integerIDs: Bool
    var columnCount: Int { columns.count }
    /// Whether node records may be made straight from their bytes (see ``plainNode(_:bytes:declaredSources:cache:)``).
    let allowsPlainNodes: Bool
    var hasID: Bool { columns.contains { if case .id = $0 { true } else { false } } }
    var hasStart: Bool { columns.contains { if case .start = $0 { true } else { false } } }

    init(header: [String], file: String, dialect: CSVDialect = CSVDialect(), integerIDs: Bool = false, forRelationships: Bool = false) throws(Neo4jCSV
        .TableError)
    {
        names = header
        self.dialect = dialect
        self.integerIDs = integerIDs
        var columns: [Column] = []
        var idSpace: String?, startSpace: String?, endSpace: String?
        let hasLabelColumn = header.contains { Self.split($0).name == "label" && Self.split($0).type == nil }
        for entry in header {
            let (name, type, space) = Self.split(entry)
            switch (name, type?.uppercased()) {
            case (_, "ID"?):
                idSpace = space
                // A named id column is also a property, except `id` itself (it is the id).
                columns.append(.id(property: name.isEmpty || name == "id" ? nil : name))
            case (_, "LABEL"?): columns.append(.labels)
            case (_, "START_ID"?): startSpace = space; columns.append(.start)
            case (_, "END_ID"?): endSpace = space; columns.append(.end)
            case (_, "TYPE"?): columns.append(.type)
            case (_, "IGNORE"?): columns.append(.ignored)
            case ("label", nil): columns.append(forRelationships ? .attribute("neo4j-label", .string, isArray: false) : .label)
            case ("type", nil): columns.append(forRelationships ? .attribute("neo4j-type", .string, isArray: false) : .nodeType)
            case ("date", nil), ("date", "DATE"?): columns.append(.date)
            case ("start", nil), ("start", "DATE"?): columns.append(.startDate)
            case ("end", nil), ("end", "DATE"?): columns.append(.endDate)
            case ("source", nil): columns.append(.source)
            case ("id", nil) where forRelationships: columns.append(.edgeID)
            // RelGraph's own mark of symmetric relations (declarations.json declares them).
            case (Neo4jCSV.symmetryColumn, "BOOLEAN"?) where forRelationships: columns.append(.ignored)
            case ("label_languages", nil) where !forRelationships: columns.append(.languageOrder)
            case (let name, nil) where name.hasPrefix("label_") && !forRelationships && LanguageCode.isValid(String(name.dropFirst(6))):
                columns.append(.localizedLabel(String(name.dropFirst(6))))
            case ("name", nil), ("title", nil):
                columns.append(!hasLabelColumn && !forRelationships ? .nameLike(name) : .attribute(name, .string, isArray: false))
            case (let name, let type):
                var typeName = (type ?? "string").lowercased()
                let isArray = typeName.hasSuffix("[]")
                if isArray { typeName.removeLast(2) }
                let columnType: AttributeColumns.ColumnType
                switch typeName {
                case "string", "char": columnType = .string
                case "int", "long", "short", "byte": columnType = .integer
                case "float", "double": columnType = .number
                case "boolean": columnType = .boolean
                case "date", "datetime", "localdatetime", "time", "localtime", "duration", "point": columnType = .string
                default:
                    throw .init(
                        column: entry,
                        problem: .syntax(
                            "\(file): column '\(entry)' has the type '\(type ?? "")', which neo4j-admin does not know; use int, long, float, double, boolean, byte, short, char, string, date, datetime, localdatetime, time, localtime, duration or point (with [] for arrays)"
                        ))
                }
                columns.append(.attribute(Self.attributeName(name), columnType, isArray: isArray))
            }
        }
        self.columns = columns
        startColumn = columns.firstIndex { if case .start = $0 { true } else { false } } ?? 0
        endColumn = columns.firstIndex { if case .end = $0 { true } else { false } } ?? 0
        self.idSpace = idSpace
        self.startSpace = startSpace
        self.endSpace = endSpace
        allowsPlainNodes = !forRelationships && Self.allowsPlainNodes(columns: columns, integerIDs: integerIDs, dialect: dialect)
    }

    /// A property name as an attribute name: kept where valid; RelGraph's own field names and
    /// names that break the rules become `neo4j-<name>` (made valid).
    static func attributeName(_ name: String) -> String {
        if Attributes.isValidName(name) { return name }
        let made = Identifier.made(from: name, fallback: "property").replacingAll(":", with: "-")
        return Attributes.isValidName(made) ? made : "neo4j-" + made
    }

    /// `name:type(Space)` → (name, type, space); `name` alone has no type.
    static func split(_ entry: String) -> (name: String, type: String?, space: String?) {
        guard let colon = entry.lastIndex(of: ":") else { return (entry, nil, nil) }
        var type = String(entry[entry.index(after: colon)...])
        var space: String?
        if let parenthesis = type.firstIndex(of: "("), type.hasSuffix(")") {
            space = String(type[type.index(after: parenthesis)..<type.index(before: type.endIndex)])
            type = String(type[..<parenthesis])
        }
        return (String(entry[..<colon]), type, space)
    }

    /// The key that names a node across files: `Space:value` in an ID space, the value alone
    /// otherwise; with integer ids, the integer's canonical text (`007` is `7`).
    func key(_ value: String, space: String?) -> String {
        var value = value
        if integerIDs, let integer = Int(value.trimmingSpaces) { value = String(integer) }
        guard let space, !space.isEmpty else { return value }
        return "\(space):\(value)"
    }

    /// A node read from a record, before its key is made an id.
    struct RecordNode: Sendable {
        var node: Node
        var labels: [String]
        var controlCharacters = false
        /// Whether the key is a valid id as it is (see ``ForeignNodeIDs``).
        var keyIsValid = false
        /// What ``GraphBuilder/checkContents(of:)`` found wrong, checked where the record was read.
        var problem: GraphError?
    }

    func node(from record: [CSVScanner.Field], groupLabels: [String], knownKinds: Set<NodeKind>) throws(Neo4jCSV.TableError) -> RecordNode {
        var node = Node(id: "", kind: .actor)
        var labels = groupLabels
        var neutralLabel: String?, nameLabel: String?
        var localized: [LocalizedText.Entry] = []
        var order: [String] = []
        var dates = DateFields()
        var controls = false
        for (column, field) in zip(columns, record) {
            let present = !field.text.isEmpty || field.wasQuoted
            guard present else { continue }
            let text = Self.cleaned(field.text, &controls)
            switch column {
            case .id(let property):
                node.id = key(text, space: idSpace)
                if let property { node.attributes[Self.attributeName(property)] = integerIDs ? AttributeValue(inferringTypeOf: text) : .string(text) }
            case .labels:
                labels += text.split(separator: Character(dialect.arrayDelimiter)).map(String.init).filter { !$0.isEmpty }
            case .label: neutralLabel = text
            case .nameLike(let name):
                // An empty name or title (`""`, as Neo4j imports it) leaves the node unlabelled:
                // its id shows.
                if nameLabel == nil, !text.isEmpty { nameLabel = text }
                node.attributes[name] = .string(text)
            case .localizedLabel(let language): localized.append(.init(language: language, text: text))
            case .languageOrder: order = text.split(separator: " ").map(String.init)
            case .nodeType: node.type = text
            case .date, .startDate, .endDate: dates.read(column, text)
            case .source: node.source = text
            case .attribute(let name, let type, let isArray): node.attributes[name] = try value(text, type, isArray: isArray, column: name)
            case .edgeID, .start, .end, .type, .ignored: break
            }
        }
        if !order.isEmpty {
            localized.sort { (order.firstIndex(of: $0.language!) ?? order.count) < (order.firstIndex(of: $1.language!) ?? order.count) }
        }
        if !localized.isEmpty {
            node.label = LocalizedText(localized)
        } else if let text = neutralLabel ?? nameLabel {
            node.label = LocalizedText(text)
        }
        dates.apply(to: &node.timing, attributes: &node.attributes)
        // Labels are a set, in order of first mention.
        var seen = Set<String>()
        labels = labels.filter { seen.insert($0).inserted }
        // The kind: the first label that is a known kind, else the first label.
        let kinds = labels.map { NodeKind(Identifier.isValid($0) ? $0 : Identifier.made(from: $0, fallback: "node")) }
        node.kind = kinds.first(where: knownKinds.contains) ?? kinds.first ?? .actor
        if labels.count > 1 { node.attributes["labels"] = .list(labels.map { .string($0) }) }
        return RecordNode(node: node, labels: labels, controlCharacters: controls)
    }

    /// An edge read from a record; `from`, `to` are keys, `id` a candidate edge id.
    struct RecordEdge: Sendable {
        var edge: Edge
        var controlCharacters = false
        /// The nodes named as start and end, looked up where the record was read (-1: none).
        var from: Int32 = -1, to: Int32 = -1
        /// Where the start and end ids are, for messages about them.
        var fromPosition = TextPosition.start, toPosition = TextPosition.start
    }

    func edge(from record: [CSVScanner.Field], at position: TextPosition, groupType: String?) throws(Neo4jCSV.TableError) -> RecordEdge {
        var edge = Edge(from: "", to: "", relation: groupType ?? "")
        var dates = DateFields()
        var controls = false
        for (column, field) in zip(columns, record) {
            guard !field.text.isEmpty || field.wasQuoted else { continue }
            let text = Self.cleaned(field.text, &controls)
            switch column {
            case .start: edge.from = key(text, space: startSpace)
            case .end: edge.to = key(text, space: endSpace)
            case .type: edge.relation = text
            case .date, .startDate, .endDate: dates.read(column, text)
            case .source: edge.source = text
            case .edgeID: edge.id = text
            case .attribute(let name, let type, let isArray): edge.attributes[name] = try value(text, type, isArray: isArray, column: name)
            case .nameLike(let name): edge.attributes[name] = .string(text)
            case .id(let property): edge.attributes[Self.attributeName(property ?? "neo4j-id")] = .string(text)
            case .labels: edge.attributes["neo4j-labels"] = .string(text)
            case .label, .localizedLabel, .languageOrder, .nodeType, .ignored: break
            }
        }
        guard !edge.relation.isEmpty else {
            throw .init(column: ":TYPE", problem: .missingRelationshipType)
        }
        if !Identifier.isValid(edge.relation) { edge.relation = Identifier.made(from: edge.relation, fallback: "related-to") }
        dates.apply(to: &edge.timing, attributes: &edge.attributes)
        return RecordEdge(
            edge: edge, controlCharacters: controls,
            fromPosition: self.position(ofColumn: startColumn, in: record, startingAt: position),
            toPosition: self.position(ofColumn: endColumn, in: record, startingAt: position))
    }

    /// `text` with C0 control characters other than tab and line breaks replaced by U+FFFD
    /// (XML, and so SVG and GraphML, cannot hold them); `found` notes that it happened.
    static func cleaned(_ text: String, _ found: inout Bool) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return text }
        found = true
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" ? "\u{FFFD}" : $0
                }))
    }

    func value(_ text: String, _ type: AttributeColumns.ColumnType, isArray: Bool, column: String) throws(Neo4jCSV.TableError) -> AttributeValue {
        guard isArray else { return try scalar(text, type, column: column) }
        var values: [AttributeValue] = []
        for element in text.split(separator: Character(dialect.arrayDelimiter), omittingEmptySubsequences: false) {
            values.append(try scalar(String(element), type, column: column))
        }
        return .list(text.isEmpty ? [] : values)
    }

    private func scalar(_ text: String, _ type: AttributeColumns.ColumnType, column: String) throws(Neo4jCSV.TableError) -> AttributeValue {
        switch type {
        case .string, .list: return .string(text)
        case .integer:
            guard let integer = Int(text.trimmingSpaces) else {
                throw .init(column: column, problem: .typeMismatch(key: column, expected: "an integer", found: "'\(text)'"))
            }
            return .integer(integer)
        case .number:
            guard let number = Double(text.trimmingSpaces), number.isFinite else {
                throw .init(column: column, problem: .typeMismatch(key: column, expected: "a number", found: "'\(text)'"))
            }
            return .number(number)
        case .boolean:
            switch text.trimmingSpaces.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw .init(column: column, problem: .notABoolean(key: column, value: text))
            }
        }
    }

    /// The columns of `:START_ID` and `:END_ID`.
    let startColumn: Int, endColumn: Int

    /// The position of the field in column `index` of a record that starts at `start`.
    func position(ofColumn index: Int, in record: [CSVScanner.Field], startingAt start: TextPosition) -> TextPosition {
        var offset = 0
        for field in record.prefix(index) { offset += field.text.unicodeScalars.count + (field.wasQuoted ? 2 : 0) + 1 }
        return TextPosition(line: start.line, column: start.column + offset)
    }

    /// The position of `column` in a record that starts at `start` (approximate: fields
    /// are assumed to be on the record's first line).
    func position(of column: String, in record: [CSVScanner.Field], startingAt start: TextPosition) -> TextPosition {
        let type = column.hasPrefix(":") ? String(column.dropFirst()) : nil
        guard
            let index = names.firstIndex(where: {
                $0 == column || (type != nil && Self.split($0).type == type) || Self.split($0).name == column
                    || Self.attributeName(Self.split($0).name) == column
            })
        else { return start }
        var offset = 0
        let delimiterWidth = 1
        for field in record.prefix(index) { offset += field.text.unicodeScalars.count + (field.wasQuoted ? 2 : 0) + delimiterWidth }
        return TextPosition(line: start.line, column: start.column + offset)
    }

    /// `date`, `start` and `end` columns: RelGraph's dates where they read as dates and agree,
    /// otherwise `neo4j-date`, `neo4j-start`, `neo4j-end` attributes holding the text (so also
    /// when a file has two columns for one of them).
    private struct DateFields {
        private var date: String?, start: String?, end: String?
        private var repeated = false

        mutating func read(_ column: Column, _ text: String) {
            switch column {
            case .date: repeated = repeated || date != nil; date = text
            case .startDate: repeated = repeated || start != nil; start = text
            default: repeated = repeated || end != nil; end = text
            }
        }

        func apply(to timing: inout Timing, attributes: inout Attributes) {
            guard date != nil || start != nil || end != nil else { return }
            /// The date a text reads as (nil for no text), or a failure.
            func parsed(_ text: String?) -> Result<PartialDate?, DateError> {
                guard let text else { return .success(nil) }
                do { return .success(try PartialDate(parsing: text)) } catch { return .failure(error) }
            }
            if !repeated, case .success(let date) = parsed(date), case .success(let start) = parsed(start),
                case .success(let end) = parsed(end), let value = try? Timing(date: date, start: start, end: end)
            {
                timing = value
                return
            }
            for (key, text) in [("date", date), ("start", start), ("end", end)] {
                if let text { attributes["neo4j-\(key)"] = .string(text) }
            }
        }
    }
}

extension String {
    package var trimmingSpaces: Substring {
        var slice = self[...]
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return slice
    }
}
