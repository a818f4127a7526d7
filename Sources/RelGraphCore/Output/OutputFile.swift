import Foundation

/// Where exports and drawings go, written so that a failure never leaves a partial or lost file.
///
/// - A regular file (or a name that does not exist yet) is written to a temporary file beside it,
///   which replaces it only on ``commit()``, keeping the old file's permissions (and, for root,
///   owner). A symbolic link is followed: the file it points to is replaced, the link stays. If
///   writing fails, the writer is dropped before committing, or the process is interrupted
///   (see ``TemporaryFiles``), the temporary file is removed and the old file is untouched.
/// - Anything else that exists — a device such as `/dev/null`, a FIFO, a socket, a terminal,
///   `/dev/stdout` — is written into, as every Unix tool does; it is never replaced.
/// - Standard output is written through the same buffer.
///
/// Writes are buffered, so exporters can stream millions of lines without holding them.
public final class OutputFile: TextSink {
    /// Where the file ends up (nil for standard output).
    public let path: String?
    /// Where it is written until it is complete (nil when written in place).
    private let temporaryPath: String?
    /// The file that the temporary one replaces on commit.
    private let finalPath: String?
    private var descriptor: Int32
    /// Written for every piece of every line: exempt from run-time exclusivity checks, which
    /// cost more than the copy. An output file has one writer, never shared between threads.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    /// Where the bytes written are counted (see ``ProgressCounter``).
    private let progress = ProgressCounter.current
    private var failure: OutputError?
    private var committed = false

    static let bufferSize = 1 << 20

    /// Opens `path` for writing: a temporary file beside it, or the device, FIFO or socket it
    /// names.
    ///
    /// - Throws: ``OutputError`` (``OutputError/Code/cannotCreate``) when the file cannot be created
    ///   (a missing folder, no permission, a folder of that name).
    public init(path: String) throws(OutputError) {
        self.path = path
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, (status.st_mode & S_IFMT) == S_IFDIR {
            throw .cannotCreate(path: path, reason: "it is a folder")
        }
        if exists, (status.st_mode & S_IFMT) != S_IFREG {
            // A device, FIFO or socket: write into it, never replace it.
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: Self.reason()) }
            temporaryPath = nil
            finalPath = nil
            buffer.reserveCapacity(Self.bufferSize)
            return
        }
        // Replace the file a symbolic link points to, not the link.
        let target =
            exists
            ? (realpath(path, nil).map { resolved in
                defer { free(resolved) }; return String(cString: resolved)
            } ?? path) : path
        let temporaryPath = Self.temporaryPath(beside: target)
        TemporaryFiles.began(temporaryPath)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let reason = Self.reason()
            TemporaryFiles.ended(temporaryPath)
            throw .cannotCreate(path: path, reason: reason)
        }
        if exists {
            // Keep the replaced file's permissions and, where allowed, its owner.
            _ = fchmod(descriptor, status.st_mode & 0o7777)
            if getuid() == 0 { _ = fchown(descriptor, status.st_uid, status.st_gid) }
        }
        self.temporaryPath = temporaryPath
        finalPath = target
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Standard output: written through the same buffer, nothing to rename.
    public init(standardOutput: Void = ()) {
        path = nil
        temporaryPath = nil
        finalPath = nil
        descriptor = STDOUT_FILENO
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if let temporaryPath {
            if descriptor >= 0 { close(descriptor) }
            if !committed {
                unlink(temporaryPath)
                TemporaryFiles.ended(temporaryPath)
            }
        } else {
            flush()
            if path != nil, descriptor >= 0 { close(descriptor) }
        }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in buffer.append(contentsOf: bytes) }
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Writes text given as UTF-8 bytes; a large piece (a range of an export's lines) goes
    /// straight to the file after what is buffered, without a copy into the buffer.
    public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= Self.bufferSize / 4 else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { flush() }
            return
        }
        flush()
        send(UnsafeRawBufferPointer(bytes))
    }

    /// Writes raw bytes.
    public func write(bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to the file unless a write already failed, noting a failure and counting
    /// what was written (see ``ProgressCounter``).
    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if let error = FileDescriptorWriting.writeAll(bytes, to: descriptor) {
            failure = Self.failure(errno: error, path: path)
        }
        progress?.add(bytes.count)
    }

    /// Finishes the file and moves it into place.
    ///
    /// - Throws: ``OutputError`` (``OutputError/Code/cannotWrite``) when the data could not be written
    ///   (disk full, I/O error), ``OutputError/Code/closedPipe`` when standard output was closed
    ///   by its reader, ``OutputError`` (``OutputError/Code/cannotCreate``) when the file could not be
    ///   moved into place.
    public func commit() throws(OutputError) {
        flush()
        if let failure { throw failure }
        guard let temporaryPath, let finalPath else { return }
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw .cannotWrite(path: path ?? finalPath, reason: Self.reason())
        }
        descriptor = -1
        guard rename(temporaryPath, finalPath) == 0 else {
            throw .cannotCreate(path: path ?? finalPath, reason: Self.reason())
        }
        committed = true
        TemporaryFiles.ended(temporaryPath)
    }

    /// What a failed write's `errno` means for the command.
    private static func failure(errno error: Int32, path: String?) -> OutputError {
        error == EPIPE ? .closedPipe : .cannotWrite(path: path ?? "standard output", reason: String(cString: strerror(error)))
    }

    static func reason() -> String { String(cString: strerror(errno)) }

    /// A hidden name beside `path`, unique to this process and call, under which output is
    /// written until it is whole: `DIR/.NAME.relgraph-PID-RANDOM.tmp`.
    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).relgraph-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }
}

/// Why output could not be written: ``code`` says which kind of failure (new codes may come).
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value: Hashable, Sendable { case cannotCreate, cannotWrite, closedPipe }
        fileprivate let value: Value

        /// The file or folder could not be created or moved into place.
        public static let cannotCreate = Code(value: .cannotCreate)
        /// Writing failed part-way: disk full, an I/O error.
        public static let cannotWrite = Code(value: .cannotWrite)
        /// The reader of standard output went away (`relgraph … | head -1`): not an error to
        /// report.
        public static let closedPipe = Code(value: .closedPipe)
    }

    public let code: Code
    /// The file or folder (`standard output` for it).
    public let path: String
    /// Why, as the system said it.
    public let reason: String

    package static func cannotCreate(path: String, reason: String) -> Self { Self(code: .cannotCreate, path: path, reason: reason) }
    package static func cannotWrite(path: String, reason: String) -> Self { Self(code: .cannotWrite, path: path, reason: reason) }
    package static let closedPipe = Self(code: .closedPipe, path: "standard output", reason: "closed by its reader")

    /// The failure as a diagnostic about the file.
    public var diagnostic: Diagnostic {
        switch code {
        case .cannotCreate: return .error(at: SourceLocation(file: path), "cannot create: \(reason)")
        case .cannotWrite: return .error(at: SourceLocation(file: path), "cannot write: \(reason)")
        default: return .error(at: SourceLocation(file: path), reason)
        }
    }

    public var description: String { diagnostic.description }
}
