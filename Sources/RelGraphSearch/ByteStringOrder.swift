import RelGraphCore

/// Sorts many short byte strings held in one buffer (the search index's word starts and its
/// words) with a most-significant-digit radix sort: seven bytes and a length mark per pass, so
/// strings that share a long beginning (`actor 11…`, a Devanagari kind name) are told apart by
/// the next seven bytes instead of by comparisons that re-read the shared part.
enum ByteStringOrder {
    /// The indices of the strings `bytes[starts[i] ..< ends[i]]` in ascending byte order;
    /// equal strings by index.
    ///
    /// - Complexity: O(L) for total length L in the typical case; groups under 4,096 strings
    ///   are finished with a comparison sort.
    static func order(starts: [Int32], ends: [Int32], in bytes: [UInt8]) -> [UInt32] {
        var order = (0..<UInt32(starts.count)).map { $0 }
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                ends.withUnsafeBufferPointer { ends in
                    let strings = Strings(bytes: bytes, starts: starts, ends: ends)
                    order.withUnsafeMutableBufferPointer { order in
                        strings.sort(order, depth: 0)
                    }
                }
            }
        }
        return order
    }

    private struct Strings {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int32>
        let ends: UnsafeBufferPointer<Int32>

        /// Seven bytes from `depth` on (zero after the end), then how many bytes remain, up to 8:
        /// equal keys below 8 are equal strings; equal keys of 8 need the next seven bytes.
        @inline(__always)
        func key(_ string: UInt32, depth: Int) -> UInt64 {
            let start = Int(starts[Int(string)]) + depth, end = Int(ends[Int(string)])
            var key: UInt64 = 0
            if end - start >= 7 {
                for offset in 0..<7 { key = key << 8 | UInt64(bytes[start + offset]) }
            } else {
                for offset in 0..<7 { key = key << 8 | (start + offset < end ? UInt64(bytes[start + offset]) : 0) }
            }
            return key << 8 | UInt64(min(end - start, 8))
        }

        /// Three-way comparison of two strings from `depth` on.
        func compare(_ a: UInt32, _ b: UInt32, depth: Int) -> Int {
            var i = Int(starts[Int(a)]) + depth, j = Int(starts[Int(b)]) + depth
            let aEnd = Int(ends[Int(a)]), bEnd = Int(ends[Int(b)])
            while i < aEnd, j < bEnd {
                if bytes[i] != bytes[j] { return bytes[i] < bytes[j] ? -1 : 1 }
                i += 1
                j += 1
            }
            return (aEnd - i) - (bEnd - j) == 0 ? 0 : (i == aEnd ? -1 : 1)
        }

        func sort(_ order: UnsafeMutableBufferPointer<UInt32>, depth: Int) {
            guard order.count > 1 else { return }
            if order.count < 4096 {
                var keyed = order.map { (key: key($0, depth: depth), string: $0) }
                keyed.sort { lhs, rhs in
                    if lhs.key != rhs.key { return lhs.key < rhs.key }
                    if lhs.key & 0xFF == 8 {
                        let order = compare(lhs.string, rhs.string, depth: depth + 7)
                        if order != 0 { return order < 0 }
                    }
                    return lhs.string < rhs.string
                }
                for position in keyed.indices { order[position] = keyed[position].string }
                return
            }
            var keys = order.map { key($0, depth: depth) }
            var payloads = Array(order)
            RadixSort.sort(&keys, &payloads)
            _ = payloads.withUnsafeBufferPointer { order.update(fromContentsOf: $0) }
            // Runs of one key that goes on: the next seven bytes decide.
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count, keys[end] == keys[start] { end += 1 }
                if end - start > 1, keys[start] & 0xFF == 8 {
                    sort(UnsafeMutableBufferPointer(rebasing: order[start..<end]), depth: depth + 7)
                }
                start = end
            }
        }
    }
}
