/// A read-only column of fixed-width values (node kinds, edge ends, adjacency entries, ranks),
/// used in place wherever its memory lives: a buffer the graph allocated when it was built, or a
/// snapshot file mapped into memory (`Snapshot/`). Either way a read is one bounds check and one
/// load, as with an array, and copying a column shares its memory.
///
/// The memory is kept alive by `owner` and never written after the column is made, so a column
/// may be read from any thread.
package struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Keeps the memory alive: a ``ColumnBuffer``, or the mapped file.
    private let owner: AnyObject?
    private let base: UnsafePointer<Element>?
    package let count: Int

    /// A column over `count` elements at `base`, which `owner` keeps alive and unchanged.
    init(base: UnsafePointer<Element>?, count: Int, owner: AnyObject?) {
        precondition(count >= 0 && (count == 0 || base != nil), "a column's memory must hold its elements")
        self.base = base
        self.count = count
        self.owner = owner
    }

    /// The empty column.
    init() { self.init(base: nil, count: 0, owner: nil) }

    /// A column over `array`'s elements, sharing its memory: the array is kept, never changed,
    /// as the column's owner (an array a builder filled becomes a column without a copy).
    ///
    /// - Complexity: O(1).
    init(_ array: [Element]) {
        guard !array.isEmpty else { self.init(); return }
        let owner = ArrayOwner(array)
        self.init(base: owner.base, count: array.count, owner: owner)
    }

    /// The bytes of `words`, sharing their memory (for records of eight bytes each).
    ///
    /// - Complexity: O(1).
    init(bytesOf words: [UInt64]) where Element == UInt8 {
        guard !words.isEmpty else { self.init(); return }
        let owner = ArrayOwner(words)
        self.init(base: UnsafeRawPointer(owner.base).assumingMemoryBound(to: UInt8.self), count: words.count * 8, owner: owner)
    }

    /// A column of `count` elements written once by `initialize`, which must set every one.
    init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        guard count > 0 else { self.init(); return }
        let buffer = ColumnBuffer(count: count, of: Element.self)
        let elements = UnsafeMutableBufferPointer(start: buffer.memory.assumingMemoryBound(to: Element.self), count: count)
        initialize(elements)
        self.init(base: UnsafePointer(elements.baseAddress), count: count, owner: buffer)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    @inline(__always)
    package subscript(position: Int) -> Element {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "column index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// Calls `body` with the elements' memory, for loops that skip the bounds checks.
    @inline(__always)
    package func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The elements' bytes, for writing them out unchanged.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: base, count: count)))
    }
}

/// Memory a graph allocates for a column: aligned for any fixed-width element, freed with the
/// last column that uses it.
final class ColumnBuffer: @unchecked Sendable {
    let memory: UnsafeMutableRawPointer
    let byteCount: Int

    init<Element>(count: Int, of: Element.Type) {
        byteCount = count * MemoryLayout<Element>.stride
        memory = .allocate(byteCount: max(byteCount, 1), alignment: max(MemoryLayout<Element>.alignment, 8))
        // Columns are read at random (adjacency runs, a node's fields): huge pages where large.
        HugePages.advise(UnsafeMutableRawBufferPointer(start: memory, count: byteCount))
    }

    deinit { memory.deallocate() }
}

/// An array kept alive, unchanged, as the memory of a ``Column``: a native array's elements stay
/// where they are for as long as the array is neither changed nor released.
private final class ArrayOwner<Element>: @unchecked Sendable {
    let array: [Element]
    let base: UnsafePointer<Element>

    init(_ array: [Element]) {
        self.array = array
        base = self.array.withUnsafeBufferPointer { $0.baseAddress! }
    }
}
