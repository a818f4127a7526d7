import RelGraph

/// A ``SetupGraph`` built into a RelGraph ``Graph``, with the way between the two numberings
/// and the TCK's description of every node and relationship.
struct BuiltSetup {
    let graph: Graph
    let setup: SetupGraph
    /// `nodeIndices[n]`: the graph's index of set-up node `n` (nil when deleted).
    private let nodeIndices: [NodeIndex?]
    private let edgeIndices: [EdgeIndex?]
    /// `nodeNumbers[i]`: the set-up node the graph's node `i` was built from (the builder keeps
    /// the order it is given).
    private let nodeNumbers: [Int]
    private let edgeNumbers: [Int]

    init(_ setup: SetupGraph) throws(SetupUnsupported) {
        self.setup = setup
        graph = try setup.build()
        nodeNumbers = setup.nodes.indices.filter { !setup.nodes[$0].isDeleted }
        edgeNumbers = setup.relationships.indices.filter { !setup.relationships[$0].element.isDeleted }
        var nodeIndices = [NodeIndex?](repeating: nil, count: setup.nodes.count)
        for (index, number) in nodeNumbers.enumerated() { nodeIndices[number] = NodeIndex(index) }
        var edgeIndices = [EdgeIndex?](repeating: nil, count: setup.relationships.count)
        for (index, number) in edgeNumbers.enumerated() { edgeIndices[number] = EdgeIndex(index) }
        self.nodeIndices = nodeIndices
        self.edgeIndices = edgeIndices
    }

    /// A set-up value (nodes and relationships by set-up number) as the graph's value.
    func graphValue(_ value: CypherValue) -> CypherValue {
        switch value {
        case .node(let node): return nodeIndices[node.position].map(CypherValue.node) ?? .null
        case .relationship(let edge): return edgeIndices[edge.position].map(CypherValue.relationship) ?? .null
        case .list(let items): return .list(items.map(graphValue))
        case .map(let entries): return .map(entries.mapValues(graphValue))
        default: return value
        }
    }

    /// A value the engine returned, with nodes and relationships by set-up number.
    func setupValue(_ value: CypherValue) -> CypherValue {
        switch value {
        case .node(let node): return .node(NodeIndex(nodeNumbers[node.position]))
        case .relationship(let edge): return .relationship(EdgeIndex(edgeNumbers[edge.position]))
        case .list(let items): return .list(items.map(setupValue))
        case .map(let entries): return .map(entries.mapValues(setupValue))
        default: return value
        }
    }

    /// A value the engine returned, as the TCK writes it: nodes and relationships as their
    /// labels or type and the properties the set-up gave them.
    func tckValue(_ value: CypherValue) -> TCKValue {
        switch value {
        case .null: return .null
        case .boolean(let flag): return .boolean(flag)
        case .integer(let number): return .integer(number)
        case .float(let number): return .float(number)
        case .string(let text): return .string(text)
        case .list(let items): return .list(items.map(tckValue))
        case .map(let entries): return .map(entries.mapValues(tckValue))
        case .node(let node): return describe(node: node)
        case .relationship(let edge): return describe(relationship: edge)
        case .path(let nodes, let relationships):
            var steps: [(relationship: TCKValue, forward: Bool, node: TCKValue)] = []
            for (index, edge) in relationships.enumerated() {
                let forward = graph.from(ofEdge: edge) == nodes[index]
                steps.append((describe(relationship: edge), forward, describe(node: nodes[index + 1])))
            }
            return .path(start: describe(node: nodes[0]), steps: steps)
        default:
            // Dates and other temporal values: the TCK writes them as strings.
            return .string(value.tckText)
        }
    }

    private func describe(node: NodeIndex) -> TCKValue {
        let element = setup.nodes[nodeNumbers[node.position]]
        return .node(labels: Set(element.labels), properties: properties(element))
    }

    private func describe(relationship edge: EdgeIndex) -> TCKValue {
        let element = setup.relationships[edgeNumbers[edge.position]].element
        return .relationship(type: element.labels[0], properties: properties(element))
    }

    private func properties(_ element: SetupGraph.Element) -> [String: TCKValue] {
        var properties: [String: TCKValue] = [:]
        for (name, value) in element.properties { properties[name] = tckValue(value) }
        return properties
    }
}

extension CypherValue {
    /// How the TCK writes a temporal value: its text.
    var tckText: String {
        switch self {
        case .date(let date): return date.description
        case .temporal(let temporal): return temporal.description
        case .duration(let duration): return duration.description
        default: return String(describing: self)
        }
    }
}
