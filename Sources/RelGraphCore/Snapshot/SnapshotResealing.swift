extension SnapshotFormat {
    /// `bytes` with every checksum the section table points at, and the header's, computed
    /// afresh: what a file forged on purpose would hold. The fuzzer uses it to reach the checks
    /// that come after the checksums; a file too short or too strange to reseal is returned
    /// unchanged.
    package static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= headerSize, hasMagic(bytes) else { return bytes }
        var bytes = bytes
        func word(_ at: Int) -> UInt64 { bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) } }
        func store(_ value: UInt64, at: Int) {
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at..<at + 8, with: $0) }
        }
        let count = min(Int(UInt32(truncatingIfNeeded: word(24))), (bytes.count - headerSize) / entrySize)
        for index in 0..<count {
            let at = headerSize + index * entrySize
            let offset = word(at + 8), length = word(at + 16)
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
            let checksum = bytes[Int(offset)..<Int(offset + length)].withUnsafeBytes(SnapshotChecksum.of)
            store(checksum, at: at + 24)
        }
        let tableEnd = headerSize + count * entrySize
        store(0, at: headerChecksumOffset)
        store(bytes[0..<tableEnd].withUnsafeBytes(SnapshotChecksum.of), at: headerChecksumOffset)
        return bytes
    }
}
