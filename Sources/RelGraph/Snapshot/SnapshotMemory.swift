import Foundation

/// A snapshot's bytes, held for as long as any graph column made from them lives: a file
/// mapped read-only into memory (its pages are the kernel's page cache, shared and never
/// copied), or a copy on the heap (a snapshot read from standard input).
final class SnapshotMemory: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    /// Maps the file at `path`.
    init(mapping path: String) throws(SnapshotError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: "it is not a regular file; pipe it with '--from rgpack -' instead")
        }
        let length = Int(status.st_size)
        guard length > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            isMapped = false
            return
        }
        // Prefaulted: the checksums read every page at once, which is cheaper than a fault each.
        let address = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw .unreadable(path: path, reason: "cannot map it into memory: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: address, count: length)
        isMapped = true
        _checkInvariants()
    }

    /// A copy of `data`, aligned as a mapping is.
    init(copying data: some Collection<UInt8>) {
        let count = data.count
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        _ = memory.initializeMemory(as: UInt8.self, from: data)
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<count])
        isMapped = false
        _checkInvariants()
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            base.deallocate()
        }
    }

    /// A fixed-width column of `count` elements at `offset`, kept alive by this memory. The
    /// caller has checked that they lie inside it and that `offset` is aligned.
    func column<Element: BitwiseCopyable>(_: Element.Type, at offset: Int, count: Int) -> Column<Element> {
        precondition(offset >= 0 && offset % MemoryLayout<Element>.alignment == 0 && offset + count * MemoryLayout<Element>.stride <= bytes.count,
                     "snapshot column outside its file")
        guard count > 0, let base = bytes.baseAddress else { return Column() }
        return Column(base: (base + offset).assumingMemoryBound(to: Element.self), count: count, owner: self)
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
