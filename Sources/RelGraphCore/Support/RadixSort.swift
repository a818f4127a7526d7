/// Stable least-significant-digit radix sort of (key, payload) pairs, 16 bits per pass, for
/// the long lists queries must order (a hub's 200,000 neighbours, a reach layer of most of the
/// graph), where a comparison sort would dominate the query. Passes over key bits that are
/// zero everywhere are skipped.
package enum RadixSort {
    /// Sorts `keys` ascending, moving `payloads` with them; equal keys keep their order.
    ///
    /// - Complexity: O(*p* (*n* + 65,536)) for *n* pairs and *p* ≤ 4 passes (one per 16 bits
    ///   of key in use); a comparison sort below 256 pairs.
    package static func sort(_ keys: inout [UInt64], _ payloads: inout [UInt32]) {
        precondition(keys.count == payloads.count, "a payload for every key")
        guard keys.count > 1 else { return }
        if keys.count < 256 {
            let order = (0..<keys.count).sorted { (keys[$0], $0) < (keys[$1], $1) }
            keys = order.map { keys[$0] }
            payloads = order.map { payloads[$0] }
            return
        }
        let used = keys.reduce(0, |)
        var buffers = RadixBuffers(count: keys.count)
        for shift in stride(from: UInt64(0), to: 64, by: 16) where (used >> shift) & 0xFFFF != 0 {
            buffers.pass(&keys, &payloads, shift: shift)
        }
        buffers._checkInvariants(keys)
    }
}

/// The scratch space of one radix sort: a second pair of arrays to scatter into and the
/// 65,536 bucket counters, allocated once for every pass and freed when the sort ends. The
/// unsafe pointers live only inside ``pass(_:_:shift:)``, whose loops are what needs them.
private struct RadixBuffers: ~Copyable {
    private var keys: [UInt64]
    private var payloads: [UInt32]
    private let counts: UnsafeMutableBufferPointer<Int>

    init(count: Int) {
        keys = [UInt64](repeating: 0, count: count)
        payloads = [UInt32](repeating: 0, count: count)
        counts = .allocate(capacity: 1 << 16)
    }

    deinit { counts.deallocate() }

    /// One stable counting-sort pass over the 16 key bits at `shift`: scatters the pairs into
    /// the scratch arrays, then swaps them with `keys` and `payloads`.
    mutating func pass(_ keys: inout [UInt64], _ payloads: inout [UInt32], shift: UInt64) {
        let counts = self.counts
        counts.initialize(repeating: 0)
        keys.withUnsafeBufferPointer { source in
            for key in source { counts[Int((key >> shift) & 0xFFFF)] += 1 }
        }
        var total = 0
        for bucket in counts.indices {
            let value = counts[bucket]
            counts[bucket] = total
            total += value
        }
        keys.withUnsafeBufferPointer { sourceKeys in
            payloads.withUnsafeBufferPointer { sourcePayloads in
                self.keys.withUnsafeMutableBufferPointer { targetKeys in
                    self.payloads.withUnsafeMutableBufferPointer { targetPayloads in
                        for position in sourceKeys.indices {
                            let key = sourceKeys[position]
                            let bucket = Int((key >> shift) & 0xFFFF)
                            let slot = counts[bucket]
                            counts[bucket] = slot + 1
                            targetKeys[slot] = key
                            targetPayloads[slot] = sourcePayloads[position]
                        }
                    }
                }
            }
        }
        swap(&keys, &self.keys)
        swap(&payloads, &self.payloads)
    }

    /// Checks, in debug builds and tests, that `keys` came out in order.
    func _checkInvariants(_ keys: [UInt64]) {
        #if DEBUG
            precondition(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "radix sort left keys out of order")
        #endif
    }
}
