extension Traversal {
    /// Every node within `depth` hops of `start`, with its distance, ordered by distance and
    /// then by id (Unicode scalar order). The start node comes first, at distance 0.
    public mutating func reach(from start: Int, depth: Int = 2, direction: Direction = .both) -> [ReachedNode] {
        guard view.contains(node: start) else { return [] }
        let generation = scratch.nextGeneration()
        scratch.forwardMark[start] = generation
        scratch.forwardNodes.append(Int32(start))
        var result = [ReachedNode(node: start, distance: 0)]
        var layer = 0..<1
        var distance = 0
        let ranks = graph.idRanks
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
            var keys = scratch.forwardNodes[layer].map { UInt64(UInt32(ranks[Int($0)])) }
            var nodes = scratch.forwardNodes[layer].map { UInt32($0) }
            RadixSort.sort(&keys, &nodes)
            result += nodes.lazy.map { ReachedNode(node: Int($0), distance: distance) }
        }
        return result
    }
}
