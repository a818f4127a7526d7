import Foundation
import RelGraphCore
import RelGraphDocument

/// The work of reading one GraphML file: the builder, the keys declared so far, where each
/// element came from, and what the file declared of RelGraph's own.
struct GraphMLState: XMLImportState {
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
    /// Keys with a default, per domain, in id order (keys come before the graph).
    var defaults: [Bool: [(id: String, key: Key, value: String)]] = [:]
    var declaredTitle: LocalizedText?
    var declaredRelations: Set<String> = []
    /// The graph's own attributes: from RelGraph's declarations, then from graph-level `<data>`.
    var graphAttributes = Attributes()
    var graphData: [(key: Key, text: String, position: TextPosition)] = []
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
                    guard let id = attribute("id") else {
                        throw ReadError(position: position, problem: .missingKey("id", in: "a <key>", hint: "give every <key> an id that <data key=…> names"))
                    }
                    let keyName = attribute("attr.name") ?? attribute("yfiles.type") ?? id
                    let list = attributes.first { $0.0 == "rg:list" || $0.0.hasSuffix(":list") }?.1
                    currentKey = (
                        id, Key(name: keyName, domain: attribute("for") ?? "all", type: (attribute("attr.type") ?? "string").lowercased(), listElement: list)
                    )
                case "default":
                    inDefault = currentKey != nil
                    text = ""
                    tokenizer.keepsText = inDefault
                case "graph":
                    guard sawRoot else { throw ReadError(position: position, problem: .syntax("this is not GraphML: <graph> outside <graphml>")) }
                    let edgeDefault = attribute("edgedefault") ?? "directed"
                    graphDirected.append(edgeDefault != "undirected")
                case "node":
                    guard let id = attribute("id") else {
                        throw ReadError(position: position, problem: .missingKey("id", in: "a <node>", hint: "give every node an id"))
                    }
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
                    guard let key = attribute("key") else {
                        throw ReadError(position: position, problem: .missingKey("key", in: "a <data>", hint: "name the <key> it gives a value for"))
                    }
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

    mutating func finish() throws(GraphLoadError) -> ImportedGraph {
        if let title { try? builder.setTitle(declaredTitle ?? LocalizedText(title)) }
        for (key, text, position) in graphData {
            if let value = value(text, of: key, position: position) { graphAttributes[Self.attributeName(key.name)] = value }
        }
        if !graphAttributes.isEmpty { try? builder.setGraphAttributes(graphAttributes) }
        relationDirections = relationDirections.filter { !declaredRelations.contains($0.key) }
        for (relation, counts) in relationDirections.sorted(by: { $0.key < $1.key }) where counts.undirected > 0 {
            if counts.directed > 0 {
                warnings.append(
                    .warning(
                        at: SourceLocation(file: fileName),
                        "relation '\(relation)' has \(counts.undirected) undirected and \(counts.directed) directed edges; read as directed"))
            } else {
                try? builder.declareRelation(RelationType(id: relation, isSymmetric: true))
            }
        }
        for element in ignoredElements.sorted() { warnings.append(.warning(at: SourceLocation(file: fileName), "<\(element)> elements are ignored")) }
        if controlCharacters > 0 {
            warnings.append(.warning(at: SourceLocation(file: fileName), "control characters in \(controlCharacters) values were replaced with U+FFFD"))
        }
        return try builtGraph()
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
