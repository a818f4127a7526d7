/// What a name given by a user (an id, or a label in any language) refers to.
public enum NodeLookup: Hashable, Sendable {
    /// Exactly one node.
    case found(NodeIndex)
    /// Several nodes carry this label; their indices, in id order.
    case ambiguous([NodeIndex])
    /// No node; `suggestion` is the closest id or label, if one is close.
    case notFound(suggestion: String?)
}

extension Graph {
    /// Finds the node a user means by `name`: the node with that id, else the node with that
    /// label in any language (exact, ignoring case).
    ///
    /// - Complexity: O(1) for an id; O(*n*) over the labels otherwise.
    public func lookUpNode(_ name: String) -> NodeLookup {
        if let index = index(ofNode: name) { return .found(index) }
        let folded = name.lowercased()
        var matches: [NodeIndex] = []
        for node in 0..<nodeCount {
            let label = storage.nodeLabels[node]
            if label.entries.contains(where: { $0.text.lowercased() == folded }) || storage.nodeIDs[node].lowercased() == folded {
                matches.append(NodeIndex(node))
            }
        }
        switch matches.count {
        case 1: return .found(matches[0])
        case 0:
            var names = storage.nodeIDs.array
            for label in storage.nodeLabels { names += label.entries.map(\.text) }
            return .notFound(suggestion: NearestName(candidates: names).nearest(to: name))
        default:
            return .ambiguous(matches.sorted { idRanks[$0.position] < idRanks[$1.position] })
        }
    }
}
