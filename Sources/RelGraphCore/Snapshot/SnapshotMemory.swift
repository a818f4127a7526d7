import Foundation

/// A snapshot's bytes (``FileBytes``), held for as long as any graph column made from them
/// lives: a file mapped read-only into memory, or a copy on the heap (a snapshot read from
/// standard input).
struct SnapshotMemory: Sendable {
    private let file: FileBytes

    var bytes: UnsafeRawBufferPointer { file.bytes }

    /// Maps the file at `path`, prefaulted: the checksums read every page at once, which is
    /// cheaper than a fault each.
    init(mapping path: String) throws(SnapshotError) {
        do {
            file = try FileBytes(path: path, access: .everything, requireRegularFile: true)
        } catch {
            if error.kind == .notRegularFile || error.kind == .folder { throw SnapshotError(.notRegularFile(path: path)) }
            throw .unreadable(path: path, reason: error.reason)
        }
        _checkInvariants()
    }

    /// A copy of `data`, aligned as a mapping is.
    init(copying data: some Collection<UInt8>) {
        file = FileBytes(copying: data)
        _checkInvariants()
    }

    /// A fixed-width column of `count` elements at `offset`, kept alive by this memory. The
    /// caller has checked that they lie inside it and that `offset` is aligned.
    func column<Element: BitwiseCopyable>(_: Element.Type, at offset: Int, count: Int) -> Column<Element> {
        precondition(
            offset >= 0 && offset % MemoryLayout<Element>.alignment == 0 && offset + count * MemoryLayout<Element>.stride <= bytes.count,
            "snapshot column outside its file")
        guard count > 0, let base = bytes.baseAddress else { return Column() }
        return Column(base: (base + offset).assumingMemoryBound(to: Element.self), count: count, owner: file)
    }

    /// Checks, in debug builds and tests, that the memory is aligned for every column type.
    func _checkInvariants() {
        #if DEBUG
            if let base = bytes.baseAddress {
                precondition(UInt(bitPattern: base) % UInt(SnapshotFormat.alignment) == 0, "snapshot memory is not 8-byte aligned")
            }
        #endif
    }
}
