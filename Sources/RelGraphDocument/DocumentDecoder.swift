import RelGraphCore

/// Turns a stream of tokens into a ``Graph``, checking everything the contract requires and
/// collecting every problem with its position instead of stopping at the first.
///
/// The structure (document, declarations, nodes, edges) is here; reading values and keys is
/// in `DocumentDecoder+Values.swift`.
struct DocumentDecoder<Reader: TokenReader> {
    var reader: Reader
    package var problems: [LocatedProblem] = []
    /// Lists and maps begun and not yet ended: the document may end only outside them.
    var openContainers = 0
    private var builder = GraphBuilder()

    /// Where each node and edge begins, for problems found once the graph is complete.
    private var nodePositions: [TextPosition] = []
    private var edgePositions: [TextPosition] = []
    /// Where forward references were written (an edge naming a node not yet seen, a node
    /// naming a kind or source not yet declared); only these need remembering.
    private var referencePositions: [GraphBuildError.Element: TextPosition] = [:]
    private var declaredKinds: Set<NodeKind> = Set(NodeKind.builtIn)
    private var declaredSources: Set<String> = []
    /// The document's bytes cut into ranges, when its lists' elements are read on every core.
    var ranged: RangedElements?

    init(reader: Reader) {
        self.reader = reader
    }

    /// The nodes added so far.
    var addedNodes: IDIndex { builder.nodeIDIndex }

    /// Reads the whole document: the graph, or every problem found, in file order.
    package mutating func decode() -> Result<Graph, DecodingFailure> {
        var readToTheEnd = true
        do {
            try decodeDocument()
        } catch {
            report(error.problem, at: error.position)
            readToTheEnd = false
        }
        // Cross-references are checked even when other problems were found, so that one run
        // reports everything; only a document that could not be read to the end stops here.
        if readToTheEnd {
            do {
                let graph = try builder.take().build()
                if problems.isEmpty { return .success(graph) }
            } catch {
                for problem in error.problems {
                    let first = problem.original.map(position(of:))
                    report(.graph(problem.error, first: first), at: position(of: problem.element))
                }
            }
        }
        let sorted = problems.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
        return .failure(DecodingFailure(problems: sorted.map(\.element)))
    }

    private func position(of element: GraphBuildError.Element) -> TextPosition {
        if let position = referencePositions[element] { return position }
        switch element {
        case .nodeKind(let index), .nodeSource(let index): return nodePositions[index]
        case .edge(let index), .edgeFrom(let index), .edgeTo(let index), .edgeSource(let index): return edgePositions[index]
        }
    }

    // MARK: Document

