/// Counts that describe a view: nodes, edges, weak components, and nodes per kind and
/// edges per relation.
public struct Statistics: Hashable, Sendable {
    public var nodes: Int
    public var edges: Int
    public var components: Int
    /// Nodes per kind, for the kinds in use, ordered by kind id.
    public var kinds: [(kind: NodeKind, count: Int)]
    /// Edges per relation, for the relations in use, ordered by relation id.
    public var relations: [(relation: String, count: Int)]

    public static func == (lhs: Statistics, rhs: Statistics) -> Bool {
        lhs.nodes == rhs.nodes && lhs.edges == rhs.edges && lhs.components == rhs.components
            && lhs.kinds.elementsEqual(rhs.kinds, by: ==) && lhs.relations.elementsEqual(rhs.relations, by: ==)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nodes)
        hasher.combine(edges)
        hasher.combine(components)
    }
}

extension GraphView {
    /// Counts of what the view keeps.
    ///
    /// - Complexity: O(*n* + *m*).
    public func statistics() -> Statistics {
        let storage = graph.storage
        var kindCounts = [Int](repeating: 0, count: storage.kinds.count)
        var nodes = 0
        for node in 0..<graph.nodeCount where contains(node: node) {
            kindCounts[Int(storage.nodeKinds[node])] += 1
            nodes += 1
        }
        var relationCounts = [Int](repeating: 0, count: storage.relations.count)
        var edges = 0
        for edge in 0..<graph.edgeCount where contains(edge: edge) {
            relationCounts[Int(storage.edgeRelations[edge])] += 1
            edges += 1
        }
        let kinds = zip(storage.kinds.values, kindCounts).filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let relations = zip(storage.relations.values, relationCounts).filter { $0.1 > 0 }
            .sorted { $0.0.precedesInScalarOrder($1.0) }
        return Statistics(
            nodes: nodes, edges: edges, components: weakComponents().count,
            kinds: kinds.map { (kind: $0.0, count: $0.1) }, relations: relations.map { (relation: $0.0, count: $0.1) })
    }
}
