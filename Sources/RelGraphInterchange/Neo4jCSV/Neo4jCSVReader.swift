import Foundation
import RelGraphCore
import RelGraphDocument

/// What `neo4j-admin database import full` is given: groups of node files (each with the
/// labels named on its command line) and of relationship files (each with a default type),
/// the CSV dialect, and how to treat duplicates and dangling relationships.
///
/// ```swift
/// var request = Neo4jImport()
/// request.nodeGroups = [.init(labels: ["Movie"], files: ["movies_header.csv", "movies.csv"])]
/// request.relationshipGroups = [.init(type: "ACTED_IN", files: ["roles.csv"])]
/// let result = try request.read()
/// ```
public struct Neo4jImport: Sendable {
    public struct NodeGroup: Sendable, Hashable {
        /// Labels every node of these files has, besides those in `:LABEL` columns.
        public var labels: [String]
        /// The files: the first one's first line is the header; every other line is data.
        public var files: [String]

        public init(labels: [String] = [], files: [String]) {
            self.labels = labels
            self.files = files
        }

        /// Reads neo4j-admin's `--nodes` value: `[LABEL[:LABEL]...=]FILE[,FILE]...`.
        public init(argument: String) {
            let (prefix, files) = Neo4jImport.splitGroup(argument)
            self.init(labels: prefix.map { $0.split(separator: ":").map(String.init) } ?? [], files: files)
        }
    }

    public struct RelationshipGroup: Sendable, Hashable {
        /// The type of relationships whose `:TYPE` is empty or missing.
        public var type: String?
        public var files: [String]

        public init(type: String? = nil, files: [String]) {
            self.type = type
            self.files = files
        }

        /// Reads neo4j-admin's `--relationships` value: `[TYPE=]FILE[,FILE]...`.
        public init(argument: String) {
            let (prefix, files) = Neo4jImport.splitGroup(argument)
            self.init(type: prefix, files: files)
        }
    }

    public var nodeGroups: [NodeGroup] = []
    public var relationshipGroups: [RelationshipGroup] = []
    public var dialect = CSVDialect()
    /// `--id-type integer`: ids compare as integers.
    public var integerIDs = false
    /// `--skip-duplicate-nodes`: a node whose id was seen keeps the first one.
    public var skipDuplicateNodes = false
    /// `--skip-bad-relationships`: a relationship to a missing node is left out.
    public var skipBadRelationships = false
    /// A RelGraph `declarations.json` (title, sources, kinds, relations) to read first.
    public var declarations: String?
    /// How many bytes of a file a thread parses at a time: tests and the fuzz target make it
    /// tiny, so that ranges are cut inside quoted fields, and compare with reading whole.
    @_spi(Testing) public var chunkBytes = Neo4jCSV.chunkBytes
    /// Whether plain relationship records are made straight from their bytes (tests and the
    /// fuzz target compare with the general path).
    @_spi(Testing) public var readsPlainRecordsDirectly = true

    public init() {}

    static func splitGroup(_ argument: String) -> (String?, [String]) {
        // neo4j-admin splits at the first '=' (file names may hold '=' only after it).
        guard let equals = argument.firstIndex(of: "=") else {
            return (nil, argument.split(separator: ",").map(String.init))
        }
        let prefix = String(argument[..<equals])
        let files = argument[argument.index(after: equals)...].split(separator: ",").map(String.init)
        return (prefix.isEmpty ? nil : prefix, files)
    }
}

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
                warnings.append(.warning(at: SourceLocation(file: path), "skipped: its first line has no :ID or :START_ID column (a header-only file and its data files are read by name)", remedy: .readNeo4jFilesByName))
            }
        }
        guard !request.nodeGroups.isEmpty else { throw .unknownFormat(path: folder, "this folder is not a neo4j-csv folder: it has no nodes.csv and no .csv file whose header has an :ID column", remedy: .readNeo4jFilesByName) }
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
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var reader = CSVReader(input: ByteInput(descriptor: descriptor), dialect: dialect)
        var record: [CSVReader.Field] = []
        guard try reader.nextRecord(into: &record) else { return nil }
        return record.map(\.text)
    }

    /// About how many lines a file has, from its size and the lines in its first 64 KiB (never
    /// more than one per four bytes, the shortest useful record, whatever the sample holds).
    static func estimatedRecordCount(at path: String) -> Int {
        guard let file = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? file.close() }
        guard let size = try? file.seekToEnd(), (try? file.seek(toOffset: 0)) != nil,
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
        /// The relations and sources plain records name (as entries of ``CSVRecordCache``).
        var texts = RangeTexts()
        /// For each record, the hash of the key the building thread will look up for it (0 for
        /// none), when the reader prefetches on that thread (see ``Prefetch``).
        var keyHashes: [Int] = []
    }

    /// The relations and sources of a range's plain records, and the builder's codes for those
    /// used so far (given on first use, in file order, as adding edges one by one gives them).
    struct RangeTexts: Sendable {
        var relations: [String] = []
        var sources: [String] = []
        var relationCodes: [Int32] = []
        var sourceCodes: [Int32] = []
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
        var state = ImportState(request: self)
        try state.readDeclarations()
        for group in nodeGroups { try state.readNodes(group) }
        for group in relationshipGroups { try state.readRelationships(group) }
        return try state.finish()
    }
}

