/// Why a snapshot cannot be opened: the file, what is wrong with it, and what to do.
///
/// ``code`` says which kind of failure; new codes may come, so switch with a `default`.
public struct SnapshotError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Hashable, Sendable {
        fileprivate enum Value: Hashable, Sendable {
            case unreadable, notASnapshot, truncated, newerVersion, foreignByteOrder, checksumMismatch, malformed
        }

        fileprivate let value: Value

        /// The file is missing or cannot be read or mapped.
        public static let unreadable = Code(value: .unreadable)
        /// The file does not begin with a snapshot's signature.
        public static let notASnapshot = Code(value: .notASnapshot)
        /// The file ends before the length its header gives (or before a header ends).
        public static let truncated = Code(value: .truncated)
        /// Written by a RelGraph whose snapshots this one cannot read.
        public static let newerVersion = Code(value: .newerVersion)
        /// Written on a machine of the other byte order.
        public static let foreignByteOrder = Code(value: .foreignByteOrder)
        /// A section's bytes do not match its checksum, or the header's do not.
        public static let checksumMismatch = Code(value: .checksumMismatch)
        /// The structure is inconsistent: a section outside the file, a missing section, a
        /// count or an index out of range.
        public static let malformed = Code(value: .malformed)
    }

    /// The failure with its details.
    package enum Reason: Hashable, Sendable {
        case unreadable(path: String, reason: String)
        /// A FIFO, a device or a folder: a snapshot is mapped, so it must be a regular file.
        case notRegularFile(path: String)
        case notASnapshot(path: String)
        case truncated(path: String, length: Int, expected: Int)
        case newerVersion(path: String, version: Int, readableBy: Int)
        case foreignByteOrder(path: String)
        case checksumMismatch(path: String, section: String)
        case malformed(path: String, problem: String)
    }

    package let reason: Reason

    package init(_ reason: Reason) { self.reason = reason }

    package static func unreadable(path: String, reason: String) -> Self { Self(.unreadable(path: path, reason: reason)) }
    package static func notASnapshot(path: String) -> Self { Self(.notASnapshot(path: path)) }
    package static func truncated(path: String, length: Int, expected: Int) -> Self {
        Self(.truncated(path: path, length: length, expected: expected))
    }
    package static func newerVersion(path: String, version: Int, readableBy: Int) -> Self {
        Self(.newerVersion(path: path, version: version, readableBy: readableBy))
    }
    package static func foreignByteOrder(path: String) -> Self { Self(.foreignByteOrder(path: path)) }
    package static func checksumMismatch(path: String, section: String) -> Self { Self(.checksumMismatch(path: path, section: section)) }
    package static func malformed(path: String, problem: String) -> Self { Self(.malformed(path: path, problem: problem)) }

    public var code: Code {
        switch reason {
        case .unreadable, .notRegularFile: return .unreadable
        case .notASnapshot: return .notASnapshot
        case .truncated: return .truncated
        case .newerVersion: return .newerVersion
        case .foreignByteOrder: return .foreignByteOrder
        case .checksumMismatch: return .checksumMismatch
        case .malformed: return .malformed
        }
    }

    /// The snapshot's path.
    public var path: String {
        switch reason {
        case .unreadable(let path, _), .notRegularFile(let path), .notASnapshot(let path), .truncated(let path, _, _), .newerVersion(let path, _, _),
            .foreignByteOrder(let path), .checksumMismatch(let path, _), .malformed(let path, _):
            return path
        }
    }

    /// What is wrong, without the remedy.
    public var message: String {
        switch reason {
        case let .unreadable(_, reason):
            return "cannot read the snapshot: \(reason)"
        case .notRegularFile:
            return "cannot map the snapshot: it is not a regular file"
        case .notASnapshot:
            return "not a RelGraph snapshot (it does not begin with the rgpack signature)"
        case let .truncated(_, length, expected):
            let whole = length < SnapshotFormat.headerSize ? "a snapshot's header alone takes \(SnapshotFormat.headerSize)" : "its header says \(expected)"
            return "the snapshot is truncated: it has \(length) bytes where \(whole); the copy was cut short, so copy it again"
        case let .newerVersion(_, version, readableBy):
            let format = readableBy == version ? "format \(version)" : "format \(version), readable from format \(readableBy)"
            return "written by a newer RelGraph (\(format); this one reads format \(SnapshotFormat.version)); open it with a newer RelGraph"
        case .foreignByteOrder:
            return "the snapshot was written on a machine of the other byte order"
        case let .checksumMismatch(_, section):
            return "the snapshot is corrupted: its \(section) do not match their checksum"
        case let .malformed(_, problem):
            return "the snapshot is damaged: \(problem)"
        }
    }

    /// What the user can do: name another format, or write the snapshot again.
    public var remedy: Remedy? {
        switch reason {
        case .unreadable: return nil
        case .notRegularFile: return .readThroughAStream
        case .notASnapshot: return .nameTheFormat
        default: return .rewriteSnapshot
        }
    }

    /// The error as a diagnostic about the file.
    public var diagnostic: Diagnostic { .error(at: SourceLocation(file: path), message, remedy: remedy) }

    public var description: String { diagnostic.description }
}

extension GraphLoadError {
    /// The load error of a snapshot that cannot be opened (kept as ``GraphLoadError/underlying``).
    public init(_ error: SnapshotError) {
        self.init(error.code == .unreadable ? .unreadable : .invalidContent, diagnostics: [error.diagnostic], underlying: error)
    }
}
