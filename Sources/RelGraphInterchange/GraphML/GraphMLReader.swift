import Foundation
import RelGraphCore
import RelGraphDocument

/// Reads GraphML as NetworkX, igraph, Gephi, yEd and RelGraph write it, streaming (the file is
/// never held whole, and no DOM is built).
///
/// - `<key>`s are typed (`int`, `long`, `float`, `double`, `boolean`, `string`) with their
///   `<default>`s; RelGraph's list keys (`rg:list`) read back as lists.
/// - A node's kind comes from a `kind` key, else `actor`; its label from `label_<lang>` keys,
///   else `label`, `name` or `title`, else yEd's `y:NodeLabel`. `type`, `date`, `start`, `end`
///   and `source` fill those fields where their values fit; everything else is an attribute
///   (a name RelGraph reserves, or one that breaks the rules, becomes `graphml-<name>`).
/// - An edge's relation comes from a `relation` key, else `linked-to`; `edgedefault` and
///   per-edge `directed` make a relation symmetric when all its edges are undirected.
///   Parallel edges are kept: an edge's `id` is its id where it is valid and unused,
///   otherwise parallel edges are named `e<N>`.
/// - Nested graphs are flattened; hyperedges and ports are ignored with a warning.
/// - DTDs and entities are never read (see `XMLTokenizer`).
public struct GraphMLReader: Sendable {
    public var defaultKind: NodeKind = .actor
    public var defaultRelation = "linked-to"

    public init() {}

    /// Reads the GraphML file at `path`.
    /// - Complexity: O(size of the file); memory O(nodes + edges).
    public func read(contentsOf path: String) throws(GraphLoadError) -> ImportedGraph {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        return try read(ByteInput(descriptor: descriptor), fileName: path)
    }

    /// Reads GraphML held in memory; `fileName` is used in messages.
    public func read(_ bytes: [UInt8], fileName: String) throws(GraphLoadError) -> ImportedGraph {
        try read(ByteInput(bytes: bytes), fileName: fileName)
    }

    private func read(_ input: ByteInput, fileName: String) throws(GraphLoadError) -> ImportedGraph {
        var state = GraphMLState(reader: self, fileName: fileName)
        var tokenizer = XMLTokenizer(input: input)
        do {
            try state.read(&tokenizer)
        } catch {
            state.report(error.problem, at: error.position)
            throw .invalidContent(state.problems)
        }
        if tokenizer.skippedDoctype {
            state.warnings.insert(.warning(at: SourceLocation(file: fileName), "the DOCTYPE was ignored; RelGraph never reads DTDs or expands their entities"), at: 0)
        }
        return try state.finish()
    }
}

private struct GraphMLState {
    let reader: GraphMLReader
    let fileName: String
    var builder = GraphBuilder()
    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    struct Key {
        var name: String
        var domain: String
        var type: String
        var listElement: String?
        var defaultValue: String?
    }

    var keys: [String: Key] = [:]
    var nodePositions: [TextPosition] = []
    var edgePositions: [TextPosition] = []
    var declaredKinds = Set(NodeKind.builtIn)
    var declaredSources: Set<String> = []
    /// Per relation: whether its edges were all undirected so far (nil: only directed seen).
    var relationDirections: [String: (undirected: Int, directed: Int)] = [:]
    var foreignIDs = ForeignNodeIDs()
    var graphDirected: [Bool] = []
    var sawRoot = false
    var ignoredElements: Set<String> = []
    var title: String?
    var declarations: String?
    var controlCharacters = 0

    init(reader: GraphMLReader, fileName: String) {
        self.reader = reader
        self.fileName = fileName
    }

    mutating func report(_ problem: DocumentProblem, at position: TextPosition) {
        guard problems.count < DocumentSchema.maximumDiagnostics else { return }
        problems.append(Diagnostic(problem, in: fileName, at: position))
    }

    /// The element being read: a node or edge with its data so far.
    struct OpenElement {
        var isNode: Bool
        var id: String
        var source = "", target = ""
        var directed: Bool
        var position: TextPosition
        var data: [(key: String, text: String, position: TextPosition)] = []
        var yedLabel: String?
    }

