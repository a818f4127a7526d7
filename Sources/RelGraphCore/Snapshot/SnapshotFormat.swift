/// The layout of an `.rgpack` snapshot (docs/rgpack.md): a 64-byte header, a table of
/// sections, then the sections, each starting on an 8-byte boundary so that its columns are
/// used in place once the file is mapped.
///
/// Header (little-endian): magic (8 bytes) · format version (u32) · byte-order mark (u32,
/// `0x01020304`) · file length (u64) · section count (u32) · oldest format version that can
/// read the file (u32) · checksum of the header and the section table (u64) · 24 zero bytes.
/// Each table entry (32 bytes): section tag (four ASCII letters) · zero (u32) · offset (u64) ·
/// length (u64) · checksum of the section's bytes (u64, ``SnapshotChecksum``).
package enum SnapshotFormat {
    /// `\x89 R G P K \r \n \x1A`: not text in any encoding, and damaged by any transfer that
    /// rewrites line ends (as PNG's signature is).
    package static let magic: [UInt8] = [0x89, 0x52, 0x47, 0x50, 0x4B, 0x0D, 0x0A, 0x1A]
    /// The format this RelGraph writes, and the newest it reads.
    static let version: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let headerSize = 64
    static let entrySize = 32
    static let alignment = 8
    /// Where the header's own checksum lies (it is zero while the checksum is computed).
    static let headerChecksumOffset = 32

    /// Whether `bytes` begin as a snapshot does.
    package static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count >= magic.count && bytes.prefix(magic.count).elementsEqual(magic)
    }

    /// The sections of format version 1, in the order they are written.
    enum Section: String, CaseIterable, Sendable {
        case metadata = "META"
        case nodeIDOffsets = "NIDO", nodeIDBytes = "NIDB"
        case nodeKinds = "NKND"
        case nodeTypeOffsets = "NTYO", nodeTypeBytes = "NTYB"
        case nodeLabelOffsets = "NLBO", nodeLabelBytes = "NLBB"
        case nodeTimings = "NTIM"
        case nodeAttributeOffsets = "NATO", nodeAttributeBytes = "NATB"
        case nodeSources = "NSRC"
        case edgeIDOffsets = "EIDO", edgeIDBytes = "EIDB"
        case edgeFrom = "EFRM", edgeTo = "ETO_", edgeRelations = "EREL"
        case edgeTimings = "ETIM"
        case edgeAttributeOffsets = "EATO", edgeAttributeBytes = "EATB"
        case edgeSources = "ESRC"
        case outOffsets = "AOOF", outgoing = "AOUT", inOffsets = "AIOF", incoming = "AINC"
        case idRanks = "RANK", nodesByRank = "BYRK"
        case idTable = "IDTB"

        /// The tag as the table stores it: the four ASCII letters, first in the lowest byte.
        var tag: UInt32 {
            rawValue.utf8.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }

        init?(tag: UInt32) {
            let letters = (0..<4).map { UInt8(truncatingIfNeeded: tag >> (8 * $0)) }
            guard let section = Section(rawValue: String(decoding: letters, as: UTF8.self)) else { return nil }
            self = section
        }

        /// What the section holds, for messages.
        var name: String {
            switch self {
            case .metadata: return "title and declarations"
            case .nodeIDOffsets, .nodeIDBytes: return "node ids"
            case .nodeKinds: return "node kinds"
            case .nodeTypeOffsets, .nodeTypeBytes: return "node types"
            case .nodeLabelOffsets, .nodeLabelBytes: return "node labels"
            case .nodeTimings: return "node dates"
            case .nodeAttributeOffsets, .nodeAttributeBytes: return "node attributes"
            case .nodeSources: return "node sources"
            case .edgeIDOffsets, .edgeIDBytes: return "edge ids"
            case .edgeFrom, .edgeTo: return "edge ends"
            case .edgeRelations: return "edge relations"
            case .edgeTimings: return "edge dates"
            case .edgeAttributeOffsets, .edgeAttributeBytes: return "edge attributes"
            case .edgeSources: return "edge sources"
            case .outOffsets, .outgoing, .inOffsets, .incoming: return "adjacency"
            case .idRanks, .nodesByRank: return "id order"
            case .idTable: return "id table"
            }
        }
    }
}
