extension Traversal {
    /// One shortest path (fewest hops) from `source` to `target`, or nil if there is none.
    ///
    /// Among several shortest paths this returns the one whose sequence of node ids is
    /// smallest, compared id by id in Unicode scalar order; it finds it without enumerating
    /// paths. The search is a bidirectional breadth-first search that grows the smaller
    /// frontier, then walks from the source choosing at each hop the smallest id that still
    /// lies on a shortest path.
    ///
    /// - Parameter direction: `.both` (the default) ignores edge direction; `.outgoing`
    ///   follows it. Symmetric relations are followed both ways either way.
    public mutating func shortestPath(from source: Int, to target: Int, direction: Direction = .both) -> Path? {
        guard view.contains(node: source), view.contains(node: target) else { return nil }
        if source == target { return Path(nodes: [source], edges: []) }
        let generation = scratch.nextGeneration()
        guard let (forwardDepth, backwardDepth, layerStarts) = meet(source, target, direction, generation) else {
            return nil
        }
        let distance = forwardDepth + backwardDepth
        markNodesLeadingToMeeting(forwardDepth, backwardDepth, layerStarts, direction, generation)

        // Walk from the source, choosing the smallest id that stays on a shortest path.
        var nodes = [source]
        var current = source
        let ranks = graph.idRanks
        for step in 1...distance {
            var best: Int32 = -1
            let scratch = self.scratch
            view.forEachStep(from: current, direction) { neighbor, _ in
                let v = Int(neighbor)
                let onPath: Bool
                if step <= forwardDepth {
                    onPath = scratch.forwardMark[v] == generation && scratch.forwardDistance[v] == step
                        && scratch.extraMark[v] == generation
                } else {
                    onPath = scratch.backwardMark[v] == generation && Int(scratch.backwardDistance[v]) == distance - step
                }
                if onPath, best < 0 || ranks[v] < ranks[Int(best)] { best = neighbor }
            }
            precondition(best >= 0, "a shortest path continues from every node on one")
            current = Int(best)
            nodes.append(current)
        }
        return path(through: nodes, direction)
    }

    /// Grows both searches until they touch. Returns their depths and where each forward
    /// layer starts in `scratch.forwardNodes`, or nil when the two cannot meet.
    private mutating func meet(
        _ source: Int, _ target: Int, _ direction: Direction, _ generation: UInt32
    ) -> (Int, Int, [Int])? {
        scratch.forwardMark[source] = generation
        scratch.forwardDistance[source] = 0
        scratch.forwardNodes.append(Int32(source))
        scratch.backwardMark[target] = generation
        scratch.backwardDistance[target] = 0
        scratch.backwardNodes.append(Int32(target))
        var forwardLayer = 0..<1, backwardLayer = 0..<1
        var forwardDepth = 0, backwardDepth = 0
        var forwardLayerStarts = [0]
        while true {
            guard !forwardLayer.isEmpty, !backwardLayer.isEmpty else { return nil }
            let met: Bool
            if forwardLayer.count <= backwardLayer.count {
                met = expandForward(forwardLayer, depth: forwardDepth, direction, generation)
                forwardDepth += 1
                forwardLayer = forwardLayer.upperBound..<scratch.forwardNodes.count
                forwardLayerStarts.append(forwardLayer.lowerBound)
            } else {
                met = expandBackward(backwardLayer, depth: backwardDepth, direction.reversed, generation)
                backwardDepth += 1
                backwardLayer = backwardLayer.upperBound..<scratch.backwardNodes.count
            }
            if met { return (forwardDepth, backwardDepth, forwardLayerStarts) }
        }
    }

    private mutating func expandForward(_ layer: Range<Int>, depth: Int, _ direction: Direction, _ generation: UInt32) -> Bool {
        var met = false
        let next = Int32(depth + 1)
        for position in layer {
            let node = Int(scratch.forwardNodes[position])
            view.forEachStep(from: node, direction) { neighbor, _ in
                let v = Int(neighbor)
                guard scratch.forwardMark[v] != generation else { return }
                scratch.forwardMark[v] = generation
                scratch.forwardDistance[v] = next
                scratch.forwardNodes.append(neighbor)
                if scratch.backwardMark[v] == generation { met = true }
            }
        }
        return met
    }

    private mutating func expandBackward(_ layer: Range<Int>, depth: Int, _ direction: Direction, _ generation: UInt32) -> Bool {
        var met = false
        let next = Int32(depth + 1)
        for position in layer {
            let node = Int(scratch.backwardNodes[position])
            view.forEachStep(from: node, direction) { neighbor, _ in
                let v = Int(neighbor)
                guard scratch.backwardMark[v] != generation else { return }
                scratch.backwardMark[v] = generation
                scratch.backwardDistance[v] = next
                scratch.backwardNodes.append(neighbor)
                if scratch.forwardMark[v] == generation { met = true }
            }
        }
        return met
    }

    /// Marks (with `extraMark`) the forward nodes from which a shortest path continues: the
    /// meeting nodes of the last forward layer, then, layer by layer back towards the source,
    /// every node with an edge into a marked node of the next layer.
    private mutating func markNodesLeadingToMeeting(
        _ forwardDepth: Int, _ backwardDepth: Int, _ layerStarts: [Int], _ direction: Direction, _ generation: UInt32
    ) {
        scratch.work.removeAll(keepingCapacity: true)
        for position in layerStarts[forwardDepth]..<scratch.forwardNodes.count {
            let v = Int(scratch.forwardNodes[position])
            if scratch.backwardMark[v] == generation, Int(scratch.backwardDistance[v]) == backwardDepth {
                scratch.extraMark[v] = generation
                scratch.work.append(Int32(v))
            }
        }
        var layer = 0..<scratch.work.count
        for depth in stride(from: forwardDepth - 1, through: 1, by: -1) {
            let wanted = Int32(depth)
            for position in layer {
                let node = Int(scratch.work[position])
                view.forEachStep(from: node, direction.reversed) { neighbor, _ in
                    let u = Int(neighbor)
                    guard scratch.forwardMark[u] == generation, scratch.forwardDistance[u] == wanted,
                          scratch.extraMark[u] != generation
                    else { return }
                    scratch.extraMark[u] = generation
                    scratch.work.append(neighbor)
                }
            }
            layer = layer.upperBound..<scratch.work.count
        }
    }
}