    /// `y:NodeLabel` → `NodeLabel`; a name without a prefix is returned as it is (no copy).
    @inline(__always)
    static func localName(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: ":")) else { return name }
        return String(local(name))
    }

    static func local(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    mutating func read(_ tokenizer: inout XMLTokenizer) throws(ReadError) {
        var stack: [OpenElement] = []
        var currentKey: (id: String, key: Key)?
        var dataKey: (key: String, position: TextPosition)?
        var text = ""
        var inDefault = false
        var inYedLabel = false
        var inGraphData = false
        while let event = try tokenizer.next() {
            switch event {
            case let .start(name, attributes, position, _):
                let local = Self.localName(name)
                func attribute(_ wanted: String) -> String? { attributes.first { $0.0 == wanted }?.1 }
                switch local {
                case "graphml": sawRoot = true
                case "key":
                    guard let id = attribute("id") else { throw ReadError(position: position, problem: .missingKey("id", in: "a <key>", hint: "give every <key> an id that <data key=…> names")) }
                    let keyName = attribute("attr.name") ?? attribute("yfiles.type") ?? id
                    let list = attributes.first { $0.0 == "rg:list" || $0.0.hasSuffix(":list") }?.1
                    currentKey = (id, Key(name: keyName, domain: attribute("for") ?? "all", type: (attribute("attr.type") ?? "string").lowercased(), listElement: list))
                case "default":
                    inDefault = currentKey != nil
                    text = ""
                    tokenizer.keepsText = inDefault
                case "graph":
                    guard sawRoot else { throw ReadError(position: position, problem: .syntax("this is not GraphML: <graph> outside <graphml>")) }
                    let edgeDefault = attribute("edgedefault") ?? "directed"
                    graphDirected.append(edgeDefault != "undirected")
                case "node":
                    guard let id = attribute("id") else { throw ReadError(position: position, problem: .missingKey("id", in: "a <node>", hint: "give every node an id")) }
                    stack.append(OpenElement(isNode: true, id: id, directed: true, position: position))
                case "edge":
                    guard let source = attribute("source"), let target = attribute("target") else {
                        throw ReadError(position: position, problem: .missingKey("source and target", in: "an <edge>", hint: "name the nodes the edge joins"))
                    }
                    var directed = graphDirected.last ?? true
                    if let value = attribute("directed") { directed = value == "true" || value == "1" }
                    var element = OpenElement(isNode: false, id: attribute("id") ?? "", directed: directed, position: position)
                    element.source = source
                    element.target = target
                    stack.append(element)
                case "data":
                    guard let key = attribute("key") else { throw ReadError(position: position, problem: .missingKey("key", in: "a <data>", hint: "name the <key> it gives a value for")) }
                    if stack.isEmpty {
                        inGraphData = true
                    }
                    dataKey = (key, position)
                    text = ""
                    tokenizer.keepsText = true
                case "NodeLabel", "EdgeLabel":
                    inYedLabel = !stack.isEmpty && stack[stack.count - 1].yedLabel == nil
                    text = ""
                    tokenizer.keepsText = true
                case "hyperedge", "port", "endpoint", "locator":
                    ignoredElements.insert(String(local))
                default:
                    break
                }
            case .text(let piece):
                text += piece
            case let .end(name, _):
                let local = Self.localName(name)
                switch local {
                case "key":
                    if let (id, key) = currentKey { keys[id] = key }
                    currentKey = nil
                case "default":
                    if inDefault { currentKey?.key.defaultValue = text }
                    inDefault = false
                    tokenizer.keepsText = dataKey != nil
                case "graph":
                    _ = graphDirected.popLast()
                case "node", "edge":
                    guard let element = stack.popLast() else { break }
                    if element.isNode { addNode(element) } else { addEdge(element) }
                case "data":
                    guard let (key, position) = dataKey else { break }
                    if inGraphData {
                        if let graphKey = keys[key] {
                            switch graphKey.name {
                            // RelGraph's own export names the keys of the graph's attributes g-a-….
                            case _ where key.hasPrefix("g-a-"): graphData.append((graphKey, text, position))
                            case "relgraph.declarations": applyDeclarations(text, at: position)
                            case "title", "label", "name": title = title ?? text
                            // Keys for the graph (yEd's `for="graphml"` resources are drawings, not data).
                            default: if graphKey.domain == "graph" || graphKey.domain == "all" { graphData.append((graphKey, text, position)) }
                            }
                        }
                        inGraphData = false
                    } else if !stack.isEmpty {
                        // yEd's graphics keys hold XML, whose labels were read separately.
                        if let name = keys[key]?.name, name != "nodegraphics", name != "edgegraphics" {
                            stack[stack.count - 1].data.append((key, text, position))
                        }
                    }
                    dataKey = nil
                    tokenizer.keepsText = inYedLabel
                case "NodeLabel", "EdgeLabel":
                    if inYedLabel, !stack.isEmpty {
                        let label = text.trimmingXMLSpaces
                        if !label.isEmpty { stack[stack.count - 1].yedLabel = label }
                    }
                    inYedLabel = false
                    tokenizer.keepsText = dataKey != nil
                    text = ""
                default:
                    break
                }
            }
        }
        guard sawRoot else { throw ReadError(position: .start, problem: .syntax("this is not GraphML: there is no <graphml> element")) }
    }

    /// The typed value of a key's text.
    private mutating func value(_ text: String, of key: Key, position: TextPosition) -> AttributeValue? {
        let text = clean(text)
        if let element = key.listElement {
            if let list = AttributeValue(listText: text) { return list }
            report(.typeMismatch(key: key.name, expected: "a list of \(element) (a JSON array)", found: "'\(text)'"), at: position)
            return nil
        }
        let trimmed = text.trimmingXMLSpaces
        switch key.type {
        case "int", "long":
            if let integer = Int(trimmed) { return .integer(integer) }
            report(.typeMismatch(key: key.name, expected: "an integer (its <key> says \(key.type))", found: "'\(text)'"), at: position)
            return nil
        case "float", "double":
            if let number = Double(trimmed), number.isFinite { return number == number.rounded() && abs(number) < 1e15 && key.type == "float" ? .number(number) : .number(number) }
            report(.typeMismatch(key: key.name, expected: "a number (its <key> says \(key.type))", found: "'\(text)'"), at: position)
            return nil
        case "boolean":
            switch trimmed.lowercased() {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default:
                report(.notABoolean(key: key.name, value: text), at: position)
                return nil
            }
        default:
            return .string(text)
        }
    }

    private mutating func clean(_ text: String) -> String {
        var found = false
        let cleaned = CSVTable.cleaned(text, &found)
        if found { controlCharacters += 1 }
        return cleaned
    }

    /// Keys with a default, per domain, in id order (keys come before the graph).
    private var defaults: [Bool: [(id: String, key: Key, value: String)]] = [:]

    /// Data of an element with the defaults of the keys it does not give.
    private mutating func values(of element: OpenElement) -> [(key: Key, text: String, position: TextPosition)] {
        var result: [(key: Key, text: String, position: TextPosition)] = []
        result.reserveCapacity(element.data.count)
        for (id, text, position) in element.data {
            if let key = keys[id] { result.append((key, text, position)) }
        }
        if defaults[element.isNode] == nil {
            let domain = element.isNode ? "node" : "edge"
            defaults[element.isNode] = keys.sorted { $0.key < $1.key }.compactMap { id, key in
                guard key.domain == domain || key.domain == "all", let value = key.defaultValue else { return nil }
                return (id, key, value)
            }
        }
        for (id, key, value) in defaults[element.isNode]! where !element.data.contains(where: { $0.key == id }) {
            result.append((key, value, element.position))
        }
        return result
    }

    static func attributeName(_ name: String) -> String {
        if Attributes.isValidName(name) { return name }
        let made = Identifier.made(from: name, fallback: "attribute").replacingAll(":", with: "-")
        return Attributes.isValidName(made) ? made : "graphml-" + made
    }

    private mutating func nodeID(_ key: String) -> String {
        foreignIDs.id(for: key, in: &builder)
    }

    private mutating func addNode(_ element: OpenElement) {
        var node = Node(id: nodeID(element.id), kind: reader.defaultKind)
        if node.id != element.id { node.attributes["graphml-id"] = .string(element.id) }
        var localized: [LocalizedText.Entry] = []
        var label: String?, nameLabel: String?
        var dates: [String: (String, TextPosition)] = [:]
        for (key, text, position) in values(of: element) {
            switch key.name {
            case "kind":
                let kind = Identifier.made(from: clean(text), fallback: reader.defaultKind.rawValue)
                node.kind = NodeKind(kind)
            case "label": label = clean(text)
            case "name", "title":
                if nameLabel == nil { nameLabel = clean(text) }
                if let value = value(text, of: key, position: position) { node.attributes[key.name] = value }
            case "type": node.type = clean(text)
            case "date", "start", "end": dates[key.name] = (clean(text), position)
            case "source":
                let source = clean(text)
                if Identifier.isValid(source) {
                    if declaredSources.insert(source).inserted { try? builder.addSource(Source(id: source)) }
                    node.source = source
                } else {
                    node.attributes["graphml-source"] = .string(source)
                }
            case let name where name.hasPrefix("label_") && LanguageCode.isValid(String(name.dropFirst(6))):
                localized.append(.init(language: String(name.dropFirst(6)), text: clean(text)))
            default:
                if let value = value(text, of: key, position: position) { node.attributes[Self.attributeName(key.name)] = value }
            }
        }
        if !localized.isEmpty {
            node.label = LocalizedText(localized)
        } else if let text = label ?? nameLabel ?? element.yedLabel, !text.isEmpty {
            node.label = LocalizedText(text)
        }
        applyDates(dates, to: &node.timing, attributes: &node.attributes)
        if !declaredKinds.contains(node.kind) {
            try? builder.declareKind(KindDeclaration(kind: node.kind))
            declaredKinds.insert(node.kind)
        }
        do throws(GraphError) {
            try builder.addNode(node)
            nodePositions.append(element.position)
        } catch {
            report(.graph(error, first: builder.index(ofNode: node.id).map { nodePositions[$0.position] }), at: element.position)
        }
    }

    private mutating func applyDates(_ dates: [String: (String, TextPosition)], to timing: inout Timing, attributes: inout Attributes) {
        guard !dates.isEmpty else { return }
        var parsed: [String: PartialDate] = [:]
        for (key, (text, _)) in dates { parsed[key] = try? PartialDate(parsing: text) }
        if parsed.count == dates.count, let value = try? Timing(date: parsed["date"], start: parsed["start"], end: parsed["end"]) {
            timing = value
            return
        }
        for (key, (text, _)) in dates { attributes["graphml-\(key)"] = .string(text) }
    }

    private mutating func addEdge(_ element: OpenElement) {
        // The target's key may take back the id just made for the source's: ask for the source's again.
        _ = nodeID(element.source)
        let target = nodeID(element.target)
        var edge = Edge(from: nodeID(element.source), to: target, relation: reader.defaultRelation)
        var symmetric: Bool?
        var dates: [String: (String, TextPosition)] = [:]
        var label: String?
        for (key, text, position) in values(of: element) {
            switch key.name {
            case "relation":
                edge.relation = Identifier.made(from: clean(text), fallback: reader.defaultRelation)
            case "symmetric": symmetric = text == "true" || text == "1"
            case "label": label = clean(text)
            case "date", "start", "end": dates[key.name] = (clean(text), position)
            case "source":
                let source = clean(text)
                if Identifier.isValid(source) {
                    if declaredSources.insert(source).inserted { try? builder.addSource(Source(id: source)) }
                    edge.source = source
                } else {
                    edge.attributes["graphml-source"] = .string(source)
                }
            default:
                if let value = value(text, of: key, position: position) { edge.attributes[Self.attributeName(key.name)] = value }
            }
        }
        // RelGraph's own GraphML writes the relation's label; a foreign label is kept.
        if let label = label ?? element.yedLabel, symmetric == nil { edge.attributes["graphml-label"] = .string(label) }
        applyDates(dates, to: &edge.timing, attributes: &edge.attributes)
        if !element.id.isEmpty {
            if Identifier.isValid(element.id), builder.index(ofEdge: element.id) == nil {
                edge.id = element.id
            } else {
                edge.attributes["graphml-id"] = .string(element.id)
            }
        }
        let undirected = symmetric ?? !element.directed
        var counts = relationDirections[edge.relation] ?? (0, 0)
        if undirected { counts.undirected += 1 } else { counts.directed += 1 }
        relationDirections[edge.relation] = counts
        do throws(GraphError) {
            try builder.addEdge(edge)
            edgePositions.append(element.position)
        } catch {
            report(.graph(error, first: nil), at: element.position)
        }
    }

    /// RelGraph's own declarations (they come before the nodes).
    private mutating func applyDeclarations(_ text: String, at position: TextPosition) {
        let document: Graph
        do throws(DocumentError) {
            document = try GraphDocument.decode(text, syntax: .json, fileName: "\(fileName):\(position.line):\(position.column) (relgraph.declarations)")
        } catch {
            problems += error.diagnostics
            return
        }
        declaredTitle = document.title
        for attribute in document.graphAttributes { graphAttributes[attribute.name] = attribute.value }
        for source in document.sources where declaredSources.insert(source.id).inserted { try? builder.addSource(source) }
        for kind in document.kindDeclarations where declaredKinds.insert(kind.kind).inserted || kind.kind.isBuiltIn { try? builder.declareKind(kind) }
        for relation in document.relationTypes { try? builder.declareRelation(relation) }
        declaredRelations = Set(document.relationTypes.map(\.id))
    }

    var declaredTitle: LocalizedText?
    var declaredRelations: Set<String> = []
    /// The graph's own attributes: from RelGraph's declarations, then from graph-level `<data>`.
    var graphAttributes = Attributes()
    var graphData: [(key: Key, text: String, position: TextPosition)] = []

    mutating func finish() throws(GraphLoadError) -> ImportedGraph {
        if let title { try? builder.setTitle(declaredTitle ?? LocalizedText(title)) }
        for (key, text, position) in graphData {
            if let value = value(text, of: key, position: position) { graphAttributes[Self.attributeName(key.name)] = value }
        }
        if !graphAttributes.isEmpty { try? builder.setGraphAttributes(graphAttributes) }
        relationDirections = relationDirections.filter { !declaredRelations.contains($0.key) }
        for (relation, counts) in relationDirections.sorted(by: { $0.key < $1.key }) where counts.undirected > 0 {
            if counts.directed > 0 {
                warnings.append(.warning(at: SourceLocation(file: fileName), "relation '\(relation)' has \(counts.undirected) undirected and \(counts.directed) directed edges; read as directed"))
            } else {
                try? builder.declareRelation(RelationType(id: relation, isSymmetric: true))
            }
        }
        for element in ignoredElements.sorted() { warnings.append(.warning(at: SourceLocation(file: fileName), "<\(element)> elements are ignored")) }
        if controlCharacters > 0 {
            warnings.append(.warning(at: SourceLocation(file: fileName), "control characters in \(controlCharacters) values were replaced with U+FFFD"))
        }
        guard problems.isEmpty else { throw .invalidContent(problems) }
        builder.nameParallelEdges()
        do {
            return ImportedGraph(graph: try builder.build(), warnings: warnings)
        } catch {
            for problem in error.problems {
                let positions = problem.element.isNode ? nodePositions : edgePositions
                report(.graph(problem.error, first: problem.original.map { positions[$0.index] }), at: positions[problem.element.index])
            }
            throw .invalidContent(problems)
        }
    }
}

extension String {
    /// The text without XML white space (space, tab, line breaks) at either end.
    var trimmingXMLSpaces: String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        var slice = utf8[...]
        while let byte = slice.first, isSpace(byte) { slice.removeFirst() }
        while let byte = slice.last, isSpace(byte) { slice.removeLast() }
        return String(slice) ?? self
    }
}
