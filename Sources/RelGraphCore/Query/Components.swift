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
    /// Most nodes of a large graph are in one giant component, so the union–find first joins
    /// each node to its first neighbour, finds the component most of a sample of nodes are in,
    /// and then follows every edge only of the nodes outside it (an edge between two nodes of
    /// that component cannot join anything): about one step per node instead of two per edge
    /// (the idea of Afforest, Sutton et al. 2018). Every kept edge is in both its nodes' runs,
    /// so an edge with a node outside the giant component when that node's turn comes is
    /// followed. Components are numbered by their first node, whichever node the union–find
    /// made their root.
    ///
    /// - Complexity: O(*n* + *m* α(*n*)) for *n* nodes and *m* edges kept; O(*n* α(*n*)) plus the
    ///   edges of the nodes outside the largest component, when it holds most nodes.
    public func weakComponents() -> Components {
        let nodeCount = graph.nodeCount
        guard nodeCount > 0 else { return Components(labels: [], count: 0) }
        var parent = [Int32](unsafeUninitializedCapacity: nodeCount) { buffer, count in
            for node in 0..<nodeCount { buffer[node] = Int32(node) }
            count = nodeCount
        }
        var labels = [Int32](repeating: -1, count: nodeCount)
        var count: Int32 = 0
        parent.withUnsafeMutableBufferPointer { parent in
            labels.withUnsafeMutableBufferPointer { labels in
                // Every position read is a node of the graph (a loop index or a neighbour
                // from the adjacency): unchecked reads.
                let parent = parent.baseAddress!, labels = labels.baseAddress!
                @inline(__always) func root(_ node: Int32) -> Int32 {
                    var node = node
                    while parent[Int(node)] != node {
                        let grandparent = parent[Int(parent[Int(node)])]
                        parent[Int(node)] = grandparent
                        node = grandparent
                    }
                    return node
                }
                @inline(__always) func link(_ u: Int32, _ v: Int32) {
                    let a = root(u), b = root(v)
                    // The larger root under the smaller: deterministic, and with path halving
                    // fast enough without ranks.
                    if a < b { parent[Int(b)] = a } else if b < a { parent[Int(a)] = b }
                }
                if graph.edgeCount > 0 {
                    withStepRuns(.both) { runs in
                        // Each node joined to its first neighbour: at L, all but 240 nodes
                        // end up in the giant component (1,100 entries left to follow).
                        for node in 0..<nodeCount {
                            runs.forEachStep(from: node, reversed: false) { neighbor in
                                link(Int32(node), neighbor)
                                return true
                            }
                        }
                        let giant = Self.mostCommonRoot(nodeCount) { root(Int32($0)) }
                        var giantRoot = root(giant)
                        for node in 0..<nodeCount where root(Int32(node)) != giantRoot {
                            runs.forEachStep(from: node, reversed: false) { neighbor in
                                link(Int32(node), neighbor)
                                return false
                            }
                            giantRoot = root(giant)
                        }
                    }
                }
                // A component's number is kept at its root until its root's turn comes.
                for node in 0..<nodeCount where contains(node: node) {
                    let top = Int(root(Int32(node)))
                    if labels[top] < 0 {
                        labels[top] = count
                        count += 1
                    }
                    labels[node] = labels[top]
                }
            }
        }
        return Components(labels: labels, count: Int(count))
    }

    /// The root most of 1,024 evenly spread nodes have.
    private static func mostCommonRoot(_ nodeCount: Int, _ root: (Int) -> Int32) -> Int32 {
        var sample = stride(from: 0, to: nodeCount, by: max(nodeCount / 1_024, 1)).map(root)
        sample.sort()
        var best = sample[0], bestRun = 0, run = 0
        for (position, root) in sample.enumerated() {
            run = position > 0 && sample[position - 1] == root ? run + 1 : 1
            if run > bestRun { best = root; bestRun = run }
        }
        return best
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
