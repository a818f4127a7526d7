import RelGraph

/// The graph a scenario's set-up statements make, as Neo4j would hold it (nodes with any number
/// of labels, properties of any Cypher value), and how it becomes a RelGraph ``Graph``.
///
/// RelGraph's model (contract §1) gives each node an id and a kind; the runner names node *i*
/// `n<i>`, and relationship *i*, where it is one of several with the same ends and type (which
/// the model tells apart by ids), `r<i>`. A node with exactly one label has it as its kind; a node
/// with none or several keeps them in a `labels` list attribute (as `import` of Neo4j CSV
/// does), which queries read as its labels. Properties become attributes, except `type` and
/// `label` (texts), and `date`, `start` and `end` (dates), which are RelGraph's own fields. What
/// the model cannot hold (a property named `id`, a temporal value elsewhere, a list of lists)
/// is a ``SetupUnsupported`` and the scenario is skipped with that reason.
struct SetupGraph {
    struct Element {
        /// Labels of a node; the type of a relationship, alone.
        var labels: [String]
        var properties: [(name: String, value: CypherValue)]
        var isDeleted = false
    }

    struct Relationship {
        var element: Element
        var from: Int
        var to: Int
    }

    private(set) var nodes: [Element] = []
    private(set) var relationships: [Relationship] = []

    /// Adds a node and returns its number.
    mutating func addNode(labels: [String], properties: [(name: String, value: CypherValue)]) -> Int {
        nodes.append(Element(labels: labels, properties: properties.filter { !$0.value.isNullValue }))
        return nodes.count - 1
    }

    /// Adds a relationship and returns its number.
    mutating func addRelationship(type: String, from: Int, to: Int, properties: [(name: String, value: CypherValue)]) -> Int {
        relationships.append(Relationship(element: Element(labels: [type], properties: properties.filter { !$0.value.isNullValue }), from: from, to: to))
        return relationships.count - 1
    }

    mutating func deleteNode(_ node: Int, detaching: Bool) {
        nodes[node].isDeleted = true
        guard detaching else { return }
        for index in relationships.indices where relationships[index].from == node || relationships[index].to == node {
            relationships[index].element.isDeleted = true
        }
    }

    mutating func deleteRelationship(_ relationship: Int) { relationships[relationship].element.isDeleted = true }

    static func nodeID(_ node: Int) -> String { "n\(node)" }
    static func relationshipID(_ relationship: Int) -> String { "r\(relationship)" }

    /// The graph RelGraph reads: every node and relationship not deleted, through ``GraphBuilder``.
    func build() throws(SetupUnsupported) -> Graph {
        var builder = GraphBuilder()
        do {
            var declared = Set(NodeKind.builtIn.map(\.rawValue))
            for (number, node) in nodes.enumerated() where !node.isDeleted {
                let kind = node.labels.first(where: Identifier.isValid) ?? "node"
                if declared.insert(kind).inserted { try builder.declareKind(KindDeclaration(kind: NodeKind(kind))) }
                var value = Node(id: Self.nodeID(number), kind: NodeKind(kind))
                var fields = Fields()
                try fields.read(node.properties, reserved: ["type", "label"])
                value.type = fields.type
                value.label = fields.label.map { LocalizedText($0) } ?? LocalizedText()
                value.timing = try fields.timing()
                value.attributes = fields.attributes
                if node.labels.count != 1 || node.labels[0] != kind {
                    value.attributes["labels"] = .list(node.labels.map(AttributeValue.string))
                }
                try builder.addNode(value)
            }
            // Edges get ids only where the model needs them: parallel edges (same ends and type).
            var parallel: [String: Int] = [:]
            for relationship in relationships where !relationship.element.isDeleted {
                parallel["\(relationship.from) \(relationship.to) \(relationship.element.labels[0])", default: 0] += 1
            }
            for (number, relationship) in relationships.enumerated() where !relationship.element.isDeleted {
                let type = relationship.element.labels[0]
                guard Identifier.isValid(type) else { throw SetupUnsupported("the relationship type '\(type)' is not a RelGraph relation name") }
                var fields = Fields()
                try fields.read(relationship.element.properties, reserved: [])
                let isParallel = parallel["\(relationship.from) \(relationship.to) \(type)"]! > 1
                try builder.addEdge(
                    Edge(
                        id: isParallel ? Self.relationshipID(number) : nil, from: Self.nodeID(relationship.from), to: Self.nodeID(relationship.to),
                        relation: type, timing: try fields.timing(), attributes: fields.attributes))
            }
            return try builder.build()
        } catch let error as SetupUnsupported {
            throw error
        } catch {
            throw SetupUnsupported("RelGraph refuses the set-up graph: \(error)")
        }
    }

    /// A node's or relationship's properties sorted into RelGraph's fields and attributes.
    private struct Fields {
        var type: String?
        var label: String?
        var date: PartialDate?, start: PartialDate?, end: PartialDate?
        var attributes = Attributes()

        mutating func read(_ properties: [(name: String, value: CypherValue)], reserved texts: Set<String>) throws(SetupUnsupported) {
            for (name, value) in properties {
                if texts.contains(name) {
                    guard case .string(let text) = value, !text.isEmpty else {
                        throw SetupUnsupported("the property '\(name)' holds \(value), where RelGraph's '\(name)' field is a text")
                    }
                    if name == "type" { type = text } else { label = text }
                    continue
                }
                if ["date", "start", "end"].contains(name) {
                    guard let day = value.partialDate else {
                        throw SetupUnsupported("the property '\(name)' holds \(value), where RelGraph's '\(name)' field is a date")
                    }
                    switch name {
                    case "date": date = day
                    case "start": start = day
                    default: end = day
                    }
                    continue
                }
                guard Attributes.isValidName(name), name != "labels" else {
                    throw SetupUnsupported("the property name '\(name)' is a RelGraph field or not an attribute name")
                }
                attributes[name] = try Self.attribute(value, name: name)
            }
        }

        func timing() throws(SetupUnsupported) -> Timing {
            do { return try Timing(date: date, start: start, end: end) } catch {
                throw SetupUnsupported("the dates do not make a RelGraph timing: \(error)")
            }
        }

        static func attribute(_ value: CypherValue, name: String, nested: Bool = false) throws(SetupUnsupported) -> AttributeValue {
            switch value {
            case .boolean(let flag): return .boolean(flag)
            case .integer(let number): return .integer(number)
            case .float(let number): return .number(number)
            case .string(let text): return .string(text)
            case .list(let items) where !nested:
                var values: [AttributeValue] = []
                for item in items { values.append(try attribute(item, name: name, nested: true)) }
                return .list(values)
            default:
                throw SetupUnsupported("the property '\(name)' holds \(value), which a RelGraph attribute cannot hold")
            }
        }
    }
}

/// Why a scenario's set-up cannot be expressed in RelGraph's model: the scenario is skipped.
struct SetupUnsupported: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension CypherValue {
    var isNullValue: Bool { if case .null = self { return true } else { return false } }

    /// The date a value gives a RelGraph `date`, `start` or `end` field, if it is a date.
    var partialDate: PartialDate? {
        switch self {
        case .date(let date): return date
        case .temporal(let temporal) where temporal.kind == .date:
            // A date value of the set-up, as a document date (one day).
            return PartialDate(temporal.description)
        default: return nil
        }
    }
}
