/// Turns a stream of tokens into a ``Graph``, checking everything the contract requires and
/// collecting every problem with its position instead of stopping at the first.
struct DocumentDecoder<Reader: TokenReader> {
    private var reader: Reader
    private var problems: [LocatedProblem] = []
    private var builder = GraphBuilder()

    /// Where each node and edge begins, for problems found once the graph is complete.
    private var nodePositions: [TextPosition] = []
    private var edgePositions: [TextPosition] = []
    /// Where forward references were written (an edge naming a node not yet seen, a node
    /// naming a kind or source not yet declared); only these need remembering.
    private var referencePositions: [GraphBuildError.Element: TextPosition] = [:]
    private var declaredKinds: Set<NodeKind> = Set(NodeKind.builtIn)
    private var declaredSources: Set<String> = []

    init(reader: Reader) {
        self.reader = reader
    }

    /// Reads the whole document: the graph, or every problem found, in file order.
    mutating func decode() -> Result<Graph, DecodingFailure> {
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
                let graph = try builder.build()
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

    // MARK: Document

    private mutating func decodeDocument() throws(ReadError) {
        let root = try reader.next()
        guard root.kind == .mappingStart else {
            report(.typeMismatch(key: "the document", expected: "a map of 'relgraph', 'nodes' and 'edges'", found: root.shapeDescription), at: root.position)
            return
        }
        var keys = KeyTracker(container: "the document", allowed: DocumentSchema.document)
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case "relgraph": try decodeVersion(value)
            case "title":
                if let title = try localizedText(value, key: "title") { builder.title = title }
            case "sources": try forEachItem(value, key: "sources") { decoder, item throws(ReadError) in try decoder.decodeSource(item) }
            case "kinds": try forEachItem(value, key: "kinds") { decoder, item throws(ReadError) in try decoder.decodeKind(item) }
            case "relations": try forEachItem(value, key: "relations") { decoder, item throws(ReadError) in try decoder.decodeRelation(item) }
            case "nodes": try forEachItem(value, key: "nodes") { decoder, item throws(ReadError) in try decoder.decodeNode(item) }
            case "edges": try forEachItem(value, key: "edges") { decoder, item throws(ReadError) in try decoder.decodeEdge(item) }
            default: preconditionFailure("KeyTracker lets only known keys through")
            }
        }
        if keys.seen["relgraph"] == nil {
            report(.missingKey("relgraph", in: "the document", hint: "add 'relgraph: 1' (the format version) as its first line"), at: root.position)
        }
        _ = try reader.next()  // .end, or the reader throws on trailing content
    }

    private mutating func decodeVersion(_ value: Token) throws(ReadError) {
        guard let text = try scalar(value, key: "relgraph") else { return }
        if text != "1" { report(.unsupportedVersion(text), at: value.position) }
    }

    // MARK: Declarations

    private mutating func decodeSource(_ start: Token) throws(ReadError) {
        guard try expectMapping(start, key: "each source") else { return }
        var keys = KeyTracker(container: "a source", allowed: DocumentSchema.source)
        var source = Source(id: "")
        var positions: [String: TextPosition] = [:]
        while let (key, value) = try nextEntry(&keys) {
            positions[key] = value.position
            switch key {
            case "id": source.id = try scalar(value, key: "id") ?? ""
            case "title": source.title = try localizedText(value, key: "title") ?? LocalizedText()
            case "url": source.url = try scalar(value, key: "url")
            default: break
            }
        }
        guard require("id", in: keys, of: "a source", at: start, hint: "give it an id that nodes and edges name in 'source'") else { return }
        do {
            try builder.addSource(source)
            declaredSources.insert(source.id)
        } catch {
            report(.graph(error, first: nil), at: positions["id"] ?? start.position)
        }
    }

    private mutating func decodeKind(_ start: Token) throws(ReadError) {
        guard try expectMapping(start, key: "each kind") else { return }
        var keys = KeyTracker(container: "a kind", allowed: DocumentSchema.kind)
        var declaration = KindDeclaration(kind: "")
        var positions: [String: TextPosition] = [:]
        while let (key, value) = try nextEntry(&keys) {
            positions[key] = value.position
            switch key {
            case "id": declaration.kind = NodeKind(try scalar(value, key: "id") ?? "")
            case "label": declaration.label = try localizedText(value, key: "label") ?? LocalizedText()
            case "style": declaration.style = try decodeStyle(value)
            default: break
            }
        }
        guard require("id", in: keys, of: "a kind", at: start, hint: "give it an id that nodes use as their 'kind'") else { return }
        do {
            try builder.declareKind(declaration)
            declaredKinds.insert(declaration.kind)
        } catch {
            let position: TextPosition? = if case .invalidStyle = error { positions["style"] } else { positions["id"] }
            report(.graph(error, first: nil), at: position ?? start.position)
        }
    }

    private mutating func decodeStyle(_ start: Token) throws(ReadError) -> KindStyle? {
        guard try expectMapping(start, key: "style") else { return nil }
        var keys = KeyTracker(container: "a style", allowed: DocumentSchema.style)
        var style = KindStyle()
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case "shape": style.shape = try scalar(value, key: "shape")
            case "color": style.color = try scalar(value, key: "color")
            default: break
            }
        }
        return style
    }

    private mutating func decodeRelation(_ start: Token) throws(ReadError) {
        guard try expectMapping(start, key: "each relation") else { return }
        var keys = KeyTracker(container: "a relation", allowed: DocumentSchema.relation)
        var relation = RelationType(id: "")
        var idPosition = start.position
        while let (key, value) = try nextEntry(&keys) {
            switch key {
            case "id":
                relation.id = try scalar(value, key: "id") ?? ""
                idPosition = value.position
            case "label": relation.label = try localizedText(value, key: "label") ?? LocalizedText()
            case "symmetric": relation.isSymmetric = try boolean(value, key: "symmetric") ?? false
            default: break
            }
        }
        guard require("id", in: keys, of: "a relation", at: start, hint: "give it the id that edges use as their 'relation'") else { return }
        do {
            try builder.declareRelation(relation)
        } catch {
            report(.graph(error, first: nil), at: idPosition)
        }
    }

    // MARK: Nodes and edges

    /// The fields nodes and edges share.
    private struct CommonFields {
        var date: PartialDate?
        var start: PartialDate?
        var end: PartialDate?
        var timingPosition: TextPosition?
        var datesValid = true
        var attributes = Attributes()
        var source: String?
        var positions: [String: TextPosition] = [:]
    }

    /// Reads a field nodes and edges share; false if `key` is not one of them.
    private mutating func decodeCommonField(_ key: String, _ value: Token, into fields: inout CommonFields) throws(ReadError) -> Bool {
        switch key {
        case "date", "start", "end":
            let date = try partialDate(value, key: key)
            if date == nil { fields.datesValid = false }
            switch key {
            case "date": fields.date = date
            case "start": fields.start = date
            default: fields.end = date
            }
            fields.timingPosition = max(fields.timingPosition ?? value.position, value.position)
        case "attributes":
            fields.attributes = try attributes(value)
        case "source":
            fields.source = try scalar(value, key: "source")
        default:
            return false
        }
        return true
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
        guard try expectMapping(start, key: "each node") else { return }
        var keys = KeyTracker(container: "a node", allowed: DocumentSchema.node)
        var id: String?, kind: String?, type: String?
        var label = LocalizedText()
        var fields = CommonFields()
        while let (key, value) = try nextEntry(&keys) {
            fields.positions[key] = value.position
            if try decodeCommonField(key, value, into: &fields) { continue }
            switch key {
            case "id": id = try scalar(value, key: "id")
            case "kind": kind = try scalar(value, key: "kind")
            case "type": type = try scalar(value, key: "type")
            case "label": label = try localizedText(value, key: "label") ?? label
            default: break
            }
        }
        let hasID = require("id", in: keys, of: "a node", at: start, hint: "give it a unique id such as 'india'")
        let hasKind = require("kind", in: keys, of: "a node", at: start,
                              hint: "give it one of \(NodeKind.builtIn.map(\.rawValue).joined(separator: ", ")), or a kind declared under 'kinds:'")
        guard hasID, let id else { return }
        let node = Node(
            id: id, kind: NodeKind(kind ?? NodeKind.actor.rawValue), type: type, label: label,
            timing: timing(of: fields), attributes: fields.attributes, source: fields.source)
        do {
            let index = try builder.addNode(node)
            nodePositions.append(start.position)
            if hasKind, !declaredKinds.contains(node.kind) {
                referencePositions[.nodeKind(index)] = fields.positions["kind"]
            }
            if let source = node.source, !declaredSources.contains(source) {
                referencePositions[.nodeSource(index)] = fields.positions["source"]
            }
        } catch {
            let first: TextPosition?
            if case .duplicateNode(let id) = error, let original = builder.index(ofNode: id) {
                first = nodePositions[original]
            } else {
                first = nil
            }
            report(.graph(error, first: first), at: fields.positions[field(of: error, default: "id")] ?? start.position)
        }
    }

    private mutating func decodeEdge(_ start: Token) throws(ReadError) {
        guard try expectMapping(start, key: "each edge") else { return }
        var keys = KeyTracker(container: "an edge", allowed: DocumentSchema.edge)
        var from: String?, to: String?, relation: String?
        var fields = CommonFields()
        while let (key, value) = try nextEntry(&keys) {
            fields.positions[key] = value.position
            if try decodeCommonField(key, value, into: &fields) { continue }
            switch key {
            case "from": from = try scalar(value, key: "from")
            case "to": to = try scalar(value, key: "to")
            case "relation": relation = try scalar(value, key: "relation")
            default: break
            }
        }
        let hasFrom = require("from", in: keys, of: "an edge", at: start, hint: "name the node the edge leaves")
        let hasTo = require("to", in: keys, of: "an edge", at: start, hint: "name the node the edge enters")
        let hasRelation = require("relation", in: keys, of: "an edge", at: start, hint: "name its relation, such as 'signed' or 'partner-of'")
        guard hasFrom, hasTo, hasRelation, let from, let to, let relation else { return }
        let edge = Edge(
            from: from, to: to, relation: relation, timing: timing(of: fields),
            attributes: fields.attributes, source: fields.source)
        do {
            let insertion = try builder.addEdgeNotingForwardReferences(edge)
            edgePositions.append(start.position)
            if insertion.fromIsPending { referencePositions[.edgeFrom(insertion.index)] = fields.positions["from"] }
            if insertion.toIsPending { referencePositions[.edgeTo(insertion.index)] = fields.positions["to"] }
            if let source = edge.source, !declaredSources.contains(source) {
                referencePositions[.edgeSource(insertion.index)] = fields.positions["source"]
            }
        } catch {
            report(.graph(error, first: nil), at: fields.positions[field(of: error, default: "relation")] ?? start.position)
        }
    }

    /// The key whose value a graph error is about.
    private func field(of error: GraphError, default key: String) -> String {
        switch error {
        case .invalidIdentifier(_, let role) where role == "kind": return "kind"
        case .invalidIdentifier(_, let role) where role == "source id": return "source"
        case .invalidLanguage, .emptyText: return "label"
        default: return key
        }
    }

    private func position(of element: GraphBuildError.Element) -> TextPosition {
        if let position = referencePositions[element] { return position }
        switch element {
        case .node(let index), .nodeKind(let index), .nodeSource(let index): return nodePositions[index]
        case .edge(let index), .edgeFrom(let index), .edgeTo(let index), .edgeSource(let index): return edgePositions[index]
        }
    }

    // MARK: Values

    /// Tracks the keys of one map: duplicates, unknown keys and which were seen.
    private struct KeyTracker {
        let container: String
        let allowed: [String]
        var seen: [String: TextPosition] = [:]
    }

    /// The next key of a map and the first token of its value, or nil at the end of the map.
    /// Unknown and duplicate keys are reported and their values skipped.
    private mutating func nextEntry(_ keys: inout KeyTracker) throws(ReadError) -> (String, Token)? {
        while true {
            let keyToken = try reader.next()
            if keyToken.kind == .mappingEnd { return nil }
            guard keyToken.kind == .scalar else {
                report(.typeMismatch(key: "a key in \(keys.container)", expected: "a string", found: keyToken.shapeDescription), at: keyToken.position)
                try skip(keyToken)
                try skip(try reader.next())
                continue
            }
            let key = keyToken.text
            let value = try reader.next()
            if let first = keys.seen[key] {
                report(.duplicateKey(key, first: first), at: keyToken.position)
                try skip(value)
                continue
            }
            keys.seen[key] = keyToken.position
            guard keys.allowed.contains(key) else {
                let suggestion = NearestName(candidates: keys.allowed).nearest(to: key)
                report(.unknownKey(key, in: keys.container, suggestion: suggestion, allowed: keys.allowed), at: keyToken.position)
                try skip(value)
                continue
            }
            return (key, value)
        }
    }

    private mutating func require(_ key: String, in keys: KeyTracker, of container: String, at start: Token, hint: String) -> Bool {
        guard keys.seen[key] == nil else { return true }
        report(.missingKey(key, in: container, hint: hint), at: start.position)
        return false
    }

    /// Runs `body` on each item of a list.
    private mutating func forEachItem(
        _ start: Token, key: String, _ body: (inout Self, Token) throws(ReadError) -> Void
    ) throws(ReadError) {
        guard start.kind == .sequenceStart else {
            report(.typeMismatch(key: key, expected: "a list", found: start.shapeDescription), at: start.position)
            try skip(start)
            return
        }
        while true {
            let item = try reader.next()
            if item.kind == .sequenceEnd { return }
            try body(&self, item)
        }
    }

    private mutating func expectMapping(_ token: Token, key: String) throws(ReadError) -> Bool {
        guard token.kind == .mappingStart else {
            report(.typeMismatch(key: key, expected: "a map", found: token.shapeDescription), at: token.position)
            try skip(token)
            return false
        }
        return true
    }

    /// A scalar's text, or nil (reported) for a list, a map or null.
    private mutating func scalar(_ token: Token, key: String) throws(ReadError) -> String? {
        guard token.kind == .scalar, !token.isNull else {
            report(.typeMismatch(key: key, expected: "a string", found: token.shapeDescription), at: token.position)
            try skip(token)
            return nil
        }
        return token.text
    }

    private mutating func boolean(_ token: Token, key: String) throws(ReadError) -> Bool? {
        guard let text = try scalar(token, key: key) else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            report(.notABoolean(key: key, value: text), at: token.position)
            return nil
        }
    }

    private mutating func partialDate(_ token: Token, key: String) throws(ReadError) -> PartialDate? {
        guard let text = try scalar(token, key: key) else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            report(.invalidDate(key: key, error), at: token.position)
            return nil
        }
    }

    /// A label or title: a string, or a map from language codes to strings.
    private mutating func localizedText(_ token: Token, key: String) throws(ReadError) -> LocalizedText? {
        if token.kind == .scalar, !token.isNull {
            guard !token.text.isEmpty else {
                report(.graph(.emptyText(field: key), first: nil), at: token.position)
                return nil
            }
            return LocalizedText(token.text)
        }
        guard token.kind == .mappingStart else {
            report(.typeMismatch(key: key, expected: "a string or a map of languages to strings (en: …, hi: …)", found: token.shapeDescription), at: token.position)
            try skip(token)
            return nil
        }
        var text = LocalizedText()
        var seen: [String: TextPosition] = [:]
        while true {
            let languageToken = try reader.next()
            if languageToken.kind == .mappingEnd { break }
            let value = try reader.next()
            guard languageToken.kind == .scalar, LanguageCode.isValid(languageToken.text) else {
                report(.graph(.invalidLanguage(languageToken.kind == .scalar ? languageToken.text : languageToken.shapeDescription), first: nil), at: languageToken.position)
                try skip(languageToken)
                try skip(value)
                continue
            }
            if let first = seen[languageToken.text] {
                report(.duplicateKey(languageToken.text, first: first), at: languageToken.position)
                try skip(value)
                continue
            }
            seen[languageToken.text] = languageToken.position
            guard let string = try scalar(value, key: "\(key).\(languageToken.text)") else { continue }
            guard !string.isEmpty else {
                report(.graph(.emptyText(field: "\(key).\(languageToken.text)"), first: nil), at: value.position)
                continue
            }
            text[languageToken.text] = string
        }
        return text
    }

    private mutating func attributes(_ token: Token) throws(ReadError) -> Attributes {
        guard try expectMapping(token, key: "attributes") else { return Attributes() }
        var attributes: [Attributes.Attribute] = []
        var seen: [String: TextPosition] = [:]
        while true {
            let nameToken = try reader.next()
            if nameToken.kind == .mappingEnd { break }
            let value = try reader.next()
            guard nameToken.kind == .scalar else {
                report(.typeMismatch(key: "an attribute name", expected: "a string", found: nameToken.shapeDescription), at: nameToken.position)
                try skip(nameToken)
                try skip(value)
                continue
            }
            let name = nameToken.text
            if let first = seen[name] {
                report(.duplicateKey(name, first: first), at: nameToken.position)
                try skip(value)
                continue
            }
            seen[name] = nameToken.position
            guard DocumentSchema.isValidAttributeName(name) else {
                report(.graph(.invalidAttributeName(name), first: nil), at: nameToken.position)
                try skip(value)
                continue
            }
            guard value.kind == .scalar, !value.isNull else {
                report(.nonScalarAttribute(name: name, found: value.shapeDescription), at: value.position)
                try skip(value)
                continue
            }
            let attributeValue = value.isPlain ? AttributeValue(inferringTypeOf: value.text) : .string(value.text)
            attributes.append(.init(name: name, value: attributeValue))
        }
        return Attributes(attributes)
    }

    /// Consumes the rest of the value that `token` starts.
    private mutating func skip(_ token: Token) throws(ReadError) {
        guard token.kind == .mappingStart || token.kind == .sequenceStart else { return }
        var depth = 1
        while depth > 0 {
            switch try reader.next().kind {
            case .mappingStart, .sequenceStart: depth += 1
            case .mappingEnd, .sequenceEnd: depth -= 1
            case .end: return
            case .scalar: break
            }
        }
    }

    private mutating func report(_ problem: DocumentProblem, at position: TextPosition) {
        guard problems.count < DocumentSchema.maximumDiagnostics else { return }
        problems.append(LocatedProblem(position: position, problem: problem))
    }
}

/// A problem and where it is, before the file name is attached.
struct LocatedProblem: Sendable {
    var position: TextPosition
    var problem: DocumentProblem
}

/// Every problem found in a document, in file order.
struct DecodingFailure: Error {
    var problems: [LocatedProblem]
}
