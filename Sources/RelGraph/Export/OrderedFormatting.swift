import Dispatch

/// Formats the lines of a large export on every core and writes them in their order, so the
/// output is byte-identical to formatting them one by one.
///
/// Items are formatted in ranges of `rangeSize`; a round formats a few ranges at once and then
/// writes them, so only a few ranges of text are held in memory at a time.
enum OrderedFormatting {
    static let rangeSize = 16_384
    static let rangesPerRound = 8

    /// Writes `format(range)` for consecutive ranges covering `0..<count` into `sink`, in order.
    static func write(count: Int, to sink: inout some TextSink, format: @Sendable (Range<Int>, inout String) -> Void) {
        guard count > rangeSize else {
            var text = ""
            format(0..<count, &text)
            sink.write(text)
            return
        }
        let ranges = stride(from: 0, to: count, by: rangeSize).map { $0..<min($0 + rangeSize, count) }
        for round in stride(from: 0, to: ranges.count, by: rangesPerRound) {
            let roundRanges = Array(ranges[round..<min(round + rangesPerRound, ranges.count)])
            let texts = Texts(count: roundRanges.count)
            DispatchQueue.concurrentPerform(iterations: roundRanges.count) { index in
                var text = ""
                format(roundRanges[index], &text)
                texts.set(index, text)
            }
            for text in texts.all { sink.write(text) }
        }
    }

    /// One slot per range, each written by exactly one thread and read after all have finished.
    private final class Texts: @unchecked Sendable {
        private var slots: UnsafeMutableBufferPointer<String>
        init(count: Int) { slots = .allocate(capacity: count); slots.initialize(repeating: "") }
        deinit { slots.deinitialize().deallocate() }
        func set(_ index: Int, _ text: String) { slots[index] = text }
        var all: UnsafeMutableBufferPointer<String> { slots }
    }
}
