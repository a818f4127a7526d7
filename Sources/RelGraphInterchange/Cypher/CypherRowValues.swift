import RelGraphCore

extension CypherWriter {
    /// One row's literals: each slot's bytes in one reused buffer, so making a row allocates
    /// nothing once the buffer has grown.
    struct RowValues {
        private var text = TextBuffer(capacity: 256)
        private var starts: [Int]
        private var ends: [Int]
        private var gathered = TextFragments.Gathered()
        /// The row's place in its batch (where its gathered fragments are).
        var rowInBatch = 0

        init(slots: Int) {
            starts = Array(repeating: -1, count: slots)
            ends = starts
        }

        /// Empties every slot.
        mutating func removeAll() {
            text.removeAll()
            for slot in starts.indices { starts[slot] = -1 }
        }

        /// Gives `slot` the literal `write` writes (replacing any it had).
        @inline(__always)
        mutating func set(_ slot: Int, _ write: (inout TextBuffer) -> Void) {
            let start = text.bytes.count
            write(&text)
            starts[slot] = start
            ends[slot] = text.bytes.count
        }

        /// Gathers fragments `index(0)` through `index(count - 1)` of `fragments`, for
        /// ``set(_:gathered:of:)``.
        mutating func gather(_ count: Int, of fragments: TextFragments, _ index: (Int) -> Int) {
            fragments.gather(count, into: &gathered, index)
        }

        /// Gives `slot` the fragment gathered at `position` (from `fragments`).
        @inline(__always)
        mutating func set(_ slot: Int, gathered position: Int, of fragments: TextFragments) {
            let start = text.bytes.count
            fragments.write(gathered: position, of: gathered, to: &text)
            starts[slot] = start
            ends[slot] = text.bytes.count
        }

        func has(_ slot: Int) -> Bool { starts[slot] >= 0 }

        /// Writes the literal of `slot`, or `NULL`.
        @inline(__always)
        func write(_ slot: Int, to output: inout TextBuffer) {
            let start = starts[slot], end = ends[slot]
            guard start >= 0 else { return output.write("NULL") }
            text.bytes.withUnsafeBufferPointer { output.write(utf8: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        }
    }
}
