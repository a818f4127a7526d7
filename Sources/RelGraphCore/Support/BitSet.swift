/// A fixed-size set of the integers `0..<count`, one bit each.
///
/// Invariant: the bits past `count` in the last word are zero, so whole-word scans
/// (``forEachMember(_:)``) never report a member beyond `count`.
package struct BitSet: Hashable, Sendable {
    private var words: [UInt64]
    /// How many integers the set can hold: members are in `0..<count`.
    let count: Int

    init(count: Int, filled: Bool) {
        self.count = count
        words = [UInt64](repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
        _checkInvariants()
    }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        words.withUnsafeBufferPointer { $0[index >> 6] & (1 << UInt64(index & 63)) != 0 }
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        assert(index >= 0 && index < count, "BitSet member out of range")
        words.withUnsafeMutableBufferPointer { $0[index >> 6] |= 1 << UInt64(index & 63) }
    }

    @inline(__always)
    mutating func remove(_ index: Int) { words[index >> 6] &= ~(1 << UInt64(index & 63)) }

    /// Calls `body` with every member, in increasing order.
    ///
    /// - Complexity: O(`count` / 64 + members).
    @inline(__always)
    func forEachMember(_ body: (Int) -> Void) {
        words.withUnsafeBufferPointer { words in
            for (wordIndex, word) in words.enumerated() where word != 0 {
                var word = word
                while word != 0 {
                    body(wordIndex << 6 | word.trailingZeroBitCount)
                    word &= word - 1
                }
            }
        }
    }

    /// Checks, in debug builds and tests, that no bit past `count` is set.
    func _checkInvariants() {
        #if DEBUG
            precondition(words.count == (count + 63) / 64, "BitSet words do not match its count")
            if count % 64 != 0, let last = words.last {
                precondition(last >> UInt64(count % 64) == 0, "BitSet has members beyond its count")
            }
        #endif
    }
}
