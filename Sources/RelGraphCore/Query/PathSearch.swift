/// What a shortest-path search reads of the graph: the steps from a node, how many entries a
/// walk from it scans, whether two nodes are joined, and hints of what it will read next.
/// ``StepRuns`` answers for any view and direction, ``NeighborRuns`` (faster) for a walk over
/// every edge that ignores direction.
protocol PathSteps {
    /// The number of entries walking from `node` scans: the search's measure of cost.
    func degree(_ node: Int) -> Int
    /// Calls `body` with each neighbour one step from `node` (against the direction when
    /// `reversed`) until `body` returns true; returns whether it did.
    @discardableResult
    func forEachStep(from node: Int, reversed: Bool, _ body: (_ neighbor: Int32) -> Bool) -> Bool
    /// Calls `prefetch` with the first `limit` neighbours of `node` each way.
    func prefetchNeighbors(of node: Int, limit: Int, _ prefetch: (_ neighbor: Int32) -> Void)
    /// Hints that `degree(node)` will soon be asked.
    func prefetchDegree(of node: Int32)
    /// Whether a step leads from `u` to `v` (against the direction when `reversed`).
    func isAdjacent(_ u: Int, _ v: Int, reversed: Bool) -> Bool
}

/// The three steps of one shortest-path query (``Traversal/shortestPath(from:to:direction:)``),
/// over raw pointers into the traversal's scratch space, valid for that one query.
///
/// Invariants the unchecked reads rely on: `visits` and `onPath` hold a record per node of the
/// graph; each queue and `marked` has room for every node, and a node enters each at most once
/// per query (a queue takes a node only when its side has not seen it in this generation; the
/// sweep marks a node only when it is not marked yet).
struct PathSearch<Steps: PathSteps> {
    /// What testing two nodes for an edge (binary searches) costs, in scanned entries.
    static var pairTestCost: Int { 40 }

    let runs: Steps
    let generation: UInt32
    let visits: UnsafeMutablePointer<PathSearchVisit>
    /// `== generation`: a forward node from which a shortest path continues (the sweep's mark).
    let onPath: UnsafeMutablePointer<UInt32>
    /// The sweep's marked nodes; depth `d`'s are `marked[markedLayers[d]]`.
    let marked: UnsafeMutablePointer<Int32>

    /// Runs both searches until they touch; the distance, or nil if there is no path.
    ///
    /// Grows, layer by whole layer, the side whose frontier has fewer entries to scan. When
    /// both frontiers are few nodes with many entries (hubs), it first tests each pair across
    /// them for an edge, which finds a meeting without scanning a hub.
    func meet(_ source: Int, _ target: Int, _ forward: inout PathSearchSide, _ backward: inout PathSearchSide) -> Int? {
        visits[source].forwardSeen = generation
        visits[source].forwardDistance = 0
        visits[target].backwardSeen = generation
        visits[target].backwardDistance = 0
        forward.start(at: source, volume: runs.degree(source))
        backward.start(at: target, volume: runs.degree(target))
        while true {
            let forwardLayer = forward.frontier, backwardLayer = backward.frontier
            guard !forwardLayer.isEmpty, !backwardLayer.isEmpty else { return nil }
            if forwardLayer.count * backwardLayer.count * Self.pairTestCost < min(forward.volume, backward.volume),
                meetAcross(&forward, backward)
            {
                break
            }
            if forward.volume <= backward.volume ? expand(&forward, isForward: true) : expand(&backward, isForward: false) { break }
        }
        return forward.depth + backward.depth
    }

    /// Whether an edge leads from the forward frontier into the backward one. If so, the
    /// backward nodes it reaches become the (partial) next forward layer: exactly the meeting
    /// nodes the rest of the query needs.
    private func meetAcross(_ forward: inout PathSearchSide, _ backward: PathSearchSide) -> Bool {
        let forwardLayer = forward.frontier
        let next = Int32(forward.depth + 1)
        var count = forwardLayer.upperBound
        for position in backward.frontier {
            let v = backward.queue[position]
            for forwardPosition in forwardLayer where runs.isAdjacent(Int(forward.queue[forwardPosition]), Int(v), reversed: false) {
                visits[Int(v)].forwardSeen = generation
                visits[Int(v)].forwardDistance = next
                forward.queue[count] = v
                count += 1
                break
            }
        }
        guard count > forwardLayer.upperBound else { return false }
        forward.depth += 1
        forward.layers.append(Int32(count))
        return true
    }

