extension Traversal {
    /// Every node within `depth` hops of `start`, with its distance, ordered by distance and
    /// then by id (Unicode scalar order). The start node comes first, at distance 0.
    ///
    /// - Complexity: O(*r* + *e* + *r* log *r*) for the *r* nodes and *e* edges within reach
    ///   (large layers are ordered by a bitmap over id ranks instead of a sort).
    public mutating func reach(from start: Int, depth: Int = 2, direction: Direction = .both) -> [ReachedNode] {
        guard view.contains(node: start) else { return [] }
        let generation = scratch.nextGeneration()
        scratch.forwardMark[start] = generation
        scratch.forwardNodes.append(Int32(start))
        var result = [ReachedNode(node: start, distance: 0)]
        var layer = 0..<1
        var distance = 0
        while distance < depth, !layer.isEmpty {
            distance += 1
            for position in layer {
                view.forEachStep(from: Int(scratch.forwardNodes[position]), direction) { neighbor, _ in
                    guard scratch.forwardMark[Int(neighbor)] != generation else { return }
                    scratch.forwardMark[Int(neighbor)] = generation
                    scratch.forwardNodes.append(neighbor)
                }
            }
            layer = layer.upperBound..<scratch.forwardNodes.count
            result += inIDOrder(scratch.forwardNodes[layer]).lazy.map { ReachedNode(node: Int($0), distance: distance) }
        }
        return result
    }

    /// `nodes` ordered by id. A layer holding a good part of the graph is ordered by setting a
    /// bit per node at its id's rank and reading the bits back in order: linear, no sort.
    func inIDOrder(_ nodes: ArraySlice<Int32>) -> [Int32] {
        let ranks = graph.idRanks
        guard nodes.count > graph.nodeCount / 64, nodes.count > 256 else {
            var keys = nodes.map { UInt64(UInt32(ranks[Int($0)])) }
            var payloads = nodes.map { UInt32($0) }
            RadixSort.sort(&keys, &payloads)
            return payloads.map { Int32($0) }
        }
        var ranked = BitSet(count: graph.nodeCount, filled: false)
        for node in nodes { ranked.insert(Int(ranks[Int(node)])) }
        var ordered: [Int32] = []
        ordered.reserveCapacity(nodes.count)
        graph.nodesByRank.withUnsafeBufferPointer { nodesByRank in
            ranked.forEachMember { rank in ordered.append(nodesByRank[rank]) }
        }
        return ordered
    }
}
