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
        return try read(documentAt: path, syntax: syntax)
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
    /// - Complexity: as ``/RelGraphCore/Graph/init(snapshotAt:)``.
    public static func readSnapshot(_ path: String) throws(GraphLoadError) -> Graph {
        do {
            return try Graph(snapshotAt: path)
        } catch {
            if case let .unreadable(path, reason) = error { throw .unreadable(path: path, reason: reason) }
            throw .invalidSnapshot(message: error.description)
        }
    }
}