/// The work of one import: the builder, where each element came from, and the keys that
/// had to become other ids.
private struct ImportState {
    let request: Neo4jImport
    var builder = GraphBuilder()
    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var knownKinds = Set(NodeKind.builtIn)
    var declaredSources: Set<String> = []
    var nodeLocations = Neo4jCSV.PackedLocations()
    var edgeLocations = Neo4jCSV.PackedLocations()
    /// Node keys that are not valid ids (or clashed), and the id each became.
    var foreignIDs = ForeignNodeIDs()
    var skippedNodes = 0, skippedRelationships = 0

    init(request: Neo4jImport) {
        self.request = request
        let files = request.nodeGroups.flatMap(\.files), relationshipFiles = request.relationshipGroups.flatMap(\.files)
        builder = GraphBuilder(
            reservingNodes: files.reduce(0) { $0 + Neo4jCSV.estimatedRecordCount(at: $1) },
            edges: relationshipFiles.reduce(0) { $0 + Neo4jCSV.estimatedRecordCount(at: $1) })
    }

    mutating func readDeclarations() throws(GraphLoadError) {
        guard let path = request.declarations else { return }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read it")
        }
        let declarations: Graph
        do throws(DocumentError) {
            declarations = try GraphDocument.decode([UInt8](bytes), syntax: .json, fileName: path)
        } catch {
            throw error.loadError
        }
        try? builder.setTitle(declarations.title)
        try? builder.setGraphAttributes(declarations.graphAttributes)
        // Declarations that loaded once are valid: adding them again cannot fail.
        for source in declarations.sources { try? builder.addSource(source); declaredSources.insert(source.id) }
        for kind in declarations.kindDeclarations { try? builder.declareKind(kind); knownKinds.insert(kind.kind) }
        for relation in declarations.relationTypes { try? builder.declareRelation(relation) }
    }

    mutating func readNodes(_ group: Neo4jImport.NodeGroup) throws(GraphLoadError) {
        let knownKinds = self.knownKinds, declaredSources = self.declaredSources
        let labels = group.labels
        var plain: Neo4jCSV.PlainConversion<NodeRecord>?
        // Group labels join each record's labels: such records take the general path.
        if request.readsPlainRecordsDirectly, labels.isEmpty {
            plain = { (table: CSVTable, spans: [CSVFieldSpan], bytes: UnsafeBufferPointer<UInt8>, cache: inout CSVRecordCache) -> NodeRecord? in
                table.plainNode(spans, bytes: bytes, declaredSources: declaredSources, cache: &cache).map(NodeRecord.plain)
            }
        }
        try readFiles(group.files, forRelationships: false, convert: { table, record, _ throws(Neo4jCSV.TableError) in
            var item = try table.node(from: record, groupLabels: labels, knownKinds: knownKinds)
            // What does not depend on the nodes before, checked here, on the reading thread.
            if let source = item.node.source, !declaredSources.contains(source) {
                item.node.attributes["neo4j-source"] = .string(source)
                item.node.source = nil
            }
            item.keyIsValid = Identifier.isValid(item.node.id)
            do throws(GraphError) { try GraphBuilder.checkContents(of: item.node) } catch { item.problem = error }
            return .general(item)
        }, plain: plain, keyHash: { record in
            if case .plain(let node) = record { node.idHash } else { 0 }
        }) { state, item, location, _ throws(Neo4jCSV.TableError) in
            switch item {
            case .plain(let node): try state.add(node, at: location)
            case .general(let node): try state.add(node, at: location)
            }
        }
    }

    mutating func readRelationships(_ group: Neo4jImport.RelationshipGroup) throws(GraphLoadError) {
        let type = group.type
        // Every node is added before the relationships: their ends are looked up on the reading threads.
        let nodes = builder.nodeIDIndex, foreignIDs = self.foreignIDs, declaredSources = self.declaredSources
        var plain: Neo4jCSV.PlainConversion<EdgeRecord>?
        var lookahead: Neo4jCSV.Lookahead?
        if request.readsPlainRecordsDirectly {
            plain = { (table: CSVTable, spans: [CSVFieldSpan], bytes: UnsafeBufferPointer<UInt8>, cache: inout CSVRecordCache) -> EdgeRecord? in
                table.plainEdge(spans, bytes: bytes, groupType: type, nodes: nodes, declaredSources: declaredSources, cache: &cache).map(EdgeRecord.plain)
            }
            lookahead = { (table: CSVTable, spans: [CSVFieldSpan], bytes: UnsafeBufferPointer<UInt8>, cache: inout CSVRecordCache) in
                table.prefetchEnds(spans, bytes: bytes, nodes: nodes, cache: &cache)
            }
        }
        try readFiles(group.files, forRelationships: true, convert: { table, record, position throws(Neo4jCSV.TableError) in
            var item = try table.edge(from: record, at: position, groupType: type)
            if !foreignIDs.isEmpty {
                item.edge.from = foreignIDs[item.edge.from] ?? item.edge.from
                item.edge.to = foreignIDs[item.edge.to] ?? item.edge.to
            }
            item.from = nodes.index(of: item.edge.from) ?? -1
            item.to = nodes.index(of: item.edge.to) ?? -1
            if let source = item.edge.source, !declaredSources.contains(source) {
                item.edge.attributes["neo4j-source"] = .string(source)
                item.edge.source = nil
            }
            return .general(item)
        }, plain: plain, lookahead: lookahead) { state, item, location, texts throws(Neo4jCSV.TableError) in
            switch item {
            case .plain(let edge): state.add(edge, texts: &texts, at: location)
            case .general(let edge): try state.add(edge, at: location)
            }
        }
    }

    /// Adds an edge made from a plain record (its relation and source are valid, its ends exist).
    private mutating func add(_ edge: PlainEdge, texts: inout Neo4jCSV.RangeTexts, at location: SourceLocation) {
        let relation = Int(edge.relation)
        while texts.relationCodes.count <= relation { texts.relationCodes.append(-1) }
        if texts.relationCodes[relation] < 0 { texts.relationCodes[relation] = builder.relationCode(texts.relations[relation]) }
        var source: Int32 = -1
        if edge.source >= 0 {
            let index = Int(edge.source)
            while texts.sourceCodes.count <= index { texts.sourceCodes.append(-1) }
            if texts.sourceCodes[index] < 0 { texts.sourceCodes[index] = builder.sourceCode(texts.sources[index]) }
            source = texts.sourceCodes[index]
        }
        builder.appendEdge(from: edge.from, to: edge.to, relation: texts.relationCodes[relation], timing: edge.timing, source: source)
        edgeLocations.append(location)
    }

    private mutating func add(_ item: CSVTable.RecordNode, at location: SourceLocation) throws(Neo4jCSV.TableError) {
        var node = item.node
        if item.controlCharacters { warnControl(at: location) }
        guard !node.id.isEmpty else { throw .init(column: ":ID", problem: .syntax("this node has no id; fill the :ID column")) }
        let key = node.id
        // A valid id is added as it is (the builder finds a repeat); any other once, renamed.
        if !item.keyIsValid {
            if foreignIDs[key] != nil { try repeated(key); return }
            node.id = foreignIDs.id(for: key, in: &builder)
        } else if !foreignIDs.isEmpty {
            // A key that is an id made earlier for another key takes it back.
            _ = foreignIDs.id(for: key, in: &builder)
        }
        let index: NodeIndex
        do throws(GraphError) {
            if let problem = item.problem { throw problem }
            index = try builder.addNode(checked: node)
            nodeLocations.append(location)
        } catch where error.code == .duplicateNode {
            try repeated(key)
            return
        } catch {
            throw .init(column: ":ID", problem: .graph(error, first: nil))
        }
        declareKind(of: index, node.kind)
    }

    /// Adds a node made from a plain record: its id is a valid id and its contents were checked.
    private mutating func add(_ item: PlainNode, at location: SourceLocation) throws(Neo4jCSV.TableError) {
        // A key that is an id made earlier for another key takes it back.
        if !foreignIDs.isEmpty { _ = foreignIDs.id(for: item.node.id, in: &builder) }
        let index: NodeIndex
        do throws(GraphError) {
            index = try builder.addNode(checked: item.node, idHash: item.idHash)
        } catch {
            try repeated(item.node.id)
            return
        }
        nodeLocations.append(location)
        declareKind(of: index, item.node.kind)
    }

    /// Declares the kind of the node at `index` the first time a kind not declared is used.
    private mutating func declareKind(of index: NodeIndex, _ kind: NodeKind) {
        let code = Int(builder.storage.nodeKinds[index.position])
        while kindIsKnown.count <= code { kindIsKnown.append(nil) }
        guard kindIsKnown[code] == nil else { return }
        if !knownKinds.contains(kind) {
            try? builder.declareKind(KindDeclaration(kind: kind))
            knownKinds.insert(kind)
        }
        kindIsKnown[code] = true
    }

    /// Kinds (by the builder's code) known to be declared.
    private var kindIsKnown: [Bool?] = []

    /// A node whose id an earlier node has: skipped with `--skip-duplicate-nodes`, else an error.
    private mutating func repeated(_ key: String) throws(Neo4jCSV.TableError) {
        if request.skipDuplicateNodes { skippedNodes += 1; return }
        throw .init(column: ":ID", problem: .repeatedNodeKey(key))
    }

    private mutating func add(_ item: CSVTable.RecordEdge, at location: SourceLocation) throws(Neo4jCSV.TableError) {
        var edge = item.edge
        if item.controlCharacters { warnControl(at: location) }
        if let id = edge.id, !Identifier.isValid(id) || builder.index(ofEdge: id) != nil {
            edge.attributes["neo4j-id"] = .string(id)
            edge.id = nil
        }
        if item.from >= 0, item.to >= 0 {
            do throws(GraphError) {
                try builder.addEdge(edge, from: item.from, to: item.to)
            } catch {
                throw .init(column: ":TYPE", problem: .graph(error, first: nil))
            }
            edgeLocations.append(location)
            return
        }
        // Every node file is read before the relationships: a name no node has is an error.
        if request.skipBadRelationships { skippedRelationships += 1; return }
        let fromIsMissing = item.from < 0
        report(.missingRelationshipEnd(fromIsMissing ? edge.from : edge.to),
               at: SourceLocation(file: location.file, position: fromIsMissing ? item.fromPosition : item.toPosition))
    }

    private var controlWarnings = 0
    private mutating func warnControl(at location: SourceLocation) {
        controlWarnings += 1
        if controlWarnings <= 10 {
            warnings.append(.warning(at: location, "control characters replaced with U+FFFD (XML, SVG and GraphML cannot hold them)"))
        }
    }

    mutating func finish() throws(GraphLoadError) -> ImportedGraph {
        if controlWarnings > 10 { warnings.append(.warning(at: nil, "\(controlWarnings - 10) more records had control characters replaced")) }
        if skippedNodes > 0 { warnings.append(.warning(at: nil, "skipped \(skippedNodes) nodes whose id an earlier node has, keeping the first of each")) }
        if skippedRelationships > 0 { warnings.append(.warning(at: nil, "skipped \(skippedRelationships) relationships to missing nodes")) }
        guard problems.isEmpty else { throw .invalidContent(problems) }
        // Neo4j keeps parallel relationships: so does RelGraph, naming them.
        do {
            return ImportedGraph(graph: try builder.build(namingParallelEdges: true), warnings: warnings)
        } catch {
            for problem in error.problems {
                let locations = problem.element.isNode ? nodeLocations : edgeLocations
                let first = problem.original.flatMap { locations[$0.index].position }
                let location = locations[problem.element.index]
                problems.append(Diagnostic(.graph(problem.error, first: first), in: location.file, at: location.position))
            }
            throw .invalidContent(problems)
        }
    }

    /// Reads the records of a group's files: the first file's first record is the header, every
    /// other record of every file is data. Each file is cut into ranges of about
    /// `request.chunkBytes` at line breaks; the ranges of a round are parsed and converted on
    /// every core while this thread hands the previous round's items, in file order, to
    /// `consume`. A range is cut at a guess (a line break may lie inside a quoted field): it is
    /// used only if the range before it ended exactly where it starts, and read again from where
    /// that one ended otherwise, so records, their order and every message are those of reading
    /// the file from start to end.
    private mutating func readFiles<Item: Sendable>(
        _ files: [String], forRelationships: Bool,
        convert: @escaping @Sendable (CSVTable, [CSVReader.Field], TextPosition) throws(Neo4jCSV.TableError) -> Item,
        plain: Neo4jCSV.PlainConversion<Item>? = nil,
        lookahead: Neo4jCSV.Lookahead? = nil,
        keyHash: Neo4jCSV.KeyHash<Item>? = nil,
        consume: (inout ImportState, Item, SourceLocation, inout Neo4jCSV.RangeTexts) throws(Neo4jCSV.TableError) -> Void
    ) throws(GraphLoadError) {
        var table: CSVTable?
        let dialect = request.dialect
        let progress = ProgressCounter.current
        for (number, path) in files.enumerated() {
            let file = try Neo4jCSV.bytes(of: path)
            var scanner = CSVScanner(bytes: file.buffer, dialect: dialect)
            var fatal = false
            // The header (first file) or the byte order mark (any file) on this thread.
            var headerFailed = false
            do throws(ReadError) {
                try scanner.skipByteOrderMark()
                if number == 0 {
                    var record: [CSVReader.Field] = []
                    if try scanner.nextRecord(into: &record, before: file.buffer.count) {
                        do throws(Neo4jCSV.TableError) {
                            table = try Self.table(header: record, file: path, dialect: dialect, integerIDs: request.integerIDs, forRelationships: forRelationships)
                        } catch {
                            report(error.problem, at: SourceLocation(file: path, position: .start))
                            headerFailed = true
                        }
                    } else {
                        report(.empty, at: SourceLocation(file: path, position: .start))
                        headerFailed = true
                    }
                }
            } catch {
                report(error.problem, at: SourceLocation(file: path, position: error.position))
                headerFailed = true
            }
            if headerFailed { throw .invalidContent(problems) }
            guard let table else { continue }
            let ranges = LineRanges(file: file, from: scanner.linePosition, chunkBytes: request.chunkBytes)
            var position = ranges.first
            progress?.add(position.offset)
            var released = 0
            /// Hands the items of a parsed range to `consume`, in order, checking the range's start.
            func consumeRange(_ parsed: Neo4jCSV.ParsedRange<Item>, index: Int, state: inout ImportState) {
                let end = ranges.end(of: index)
                var parsed = parsed
                if parsed.start.offset != position.offset {
                    // Cut inside a record: read again from where the last record ended.
                    guard position.offset < end else { return }
                    parsed = Self.parse(file, from: position, before: end, table: table, dialect: dialect, convert: convert, plain: plain, lookahead: lookahead, keyHash: keyHash)
                }
                var texts = parsed.texts
                let keyHashes = parsed.keyHashes, ahead = Neo4jCSV.lookaheadRecords
                for (index, record) in parsed.records.enumerated() {
                    // The index slot of the record a few ahead, on its way while this one is added.
                    if index + ahead < keyHashes.count { state.builder.prefetchNode(hash: keyHashes[index + ahead]) }
                    switch record {
                    case .item(let item, let position):
                        do {
                            try consume(&state, item, SourceLocation(file: path, position: position), &texts)
                        } catch {
                            state.report(error.problem, at: SourceLocation(file: path, position: position))
                        }
                    case .problem(let problem, let position):
                        state.report(problem, at: SourceLocation(file: path, position: position))
                    case .fatal(let problem, let position):
                        state.report(problem, at: SourceLocation(file: path, position: position))
                        fatal = true
                    }
                }
                progress?.add(parsed.end.offset - position.offset)
                position = parsed.end
                // What was read is not read again: its pages leave resident memory.
                released = file.release(released..<position.offset)
            }
            Parallel.mapInOrder(ranges.count, { index in
                Self.parse(file, from: ranges.start(of: index), before: ranges.end(of: index), table: table, dialect: dialect, convert: convert, plain: plain, lookahead: lookahead, keyHash: keyHash)
            }, consume: { index, parsed in
                consumeRange(parsed, index: index, state: &self)
                return !fatal
            })
            if fatal { throw .invalidContent(problems) }
            withExtendedLifetime(file) {}
        }
    }

    /// The table a header makes, or why it makes none.
    private static func table(header: [CSVReader.Field], file: String, dialect: CSVDialect, integerIDs: Bool, forRelationships: Bool) throws(Neo4jCSV.TableError) -> CSVTable {
        let table = try CSVTable(header: header.map(\.text), file: (file as NSString).lastPathComponent, dialect: dialect,
                                 integerIDs: integerIDs, forRelationships: forRelationships)
        if !forRelationships, !table.hasID {
            throw .init(column: ":ID", problem: .syntax("this node file's header has no :ID column (such as 'id:ID' or 'movieId:ID(Movie)')"))
        }
        if forRelationships, !table.hasStart {
            throw .init(column: ":START_ID", problem: .syntax("this relationship file's header has no :START_ID and :END_ID columns"))
        }
        return table
    }

    /// The records that start in `start..<end` of `file`, converted; the last may run past `end`.
    /// Reading stops at the first record that cannot be read.
    private static func parse<Item: Sendable>(
        _ file: FileBytes, from start: LinePosition, before end: Int, table: CSVTable, dialect: CSVDialect,
        convert: (CSVTable, [CSVReader.Field], TextPosition) throws(Neo4jCSV.TableError) -> Item,
        plain: Neo4jCSV.PlainConversion<Item>?, lookahead: Neo4jCSV.Lookahead?, keyHash: Neo4jCSV.KeyHash<Item>?
    ) -> Neo4jCSV.ParsedRange<Item> {
        var scanner = CSVScanner(bytes: file.buffer, dialect: dialect, offset: start.offset, line: start.line, lineStart: start.lineStart)
        var records: [Neo4jCSV.ParsedRecord<Item>] = []
        var spans: [CSVFieldSpan] = []
        var record: [CSVReader.Field] = []
        var cache = CSVRecordCache()
        var keyHashes: [Int] = []
        /// Converts one record, in file order.
        func add(_ spans: [CSVFieldSpan], at position: TextPosition) {
            // One key hash per record (0 for none), from the plain item while it is at hand.
            if keyHash != nil { keyHashes.append(0) }
            if spans.count != table.columnCount {
                records.append(.problem(.fieldCount(found: spans.count, expected: table.columnCount), position))
            } else if let plain, let item = plain(table, spans, file.buffer, &cache) {
                if let keyHash { keyHashes[keyHashes.count - 1] = keyHash(item) }
                records.append(.item(item, position))
            } else {
                scanner.fields(of: spans, into: &record)
                do {
                    records.append(.item(try convert(table, record, position), position))
                } catch {
                    records.append(.problem(error.problem, table.position(of: error.column, in: record, startingAt: position)))
                }
            }
        }
        // With a lookahead, records wait in a ring of `depth` (their spans and positions) while
        // what converting them reads is fetched; they are converted in order all the same.
        let depth = lookahead == nil ? 0 : Neo4jCSV.lookaheadRecords
        var waiting = [[CSVFieldSpan]](repeating: [], count: depth)
        var waitingPositions = [TextPosition](repeating: .start, count: depth)
        var first = 0, count = 0
        var next: [CSVFieldSpan] = []
        /// Converts the record that waited longest (its spans swapped out, not copied).
        func addFirstWaiting() {
            swap(&next, &waiting[first])
            add(next, at: waitingPositions[first])
            swap(&next, &waiting[first])
            first = first + 1 == depth ? 0 : first + 1
            count -= 1
        }
        func addWaiting() {
            while count > 0 { addFirstWaiting() }
        }
        do throws(ReadError) {
            while try scanner.nextRecord(into: &spans, before: end) {
                let position = scanner.recordPosition
                guard let lookahead, spans.count == table.columnCount else {
                    addWaiting()
                    add(spans, at: position)
                    continue
                }
                lookahead(table, spans, file.buffer, &cache)
                if count == depth { addFirstWaiting() }
                let slot = (first + count) % depth
                swap(&waiting[slot], &spans)
                waitingPositions[slot] = position
                count += 1
            }
            addWaiting()
        } catch {
            addWaiting()
            records.append(.fatal(error.problem, error.position))
        }
        return Neo4jCSV.ParsedRange(records: records, start: start,
                                    end: scanner.linePosition,
                                    texts: Neo4jCSV.RangeTexts(relations: cache.relations.map(\.value), sources: cache.sources.map(\.text)),
                                    keyHashes: keyHashes)
    }

    mutating func report(_ problem: DocumentProblem, at location: SourceLocation) {
        guard problems.count < DocumentSchema.maximumDiagnostics else { return }
        problems.append(Diagnostic(problem, in: location.file, at: location.position))
    }

}
