/// Many short texts (a quoted id per node, a literal per source…) kept as UTF-8, written into a
/// ``TextBuffer`` by index with one copy, without a `String` to retain and release or an
/// escaping check per use.
///
/// Each fragment has a 16-byte slot: one of up to 15 bytes is held in its slot (its length in
/// the last byte), a longer one elsewhere (the slot says where). Writers read fragments at
/// scattered indices (an edge's two ends), so a short fragment costs one cache miss, not two
/// (where it ends, then its bytes).
package struct TextFragments: Sendable {
    /// Fragment *i*'s slot is `slots[16 * i ..< 16 * i + 16]`: its bytes and, last, their count
    /// (0–15); or ``longMark`` last, the offset in `long` in the first eight bytes and the
    /// length in the next four.
    private let slots: [UInt8]
    /// The bytes of fragments longer than 15 bytes, end to end.
    private let long: [UInt8]

    private static let slotSize = 16
    private static let longMark: UInt8 = 0xFF

    /// The fragments `make(0, …)` through `make(count - 1, …)`, each written into a buffer;
    /// made on every core, in chunks of consecutive indices.
    ///
    /// - Complexity: O(total length), two passes over the bytes.
    package init(count: Int, _ make: @Sendable (_ index: Int, _ text: inout TextBuffer) -> Void) {
        let chunkSize = 16_384
        let chunks = Parallel.map((count + chunkSize - 1) / chunkSize) { chunk in
            let indices = chunk * chunkSize..<min(chunk * chunkSize + chunkSize, count)
            var slots = [UInt8](repeating: 0, count: indices.count * Self.slotSize)
            var long: [UInt8] = []
            // Where each long fragment's slot is, to add the chunk's offset in `long` later.
            var longSlots: [Int] = []
            var text = TextBuffer(capacity: 256)
            for (position, index) in indices.enumerated() {
                text.removeAll()
                make(index, &text)
                let slot = position * Self.slotSize
                text.bytes.withUnsafeBufferPointer { bytes in
                    slots.withUnsafeMutableBytes { slots in
                        if bytes.count < Self.slotSize {
                            UnsafeMutableRawBufferPointer(rebasing: slots[slot..<slot + bytes.count]).copyMemory(from: UnsafeRawBufferPointer(bytes))
                            slots[slot + Self.slotSize - 1] = UInt8(bytes.count)
                        } else {
                            slots.storeBytes(of: UInt64(long.count), toByteOffset: slot, as: UInt64.self)
                            slots.storeBytes(of: UInt32(bytes.count), toByteOffset: slot + 8, as: UInt32.self)
                            slots[slot + Self.slotSize - 1] = Self.longMark
                            long.append(contentsOf: bytes)
                            longSlots.append(slot)
                        }
                    }
                }
            }
            return (slots: slots, long: long, longSlots: longSlots)
        }
        var slots: [UInt8] = [], long: [UInt8] = []
        slots.reserveCapacity(count * Self.slotSize)
        long.reserveCapacity(chunks.reduce(0) { $0 + $1.long.count })
        for chunk in chunks {
            let base = slots.count, longBase = UInt64(long.count)
            slots += chunk.slots
            long += chunk.long
            slots.withUnsafeMutableBytes { slots in
                for slot in chunk.longSlots {
                    let offset = slots.load(fromByteOffset: base + slot, as: UInt64.self)
                    slots.storeBytes(of: offset + longBase, toByteOffset: base + slot, as: UInt64.self)
                }
            }
        }
        self.slots = slots
        self.long = long
    }

    var count: Int { slots.count / Self.slotSize }

    /// Appends fragment `index` to `text`.
    @inline(__always)
    package func write(_ index: Int, to text: inout TextBuffer) {
        precondition(index >= 0 && index < count, "a fragment index in range")
        slots.withUnsafeBufferPointer { slots in write(slot: slots.baseAddress! + index * Self.slotSize, to: &text) }
    }

    /// Copies of some fragments' slots, gathered in one pass (see ``gather(_:into:_:)``).
    package struct Gathered {
        fileprivate var slots: [UInt8] = []

        package init() {}
    }

    /// Gathers the slots of fragments `index(0)` through `index(count - 1)` into `gathered`
    /// (replacing what it held), for ``write(gathered:of:to:)``.
    ///
    /// Fragments read at scattered indices (the ids of an edge's ends) are each a cache miss.
    /// Written one by one, every miss waits for the last line's formatting; gathered first,
    /// the loads do not depend on each other, so the processor has many of them in flight.
    ///
    /// - Complexity: O(`count`).
    package func gather(_ count: Int, into gathered: inout Gathered, _ index: (Int) -> Int) {
        if gathered.slots.count < count * Self.slotSize { gathered.slots = [UInt8](repeating: 0, count: count * Self.slotSize) }
        let fragmentCount = self.count
        slots.withUnsafeBytes { source in
            gathered.slots.withUnsafeMutableBytes { target in
                for position in 0..<count {
                    let index = index(position)
                    precondition(index >= 0 && index < fragmentCount, "a fragment index in range")
                    let head = source.loadUnaligned(fromByteOffset: index * Self.slotSize, as: UInt64.self)
                    let tail = source.loadUnaligned(fromByteOffset: index * Self.slotSize + 8, as: UInt64.self)
                    target.storeBytes(of: head, toByteOffset: position * Self.slotSize, as: UInt64.self)
                    target.storeBytes(of: tail, toByteOffset: position * Self.slotSize + 8, as: UInt64.self)
                }
            }
        }
    }

    /// Edges whose ends' fragments ``forEachEdgeBlock(_:from:to:_:)`` gathers at once (128 slots, 2 KB).
    static let edgeBlock = 64

    /// Runs `body` on each block of up to ``edgeBlock`` consecutive `edges`, with the fragments
    /// of the block's ends gathered first (`sources[edge]`, `targets[edge]` index fragments):
    /// edge `block.lowerBound + k`'s source at position `2k` of `ends`, its target at `2k + 1`.
    ///
    /// - Complexity: O(`edges.count`) besides `body`.
    @inline(__always)
    package func forEachEdgeBlock(
        _ edges: Range<Int>, from sources: Column<Int32>, to targets: Column<Int32>, _ body: (_ block: Range<Int>, _ ends: Gathered) -> Void
    ) {
        var ends = Gathered()
        for start in stride(from: edges.lowerBound, to: edges.upperBound, by: Self.edgeBlock) {
            let block = start..<min(start + Self.edgeBlock, edges.upperBound)
            gather(2 * block.count, into: &ends) { end in Int(end & 1 == 0 ? sources[start + end >> 1] : targets[start + end >> 1]) }
            body(block, ends)
        }
    }

    /// Appends the fragment gathered at `position` of `gathered` (gathered from these fragments).
    @inline(__always)
    package func write(gathered position: Int, of gathered: Gathered, to text: inout TextBuffer) {
        precondition(position >= 0 && (position + 1) * Self.slotSize <= gathered.slots.count, "a gathered position in range")
        gathered.slots.withUnsafeBufferPointer { slots in write(slot: slots.baseAddress! + position * Self.slotSize, to: &text) }
    }

    /// Appends the fragment whose slot is at `slot`.
    @inline(__always)
    private func write(slot: UnsafePointer<UInt8>, to text: inout TextBuffer) {
        let length = slot[Self.slotSize - 1]
        if length != Self.longMark {
            return text.write(utf8: UnsafeBufferPointer(start: slot, count: Int(length)))
        }
        let raw = UnsafeRawPointer(slot)
        let offset = Int(raw.loadUnaligned(as: UInt64.self)), count = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        long.withUnsafeBufferPointer { long in text.write(utf8: UnsafeBufferPointer(start: long.baseAddress! + offset, count: count)) }
    }
}
