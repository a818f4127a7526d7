import Foundation
import RelGraphCore
import RelGraphDocument

/// The work of one import: the builder, where each element came from, and the keys that
/// had to become other ids.
struct Neo4jImportState {
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
        try readFiles(
            group.files, forRelationships: false,
            convert: { table, record, _ throws(Neo4jCSV.TableError) in
                var item = try table.node(from: record, groupLabels: labels, knownKinds: knownKinds)
                // What does not depend on the nodes before, checked here, on the reading thread.
                if let source = item.node.source, !declaredSources.contains(source) {
                    item.node.attributes["neo4j-source"] = .string(source)
                    item.node.source = nil
                }
                item.keyIsValid = Identifier.isValid(item.node.id)
                do throws(GraphError) { try GraphBuilder.checkContents(of: item.node) } catch { item.problem = error }
                return .general(item)
            }, plain: plain,
            keyHash: { record in
                if case .plain(let node) = record { node.idHash } else { 0 }
            }
        ) { state, item, location, texts throws(Neo4jCSV.TableError) in
            switch item {
            case .plain(let node): try state.add(node, labels: texts.labels, at: location)
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
        try readFiles(
            group.files, forRelationships: true,
            convert: { table, record, position throws(Neo4jCSV.TableError) in
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
            }, plain: plain, lookahead: lookahead
        ) { state, item, location, texts throws(Neo4jCSV.TableError) in
            switch item {
            case .plain(let edge): state.add(edge, texts: &texts, at: location)
            case .general(let edge): try state.add(edge, at: location)
            }
        }
    }

    /// Adds an edge made from a plain record (its relation and source are valid, its ends exist).
    private mutating func add(_ edge: PlainEdge, texts: inout RangeTexts, at location: SourceLocation) {
        builder.append(edge, texts: &texts)
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
        } catch  where error.code == .duplicateNode {
            try repeated(key)
            return
        } catch {
            throw .init(column: ":ID", problem: .graph(error, first: nil))
        }
        declareKind(of: index, node.kind)
    }

    /// Adds a node made from a plain record: its id is a valid id and its contents were checked.
    /// Adds a node made from a plain record, whose label is its record in `labels`.
    private mutating func add(_ item: PlainNode, labels: LabelRecords, at location: SourceLocation) throws(Neo4jCSV.TableError) {
        // A key that is an id made earlier for another key takes it back.
        if !foreignIDs.isEmpty { _ = foreignIDs.id(for: item.node.id, in: &builder) }
        let index: NodeIndex
        do throws(GraphError) {
            index = try builder.addNode(checked: item.node, idHash: item.idHash, label: item.label, in: labels)
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
                try GraphBuilder.checkIndependently(edge)
                _ = try builder.addEdge(checked: edge, from: item.from, to: item.to)
            } catch {
                throw .init(column: ":TYPE", problem: .graph(error, first: nil))
            }
            edgeLocations.append(location)
            return
        }
        // Every node file is read before the relationships: a name no node has is an error.
        if request.skipBadRelationships { skippedRelationships += 1; return }
        let fromIsMissing = item.from < 0
        report(
            .missingRelationshipEnd(fromIsMissing ? edge.from : edge.to),
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
            return ImportedGraph(graph: try builder.take().build(namingParallelEdges: true), warnings: warnings)
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

    mutating func report(_ problem: DocumentProblem, at location: SourceLocation) {
        guard problems.count < DocumentSchema.maximumDiagnostics else { return }
        problems.append(Diagnostic(problem, in: location.file, at: location.position))
    }

}
