import RelGraphCore

/// What the planner weighs starting points by: nodes and edge ends per kind, edges per
/// relation. Counted afresh for each query (nothing is kept between graphs or views), over
/// raw buffers, on one core (a fraction of a millisecond: waiting for a second core costs
/// more than that on a busy machine). Above 65,536 edges, relations are counted on every 8th
/// edge and scaled: an estimate is all a cost needs, and it stays deterministic.
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
        let kinds = { () -> ([Int], [Int]) in
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
        }()
        let relations = { () -> [Int] in
            // Four rows of counters, used in turn: consecutive edges of one relation do not
            // wait on each other's increments.
            var counts = [Int](repeating: 0, count: 4 * relationCount)
            let stride = storage.edgeRelations.count > 65_536 ? 8 : 1
            storage.edgeRelations.withUnsafeBufferPointer { all in
                let relations = stride == 1 ? [Int32](all) : (0..<(all.count / stride)).map { all[$0 * stride] }
                counts.withUnsafeMutableBufferPointer { counts in
                    var edge = 0
                    while edge + 4 <= relations.count {
                        counts[Int(relations[edge])] += 1
                        counts[relationCount + Int(relations[edge + 1])] += 1
                        counts[2 * relationCount + Int(relations[edge + 2])] += 1
                        counts[3 * relationCount + Int(relations[edge + 3])] += 1
                        edge += 4
                    }
                    while edge < relations.count {
                        counts[Int(relations[edge])] += 1
                        edge += 1
                    }
                }
            }
            // A relation no sampled edge has may still have up to stride - 1 edges.
            return (0..<relationCount).map {
                max(stride - 1, stride * (counts[$0] + counts[relationCount + $0] + counts[2 * relationCount + $0] + counts[3 * relationCount + $0]))
            }
        }()
        (kindCounts, kindDegrees) = kinds
        relationCounts = relations
    }
}
