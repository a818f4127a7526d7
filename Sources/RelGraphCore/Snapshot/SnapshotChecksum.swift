/// The checksums of a snapshot: XXH64 (Yann Collet's 64-bit hash, implemented here) of each
/// 1 MiB chunk of a section, computed on every core at once, then XXH64 of the chunks' hashes.
/// Fast enough that verifying a whole snapshot on every open costs little beside mapping it.
enum SnapshotChecksum {
    /// The chunk size: small enough to share a section between cores, large enough that
    /// combining the chunks' hashes costs nothing.
    static let chunkSize = 1 << 20

    /// The checksum of `bytes`: the same on every machine, whatever the number of cores.
    ///
    /// - Complexity: O(*n*), split across the cores.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let chunks = max(1, (bytes.count + chunkSize - 1) / chunkSize)
        guard chunks > 1 else { return xxh64(bytes, seed: 0) }
        let base = UInt(bitPattern: bytes.baseAddress), count = bytes.count
        let hashes = Parallel.map(chunks) { chunk in
            let start = chunk * chunkSize
            let piece = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: base)! + start, count: min(chunkSize, count - start))
            return xxh64(piece, seed: UInt64(chunk))
        }
        return hashes.withUnsafeBytes { xxh64($0, seed: UInt64(count)) }
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        (accumulator &+ input &* prime2).rotatedLeft(31) &* prime1
    }

    @inline(__always)
    private static func merge(_ hash: UInt64, _ accumulator: UInt64) -> UInt64 {
        (hash ^ round(0, accumulator)) &* prime1 &+ prime4
    }

    /// XXH64 of `bytes` (little-endian reads, as the reference implementation on x86 and ARM).
    static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return finish(seed &+ prime5 &+ 0, bytes, from: 0) }
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2, v2 = seed &+ prime2, v3 = seed, v4 = seed &- prime1
            while offset + 32 <= count {
                v1 = round(v1, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                v2 = round(v2, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                v3 = round(v3, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
                v4 = round(v4, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
                offset += 32
            }
            hash = v1.rotatedLeft(1) &+ v2.rotatedLeft(7) &+ v3.rotatedLeft(12) &+ v4.rotatedLeft(18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(count)
        return finish(hash, bytes, from: offset)
    }

    @inline(__always)
    private static func finish(_ start: UInt64, _ bytes: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        var hash = start, offset = offset
        let count = bytes.count
        if let base = bytes.baseAddress {
            while offset + 8 <= count {
                hash ^= round(0, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                hash = hash.rotatedLeft(27) &* prime1 &+ prime4
                offset += 8
            }
            if offset + 4 <= count {
                hash ^= UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* prime1
                hash = hash.rotatedLeft(23) &* prime2 &+ prime3
                offset += 4
            }
            while offset < count {
                hash ^= UInt64(bytes[offset]) &* prime5
                hash = hash.rotatedLeft(11) &* prime1
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }
}
