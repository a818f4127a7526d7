#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A hash table from ids to node indices, built for millions of short strings: open
/// addressing with linear probing and a fast multiplicative hash of the UTF-8 bytes, instead of
/// `Dictionary`'s per-lookup seeded SipHash. Each slot holds its id, its node index and part of
/// the id's hash side by side, so a lookup in a table far larger than the cache usually costs
/// one memory access, and a probe compares strings only when the hashes agree.
/// Ids up to 15 bytes are stored inline in Swift strings, so the keys cost no extra allocation.
package struct IDIndex: Sendable {
    private struct Slot: Sendable {
        var id: String
        /// The node index, or -1 for an empty slot.
        var value: Int32
        var hashTag: UInt32
        static let empty = Slot(id: "", value: -1, hashTag: 0)
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = Self.emptySlots(capacity)
        mask = capacity - 1
    }

    /// `count` empty slots, in huge pages where the table is large (see ``HugePages``).
    private static func emptySlots(_ count: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: .empty)
            initialized = count
        }
    }

    /// The index stored for `id` (ids are compared byte for byte, as they are hashed).
    @inline(__always)
    package func index(of id: String) -> Int32? {
        var id = id
        return id.withUTF8 { index(ofUTF8: $0) }
    }

    /// The index stored for the id whose UTF-8 bytes are `bytes`.
    @inline(__always)
    package func index(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(utf8: bytes)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        return slots.withUnsafeBufferPointer { slots in
            var slot = hash & mask
            while true {
                let value = slots[slot].value
                if value < 0 { return nil }
                if slots[slot].hashTag == tag {
                    var id = slots[slot].id
                    let equal = id.withUTF8 { $0.count == bytes.count && (bytes.count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
                    if equal { return value }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Starts bringing the first slot probed for `hash` into the cache (see ``Prefetch``), for a
    /// lookup or insertion made a little later.
    @inline(__always)
    package func prefetch(hash: Int) {
        slots.withUnsafeBufferPointer { slots in Prefetch.read(UnsafeRawPointer(slots.baseAddress! + (hash & mask))) }
    }

    /// Records `index` for `id`, which must not be present yet.
    mutating func insert(_ index: Int32, for id: String) {
        if (count + 1) * 2 > slots.count { grow() }
        place(Slot(id: id, value: index, hashTag: 0), hash: Self.hash(id))
        count += 1
    }

    /// Records `index` for `id` unless `id` is present; false when it is (one hash, one probe).
    mutating func insert(_ index: Int32, ifAbsent id: String) -> Bool {
        insert(index, ifAbsent: id, hash: Self.hash(id))
    }

    /// ``insert(_:ifAbsent:)`` with the id's ``hash(_:)`` computed already (by a reading thread).
    mutating func insert(_ index: Int32, ifAbsent id: String, hash: Int) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        let mask = self.mask
        let inserted = slots.withUnsafeMutableBufferPointer { slots in
            var slot = hash & mask
            while slots[slot].value >= 0 {
                if slots[slot].hashTag == tag, slots[slot].id == id { return false }
                slot = (slot + 1) & mask
            }
            slots[slot] = Slot(id: id, value: index, hashTag: tag)
            return true
        }
        if inserted { count += 1 }
        return inserted
    }

    /// Removes `id` and returns the index it had (backward-shift deletion: no tombstones, so
    /// lookups stay one probe run).
    @discardableResult
    mutating func remove(_ id: String) -> Int32? {
        let mask = self.mask
        var slot = Self.hash(id) & mask
        while slots[slot].value >= 0 {
            if slots[slot].id == id { break }
            slot = (slot + 1) & mask
        }
        let removed = slots[slot].value
        guard removed >= 0 else { return nil }
        var hole = slot, next = (slot + 1) & mask
        while slots[next].value >= 0 {
            let home = Self.hash(slots[next].id) & mask
            // The entry may move into the hole unless its home lies cyclically in (hole, next].
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if !stays {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = .empty
        count -= 1
        return removed
    }

    private mutating func place(_ entry: Slot, hash: Int) {
        var entry = entry
        entry.hashTag = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = hash & mask
        while slots[slot].value >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = Self.emptySlots(old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.value >= 0 { place(entry, hash: Self.hash(entry.id)) }
    }

    /// FxHash-style folding of eight bytes at a time, then MurmurHash3's finaliser so every
    /// input bit reaches the low bits the table uses.
    @inline(__always)
    package static func hash(_ id: String) -> Int {
        var id = id
        return id.withUTF8 { hash(utf8: $0) }
    }

    /// ``hash(_:)`` of the id whose UTF-8 bytes are `bytes`.
    @inline(__always)
    package static func hash(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        do {
            var hash: UInt64 = 0
            var index = 0
            let count = bytes.count
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                hash = (hash.rotatedLeft(5) ^ word) &* 0x517C_C1B7_2722_0A95
                index += 8
            }
            if index < count {
                var word: UInt64 = 0
                var shift: UInt64 = 0
                while index < count {
                    word |= UInt64(bytes[index]) << shift
                    shift += 8
                    index += 1
                }
                hash = (hash.rotatedLeft(5) ^ word) &* 0x517C_C1B7_2722_0A95
            }
            hash ^= UInt64(count)
            hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return Int(truncatingIfNeeded: hash ^ (hash >> 33))
        }
    }
}

extension UInt64 {
    @inline(__always)
    func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
