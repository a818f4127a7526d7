#if canImport(Glibc)
    import Glibc
#endif

/// Large tables probed at random (the node index of a million-node graph) miss the processor's
/// address cache on almost every probe when they lie in 4 KiB pages; in 2 MiB pages a 48 MB table
/// needs 24 entries, so a probe costs one memory access instead of a page-table walk and the access.
enum HugePages {
    /// Tables smaller than this gain nothing.
    static let threshold = 4 << 20

    /// Asks Linux to back the whole 2 MiB pages inside `buffer` with huge pages (transparent huge
    /// pages, `madvise` mode); must be called before the memory is first written to take effect at
    /// once. Elsewhere, or when the system refuses, nothing changes: it is only advice.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            let huge = 1 << 21
            guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
