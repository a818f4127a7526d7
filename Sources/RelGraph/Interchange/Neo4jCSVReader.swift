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
        var builder = GraphBuilder()
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
        try readTable(at: nodesPath, problems: &problems) { table, record, position throws(TableError) in
            let node = try table.node(from: record)
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
        try readTable(at: relationshipsPath, problems: &problems) { table, record, position throws(TableError) in
            let edge = try table.edge(from: record)
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

    /// A problem with one record, and the column it is in.
    struct TableError: Error {
        var column: String
        var problem: DocumentProblem
    }

    /// Streams the records of one CSV file through `body`, after reading its header.
    private static func readTable(
        at path: String, problems: inout [Diagnostic],
        _ body: (CSVTable, [CSVReader.Field], TextPosition) throws(TableError) -> Void
    ) throws(GraphLoadError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var reader = CSVReader(input: ByteInput(descriptor: descriptor))
        func report(_ problem: DocumentProblem, at position: TextPosition) {
            guard problems.count < 10_000 else { return }
            problems.append(Diagnostic(location: SourceLocation(file: path, position: position), problem: problem))
        }
        do {
            var record: [CSVReader.Field] = []
            guard try reader.nextRecord(into: &record) else {
                report(.empty, at: .start)
                throw GraphLoadError.invalidDocument(DocumentError(diagnostics: problems))
            }
            let table: CSVTable
            do {
                table = try CSVTable(header: record.map(\.text), file: (path as NSString).lastPathComponent)
            } catch {
                report(error.problem, at: .start)
                throw GraphLoadError.invalidDocument(DocumentError(diagnostics: problems))
            }
            while try reader.nextRecord(into: &record) {
                do {
                    guard record.count == table.columnCount else {
                        throw TableError(column: "", problem: .syntax("this record has \(record.count) fields; the header has \(table.columnCount)"))
                    }
                    try body(table, record, reader.recordPosition)
                } catch let error as TableError {
                    report(error.problem, at: table.position(of: error.column, in: record, startingAt: reader.recordPosition))
                }
            }
        } catch let error as ReadError {
            report(error.problem, at: error.position)
            throw .invalidDocument(DocumentError(diagnostics: problems))
        } catch let error as GraphLoadError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}

extension GraphBuildError.Element {
    var isNode: Bool {
        switch self {
        case .node, .nodeKind, .nodeSource: return true
        case .edge, .edgeFrom, .edgeTo, .edgeSource: return false
        }
    }

    var index: Int {
        switch self {
        case .node(let index), .nodeKind(let index), .nodeSource(let index), .edge(let index), .edgeFrom(let index),
             .edgeTo(let index), .edgeSource(let index):
            return index
        }
    }
}
