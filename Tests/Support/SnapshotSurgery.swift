import RelGraph

/// Changes to a snapshot's bytes as a hostile or damaged file would make them, with every
/// checksum recomputed, so that only the snapshot's structural checks stand between the file
/// and the commands that read it.
public enum SnapshotSurgery {
    /// The section table of a snapshot: each section's tag, offset and length.
    public static func sections(of bytes: [UInt8]) -> [(tag: String, offset: Int, length: Int)] {
        func word(_ at: Int) -> Int { Int(bytes[at..<at + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
        let count = Int(bytes[24]) | Int(bytes[25]) << 8
        return (0..<count).map { index in
            let at = 64 + index * 32
            return (String(decoding: bytes[at..<at + 4], as: UTF8.self), word(at + 8), word(at + 16))
        }
    }

    /// `bytes` with element `index` of the 32-bit column in section `tag` set to `value`, and
    /// every checksum recomputed.
    public static func setting(_ tag: String, element index: Int, to value: Int32, in bytes: [UInt8]) -> [UInt8] {
        guard let section = sections(of: bytes).first(where: { $0.tag == tag }) else { fatalError("no section \(tag)") }
        precondition((index + 1) * 4 <= section.length, "section \(tag) has no element \(index)")
        var bytes = bytes
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(section.offset + index * 4..<section.offset + index * 4 + 4, with: $0) }
        return SnapshotFormat.resealed(bytes)
    }
}