    /// Grows one search by a layer; returns whether it touched the other search.
    private func expand(_ side: inout PathSearchSide, isForward: Bool) -> Bool {
        let layer = side.frontier
        let next = Int32(side.depth + 1)
        let queue = side.queue, visits = self.visits, generation = self.generation, runs = self.runs
        var count = layer.upperBound, volume = 0
        var met = false
        for position in layer {
            // The next node's neighbours' records and offsets are asked for while this node's
            // are read: their cache misses overlap instead of coming one after another.
            if position &+ 1 < layer.upperBound {
                runs.prefetchNeighbors(of: Int(queue[position &+ 1]), limit: 16) { neighbor in
                    Prefetch.read(visits + Int(neighbor))
                    runs.prefetchDegree(of: neighbor)
                }
            }
            runs.forEachStep(from: Int(queue[position]), reversed: !isForward) { neighbor in
                let v = Int(neighbor)
                if isForward {
                    guard visits[v].forwardSeen != generation else { return false }
                    visits[v].forwardSeen = generation
                    visits[v].forwardDistance = next
                    if visits[v].backwardSeen == generation { met = true }
                } else {
                    guard visits[v].backwardSeen != generation else { return false }
                    visits[v].backwardSeen = generation
                    visits[v].backwardDistance = next
                    if visits[v].forwardSeen == generation { met = true }
                }
                queue[count] = neighbor
                count &+= 1
                volume &+= runs.degree(v)
                return false
            }
        }
        side.depth += 1
        side.layers.append(Int32(count))
        side.volume = volume
        return met
    }

    /// Marks (in `onPath`) the forward nodes from which a shortest path continues: the meeting
    /// nodes of the last forward layer, then, depth by depth back towards the source, every
    /// node with a step into a marked node of the next depth. At each depth it scans whichever
    /// costs least: the marked nodes' entries back, the layer's entries forward, or (few nodes
    /// with long lists) a test of each pair for an edge.
    func sweep(_ forward: PathSearchSide, _ backward: PathSearchSide, _ markedLayers: inout [Range<Int>]) {
        let lastDepth = forward.depth
        markedLayers.removeAll(keepingCapacity: true)
        markedLayers.append(contentsOf: repeatElement(0..<0, count: lastDepth + 1))
        let runs = self.runs, visits = self.visits, onPath = self.onPath, marked = self.marked, generation = self.generation
        let meetingDistance = Int32(backward.depth)
        var count = 0
        for position in forward.layer(lastDepth) {
            let v = Int(forward.queue[position])
            if visits[v].backwardSeen == generation, visits[v].backwardDistance == meetingDistance {
                onPath[v] = generation
                marked[count] = Int32(v)
                count += 1
            }
        }
        markedLayers[lastDepth] = 0..<count
        for depth in stride(from: lastDepth - 1, through: 1, by: -1) {
            let next = markedLayers[depth + 1], layer = forward.layer(depth)
            let start = count
            var backCost = 0, forwardCost = 0
            for position in next { backCost &+= runs.degree(Int(marked[position])) }
            for position in layer { forwardCost &+= runs.degree(Int(forward.queue[position])) }
            let pairCost = next.count * layer.count * Self.pairTestCost
            let wanted = Int32(depth)
            if pairCost < backCost, pairCost < forwardCost {
                for position in layer {
                    let u = Int(forward.queue[position])
                    for markedPosition in next where runs.isAdjacent(u, Int(marked[markedPosition]), reversed: false) {
                        onPath[u] = generation
                        marked[count] = Int32(u)
                        count += 1
                        break
                    }
                }
            } else if backCost <= forwardCost {
                for position in next {
                    runs.forEachStep(from: Int(marked[position]), reversed: true) { neighbor in
                        let u = Int(neighbor)
                        if visits[u].forwardSeen == generation, visits[u].forwardDistance == wanted, onPath[u] != generation {
                            onPath[u] = generation
                            marked[count] = neighbor
                            count += 1
                        }
                        return false
                    }
                }
            } else {
                for position in layer {
                    let u = Int(forward.queue[position])
                    let leads = runs.forEachStep(from: u, reversed: false) { neighbor in
                        let v = Int(neighbor)
                        return onPath[v] == generation && visits[v].forwardDistance == wanted + 1
                    }
                    if leads {
                        onPath[u] = generation
                        marked[count] = Int32(u)
                        count += 1
                    }
                }
            }
            markedLayers[depth] = start..<count
        }
    }

