extension Traversal {
    /// All simple paths (no node twice) from `source` to `target` of at most `maxHops` hops,
    /// shortest first, then by node-id sequence; at most `limit` of them.
    ///
    /// Paths are sequences of nodes: two nodes joined by several edges give one path, which
    /// reports the edge ``shortestPath(from:to:direction:)`` would. Paths are produced in
    /// order, so a limit stops the search early instead of sorting everything found.
    ///
    /// - Complexity: O(*n* + *m*) to find distances to the target, then proportional to the
    ///   paths produced and the branches that can still arrive within `maxHops`.
    public mutating func simplePaths(
        from source: NodeIndex, to target: NodeIndex, maxHops: Int = 4, limit: Int? = nil, direction: Direction = .both
    ) -> [Path] {
        guard view.contains(node: source), view.contains(node: target), limit.map({ $0 > 0 }) ?? true else { return [] }
        if source == target { return [Path(nodes: [source], edges: [])] }
        // Distances to the target (walking edges backwards) prune every branch that cannot arrive in time.
        let generation = scratch.nextGeneration()
        markDistancesToTarget(target.position, within: maxHops, direction, generation)
        guard scratch.backwardMark[source.position] == generation else { return [] }
        let shortest = Int(scratch.backwardDistance[source.position])
        var results: [Path] = []
        var nodes = [source]
        let maximum = limit ?? Int.max
        for length in max(shortest, 1)...max(maxHops, 1) where length <= maxHops {
            extend(&nodes, toward: target, length: length, generation, direction, into: &results, limit: maximum)
            if results.count >= maximum { break }
        }
        return results
    }

    private func extend(
        _ nodes: inout [NodeIndex], toward target: NodeIndex, length: Int, _ generation: UInt32,
        _ direction: Direction, into results: inout [Path], limit: Int
    ) {
        let depth = nodes.count - 1
        if depth == length {
            if nodes.last == target { results.append(path(through: nodes, direction)) }
            return
        }
        let remaining = length - depth - 1
        var candidates: [Int32] = []
        view.forEachStep(from: nodes[depth].position, direction) { neighbor, _ in
            let v = Int(neighbor)
            guard scratch.backwardMark[v] == generation, Int(scratch.backwardDistance[v]) <= remaining else { return }
            guard v != target.position || remaining == 0, !nodes.contains(NodeIndex(v)) else { return }
            candidates.append(neighbor)
        }
        let ranks = graph.idRanks
        candidates.sort { ranks[Int($0)] < ranks[Int($1)] }
        var previous: Int32 = -1
        for candidate in candidates where candidate != previous {
            previous = candidate
            nodes.append(NodeIndex(Int(candidate)))
            extend(&nodes, toward: target, length: length, generation, direction, into: &results, limit: limit)
            nodes.removeLast()
            if results.count >= limit { return }
        }
    }

    /// Marks every node within `limit` hops of `target` with its hop count to it.
    private mutating func markDistancesToTarget(_ target: Int, within limit: Int, _ direction: Direction, _ generation: UInt32) {
        scratch.backwardMark[target] = generation
        scratch.backwardDistance[target] = 0
        scratch.backwardNodes.append(Int32(target))
        var layer = 0..<1
        var distance: Int32 = 0
        while Int(distance) < limit, !layer.isEmpty {
            distance += 1
            for position in layer {
                view.forEachStep(from: Int(scratch.backwardNodes[position]), direction.reversed) { neighbor, _ in
                    guard scratch.backwardMark[Int(neighbor)] != generation else { return }
                    scratch.backwardMark[Int(neighbor)] = generation
                    scratch.backwardDistance[Int(neighbor)] = distance
                    scratch.backwardNodes.append(neighbor)
                }
            }
            layer = layer.upperBound..<scratch.backwardNodes.count
        }
    }
}
