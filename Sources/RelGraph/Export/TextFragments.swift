/// Many short texts (a quoted id per node, a literal per source…) kept end to end as UTF-8 in
/// one buffer: written into a ``TextBuffer`` by index with one copy, without a `String` to
/// retain and release or an escaping check per use.
struct TextFragments: Sendable {
    private let bytes: [UInt8]
    /// Fragment *i* spans `bytes[ends[i - 1] ..< ends[i]]` (from 0 for the first).
    private let ends: [Int]

    /// The fragments `make(0, …)` through `make(count - 1, …)`, each written into a buffer;
    /// made on every core, in chunks of consecutive indices.
    ///
    /// - Complexity: O(total length), two passes over the bytes.
    init(count: Int, _ make: @Sendable (_ index: Int, _ text: inout TextBuffer) -> Void) {
        let chunkSize = 16_384
        let chunks = Parallel.map((count + chunkSize - 1) / chunkSize) { chunk in
            var text = TextBuffer()
            var ends: [Int] = []
            ends.reserveCapacity(chunkSize)
            for index in chunk * chunkSize..<min(chunk * chunkSize + chunkSize, count) {
                make(index, &text)
                ends.append(text.bytes.count)
            }
            return (text: text, ends: ends)
        }
        var bytes: [UInt8] = [], ends: [Int] = []
        bytes.reserveCapacity(chunks.reduce(0) { $0 + $1.text.bytes.count })
        ends.reserveCapacity(count)
        for chunk in chunks {
            let base = bytes.count
            bytes += chunk.text.bytes
            ends += chunk.ends.lazy.map { $0 + base }
        }
        self.bytes = bytes
        self.ends = ends
    }

    var count: Int { ends.count }

    /// Appends fragment `index` to `text`.
    @inline(__always)
    func write(_ index: Int, to text: inout TextBuffer) {
        let start = index == 0 ? 0 : ends[index - 1], end = ends[index]
        bytes.withUnsafeBufferPointer { all in text.write(utf8: UnsafeBufferPointer(rebasing: all[start..<end])) }
    }
}
