/// Formats the lines of a large export on every core and writes them in their order, so the
/// output is byte-identical to formatting them one by one.
///
/// Items are formatted in ranges of `rangeSize`, each into its own ``TextBuffer``; a round
/// formats a few ranges at once while the calling thread writes the previous round, so only
/// two rounds of text are held in memory at a time and writing (the kernel's copy into the
/// file) overlaps formatting.
package enum OrderedFormatting {
    static let rangeSize = 16_384
    static let rangesPerRound = 8

    /// Set (with `$isSequential.withValue(true) { … }`) to format everything as one range on
    /// the calling thread: the plain sequential write that tests compare the parallel one with.
    @TaskLocal static var isSequential = false

    /// Writes `format(range)` for consecutive ranges covering `0..<count` into `sink`, in order.
    ///
    /// `rangeSize` is how many items a range holds: lines by default, fewer for items that
    /// are large (a Cypher statement of a thousand rows).
    package static func write(
        count: Int, rangeSize: Int = rangeSize, to sink: inout some TextSink, format: @Sendable (Range<Int>, inout TextBuffer) -> Void
    ) {
        if isSequential {
            var text = TextBuffer()
            format(0..<count, &text)
            return text.bytes.withUnsafeBufferPointer { sink.write(utf8: $0) }
        }
        let ranges = stride(from: 0, to: count, by: rangeSize).map { $0..<min($0 + rangeSize, count) }
        var written: [TextBuffer] = []
        // A range's buffer starts as large as the largest of the previous round, so that it
        // rarely grows (each growth copies what it holds).
        var capacity = 1 << 20
        for round in stride(from: 0, to: ranges.count, by: rangesPerRound) {
            let roundRanges = Array(ranges[round..<min(round + rangesPerRound, ranges.count)])
            let previous = written
            capacity = previous.reduce(capacity) { max($0, $1.bytes.count + $1.bytes.count / 8) }
            written = Parallel.map(
                roundRanges.count,
                { [capacity] index in
                    var text = TextBuffer(capacity: capacity)
                    format(roundRanges[index], &text)
                    return text
                },
                meanwhile: {
                    for text in previous { text.bytes.withUnsafeBufferPointer { sink.write(utf8: $0) } }
                })
        }
        for text in written { text.bytes.withUnsafeBufferPointer { sink.write(utf8: $0) } }
    }
}
