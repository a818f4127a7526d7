/// Why a snapshot cannot be opened. Each message names the file, what is wrong with it and
/// what to do; the command line exits with 65 (invalid input) on every one.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing or cannot be read or mapped (exit 66 on the command line).
    case unreadable(path: String, reason: String)
    /// The file does not begin with a snapshot's signature.
    case notASnapshot(path: String)
    /// The file ends before the length its header gives (or before a header ends).
    case truncated(path: String, length: Int, expected: Int)
    /// Written by a RelGraph whose snapshots this one cannot read.
    case newerVersion(path: String, version: Int, readableBy: Int)
    /// Written on a machine of the other byte order.
    case foreignByteOrder(path: String)
    /// A section's bytes do not match its checksum, or the header's do not.
    case checksumMismatch(path: String, section: String)
    /// The file's structure is inconsistent: a section outside the file, a missing section,
    /// a count or an index out of range.
    case malformed(path: String, problem: String)

    public var description: String {
        let advice = "re-export it with 'relgraph export GRAPH --to rgpack -o FILE.rgpack'"
        switch self {
        case let .unreadable(path, reason):
            return "\(path): error: cannot read the snapshot: \(reason)"
        case .notASnapshot(let path):
            return "\(path): error: not a RelGraph snapshot (it does not begin with the rgpack signature); name the file's format with --from, or write a snapshot with 'relgraph export GRAPH --to rgpack'"
        case let .truncated(path, length, expected):
            let whole = length < SnapshotFormat.headerSize ? "a snapshot's header alone takes \(SnapshotFormat.headerSize)" : "its header says \(expected)"
            return "\(path): error: the snapshot is truncated: it has \(length) bytes where \(whole); the copy was cut short, so copy it again or \(advice)"
        case let .newerVersion(path, version, readableBy):
            let format = readableBy == version ? "format \(version)" : "format \(version), readable from format \(readableBy)"
            return "\(path): error: written by a newer RelGraph (\(format); this one reads format \(SnapshotFormat.version)); open it with a newer RelGraph, or export it again from its source graph with this one"
        case .foreignByteOrder(let path):
            return "\(path): error: the snapshot was written on a machine of the other byte order; \(advice) on this machine"
        case let .checksumMismatch(path, section):
            return "\(path): error: the snapshot is corrupted: its \(section) do not match their checksum; \(advice)"
        case let .malformed(path, problem):
            return "\(path): error: the snapshot is damaged: \(problem); \(advice)"
        }
    }
}
