/// Every graph's id → node table, in the flat form a snapshot file holds and uses in place: open
/// addressing with linear probing over 64-bit slots, hashed as ``IDIndex`` hashes. A slot is
/// `hashTag << 32 | (node + 1)`, or 0 when empty; the ids are not repeated, a probe whose tag
/// matches compares against the graph's id column. A third of the builder's ``IDIndex`` (whose
/// 24-byte slots hold the ids, for the many lookups of loading), which a built graph does not keep.
package struct IDSlots: Sendable {
    let slots: Column<UInt64>

    /// The table for `ids`, with at least twice as many slots as ids (a power of two).
    ///
    /// - Complexity: O(*n*) expected.
    init(ids: ValueColumn<String>) {
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        slots = Column(count: capacity) { slots in
            slots.initialize(repeating: 0)
            for (node, id) in ids.enumerated() {
                let hash = IDIndex.hash(id)
                var slot = hash & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Self.slot(node: Int32(node), hash: hash)
            }
        }
    }

    /// A table read from a file; ``isWellFormed(nodeCount:)`` says whether it may be used.
    init(slots: Column<UInt64>) { self.slots = slots }

    /// Whether the table can be probed safely for a graph of `nodeCount` nodes: a power-of-two
    /// size, an empty slot to end every probe, and only nodes that exist.
    func isWellFormed(nodeCount: Int) -> Bool {
        let count = slots.count
        guard count >= 16, count & (count - 1) == 0, count > nodeCount else { return false }
        return slots.withUnsafeBufferPointer { slots in
            var filled = 0
            for slot in slots where slot != 0 {
                let node = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                guard node >= 0, node < nodeCount else { return false }
                filled += 1
            }
            return filled < count
        }
    }

    @inline(__always)
    static func slot(node: Int32, hash: Int) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: hash >> 32)) << 32 | UInt64(UInt32(node) + 1)
    }

    /// The node whose id is `id`.
    func index(of id: String, ids: ValueColumn<String>) -> Int32? {
        let hash = IDIndex.hash(id)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash >> 32))
        let mask = slots.count - 1
        var slot = hash & mask
        // At most one pass over the table, whatever a file holds.
        for _ in 0..<slots.count {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry >> 32 == tag {
                let node = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if node < ids.count, ids[node] == id { return Int32(node) }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
