extension Traversal {
    /// One shortest path (fewest hops) from `source` to `target`, or nil if there is none.
    ///
    /// Among several shortest paths this returns the one whose sequence of node ids is
    /// smallest, compared id by id in Unicode scalar order, without enumerating paths:
    /// 1. a bidirectional breadth-first search grows, layer by whole layer, the side whose
    ///    frontier has fewer edges to scan, until the two searches touch;
    /// 2. a sweep back through the forward layers marks the nodes from which a shortest path
    ///    continues;
    /// 3. a walk from the source takes, at each hop, the smallest id still on a shortest path.
    /// Hubs with huge degree are never scanned where a smaller list answers the same question.
    ///
    /// - Parameters:
    ///   - source: The index of the node the path starts at.
    ///   - target: The index of the node the path ends at.
    ///   - direction: `.both` (the default) ignores edge direction; `.outgoing` follows it.
    ///     Symmetric relations are followed both ways either way.
    /// - Complexity: O(*n* + *m*) in the worst case for *n* nodes and *m* edges; the search grows
    ///   the smaller frontier, so it usually touches a small part of the graph.
    public mutating func shortestPath(from source: NodeIndex, to target: NodeIndex, direction: Direction = .both) -> Path? {
        guard view.contains(node: source), view.contains(node: target) else { return nil }
        if source == target { return Path(nodes: [source], edges: []) }
        let (source, target) = (source.position, target.position)
        let generation = scratch.nextGeneration()
        guard let search = meet(source, target, direction, generation) else { return nil }
        markNodesLeadingToMeeting(search, direction, generation)
        return walk(from: source, search, direction, generation)
    }

    /// Where the two searches met: their depths, and where each of their layers starts in
    /// `scratch.forwardNodes` / `scratch.backwardNodes` (one extra entry marks the end).
    struct Meeting {
        var forwardDepth: Int
        var backwardDepth: Int
        var forwardLayers: [Int]
        var backwardLayers: [Int]
        var distance: Int { forwardDepth + backwardDepth }
    }

    /// The number of adjacency entries walking from `node` scans.
    @inline(__always)
    func cost(of node: Int) -> Int { graph.adjacencyDegree(of: node) }

    private mutating func meet(_ source: Int, _ target: Int, _ direction: Direction, _ generation: UInt32) -> Meeting? {
        scratch.forwardMark[source] = generation
        scratch.forwardDistance[source] = 0
        scratch.forwardNodes.append(Int32(source))
        scratch.backwardMark[target] = generation
        scratch.backwardDistance[target] = 0
        scratch.backwardNodes.append(Int32(target))
        var meeting = Meeting(forwardDepth: 0, backwardDepth: 0, forwardLayers: [0, 1], backwardLayers: [0, 1])
        var forwardVolume = cost(of: source), backwardVolume = cost(of: target)
        while true {
            let forwardLayer = meeting.forwardLayers[meeting.forwardDepth]..<meeting.forwardLayers[meeting.forwardDepth + 1]
            let backwardLayer = meeting.backwardLayers[meeting.backwardDepth]..<meeting.backwardLayers[meeting.backwardDepth + 1]
            guard !forwardLayer.isEmpty, !backwardLayer.isEmpty else { return nil }
            // Few frontier nodes with many edges (hubs): testing every pair for an edge, by
            // binary search, is far cheaper than expanding either side.
            if forwardLayer.count * backwardLayer.count * 40 < min(forwardVolume, backwardVolume) {
                if meetAcross(forwardLayer, backwardLayer, &meeting, direction, generation) { return meeting }
            }
            let met: Bool
            if forwardVolume <= backwardVolume {
                (met, forwardVolume) = expand(forwardLayer, depth: meeting.forwardDepth, direction, generation, forward: true)
                meeting.forwardDepth += 1
                meeting.forwardLayers.append(scratch.forwardNodes.count)
            } else {
                (met, backwardVolume) = expand(backwardLayer, depth: meeting.backwardDepth, direction.reversed, generation, forward: false)
                meeting.backwardDepth += 1
                meeting.backwardLayers.append(scratch.backwardNodes.count)
            }
            if met { return meeting }
        }
    }

    /// Whether an edge leads from the last forward layer into the last backward layer. If so,
    /// the backward nodes it reaches become the (partial) next forward layer: exactly the
    /// meeting nodes the rest of the search needs, found without expanding either side.
    private mutating func meetAcross(
        _ forwardLayer: Range<Int>, _ backwardLayer: Range<Int>, _ meeting: inout Meeting,
        _ direction: Direction, _ generation: UInt32
    ) -> Bool {
        let depth = Int32(meeting.forwardDepth + 1)
        var met = false
        for backwardPosition in backwardLayer {
            let v = Int(scratch.backwardNodes[backwardPosition])
            for forwardPosition in forwardLayer where view.isAdjacent(Int(scratch.forwardNodes[forwardPosition]), v, direction) {
                scratch.forwardMark[v] = generation
                scratch.forwardDistance[v] = depth
                scratch.forwardNodes.append(Int32(v))
                met = true
                break
            }
        }
        guard met else { return false }
        meeting.forwardDepth += 1
        meeting.forwardLayers.append(scratch.forwardNodes.count)
        return true
    }

