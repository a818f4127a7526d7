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
        let ranges = stride(from: 0, to: count, by: rangeSize).map { $0..<min($0 + rangeSize, count) }
        for round in stride(from: 0, to: ranges.count, by: rangesPerRound) {
            let roundRanges = Array(ranges[round..<min(round + rangesPerRound, ranges.count)])
            let texts = Parallel.map(roundRanges.count) { index in
                var text = ""
                format(roundRanges[index], &text)
                return text
            }
            for text in texts { sink.write(text) }
        }
    }
}
