/// What the planner weighs starting points by: nodes and edge ends per kind, edges per
/// relation. Counted afresh for each query (nothing is kept between graphs or views), over
/// raw buffers and on both cores: under a millisecond for a million edges.
struct PlanStatistics: Sendable {
    /// `kindCounts[code]`: the nodes of that kind.
    let kindCounts: [Int]
    /// `kindDegrees[code]`: the edge ends (outgoing and incoming) at nodes of that kind.
    let kindDegrees: [Int]
    /// `relationCounts[code]`: the edges of that relation.
    let relationCounts: [Int]

    /// - Complexity: O(n + m).
    init(_ graph: Graph) {
        let storage = graph.storage
        let kindCount = storage.kinds.count, relationCount = storage.relations.count
        let (kinds, relations) = Parallel.both(
            { () -> ([Int], [Int]) in
                var counts = [Int](repeating: 0, count: kindCount), degrees = [Int](repeating: 0, count: kindCount)
                let adjacency = graph.adjacency
                storage.nodeKinds.withUnsafeBufferPointer { kinds in
                    adjacency.outOffsets.withUnsafeBufferPointer { outOffsets in
                        adjacency.inOffsets.withUnsafeBufferPointer { inOffsets in
                            counts.withUnsafeMutableBufferPointer { counts in
                                degrees.withUnsafeMutableBufferPointer { degrees in
                                    for node in kinds.indices {
                                        let code = Int(kinds[node])
                                        counts[code] += 1
                                        degrees[code] += Int(outOffsets[node + 1] - outOffsets[node] + inOffsets[node + 1] - inOffsets[node])
                                    }
                                }
                            }
                        }
                    }
                }
                return (counts, degrees)
            },
            { () -> [Int] in
                var counts = [Int](repeating: 0, count: relationCount)
                storage.edgeRelations.withUnsafeBufferPointer { relations in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for relation in relations { counts[Int(relation)] += 1 }
                    }
                }
                return counts
            })
        (kindCounts, kindDegrees) = kinds
        relationCounts = relations
    }
}
