/// The texts that may contain a query as a substring: every three-byte run of every text is
/// hashed into one of 2^k buckets, each bucket listing its texts in ascending order. A bucket
/// may hold texts of other trigrams that share its hash; ``SearchIndex`` checks every
/// candidate, so the index only has to miss no text that does contain the query.
struct TrigramIndex: Sendable {
    private let shift: UInt64
    /// Bucket `b`'s texts are `texts[bucketStarts[b] ..< bucketStarts[b + 1]]`, ascending,
    /// a text listed once per trigram of it in the bucket (repeats are adjacent).
    private let bucketStarts: [Int32]
    private let texts: [Int32]

    /// Indexes the texts `bytes[offsets[t] ..< offsets[t + 1]]`.
    ///
    /// - Complexity: O(L + B) for total length L and B buckets (about two per text).
    init(bytes: [UInt8], offsets: [Int32]) {
        let textCount = offsets.count - 1
        let bits = max(10, min(22, (2 * textCount).bitWidth - (2 * textCount).leadingZeroBitCount))
        let shift = UInt64(64 - bits)
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        var texts: [Int32] = []
        bytes.withUnsafeBufferPointer { bytes in
            offsets.withUnsafeBufferPointer { offsets in
                starts.withUnsafeMutableBufferPointer { starts in
                    // Count, then place: a counting sort by bucket keeps texts ascending.
                    TrigramIndex.forEachTrigram(bytes, offsets, shift: shift) { bucket, _ in starts[bucket + 1] += 1 }
                    for bucket in 0..<(1 << bits) { starts[bucket + 1] += starts[bucket] }
                    texts = [Int32](unsafeUninitializedCapacity: Int(starts[1 << bits])) { texts, count in
                        var next = Array(starts.dropLast())
                        next.withUnsafeMutableBufferPointer { next in
                            TrigramIndex.forEachTrigram(bytes, offsets, shift: shift) { bucket, text in
                                texts[Int(next[bucket])] = Int32(text)
                                next[bucket] += 1
                            }
                        }
                        count = texts.count
                    }
                }
            }
        }
        self.shift = shift
        bucketStarts = starts
        self.texts = texts
    }

    @inline(__always)
    private static func bucket(_ a: UInt8, _ b: UInt8, _ c: UInt8, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a) << 16 | UInt64(b) << 8 | UInt64(c)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    private static func forEachTrigram(
        _ bytes: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeBufferPointer<Int32>, shift: UInt64,
        _ body: (Int, Int) -> Void
    ) {
        for text in 0..<(offsets.count - 1) {
            let start = Int(offsets[text]), end = Int(offsets[text + 1])
            guard end - start >= 3 else { continue }
            for position in start..<(end - 2) {
                body(bucket(bytes[position], bytes[position + 1], bytes[position + 2], shift: shift), text)
            }
        }
    }

    /// The texts in the bucket of the query's rarest trigram: a superset of the texts that
    /// contain `query`, repeats adjacent; nil for a query shorter than three bytes, which no
    /// trigram can narrow.
    ///
    /// - Complexity: O(q) for a query of q bytes.
    func candidates(for query: [UInt8]) -> ArraySlice<Int32>? {
        guard query.count >= 3 else { return nil }
        var rarest = 0..<texts.count
        for position in 0...(query.count - 3) {
            let bucket = TrigramIndex.bucket(query[position], query[position + 1], query[position + 2], shift: shift)
            let range = Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1])
            if range.count < rarest.count { rarest = range }
            if range.isEmpty { break }
        }
        return texts[rarest]
    }
}
