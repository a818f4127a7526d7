/// LLVM's prefetch intrinsic (`prefetcht0` on x86-64, `prfm pldl1keep` on ARM): a hint that
/// memory will soon be read, which never faults and does not wait for the memory to arrive.
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ cache: Int32)

/// Asking for memory before it is needed, so that the cache misses of lookups in a large table
/// (the node index, probed twice per relationship) overlap instead of coming one after another.
enum Prefetch {
    /// Starts bringing the cache line at `address` into every level of the data cache.
    @inline(__always)
    static func read(_ address: UnsafeRawPointer) {
        llvmPrefetch(address, 0, 3, 1)
    }
}
