import CPrefetch

/// Asking for memory before it is needed, so that the cache misses of lookups in a large table
/// (the node index, probed twice per relationship) overlap instead of coming one after another.
enum Prefetch {
    /// Starts bringing the cache line at `address` into every level of the data cache
    /// (`__builtin_prefetch`, through the small C target `CPrefetch`).
    @inline(__always)
    static func read(_ address: UnsafeRawPointer) {
        relgraph_prefetch_read(address)
    }
}
