extension Traversal {
    /// Every node within `depth` hops of `start`, with its distance, ordered by distance and
    /// then by id (Unicode scalar order). The start node comes first, at distance 0.
    ///
    /// Each layer is gathered as the id ranks of the nodes it finds, then put in id order: by
    /// setting a bit per rank and reading the bits back when the layer is a good part of the
    /// graph (linear, no sort), by sorting the ranks when it is small.
    ///
    /// - Complexity: O(*r* + *e* + *r* log *r*) for the *r* nodes and *e* edges within reach;
    ///   O(*n* / 64) more for a layer of more than *n* / 512 of the graph's *n* nodes.
    public mutating func reach(from start: NodeIndex, depth: Int = 2, direction: Direction = .both) -> [ReachedNode] {
        guard view.contains(node: start) else { return [] }
        let generation = scratch.nextGeneration()
        let view = self.view
        let idRanks = graph.idRanks, nodesByIDRank = graph.nodesByRank
        let nodeCount = graph.nodeCount
        scratch.prepareLayers(nodeCount: nodeCount)
        var result = [ReachedNode(node: start, distance: 0)]
        scratch.forwardMark.withUnsafeMutableBufferPointer { marks in
            scratch.layerRanks.withUnsafeMutableBufferPointer { found in
                scratch.rankBits.withUnsafeMutableBufferPointer { bits in
                    idRanks.withUnsafeBufferPointer { ranks in
                        nodesByIDRank.withUnsafeBufferPointer { nodesByRank in
                            marks[start.position] = generation
                            var layerStart = 0
                            var distance = 0
                            while distance < depth, layerStart < result.count {
                                distance += 1
                                var count = 0
                                let layerEnd = result.count
                                for position in layerStart..<layerEnd {
                                    view.forEachStep(from: result[position].node.position, direction) { neighbor, _ in
                                        let node = Int(neighbor)
                                        guard marks[node] != generation else { return }
                                        marks[node] = generation
                                        found[count] = ranks[node]
                                        count += 1
                                    }
                                }
                                layerStart = layerEnd
                                guard count > 0 else { break }
                                result.reserveCapacity(result.count + count)
                                if count > 64, count > nodeCount / 512 {
                                    // A bit per rank, read back in order; the words are left clear.
                                    for position in 0..<count {
                                        let rank = Int(found[position])
                                        bits[rank >> 6] |= 1 << UInt64(rank & 63)
                                    }
                                    for wordIndex in bits.indices where bits[wordIndex] != 0 {
                                        var word = bits[wordIndex]
                                        bits[wordIndex] = 0
                                        while word != 0 {
                                            let rank = wordIndex << 6 | word.trailingZeroBitCount
                                            result.append(ReachedNode(node: NodeIndex(Int(nodesByRank[rank])), distance: distance))
                                            word &= word - 1
                                        }
                                    }
                                } else {
                                    var layer = UnsafeMutableBufferPointer(rebasing: found[0..<count])
                                    layer.sort()
                                    for rank in layer { result.append(ReachedNode(node: NodeIndex(Int(nodesByRank[Int(rank)])), distance: distance)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