    /// Grows one search by a layer. Returns whether it touched the other search, and the
    /// number of adjacency entries the new layer would scan.
    private mutating func expand(
        _ layer: Range<Int>, depth: Int, _ direction: Direction, _ generation: UInt32, forward: Bool
    ) -> (Bool, Int) {
        var met = false
        var volume = 0
        let next = Int32(depth + 1)
        for position in layer {
            let node = Int(forward ? scratch.forwardNodes[position] : scratch.backwardNodes[position])
            view.forEachStep(from: node, direction) { neighbor, _ in
                let v = Int(neighbor)
                if forward {
                    guard scratch.forwardMark[v] != generation else { return }
                    scratch.forwardMark[v] = generation
                    scratch.forwardDistance[v] = next
                    scratch.forwardNodes.append(neighbor)
                    if scratch.backwardMark[v] == generation { met = true }
                } else {
                    guard scratch.backwardMark[v] != generation else { return }
                    scratch.backwardMark[v] = generation
                    scratch.backwardDistance[v] = next
                    scratch.backwardNodes.append(neighbor)
                    if scratch.forwardMark[v] == generation { met = true }
                }
                volume += graph.adjacencyDegree(of: v)
            }
        }
        return (met, volume)
    }

    /// Marks (with `extraMark`) the forward nodes from which a shortest path continues: the
    /// meeting nodes of the last forward layer, then, layer by layer back towards the source,
    /// every node with an edge into a marked node of the next layer. The marked nodes of each
    /// depth end up in `scratch.work[scratch.markedLayers[depth]]`.
    private mutating func markNodesLeadingToMeeting(_ meeting: Meeting, _ direction: Direction, _ generation: UInt32) {
        scratch.work.removeAll(keepingCapacity: true)
        scratch.markedLayers = [Range<Int>](repeating: 0..<0, count: meeting.forwardDepth + 1)
        for position in meeting.forwardLayers[meeting.forwardDepth]..<meeting.forwardLayers[meeting.forwardDepth + 1] {
            let v = Int(scratch.forwardNodes[position])
            if scratch.backwardMark[v] == generation, Int(scratch.backwardDistance[v]) == meeting.backwardDepth {
                scratch.extraMark[v] = generation
                scratch.work.append(Int32(v))
            }
        }
        scratch.markedLayers[meeting.forwardDepth] = 0..<scratch.work.count
        for depth in stride(from: meeting.forwardDepth - 1, through: 1, by: -1) {
            let marked = scratch.markedLayers[depth + 1]
            let layer = meeting.forwardLayers[depth]..<meeting.forwardLayers[depth + 1]
            let start = scratch.work.count
            // Scan whichever is smaller: the marked nodes' edges back, or this layer's edges forward.
            let backCost = marked.reduce(0) { $0 + cost(of: Int(scratch.work[$1])) }
            let forwardCost = layer.reduce(0) { $0 + cost(of: Int(scratch.forwardNodes[$1])) }
            let wanted = Int32(depth)
            if backCost <= forwardCost {
                for position in marked {
                    view.forEachStep(from: Int(scratch.work[position]), direction.reversed) { neighbor, _ in
                        let u = Int(neighbor)
                        guard scratch.forwardMark[u] == generation, scratch.forwardDistance[u] == wanted,
                              scratch.extraMark[u] != generation
                        else { return }
                        scratch.extraMark[u] = generation
                        scratch.work.append(neighbor)
                    }
                }
            } else {
                for position in layer {
                    let u = Int(scratch.forwardNodes[position])
                    var leads = false
                    view.forEachStep(from: u, direction) { neighbor, _ in
                        let v = Int(neighbor)
                        if !leads, scratch.extraMark[v] == generation, scratch.forwardDistance[v] == wanted + 1 { leads = true }
                    }
                    if leads {
                        scratch.extraMark[u] = generation
                        scratch.work.append(Int32(u))
                    }
                }
            }
            scratch.markedLayers[depth] = start..<scratch.work.count
        }
    }

    /// Walks from the source, taking at each hop the smallest id that stays on a shortest path.
    private mutating func walk(from source: Int, _ meeting: Meeting, _ direction: Direction, _ generation: UInt32) -> Path {
        var nodes = [NodeIndex(source)]
        var current = source
        let ranks = graph.idRanks
        let distance = meeting.distance
        for step in 1...distance {
            // The candidates: marked forward nodes at this depth, or backward nodes at the
            // right distance from the target. Either test `current`'s edges against them, or
            // test each candidate (in id order) for an edge from `current`.
            let inForwardPart = step <= meeting.forwardDepth
            let candidates: ArraySlice<Int32>
            if inForwardPart {
                candidates = scratch.work[scratch.markedLayers[step]]
            } else {
                let depth = distance - step
                candidates = scratch.backwardNodes[meeting.backwardLayers[depth]..<meeting.backwardLayers[depth + 1]]
            }
            var best: Int32 = -1
            if cost(of: current) <= candidates.count * 4 {
                let scratch = self.scratch
                view.forEachStep(from: current, direction) { neighbor, _ in
                    let v = Int(neighbor)
                    let onPath = inForwardPart
                        ? scratch.extraMark[v] == generation && Int(scratch.forwardDistance[v]) == step
                        : scratch.backwardMark[v] == generation && Int(scratch.backwardDistance[v]) == distance - step
                    if onPath, best < 0 || ranks[v] < ranks[Int(best)] { best = neighbor }
                }
            } else {
                let inRankOrder = candidates.sorted { ranks[Int($0)] < ranks[Int($1)] }
                best = inRankOrder.first { edge(from: current, to: Int($0), direction) != nil } ?? -1
            }
            precondition(best >= 0, "a shortest path continues from every node on one")
            current = Int(best)
            nodes.append(NodeIndex(current))
        }
        return path(through: nodes, direction)
    }
}
