import RelGraphCore

/// A node's labels in queries.
///
/// A node's labels are its kind, except where the node has a `labels` attribute holding a list
/// of texts: then they are that list (none, one or several). This is how Neo4j data with several
/// labels per node comes into RelGraph (`import` of Neo4j CSV keeps all of a node's labels in
/// `labels`, its kind being the first known one), so `labels(n)`, `(n:Person)` and `n:Person`
/// answer as Neo4j does on the same data. Such a `labels` list is the node's labels, not one of
/// its properties: `n.labels` is null and `keys(n)` leaves it out.
enum NodeLabels {
    static let attribute = "labels"

    /// The node's list of labels, when it keeps one.
    @inline(__always)
    static func list(_ graph: Graph, _ node: Int) -> [String]? {
        guard case .list(let values)? = graph.storage.nodeAttributes[node][attribute] else { return nil }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// The node's labels.
    static func labels(_ graph: Graph, _ node: Int) -> [String] {
        list(graph, node) ?? [graph.storage.kinds[graph.storage.nodeKinds[node]].rawValue]
    }

    /// Whether the node has, in each group, at least one of its labels.
    static func matches(_ graph: Graph, _ node: Int, _ groups: [[String]]) -> Bool {
        if let labels = list(graph, node) {
            return groups.allSatisfy { group in group.contains(where: labels.contains) }
        }
        let kind = graph.storage.kinds[graph.storage.nodeKinds[node]].rawValue
        return groups.allSatisfy { $0.contains(kind) }
    }

    /// Whether any node of the graph keeps a list of labels.
    ///
    /// - Complexity: O(n) in the nodes the first time it is asked of a graph (stops at the first
    ///   such node), O(1) after.
    static func graphHasLabelLists(_ graph: Graph) -> Bool {
        graph.facts.fact("cypher: a node keeps a list of labels") {
            let attributes = graph.storage.nodeAttributes
            for node in 0..<attributes.count where attributes[node][attribute]?.isList == true { return true }
            return false
        }
    }

    /// Every label that some node's list holds.
    ///
    /// - Complexity: O(n) in the nodes the first time it is asked of a graph, O(1) after.
    static func listedLabels(_ graph: Graph) -> Set<String> {
        graph.facts.fact("cypher: the labels nodes list") {
            var labels = Set<String>()
            for node in 0..<graph.nodeCount { if let list = list(graph, node) { labels.formUnion(list) } }
            return labels
        }
    }
}
