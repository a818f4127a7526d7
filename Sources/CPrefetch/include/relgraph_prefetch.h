#ifndef RELGRAPH_PREFETCH_H
#define RELGRAPH_PREFETCH_H

/// A hint that the cache line at `address` will soon be read (`prefetcht0` on x86-64,
/// `prfm pldl1keep` on ARM): it never faults and does not wait for the memory to arrive.
/// Inline, so that Swift's optimiser emits the one instruction where it is called.
static inline void relgraph_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