    private mutating func decodeDocument() throws(ReadError) {
        let root = try nextToken()
        guard root.kind == .mappingStart else {
            report(.typeMismatch(key: "the document", expected: "a map of 'relgraph', 'nodes' and 'edges'", found: root.shapeDescription), at: root.position)
            return
        }
        var keys = KeyTracker<TopLevelKey>()
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case .relgraph: try decodeVersion(value)
            case .title:
                if let title = try localizedText(value, key: "title") {
                    do { try builder.setTitle(title) } catch { report(.graph(error, first: nil), at: value.position) }
                }
            case .attributes:
                let attributes = try attributes(value)
                do { try builder.setGraphAttributes(attributes) } catch { report(.graph(error, first: nil), at: value.position) }
            case .sources: try forEachItem(value, key: "sources") { decoder, item throws(ReadError) in try decoder.decodeSource(item) }
            case .ui:
                if let words = try uiWords(value) {
                    do { try builder.setUIWords(words) } catch { report(.graph(error, first: nil), at: value.position) }
                }
            case .kinds: try forEachItem(value, key: "kinds") { decoder, item throws(ReadError) in try decoder.decodeKind(item) }
            case .relations: try forEachItem(value, key: "relations") { decoder, item throws(ReadError) in try decoder.decodeRelation(item) }
            case .nodes: try decodeList(value, of: .nodes)
            case .edges: try decodeList(value, of: .edges)
            }
        }
        if !keys.has(.relgraph) {
            report(.missingKey("relgraph", in: "the document", hint: "add 'relgraph: 1' (the format version) as its first line"), at: root.position)
        }
        _ = try nextToken()  // .end, or the reader throws on trailing content
    }

    /// The elements of `nodes` or `edges`: in ranges on every core when the document allows.
    private mutating func decodeList(_ start: Token, of kind: RangedElements.Kind) throws(ReadError) {
        if start.kind == .sequenceStart, let ranged, let list = reader.handOverList() {
            switch kind {
            case .nodes: try decodeInRanges(list, NodeListReading.self, from: ranged)
            case .edges: try decodeInRanges(list, EdgeListReading.self, from: ranged)
            }
            return
        }
        switch kind {
        case .nodes: try forEachItem(start, key: "nodes") { decoder, item throws(ReadError) in try decoder.decodeNode(item) }
        case .edges: try forEachItem(start, key: "edges") { decoder, item throws(ReadError) in try decoder.decodeEdge(item) }
        }
    }

    private mutating func decodeVersion(_ value: Token) throws(ReadError) {
        guard let text = try scalar(value, key: "relgraph") else { return }
        if text != "1" { report(.unsupportedVersion(text), at: value.position) }
    }

    // MARK: Declarations

    private mutating func decodeSource(_ start: Token) throws(ReadError) {
        guard try expectMapping(start, key: "each source") else { return }
        var keys = KeyTracker<SourceKey>()
        var source = Source(id: "")
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case .id: source.id = try scalar(value, key: "id") ?? ""
            case .title: source.title = try localizedText(value, key: "title") ?? LocalizedText()
            case .url: source.url = try scalar(value, key: "url")
            }
        }
        guard require(.id, in: keys, at: start, hint: "give it an id that nodes and edges name in 'source'") else { return }
        do {
            try builder.addSource(source)
            declaredSources.insert(source.id)
        } catch {
            report(.graph(error, first: nil), at: keys.position(of: .id) ?? start.position)
        }
    }

    private mutating func decodeKind(_ start: Token) throws(ReadError) {
        guard try expectMapping(start, key: "each kind") else { return }
        var keys = KeyTracker<KindKey>()
        var declaration = KindDeclaration(kind: "")
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case .id: declaration.kind = NodeKind(try scalar(value, key: "id") ?? "")
            case .label: declaration.label = try localizedText(value, key: "label") ?? LocalizedText()
            case .style: declaration.style = try decodeStyle(value)
            }
        }
        guard require(.id, in: keys, at: start, hint: "give it an id that nodes use as their 'kind'") else { return }
        do {
            try builder.declareKind(declaration)
            declaredKinds.insert(declaration.kind)
        } catch {
            let position: TextPosition? = if error.code == .invalidStyle { keys.position(of: .style) } else { keys.position(of: .id) }
            report(.graph(error, first: nil), at: position ?? start.position)
            // The kind is still declared (without its style): its nodes are not "undeclared"
            // as well, which would hide the one mistake under others.
            if error.code == .invalidStyle {
                declaration.style = nil
                if (try? builder.declareKind(declaration)) != nil { declaredKinds.insert(declaration.kind) }
            }
        }
    }

    private mutating func decodeStyle(_ start: Token) throws(ReadError) -> KindStyle? {
        guard try expectMapping(start, key: "style") else { return nil }
        var keys = KeyTracker<StyleKey>()
        var style = KindStyle()
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case .shape: style.shape = try scalar(value, key: "shape")
            case .color: style.color = try scalar(value, key: "color")
            }
        }
        return style
    }

    private mutating func decodeRelation(_ start: Token) throws(ReadError) {
        guard try expectMapping(start, key: "each relation") else { return }
        var keys = KeyTracker<RelationKey>()
        var relation = RelationType(id: "")
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case .id: relation.id = try scalar(value, key: "id") ?? ""
            case .label: relation.label = try localizedText(value, key: "label") ?? LocalizedText()
            case .symmetric: relation.isSymmetric = try boolean(value, key: "symmetric") ?? false
            }
        }
        guard require(.id, in: keys, at: start, hint: "give it the id that edges use as their 'relation'") else { return }
        do {
            try builder.declareRelation(relation)
        } catch {
            report(.graph(error, first: nil), at: keys.position(of: .id) ?? start.position)
        }
    }

    // MARK: Nodes and edges

    /// The dates, attributes and source nodes and edges share.
    private struct CommonFields {
        var date: PartialDate?
        var start: PartialDate?
        var end: PartialDate?
        /// The latest date key's position: where an inconsistency shows.
        var timingPosition: TextPosition?
        var datesValid = true
        var attributes = Attributes()
        var source: String?
    }

    private mutating func decodeDate(_ value: Token, key: String, into field: WritableKeyPath<CommonFields, PartialDate?>, _ fields: inout CommonFields)
        throws(ReadError)
    {
        let date = try partialDate(value, key: key)
        fields[keyPath: field] = date
        if date == nil { fields.datesValid = false }
        fields.timingPosition = max(fields.timingPosition ?? value.position, value.position)
    }

    private mutating func timing(of fields: CommonFields) -> Timing {
        guard fields.datesValid else { return .undated }
        do {
            return try Timing(date: fields.date, start: fields.start, end: fields.end)
        } catch {
            report(.invalidTiming(error), at: fields.timingPosition ?? .start)
            return .undated
        }
    }

    private mutating func decodeNode(_ start: Token) throws(ReadError) {
        if let element = try nodeElement(start) { add(element) }
    }

    /// Reads a node's map (its first token read); nil when it is no map or has no id. Needs
    /// nothing read before it, so the elements of `nodes` may be read on any thread.
    mutating func nodeElement(_ start: Token) throws(ReadError) -> DecodedNode? {
        guard try expectMapping(start, key: "each node") else { return nil }
        var keys = KeyTracker<NodeKey>()
        var id: String?, kind: String?, type: String?
        var label = LocalizedText()
        var fields = CommonFields()
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case .id: id = try scalar(value, key: "id")
            case .kind: kind = try scalar(value, key: "kind")
            case .type: type = try scalar(value, key: "type")
            case .label: label = try localizedText(value, key: "label") ?? label
            case .date: try decodeDate(value, key: "date", into: \.date, &fields)
            case .start: try decodeDate(value, key: "start", into: \.start, &fields)
            case .end: try decodeDate(value, key: "end", into: \.end, &fields)
            case .attributes: fields.attributes = try attributes(value)
            case .source: fields.source = try scalar(value, key: "source")
            }
        }
        let hasID = require(.id, in: keys, at: start, hint: "give it a unique id such as 'india'")
        let hasKind = require(
            .kind, in: keys, at: start,
            hint: "give it one of \(NodeKind.builtIn.map(\.rawValue).joined(separator: ", ")), or a kind declared under 'kinds:'")
        guard hasID, let id else { return nil }
        let node = Node(
            id: id, kind: NodeKind(kind ?? NodeKind.actor.rawValue), type: type, label: label,
            timing: timing(of: fields), attributes: fields.attributes, source: fields.source)
        var problem: GraphError?
        do throws(GraphError) { try GraphBuilder.checkIndependently(node) } catch { problem = error }
        return DecodedNode(
            node: node, start: start.position, hasKind: hasKind, idPosition: keys.position(of: .id),
            kindPosition: keys.position(of: .kind), sourcePosition: keys.position(of: .source),
            labelPosition: keys.position(of: .label), problem: problem)
    }

    /// Adds a node read by ``nodeElement(_:)`` (or straight from its bytes, its label in
    /// `labels`), reporting what the builder refuses.
    mutating func add(_ element: DecodedNode, labels: LabelRecords? = nil) {
        let node = element.node
        do throws(GraphError) {
            if let problem = element.problem { throw problem }
            let index: Int
            if let record = element.labelRecord {
                guard let labels else { preconditionFailure("a label written as a record is added with its range's labels") }
                index = try builder.addNode(checked: node, label: record, in: labels).position
            } else {
                index = try builder.addNode(checked: node).position
            }
            nodePositions.append(element.start)
            if element.hasKind, !declaredKinds.contains(node.kind) {
                referencePositions[.nodeKind(index)] = element.kindPosition
            }
            if let source = node.source, !declaredSources.contains(source) {
                referencePositions[.nodeSource(index)] = element.sourcePosition
            }
        } catch {
            let first: TextPosition?
            if case .duplicateNode(let id) = error.reason, let original = builder.index(ofNode: id) {
                first = nodePositions[original.position]
            } else {
                first = nil
            }
            let position: TextPosition?
            switch error.reason {
            case .invalidIdentifier(_, .kind): position = element.kindPosition
            case .invalidIdentifier(_, .source): position = element.sourcePosition
            case .invalidLanguage, .emptyText: position = element.labelPosition
            default: position = element.idPosition
            }
            report(.graph(error, first: first), at: position ?? element.start)
        }
    }

    private mutating func decodeEdge(_ start: Token) throws(ReadError) {
        if let element = try edgeElement(start, nodes: nil) { add(element) }
    }

    /// Reads an edge's map (its first token read), looking its ends up in `nodes` (the nodes
    /// added so far, none being added meanwhile) if given; nil when it is no map or lacks an
    /// end or a relation. Needs nothing read before it, so the elements of `edges` may be read
    /// on any thread.
    mutating func edgeElement(_ start: Token, nodes: IDIndex?) throws(ReadError) -> DecodedEdge? {
        guard try expectMapping(start, key: "each edge") else { return nil }
        var keys = KeyTracker<EdgeKey>()
        var id: String?, from: String?, to: String?, relation: String?
        var fields = CommonFields()
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case .id: id = try scalar(value, key: "id")
            case .from: from = try scalar(value, key: "from")
            case .to: to = try scalar(value, key: "to")
            case .relation: relation = try scalar(value, key: "relation")
            case .date: try decodeDate(value, key: "date", into: \.date, &fields)
            case .start: try decodeDate(value, key: "start", into: \.start, &fields)
            case .end: try decodeDate(value, key: "end", into: \.end, &fields)
            case .attributes: fields.attributes = try attributes(value)
            case .source: fields.source = try scalar(value, key: "source")
            }
        }
        let hasFrom = require(.from, in: keys, at: start, hint: "name the node the edge leaves")
        let hasTo = require(.to, in: keys, at: start, hint: "name the node the edge enters")
        let hasRelation = require(.relation, in: keys, at: start, hint: "name its relation, such as 'signed' or 'partner-of'")
        guard hasFrom, hasTo, hasRelation, let from, let to, let relation else { return nil }
        let edge = Edge(
            id: id, from: from, to: to, relation: relation, timing: timing(of: fields),
            attributes: fields.attributes, source: fields.source)
        var element = DecodedEdge(
            edge: edge, start: start.position, fromPosition: keys.position(of: .from), toPosition: keys.position(of: .to),
            idPosition: keys.position(of: .id), relationPosition: keys.position(of: .relation),
            sourcePosition: keys.position(of: .source))
        do throws(GraphError) { try GraphBuilder.checkIndependently(edge) } catch { element.problem = error }
        if let nodes, element.problem == nil {
            element.from = nodes.index(of: from) ?? -1
            element.to = nodes.index(of: to) ?? -1
        }
        return element
    }

    /// Adds an edge read straight from its bytes (``PlainEdges``), whose map begins at `start`,
    /// of a range whose texts are `texts`. The builder refuses nothing in such an edge.
    mutating func add(_ edge: PlainEdge, at start: TextPosition, texts: inout RangeTexts) {
        builder.append(edge, texts: &texts)
        edgePositions.append(start)
    }

    /// Adds an edge read by ``edgeElement(_:nodes:)``, reporting what the builder refuses.
    mutating func add(_ element: DecodedEdge) {
        let edge = element.edge
        do throws(GraphError) {
            if let problem = element.problem { throw problem }
            let insertion = try builder.addEdge(checked: edge, from: element.from, to: element.to)
            edgePositions.append(element.start)
            if insertion.fromIsPending { referencePositions[.edgeFrom(insertion.index)] = element.fromPosition }
            if insertion.toIsPending { referencePositions[.edgeTo(insertion.index)] = element.toPosition }
            if let source = edge.source, !declaredSources.contains(source) {
                referencePositions[.edgeSource(insertion.index)] = element.sourcePosition
            }
        } catch {
            let position: TextPosition?
            var first: TextPosition?
            switch error.reason {
            case .invalidIdentifier(_, .source): position = element.sourcePosition
            case .invalidIdentifier(_, .edge): position = element.idPosition
            case .duplicateEdgeID(let id):
                position = element.idPosition
                first = builder.index(ofEdge: id).map { edgePositions[$0.position] }
            default: position = element.relationPosition
            }
            report(.graph(error, first: first), at: position ?? element.start)
        }
    }

}
