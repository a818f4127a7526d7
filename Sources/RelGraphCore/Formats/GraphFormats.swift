import Foundation

/// The formats a program knows, and the one place that chooses among them: by name (`--from`,
/// `--to`), by a file's content, by its extension.
///
/// ```swift
/// let formats = GraphFormats.library.adding(.dot)          // with RelGraphGraphviz's DOT
/// let imported = try formats.read(path: "people.graphml")
/// ```
///
/// A registry is a value: a program builds the one it needs; nothing is registered globally.
public struct GraphFormats: Sendable {
    /// The formats, in the order help texts list them.
    public private(set) var all: [GraphFormat]

    public init(_ formats: [GraphFormat]) {
        all = []
        for format in formats { add(format) }
    }

    /// These formats with `format` added, or put in place of the one of the same name.
    public func adding(_ format: GraphFormat) -> GraphFormats {
        var copy = self
        copy.add(format)
        return copy
    }

    private mutating func add(_ format: GraphFormat) {
        if let index = all.firstIndex(where: { $0.name == format.name }) { all[index] = format } else { all.append(format) }
    }

    /// The format called `name` (as `--from` and `--to` take it), ignoring case.
    public subscript(name: String) -> GraphFormat? {
        all.first { $0.name == name.lowercased() }
    }

    /// The formats that can be read, and those that can be written.
    public var readable: [GraphFormat] { all.filter { $0.reader != nil } }
    public var writable: [GraphFormat] { all.filter { $0.writer != nil } }

    /// The format a file's extension names (without the dot, any case), among `candidates`.
    public func format(forExtension fileExtension: String, among candidates: [GraphFormat]? = nil) -> GraphFormat? {
        let wanted = fileExtension.lowercased()
        return (candidates ?? all).first { $0.fileExtensions.contains(wanted) }
    }

    /// The format of what is at `path`: a folder's format, else the one its first bytes show,
    /// else the one its extension names.
    ///
    /// - Throws: ``GraphLoadError`` with ``GraphLoadError/Code/fileNotFound`` when nothing is
    ///   there, ``GraphLoadError/Code/unknownFormat`` when no readable format fits.
    public func format(ofContentAt path: String) throws(GraphLoadError) -> GraphFormat {
        let probe = try Self.probe(path)
        let readable = readable
        if let recognized = readable.first(where: { $0.recognizes(probe) }) { return recognized }
        if probe.isFolder {
            let folders = readable.filter { $0.layout == .folder }
            // A folder of the one folder format there is gets that reader's own explanation.
            if folders.count == 1 { return folders[0] }
            throw .unknownFormat(path: path, "a folder of no known format; \(describeReadable())")
        }
        if let named = format(forExtension: (path as NSString).pathExtension, among: readable.filter { $0.layout == .file }) {
            return named
        }
        throw .unknownFormat(path: path, "unknown file type; \(describeReadable())")
    }

    /// Reads the file or folder at `path`, in `format` if given (whatever its name), else in
    /// the format ``format(ofContentAt:)`` finds.
    ///
    /// - Complexity: that of the format's reader, O(size of the input) for every format here.
    public func read(path: String, as format: GraphFormat? = nil, options: ReadOptions = ReadOptions()) throws(GraphLoadError) -> ImportedGraph {
        let chosen: GraphFormat
        if let format {
            let probe = try Self.probe(path)
            if format.layout == .folder, !probe.isFolder {
                throw .unknownFormat(path: path, "\(format.name) is a folder, and this is a file", remedy: .readNeo4jFilesByName)
            }
            chosen = format
        } else {
            chosen = try self.format(ofContentAt: path)
        }
        guard let reader = chosen.reader else { throw .unknownFormat(path: path, "RelGraph writes \(chosen.name) but does not read it") }
        return try reader.fromPath(path, options)
    }

    /// Reads bytes held in memory (standard input, say) in `format`; `fileName` names them in
    /// diagnostics.
    public func read(bytes: [UInt8], as format: GraphFormat, fileName: String, options: ReadOptions = ReadOptions()) throws(GraphLoadError) -> ImportedGraph {
        guard let reader = format.reader else { throw .unknownFormat(path: fileName, "RelGraph writes \(format.name) but does not read it") }
        guard let fromBytes = reader.fromBytes else {
            throw .unknownFormat(path: fileName, "\(format.name) is a folder of files and cannot be read from a stream", remedy: .readNeo4jFilesByName)
        }
        return try fromBytes(bytes, fileName, options)
    }

    /// "the formats read are yaml (.yaml, .yml), …, neo4j-csv (a folder)", for messages.
    public func describeReadable() -> String {
        let names = readable.map { format in
            format.layout == .folder ? "\(format.name) (a folder)" : "\(format.name) (\(format.fileExtensions.map { "." + $0 }.joined(separator: ", ")))"
        }
        return "the formats read are " + names.joined(separator: ", ")
    }

    /// What is at `path`: whether it is a folder, and a regular file's first bytes.
    static func probe(_ path: String) throws(GraphLoadError) -> FormatProbe {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else { return FormatProbe(path: path, isFolder: kind == S_IFDIR, firstBytes: []) }
        // Only regular files are opened: opening a FIFO would make its writer start, and
        // closing it would kill that writer before the real reader comes.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return FormatProbe(path: path, isFolder: false, firstBytes: []) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        return FormatProbe(path: path, isFolder: false, firstBytes: Array(bytes.prefix(max(count, 0))))
    }
}
