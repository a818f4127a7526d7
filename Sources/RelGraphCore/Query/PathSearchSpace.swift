/// The room a shortest-path search (``PathSearch``) works in, kept by a traversal from one query
/// to the next: both searches' marks per node, the sweep's marks, room for every node in each
/// queue and in the marked nodes, and where their layers start. Empty until the first path is
/// asked for.
struct PathSearchSpace {
    var visits: [PathSearchVisit] = []
    var onPath: [UInt32] = []
    var forwardQueue: [Int32] = []
    var backwardQueue: [Int32] = []
    var marked: [Int32] = []
    var forwardLayers: [Int32] = []
    var backwardLayers: [Int32] = []
    var markedLayers: [Range<Int>] = []

    /// Makes room for searches on a graph of `nodeCount` nodes, if there is none yet.
    ///
    /// - Complexity: O(*n*) the first time, O(1) after.
    mutating func prepare(nodeCount: Int) {
        guard visits.count != nodeCount else { return }
        visits = [PathSearchVisit](repeating: PathSearchVisit(), count: nodeCount)
        onPath = [UInt32](repeating: 0, count: nodeCount)
        forwardQueue = [Int32](repeating: 0, count: nodeCount)
        backwardQueue = forwardQueue
        marked = forwardQueue
    }

    /// Forgets every mark, for when the generation numbers start again.
    mutating func clearMarks() {
        for index in visits.indices {
            visits[index] = PathSearchVisit()
            onPath[index] = 0
        }
    }

    /// The nodes of the shortest path from `source` to `target` (distinct) over `runs` with the
    /// smallest sequence of id ranks, or nil if there is none: ``PathSearch``'s three steps, run
    /// on raw pointers into this room. `generation` must be new since the last search.
    mutating func nodes(from source: Int, to target: Int, over runs: some PathSteps, generation: UInt32, ranks: UnsafePointer<Int32>)
        -> [NodeIndex]?
    {
        // The layer lists grow, so they are moved out (no copy) beside the pointers into the rest.
        var forwardLayers: [Int32] = [], backwardLayers: [Int32] = [], markedLayers: [Range<Int>] = []
        swap(&forwardLayers, &self.forwardLayers)
        swap(&backwardLayers, &self.backwardLayers)
        swap(&markedLayers, &self.markedLayers)
        defer {
            swap(&forwardLayers, &self.forwardLayers)
            swap(&backwardLayers, &self.backwardLayers)
            swap(&markedLayers, &self.markedLayers)
        }
        return visits.withUnsafeMutableBufferPointer { visits in
            onPath.withUnsafeMutableBufferPointer { onPath in
                forwardQueue.withUnsafeMutableBufferPointer { forwardQueue in
                    backwardQueue.withUnsafeMutableBufferPointer { backwardQueue in
                        marked.withUnsafeMutableBufferPointer { marked in
                            let search = PathSearch(
                                runs: runs, generation: generation, visits: visits.baseAddress!, onPath: onPath.baseAddress!,
                                marked: marked.baseAddress!)
                            var forward = PathSearchSide(queue: forwardQueue.baseAddress!, layers: [])
                            var backward = PathSearchSide(queue: backwardQueue.baseAddress!, layers: [])
                            swap(&forward.layers, &forwardLayers)
                            swap(&backward.layers, &backwardLayers)
                            defer {
                                swap(&forward.layers, &forwardLayers)
                                swap(&backward.layers, &backwardLayers)
                            }
                            guard let distance = search.meet(source, target, &forward, &backward) else { return nil }
                            search.sweep(forward, backward, &markedLayers)
                            return search.walk(from: source, distance: distance, forward, backward, markedLayers, ranks: ranks)
                        }
                    }
                }
            }
        }
    }
}
