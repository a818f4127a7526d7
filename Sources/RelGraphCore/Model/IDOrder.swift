/// The position of every node id in Unicode scalar order, so queries can order and break
/// ties by id with integer comparisons.
enum IDOrder {
    /// `ranks[node]` is the node's position when all ids are sorted by Unicode scalars.
    static func ranks(of ids: [String]) -> [Int32] {
        // Sort by the first eight UTF-8 bytes as one integer; compare whole ids only on ties.
        var keyed = ids.indices.map { (prefix: prefixKey(ids[$0]), node: Int32($0)) }
        keyed.sort { lhs, rhs in
            if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
            return ids[Int(lhs.node)].precedesInScalarOrder(ids[Int(rhs.node)])
        }
        var ranks = [Int32](repeating: 0, count: ids.count)
        for (rank, entry) in keyed.enumerated() { ranks[Int(entry.node)] = Int32(rank) }
        return ranks
    }

    @inline(__always)
    private static func prefixKey(_ id: String) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 56
        for byte in id.utf8.prefix(8) {
            key |= UInt64(byte) << shift
            shift &-= 8
        }
        return key
    }
}
