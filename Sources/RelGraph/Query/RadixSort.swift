/// Stable least-significant-digit radix sort of (key, payload) pairs, 16 bits per pass, for
/// the long lists queries must order (a hub's 200,000 neighbours, a reach layer of most of the
/// graph), where a comparison sort would dominate the query. Passes over key bits that are
/// zero everywhere are skipped.
enum RadixSort {
    static func sort(_ keys: inout [UInt64], _ payloads: inout [UInt32]) {
        precondition(keys.count == payloads.count)
        let count = keys.count
        guard count > 1 else { return }
        if count < 256 {
            let order = (0..<count).sorted { (keys[$0], $0) < (keys[$1], $1) }
            keys = order.map { keys[$0] }
            payloads = order.map { payloads[$0] }
            return
        }
        let used = keys.reduce(0, |)
        var keyBuffer = [UInt64](repeating: 0, count: count)
        var payloadBuffer = [UInt32](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        var shift: UInt64 = 0
        while shift < 64 {
            defer { shift += 16 }
            guard (used >> shift) & 0xFFFF != 0 else { continue }
            counts.withUnsafeMutableBufferPointer { counts in
                keys.withUnsafeMutableBufferPointer { keys in
                    payloads.withUnsafeMutableBufferPointer { payloads in
                        keyBuffer.withUnsafeMutableBufferPointer { keyBuffer in
                            payloadBuffer.withUnsafeMutableBufferPointer { payloadBuffer in
                                for index in 0..<counts.count { counts[index] = 0 }
                                for key in keys { counts[Int((key >> shift) & 0xFFFF)] += 1 }
                                var total = 0
                                for index in 0..<counts.count {
                                    let value = counts[index]
                                    counts[index] = total
                                    total += value
                                }
                                for position in 0..<count {
                                    let key = keys[position]
                                    let bucket = Int((key >> shift) & 0xFFFF)
                                    let slot = counts[bucket]
                                    counts[bucket] = slot + 1
                                    keyBuffer[slot] = key
                                    payloadBuffer[slot] = payloads[position]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keyBuffer)
            swap(&payloads, &payloadBuffer)
        }
    }
}
