import Foundation

extension Neo4jCSV {
    /// Reads a folder written by ``write(_:toFolder:language:)``, or Neo4j bulk CSV from
    /// elsewhere: `nodes.csv` and `relationships.csv`, and `declarations.json` when present.
    ///
    /// Both files are streamed, so a graph of millions of edges loads in seconds. Nodes with
    /// several labels (`A;B`) take the first as their kind and keep all in `neo4j-labels`.
    public static func read(folder: String) throws(GraphLoadError) -> Graph {
        let nodesPath = "\(folder)/\(nodesFile)", relationshipsPath = "\(folder)/\(relationshipsFile)"
        let declarationsPath = "\(folder)/\(declarationsFile)"
        // Room for every record up front: the arrays of millions of edges are not regrown.
        var builder = GraphBuilder(
            reservingNodes: estimatedRecordCount(at: nodesPath), edges: estimatedRecordCount(at: relationshipsPath))
        if FileManager.default.fileExists(atPath: declarationsPath) {
            let declarations = try GraphDocument.read(contentsOf: declarationsPath)
            builder.title = declarations.title
            // Declarations that loaded once are valid: adding them again cannot fail.
            for source in declarations.sources { try? builder.addSource(source) }
            for kind in declarations.kindDeclarations { try? builder.declareKind(kind) }
            for relation in declarations.relationTypes { try? builder.declareRelation(relation) }
        }
        var problems: [Diagnostic] = []
        // Labels of CSV from elsewhere are kinds nobody declared: declare them.
        var declaredKinds = Set(NodeKind.builtIn + builder.kindDeclarations.map(\.kind))
        var edgePositions: [TextPosition] = []
        var nodePositions: [TextPosition] = []
        try readTable(at: nodesPath, problems: &problems, convert: { table, record throws(TableError) in
            try table.node(from: record)
        }) { node, position throws(TableError) in
            if declaredKinds.insert(node.kind).inserted, Identifier.isValid(node.kind.rawValue) {
                try? builder.declareKind(KindDeclaration(kind: node.kind))
            }
            do throws(GraphError) {
                try builder.addNode(node)
                nodePositions.append(position)
            } catch {
                throw TableError(column: "id", problem: .graph(error, first: nil))
            }
        }
        try readTable(at: relationshipsPath, problems: &problems, convert: { table, record throws(TableError) in
            try table.edge(from: record)
        }) { edge, position throws(TableError) in
            do throws(GraphError) {
                try builder.addEdge(edge)
                edgePositions.append(position)
            } catch {
                throw TableError(column: ":TYPE", problem: .graph(error, first: nil))
            }
        }
        do {
            let graph = try builder.build()
            if problems.isEmpty { return graph }
        } catch {
            for problem in error.problems {
                let (file, positions) = problem.element.isNode ? (nodesPath, nodePositions) : (relationshipsPath, edgePositions)
                let first = problem.original.map { positions[$0.index] }
                problems.append(Diagnostic(
                    location: SourceLocation(file: file, position: positions[problem.element.index]),
                    problem: .graph(problem.error, first: first)))
            }
        }
        throw .invalidDocument(DocumentError(diagnostics: problems))
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

    /// Streams the records of one CSV file: a second thread parses records and turns them into
    /// items (`convert`), in batches, while this one hands each item to `consume`. Parsing and
    /// building overlap, so a large file loads in about the time of the slower of the two.
    private static func readTable<Item: Sendable>(
        at path: String, problems: inout [Diagnostic],
        convert: @escaping @Sendable (CSVTable, [CSVReader.Field]) throws(TableError) -> Item,
        consume: (Item, TextPosition) throws(TableError) -> Void
    ) throws(GraphLoadError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let channel = BatchChannel<ParsedRecord<Item>>()
        let file = (path as NSString).lastPathComponent
        DispatchQueue.global(qos: .userInitiated).async {
            defer { close(descriptor) }
            parse(descriptor: descriptor, file: file, convert: convert, into: channel)
        }
        func report(_ problem: DocumentProblem, at position: TextPosition) {
            guard problems.count < DocumentSchema.maximumDiagnostics else { return }
            problems.append(Diagnostic(location: SourceLocation(file: path, position: position), problem: problem))
        }
        var fatal = false
        while let batch = channel.receive() {
            for record in batch {
                switch record {
                case .item(let item, let position):
                    do {
                        try consume(item, position)
                    } catch {
                        report(error.problem, at: position)
                    }
                case .problem(let problem, let position):
                    report(problem, at: position)
                case .fatal(let problem, let position):
                    report(problem, at: position)
                    fatal = true
                }
            }
        }
        if fatal { throw .invalidDocument(DocumentError(diagnostics: problems)) }
    }

    /// What the parsing thread hands over for each record.
    enum ParsedRecord<Item: Sendable>: Sendable {
        case item(Item, TextPosition)
        /// A record that could not be read; reading goes on.
        case problem(DocumentProblem, TextPosition)
        /// The file cannot be read further.
        case fatal(DocumentProblem, TextPosition)
    }

    private static func parse<Item: Sendable>(
        descriptor: Int32, file: String, convert: (CSVTable, [CSVReader.Field]) throws(TableError) -> Item,
        into channel: BatchChannel<ParsedRecord<Item>>
    ) {
        defer { channel.finish() }
        var reader = CSVReader(input: ByteInput(descriptor: descriptor))
        var record: [CSVReader.Field] = []
        do {
            guard try reader.nextRecord(into: &record) else {
                channel.send([.fatal(.empty, .start)])
                return
            }
            let table: CSVTable
            do {
                table = try CSVTable(header: record.map(\.text), file: file)
            } catch {
                channel.send([.fatal(error.problem, .start)])
                return
            }
            var batch: [ParsedRecord<Item>] = []
            batch.reserveCapacity(Self.batchSize)
            while try reader.nextRecord(into: &record) {
                let position = reader.recordPosition
                if record.count != table.columnCount {
                    batch.append(.problem(.syntax("this record has \(record.count) fields; the header has \(table.columnCount)"), position))
                } else {
                    do {
                        batch.append(.item(try convert(table, record), position))
                    } catch {
                        batch.append(.problem(error.problem, table.position(of: error.column, in: record, startingAt: position)))
                    }
                }
                if batch.count == Self.batchSize {
                    channel.send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            channel.send(batch)
        } catch {
            channel.send([.fatal(error.problem, error.position)])
        }
    }

    static let batchSize = 8192
}

extension GraphBuildError.Element {
    var isNode: Bool {
        switch self {
        case .nodeKind, .nodeSource: return true
        case .edge, .edgeFrom, .edgeTo, .edgeSource: return false
        }
    }

    var index: Int {
        switch self {
        case .nodeKind(let index), .nodeSource(let index), .edge(let index), .edgeFrom(let index),
             .edgeTo(let index), .edgeSource(let index):
            return index
        }
    }
}
