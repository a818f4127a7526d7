/// The weakly connected components of a view: groups of nodes joined by edges, whatever
/// the edges' direction.
public struct Components: Sendable {
    /// `labels[node]`: the node's component, numbered from 0 in order of each component's
    /// first node; -1 for nodes the view leaves out.
    let labels: [Int32]
    /// The number of components.
    public let count: Int

    /// The number of the component holding `node` (from 0, in order of each component's first
    /// node), or nil when the view leaves the node out.
    ///
    /// - Complexity: O(1).
    public func component(of node: NodeIndex) -> Int? {
        labels[node.position] < 0 ? nil : Int(labels[node.position])
    }

    /// The nodes of each component, in index order; components in order of their first node.
    ///
    /// - Complexity: O(*n*).
    public var members: [[NodeIndex]] {
        var members = [[NodeIndex]](repeating: [], count: count)
        for (node, label) in labels.enumerated() where label >= 0 { members[Int(label)].append(NodeIndex(node)) }
        return members
    }
}

extension GraphView {
    /// The weakly connected components (union–find over the kept edges).
    ///
    /// - Complexity: O(*n* + *m* α(*n*)) for *n* nodes and *m* edges kept.
    public func weakComponents() -> Components {
        let nodeCount = graph.nodeCount
        var parent = [Int32](unsafeUninitializedCapacity: nodeCount) { buffer, count in
            for node in 0..<nodeCount { buffer[node] = Int32(node) }
            count = nodeCount
        }
        let from = graph.storage.edgeFrom, to = graph.storage.edgeTo
        parent.withUnsafeMutableBufferPointer { parent in
            @inline(__always) func root(_ node: Int32) -> Int32 {
                var node = node
                while parent[Int(node)] != node {
                    let grandparent = parent[Int(parent[Int(node)])]
                    parent[Int(node)] = grandparent
                    node = grandparent
                }
                return node
            }
            from.withUnsafeBufferPointer { from in
                to.withUnsafeBufferPointer { to in
                    for edge in 0..<from.count where contains(edge: edge) {
                        let a = root(from[edge]), b = root(to[edge])
                        if a != b {
                            // Link the larger root under the smaller: deterministic, and
                            // with path halving fast enough without ranks.
                            if a < b { parent[Int(b)] = a } else { parent[Int(a)] = b }
                        }
                    }
                }
            }
            for node in 0..<nodeCount { parent[node] = root(Int32(node)) }
        }
        var labels = [Int32](repeating: -1, count: nodeCount)
        var count: Int32 = 0
        for node in 0..<nodeCount where contains(node: node) {
            let root = Int(parent[node])
            if labels[root] < 0 {
                labels[root] = count
                count += 1
            }
            labels[node] = labels[root]
        }
        return Components(labels: labels, count: Int(count))
    }
}

extension Components {
    /// The components as the contract lists them: largest first, then by smallest id; the
    /// nodes of each by id (Unicode scalar order).
    ///
    /// - Complexity: O(n log n) in the number of nodes kept.
    public func listed(in graph: Graph) -> [[NodeIndex]] {
        let ranks = graph.idRanks
        var groups = members.map { nodes in nodes.sorted { ranks[$0.position] < ranks[$1.position] } }
        groups.sort { lhs, rhs in
            lhs.count != rhs.count ? lhs.count > rhs.count : ranks[lhs[0].position] < ranks[rhs[0].position]
        }
        return groups
    }
}