    /// Walks from the source, taking at each hop the smallest id (`ranks`) still on a shortest
    /// path: the marked forward nodes of that depth, then the backward nodes at the right
    /// distance from the target. It scans `current`'s entries, or, from a node with many,
    /// tests the few candidates for an edge.
    func walk(
        from source: Int, distance: Int, _ forward: PathSearchSide, _ backward: PathSearchSide, _ markedLayers: [Range<Int>],
        ranks: UnsafePointer<Int32>
    ) -> [NodeIndex] {
        var nodes = [NodeIndex]()
        nodes.reserveCapacity(distance + 1)
        nodes.append(NodeIndex(source))
        let runs = self.runs, visits = self.visits, onPath = self.onPath, generation = self.generation
        var current = source
        for step in 1...distance {
            let inForwardPart = step <= forward.depth
            let candidates: UnsafeBufferPointer<Int32>
            if inForwardPart {
                let layer = markedLayers[step]
                candidates = UnsafeBufferPointer(start: marked + layer.lowerBound, count: layer.count)
            } else {
                let layer = backward.layer(distance - step)
                candidates = UnsafeBufferPointer(start: backward.queue + layer.lowerBound, count: layer.count)
            }
            let forwardDistance = Int32(step), backwardDistance = Int32(distance - step)
            var best: Int32 = -1
            var bestRank = Int32.max
            if runs.degree(current) <= candidates.count * 4 {
                runs.forEachStep(from: current, reversed: false) { neighbor in
                    let v = Int(neighbor)
                    let onShortestPath =
                        inForwardPart
                        ? onPath[v] == generation && visits[v].forwardDistance == forwardDistance
                        : visits[v].backwardSeen == generation && visits[v].backwardDistance == backwardDistance
                    if onShortestPath, ranks[v] < bestRank {
                        best = neighbor
                        bestRank = ranks[v]
                    }
                    return false
                }
            } else {
                for candidate in candidates where ranks[Int(candidate)] < bestRank && runs.isAdjacent(current, Int(candidate), reversed: false) {
                    best = candidate
                    bestRank = ranks[Int(candidate)]
                }
            }
            precondition(best >= 0, "a shortest path continues from every node on one")
            current = Int(best)
            nodes.append(NodeIndex(current))
        }
        return nodes
    }
}

/// Both searches' marks for one node, side by side: one cache line's quarter, so meeting
/// the other search costs no second miss.
struct PathSearchVisit {
    var forwardSeen: UInt32 = 0
    var backwardSeen: UInt32 = 0
    var forwardDistance: Int32 = 0
    var backwardDistance: Int32 = 0
}

/// One side of a shortest-path search: its queue, layer after layer; layer `d` is `queue[layers[d] ..< layers[d + 1]]`.
struct PathSearchSide {
    let queue: UnsafeMutablePointer<Int32>
    var layers: [Int32]
    var depth = 0
    /// The adjacency entries the last layer would scan.
    var volume = 0

    init(queue: UnsafeMutablePointer<Int32>, layers: [Int32]) {
        self.queue = queue
        self.layers = layers
    }

    mutating func start(at node: Int, volume: Int) {
        queue[0] = Int32(truncatingIfNeeded: node)
        layers.removeAll(keepingCapacity: true)
        layers.append(0)
        layers.append(1)
        depth = 0
        self.volume = volume
    }

    func layer(_ depth: Int) -> Range<Int> { Int(layers[depth])..<Int(layers[depth + 1]) }
    var frontier: Range<Int> { layer(depth) }
}
