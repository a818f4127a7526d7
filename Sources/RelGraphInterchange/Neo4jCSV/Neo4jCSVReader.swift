import Foundation
import RelGraphCore
import RelGraphDocument

extension Neo4jCSV {
    /// Reads a folder written by ``write(_:toFolder:language:)`` (`nodes.csv`,
    /// `relationships.csv`, `declarations.json`), or a folder of Neo4j bulk-import CSV files
    /// from elsewhere: every `.csv` file whose header has an `:ID` column is a node file, every
    /// one with `:START_ID` a relationship file. `settings` gives the dialect, id type and what
    /// to skip (as `neo4j-admin`'s options do); its own files are not read.
    public static func read(folder: String, settings: Neo4jImport = Neo4jImport()) throws(GraphLoadError) -> ImportedGraph {
        var request = settings
        request.nodeGroups = []
        request.relationshipGroups = []
        request.declarations = nil
        let nodesPath = "\(folder)/\(nodesFile)", relationshipsPath = "\(folder)/\(relationshipsFile)"
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: nodesPath) {
            request.nodeGroups = [.init(files: [nodesPath])]
            if fileManager.fileExists(atPath: relationshipsPath) { request.relationshipGroups = [.init(files: [relationshipsPath])] }
            let declarationsPath = "\(folder)/\(declarationsFile)"
            if fileManager.fileExists(atPath: declarationsPath) { request.declarations = declarationsPath }
            return try request.read()
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw .unreadable(path: folder, reason: (error as NSError).localizedDescription)
        }
        var warnings: [Diagnostic] = []
        for name in names where name.lowercased().hasSuffix(".csv") {
            let path = "\(folder)/\(name)"
            guard let header = try? firstRecord(at: path, dialect: request.dialect) else { continue }
            let types = header.map { CSVTable.split($0).type?.uppercased() }
            if types.contains("ID") {
                request.nodeGroups.append(.init(files: [path]))
            } else if types.contains("START_ID") {
                request.relationshipGroups.append(.init(files: [path]))
            } else {
                warnings.append(
                    .warning(
                        at: SourceLocation(file: path),
                        "skipped: its first line has no :ID or :START_ID column (a header-only file and its data files are read by name)",
                        remedy: .readNeo4jFilesByName))
            }
        }
        guard !request.nodeGroups.isEmpty else {
            throw .unknownFormat(
                path: folder, "this folder is not a neo4j-csv folder: it has no nodes.csv and no .csv file whose header has an :ID column",
                remedy: .readNeo4jFilesByName)
        }
        var result = try request.read()
        result.warnings = warnings + result.warnings
        return result
    }

    /// A CSV file's bytes, whole: mapped when it is a regular file (read front to back), read
    /// into memory when it is a pipe.
    static func bytes(of path: String) throws(GraphLoadError) -> FileBytes {
        do {
            return try FileBytes(path: path, access: .sequential)
        } catch {
            switch error.kind {
            case .notFound: throw .fileNotFound(path: path)
            case .folder: throw .unreadable(path: path, reason: "it is a folder; name the CSV files in it")
            case .notRegularFile, .other: throw .unreadable(path: path, reason: error.reason)
            }
        }
    }

    /// The first record of a CSV file (its header).
    static func firstRecord(at path: String, dialect: CSVDialect) throws -> [String]? {
        let file = try FileBytes(path: path, access: .sequential)
        var scanner = CSVScanner(bytes: file.buffer, dialect: dialect)
        var record: [CSVScanner.Field] = []
        try scanner.skipByteOrderMark()
        guard try scanner.nextRecord(into: &record, before: file.buffer.count) else { return nil }
        return withExtendedLifetime(file) { record.map(\.text) }
    }

    /// About how many lines a file has, from its size and the lines in 64 KiB of it: its middle
    /// (where ids have their usual length: a file's first lines are often shorter) or, in a
    /// small file, its start. Never more than one per four bytes, the shortest useful record.
    /// The estimate sizes the node index, whose table doubles past a power of two: an estimate
    /// a tenth too high can double it.
    static func estimatedRecordCount(at path: String) -> Int {
        guard let file = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? file.close() }
        guard let size = try? file.seekToEnd(), (try? file.seek(toOffset: size > 1 << 18 ? size / 2 : 0)) != nil,
            let sample = try? file.read(upToCount: 1 << 16), !sample.isEmpty
        else { return 0 }
        let lines = sample.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        return min(Int(Double(size) * Double(lines) / Double(sample.count) * 1.02), Int(size) / 4)
    }

    /// A problem with one record, and the column it is in.
    struct TableError: Error {
        var column: String
        var problem: DocumentProblem
    }

    /// What the parsing thread hands over for each record.
    enum ParsedRecord<Item: Sendable>: Sendable {
        case item(Item, TextPosition)
        /// A record that could not be read; reading goes on.
        case problem(DocumentProblem, TextPosition)
        /// The file cannot be read further.
        case fatal(DocumentProblem, TextPosition)
    }

    /// The records of one range of a file, and where reading started and stopped.
    struct ParsedRange<Item: Sendable>: Sendable {
        var records: [ParsedRecord<Item>]
        var start: LinePosition
        var end: LinePosition
        /// The relations and sources plain records name (the entries of ``CSVRecordCache``).
        var texts = RangeTexts()
        /// For each record, the hash of the key the building thread will look up for it (0 for
        /// none), when the reader prefetches on that thread (see ``Prefetch``).
        var keyHashes: [Int] = []
    }

    /// How many bytes of a file a thread parses at a time.
    static let chunkBytes = 1 << 20

    /// Makes the item of a plain record straight from its bytes, or nil to take the general path.
    typealias PlainConversion<Item> = @Sendable (CSVTable, [CSVFieldSpan], UnsafeBufferPointer<UInt8>, inout CSVRecordCache) -> Item?

    /// Starts bringing into the cache what converting a record will read (see ``Prefetch``);
    /// records are converted ``lookaheadRecords`` behind the scanner when there is one.
    typealias Lookahead = @Sendable (CSVTable, [CSVFieldSpan], UnsafeBufferPointer<UInt8>, inout CSVRecordCache) -> Void

    /// How many records a range's scanner runs ahead of their conversion when a ``Lookahead`` is
    /// given, and the building thread ahead of its insertions when records have key hashes.
    static let lookaheadRecords = 8

    /// The hash of the key the building thread looks up for an item (0: none).
    typealias KeyHash<Item> = @Sendable (borrowing Item) -> Int

    /// Where each added node or edge came from, packed (no text per element): for messages
    /// about problems found when the graph is built.
    struct PackedLocations {
        /// Where each file's entries begin, and the file.
        private var files: [(firstEntry: Int, name: String)] = []
        /// Line and column of each entry (line 0: no position), eight bytes a record.
        private var entries: [(line: UInt32, column: UInt32)] = []

        mutating func reserve(_ count: Int) { entries.reserveCapacity(count) }

        @inline(__always)
        mutating func append(_ location: SourceLocation) {
            if files.last?.name != location.file { files.append((entries.count, location.file)) }
            entries.append((UInt32(clamping: location.line ?? 0), UInt32(clamping: location.column ?? 0)))
        }

        subscript(index: Int) -> SourceLocation {
            let entry = entries[index]
            let file = files.last { $0.firstEntry <= index }?.name ?? ""
            let position = entry.line == 0 ? nil : TextPosition(line: Int(entry.line), column: Int(entry.column))
            return SourceLocation(file: file, position: position)
        }
    }

}

extension Neo4jImport {
    /// Reads every node group, then every relationship group, streaming each file: a second
    /// thread parses records in batches while this one builds the graph.
    /// - Complexity: O(n + m) for n nodes and m relationships, plus a dictionary entry per
    ///   node whose key had to be changed to be a valid id.
    public func read() throws(GraphLoadError) -> ImportedGraph {
        var state = Neo4jImportState(request: self)
        try state.readDeclarations()
        for group in nodeGroups { try state.readNodes(group) }
        for group in relationshipGroups { try state.readRelationships(group) }
        return try state.finish()
    }
}
