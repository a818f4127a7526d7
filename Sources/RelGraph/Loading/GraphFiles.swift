import Foundation

/// Reading a graph from a path, whatever it holds: the one place that knows every reader, so
/// that readers of one format never call readers of another.
extension GraphDocument {
    /// Reads the graph at `path`: a `.yaml`/`.yml`/`.json` document, a `.graphml` file, an
    /// `.rgpack` snapshot (known by its extension or its first bytes) or a `neo4j-csv` folder
    /// (warnings of the GraphML and CSV readers are dropped here; call them directly to see them).
    public static func read(contentsOf path: String) throws(GraphLoadError) -> Graph {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { return try Neo4jCSV.read(folder: path) }
        if (path as NSString).pathExtension.lowercased() == "rgpack" || isSnapshot(path) {
            return try readSnapshot(path)
        }
        if (path as NSString).pathExtension.lowercased() == "graphml" {
            return try GraphMLReader().importing(contentsOf: path).graph
        }
        guard let syntax = Syntax(fileExtension: (path as NSString).pathExtension) else {
            throw .unsupportedFileType(path: path)
        }
        // A FIFO or a device is read as it comes, as a file is.
        switch syntax {
        case .json:
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            guard let size = regularFileSize(descriptor) else {
                return try decode(PipelinedTokenReader(JSONTokenReader(input: ByteInput(descriptor: descriptor))), fileName: path)
            }
            if size < pipelineThreshold { return try decode(JSONTokenReader(input: ByteInput(descriptor: descriptor)), fileName: path) }
            // A large file is mapped, and the elements of its lists read on every core.
            let file: FileBytes
            do {
                file = try FileBytes(path: path, access: .sequential)
            } catch {
                throw .unreadable(path: path, reason: error.reason)
            }
            let ranged = RangedElements(file: file)
            // A document on one line has no line feed to cut it at: read as a stream, as a FIFO is.
            guard ranged.isCut else {
                return try decode(PipelinedTokenReader(JSONTokenReader(input: ByteInput(descriptor: descriptor))), fileName: path)
            }
            return try decodeJSON(ranged, fileName: path)
        case .yaml:
            // libyaml parses from memory: the file mapped, or read whole.
            let file: FileBytes
            do {
                file = try FileBytes(path: path, access: .sequential)
            } catch {
                throw .unreadable(path: path, reason: error.reason)
            }
            let reader = YAMLTokenReader(bytes: file.buffer)
            if file.buffer.count < pipelineThreshold { return try decode(reader, fileName: path) }
            return try decode(PipelinedTokenReader(reader), fileName: path)
        }
    }

    /// Decodes JSON held in memory as a large file is decoded, cut into ranges of about
    /// `rangeBytes` (tests and the fuzz target make them tiny, and compare with reading whole).
    @_spi(Testing) public static func decodeJSON(_ bytes: some Collection<UInt8>, fileName: String, rangeBytes: Int) throws(DocumentError) -> Graph {
        do {
            return try decodeJSON(RangedElements(file: FileBytes(copying: bytes), chunkBytes: rangeBytes), fileName: fileName)
        } catch {
            guard case .invalidDocument(let documentError) = error else { preconditionFailure("decoding memory cannot fail to read") }
            throw documentError
        }
    }

    /// Documents smaller than this many bytes are read and decoded on one thread: starting a
    /// reading thread costs more than the overlap saves (a 17 KB document decodes in well under
    /// a millisecond), and start-up time is what a small file's command waits for.
    static let pipelineThreshold = 1 << 20

    /// The size of the regular file open at `descriptor`; nil for a FIFO, a device or a failure.
    private static func regularFileSize(_ descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }
}

extension GraphDocument {
    /// Whether the file at `path` begins with a snapshot's signature. Only regular files are
    /// looked into: reading the first bytes of a FIFO would take them from its reader.
    ///
    /// - Complexity: O(1): one open and an eight-byte read.
    public static func isSnapshot(_ path: String) -> Bool {
        // Not even opened unless regular: opening a FIFO makes its writer start writing, and
        // closing it again kills that writer with SIGPIPE before the real reader comes.
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var signature = [UInt8](repeating: 0, count: SnapshotFormat.magic.count)
        let count = signature.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        return count == signature.count && SnapshotFormat.hasMagic(signature)
    }

    /// Opens a snapshot, its errors as load errors (an unreadable file is one, exit 66).
    ///
    /// - Complexity: as ``Graph/init(snapshotAt:)``.
    public static func readSnapshot(_ path: String) throws(GraphLoadError) -> Graph {
        do {
            return try Graph(snapshotAt: path)
        } catch {
            if case let .unreadable(path, reason) = error { throw .unreadable(path: path, reason: reason) }
            throw .invalidSnapshot(message: error.description)
        }
    }
}
