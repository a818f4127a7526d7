import RelGraph

extension Graph {
    /// What differs between this graph and `other`, one line per difference, for messages
    /// when two graphs that should be equal are not (empty when they are).
    public func differences(from other: Graph) -> [String] {
        var found: [String] = []
        if title != other.title { found.append("title: \(title) ≠ \(other.title)") }
        if graphAttributes != other.graphAttributes { found.append("graph attributes: \(graphAttributes) ≠ \(other.graphAttributes)") }
        if sources != other.sources { found.append("sources: \(sources) ≠ \(other.sources)") }
        if kindDeclarations != other.kindDeclarations { found.append("kinds: \(kindDeclarations) ≠ \(other.kindDeclarations)") }
        if relationTypes != other.relationTypes { found.append("relations: \(relationTypes) ≠ \(other.relationTypes)") }
        if nodeCount != other.nodeCount { found.append("node count: \(nodeCount) ≠ \(other.nodeCount)") }
        if edgeCount != other.edgeCount { found.append("edge count: \(edgeCount) ≠ \(other.edgeCount)") }
        for (a, b) in zip(nodes, other.nodes) where a != b { found.append("node: \(a) ≠ \(b)") }
        for (a, b) in zip(edges, other.edges) where a != b { found.append("edge: \(a) ≠ \(b)") }
        return found
    }
}
