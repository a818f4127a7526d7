import RelGraphCore

/// Whether nodes and edges meet a pattern's labels and property maps, and what their
/// properties are in queries (contract §6: a node's `id`, `kind`, `type`, `label`, `date`,
/// `start`, `end`, `source` and attributes; a relationship's `id`, `date`, `start`, `end`,
/// `source` and attributes).
extension CypherExecutor {
    func nodeMeets(_ node: Int, _ constraint: NodeConstraint, _ row: Row) throws(CypherError) -> Bool {
        if let allowed = constraint.allowedKinds, !allowed[Int(graph.storage.nodeKinds[node])] { return false }
        if let groups = constraint.labelGroups, !NodeLabels.matches(graph, node, groups) { return false }
        for (name, expression) in constraint.properties {
            guard CypherValue.equals(nodeProperty(node, name), try evaluate(expression, row)) == true else { return false }
        }
        if let map = constraint.propertyMap { return try hasProperties(try evaluate(map, row)) { self.nodeProperty(node, $0) } }
        return true
    }

    func edgeMeets(_ edge: Int, _ constraint: RelationshipConstraint, _ row: Row) throws(CypherError) -> Bool {
        for (name, expression) in constraint.properties {
            guard CypherValue.equals(relationshipProperty(edge, name), try evaluate(expression, row)) == true else { return false }
        }
        if let map = constraint.propertyMap { return try hasProperties(try evaluate(map, row)) { self.relationshipProperty(edge, $0) } }
        return true
    }

    /// A `$parameter` map against an element's properties: every entry must be equal.
    private func hasProperties(_ map: CypherValue, _ property: (String) -> CypherValue) throws(CypherError) -> Bool {
        switch map {
        case .null: return false
        case .map(let entries): return entries.allSatisfy { CypherValue.equals(property($0.key), $0.value) == true }
        default:
            throw CypherError(.type, .invalidArgumentType, "a pattern's properties are a map, not \(map.described)", line: 1, column: 1, phase: .runtime)
        }
    }

    // MARK: Properties

    func nodeProperty(_ node: Int, _ name: String) -> CypherValue {
        let storage = graph.storage
        switch name {
        case "id": return .string(storage.nodeIDs[node])
        case "kind": return .string(storage.kinds[storage.nodeKinds[node]].rawValue)
        case "type": return storage.nodeTypes[node].map(CypherValue.string) ?? .null
        case "label": return storage.nodeLabels[node].text(in: language).map(CypherValue.string) ?? .null
        case "date": return storage.nodeTimings[node].date.map(CypherValue.date) ?? .null
        case "start": return storage.nodeTimings[node].start.map(CypherValue.date) ?? .null
        case "end": return storage.nodeTimings[node].end.map(CypherValue.date) ?? .null
        case "source": return graph.node(at: NodeIndex(node)).source.map(CypherValue.string) ?? .null
        case NodeLabels.attribute where hasLabelLists: return NodeLabels.list(graph, node) == nil ? attribute(node, name) : .null
        default: return attribute(node, name)
        }
    }

    private func attribute(_ node: Int, _ name: String) -> CypherValue {
        graph.storage.nodeAttributes[node][name].map(CypherValue.init) ?? .null
    }

    func relationshipProperty(_ edge: Int, _ name: String) -> CypherValue {
        let storage = graph.storage
        switch name {
        case "id": return storage.edgeIDs[edge].map(CypherValue.string) ?? .null
        case "date": return storage.edgeTimings[edge].date.map(CypherValue.date) ?? .null
        case "start": return storage.edgeTimings[edge].start.map(CypherValue.date) ?? .null
        case "end": return storage.edgeTimings[edge].end.map(CypherValue.date) ?? .null
        case "source": return graph.edge(at: EdgeIndex(edge)).source.map(CypherValue.string) ?? .null
        default: return storage.edgeAttributes[edge][name].map(CypherValue.init) ?? .null
        }
    }

    /// Every property a node has, by name (`properties(n)`, `keys(n)`, `n{.*}`).
    func nodeProperties(_ node: Int) -> [String: CypherValue] {
        var properties: [String: CypherValue] = [:]
        for name in ["id", "kind", "type", "label", "date", "start", "end", "source"] {
            let value = nodeProperty(node, name)
            if !value.isNull { properties[name] = value }
        }
        let listsLabels = hasLabelLists && NodeLabels.list(graph, node) != nil
        for attribute in graph.storage.nodeAttributes[node] where !(listsLabels && attribute.name == NodeLabels.attribute) {
            properties[attribute.name] = CypherValue(attribute.value)
        }
        return properties
    }

    /// Every property a relationship has, by name.
    func relationshipProperties(_ edge: Int) -> [String: CypherValue] {
        var properties: [String: CypherValue] = [:]
        for name in ["id", "date", "start", "end", "source"] {
            let value = relationshipProperty(edge, name)
            if !value.isNull { properties[name] = value }
        }
        for attribute in graph.storage.edgeAttributes[edge] { properties[attribute.name] = CypherValue(attribute.value) }
        return properties
    }
}

extension RelationshipConstraint {
    var hasPropertyChecks: Bool { !properties.isEmpty || propertyMap != nil }
}
