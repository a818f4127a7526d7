import Foundation

/// A file written atomically: everything goes to a temporary file beside the destination,
/// which replaces the destination only on ``commit()``. If writing fails or the writer is
/// dropped before committing, the temporary file is removed and the destination is untouched.
///
/// Writes are buffered, so exporters can stream millions of lines without holding them.
public final class OutputFile: TextSink {
    /// Where the file ends up (nil for standard output).
    public let path: String?
    /// Where it is written until it is complete (nil for standard output).
    private let temporaryPath: String?
    private var descriptor: Int32
    /// Written for every piece of every line: exempt from run-time exclusivity checks, which
    /// cost more than the copy. An output file has one writer, never shared between threads.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private var failure: OutputError?
    private var committed = false

    static let bufferSize = 1 << 20

    /// Opens a temporary file beside `path`.
    public init(path: String) throws(OutputError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporaryPath = "\(directory)/.\(url.lastPathComponent).relgraph-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp"
        self.temporaryPath = temporaryPath
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Standard output: written through the same buffer, nothing to rename.
    public init(standardOutput: Void = ()) {
        path = nil
        temporaryPath = nil
        descriptor = STDOUT_FILENO
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        guard let temporaryPath else { flush(); return }
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporaryPath) }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in buffer.append(contentsOf: bytes) }
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Writes raw bytes.
    public func write(bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .cannotWrite(path: path ?? "standard output", reason: String(cString: strerror(errno)))
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the file and moves it into place.
    public func commit() throws(OutputError) {
        flush()
        if let failure { throw failure }
        guard let path, let temporaryPath else { return }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        committed = true
    }
}

/// Why output could not be written.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "\(path): error: cannot write: \(reason)"
        }
    }
}
