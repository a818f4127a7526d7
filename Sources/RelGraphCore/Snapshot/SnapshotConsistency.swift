/// The checks that make a snapshot's columns safe for every query, run once when it opens:
/// after them, every index a query follows is in range and the adjacency is exactly the edge
/// list, as a graph built in memory guarantees by construction.
enum SnapshotConsistency {
    /// What is wrong with `graph`'s columns, or nil. The passes run on every core at once.
    ///
    /// - Complexity: O(*n* + *m*), sequential reads only.
    static func problem(in graph: Graph) -> String? {
        var random = SystemRandomNumberGenerator()
        // A key drawn afresh on every open: the fingerprints below cannot be aimed at by a file.
        let key = (random.next() as UInt64, random.next() as UInt64)
        let checks: [@Sendable () -> Check] = [
            { codes(of: graph, key: key) },
            { runs(graph.adjacency.outOffsets, graph.adjacency.outgoing, graph, key: key, name: "outgoing") },
            { runs(graph.adjacency.inOffsets, graph.adjacency.incoming, graph, key: key, name: "incoming") },
            { Check(problem: ranks(of: graph)) },
            { Check(problem: graph.idTable.isWellFormed(nodeCount: graph.nodeCount) ? nil : "its id table cannot be probed safely") },
        ]
        let results = Parallel.map(checks.count) { checks[$0]() }
        if let problem = results.lazy.compactMap(\.problem).first { return problem }
        let (edges, outgoing, incoming) = (results[0], results[1], results[2])
        guard edges.outgoingFingerprint == outgoing.outgoingFingerprint, edges.incomingFingerprint == incoming.outgoingFingerprint else {
            return "its adjacency does not hold exactly its edges"
        }
        return nil
    }

    struct Check: Sendable {
        var problem: String?
        var outgoingFingerprint: UInt64 = 0
        var incomingFingerprint: UInt64 = 0
    }

    /// A keyed hash of one adjacency entry as the node it belongs to sees it.
    @inline(__always)
    private static func fingerprint(_ node: Int32, _ neighbor: Int32, _ edgeAndFlag: UInt32, key: (UInt64, UInt64)) -> UInt64 {
        var hash = (UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: neighbor))) ^ key.0
        hash = (hash ^ (hash >> 31)) &* 0x9E37_79B1_85EB_CA87
        hash ^= UInt64(edgeAndFlag) ^ key.1
        hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 32)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    /// Kinds, sources, relations and edge ends in range; the fingerprints of the entries the
    /// edges should give, both ways.
    private static func codes(of graph: Graph, key: (UInt64, UInt64)) -> Check {
        let columns = graph.storage
        let nodes = Int32(graph.nodeCount), kinds = Int32(columns.kinds.count)
        let sources = Int32(columns.sources.count), relations = Int32(columns.relations.count)
        if columns.nodeKinds.contains(where: { $0 < 0 || $0 >= kinds }) { return Check(problem: "a node's kind is not in its table of kinds") }
        if columns.nodeSources.contains(where: { $0 < -1 || $0 >= sources }) { return Check(problem: "a node's source is not among its sources") }
        if columns.edgeSources.contains(where: { $0 < -1 || $0 >= sources }) { return Check(problem: "an edge's source is not among its sources") }
        let symmetric = graph.relationSymmetric
        var check = Check()
        let failed: Bool = columns.edgeFrom.withUnsafeBufferPointer { from in
            columns.edgeTo.withUnsafeBufferPointer { to in
                columns.edgeRelations.withUnsafeBufferPointer { relation in
                    for edge in 0..<from.count {
                        let a = from[edge], b = to[edge], code = relation[edge]
                        guard a >= 0, a < nodes, b >= 0, b < nodes, code >= 0, code < relations else { return true }
                        let tagged = UInt32(edge) | (symmetric[Int(code)] ? Adjacency.symmetricBit : 0)
                        check.outgoingFingerprint &+= fingerprint(a, b, tagged, key: key)
                        check.incomingFingerprint &+= fingerprint(b, a, tagged, key: key)
                    }
                    return false
                }
            }
        }
        if failed { return Check(problem: "an edge's end or relation is not in the graph") }
        return check
    }

    /// One direction's runs: offsets from 0 to the edge count in order, each run sorted by
    /// neighbour then edge, every entry in range; their fingerprint.
    private static func runs(_ offsets: Column<Int32>, _ entries: Column<Adjacency.Entry>, _ graph: Graph, key: (UInt64, UInt64), name: String) -> Check {
        let nodes = Int32(graph.nodeCount), edges = UInt32(graph.edgeCount)
        guard offsets.first == 0, offsets.last == Int32(entries.count) else {
            return Check(problem: "its \(name) adjacency does not cover its edges")
        }
        var sum: UInt64 = 0
        let problem: String? = offsets.withUnsafeBufferPointer { offsets in
            entries.withUnsafeBufferPointer { entries in
                for node in 0..<Int(nodes) {
                    let start = offsets[node], end = offsets[node + 1]
                    guard start <= end, end <= Int32(entries.count) else { return "its \(name) adjacency offsets are out of order" }
                    var previous: UInt64 = 0
                    for slot in Int(start)..<Int(end) {
                        let entry = entries[slot]
                        guard entry.neighbor >= 0, entry.neighbor < nodes, UInt32(bitPattern: entry.edge) < edges else {
                            return "its \(name) adjacency names a node or edge that does not exist"
                        }
                        // Sorted by (neighbour, edge): binary searches over a run rely on it.
                        let order = UInt64(UInt32(bitPattern: entry.neighbor)) << 32 | UInt64(UInt32(bitPattern: entry.edge))
                        guard slot == Int(start) || order > previous else { return "its \(name) adjacency is not in order" }
                        previous = order
                        sum &+= fingerprint(Int32(node), entry.neighbor, entry.edgeAndFlag, key: key)
                    }
                }
                return nil
            }
        }
        return Check(problem: problem, outgoingFingerprint: sum)
    }

    /// The id order: ranks in range and `nodesByRank` their inverse.
    private static func ranks(of graph: Graph) -> String? {
        let count = graph.nodeCount
        let consistent: Bool = graph.idRanks.withUnsafeBufferPointer { ranks in
            graph.nodesByRank.withUnsafeBufferPointer { nodes in
                for node in 0..<count {
                    let rank = Int(ranks[node])
                    guard rank >= 0, rank < count, Int(nodes[rank]) == node else { return false }
                }
                return true
            }
        }
        return consistent ? nil : "its id order is not a permutation of its nodes"
    }
}
