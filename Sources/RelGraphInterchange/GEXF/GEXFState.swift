import RelGraphCore
import RelGraphDocument

/// What ``GEXFReader`` knows while it reads one file: the declarations so far, the element being
/// read, and the graph being built.
struct GEXFState: XMLImportState {
    let reader: GEXFReader
    let fileName: String
    var builder = GraphBuilder()
    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    /// Attribute declarations by class (`node`, `edge`) and id.
    var declarations: [String: [String: GEXFAttribute]] = ["node": [:], "edge": [:]]
    /// The declaration being read, and its class.
    var openDeclaration: (element: String, attribute: GEXFAttribute)?
    var timeFormat = GEXFTime.Format.double
    var edgesUndirected = false
    var sawRoot = false
    var sawGraph = false
    var title: String?

    /// A node or edge being read.
    struct OpenElement {
        var isNode: Bool
        var attributes: [(String, String)]
        var position: TextPosition
        var values: [(attribute: GEXFAttribute, value: String, position: TextPosition)] = []
        var spells: [(start: String?, end: String?)] = []
    }

    var open: [OpenElement] = []
    var nodePositions: [TextPosition] = []
    var edgePositions: [TextPosition] = []
    var foreignIDs = ForeignNodeIDs()
    var declaredKinds = Set(NodeKind.builtIn)
    var declaredSources: Set<String> = []
    var relationDirections: [String: (undirected: Int, directed: Int)] = [:]
    var declaredTitle: LocalizedText?
    var declaredRelations: Set<String> = []
    /// Counts behind the warnings given once at the end.
    var counts = (severalSpells: 0, timedValues: 0, unreadTimes: 0, nested: 0, controlCharacters: 0)

    init(reader: GEXFReader, fileName: String) {
        self.reader = reader
        self.fileName = fileName
    }

    mutating func report(_ problem: DocumentProblem, at position: TextPosition) {
        guard problems.count < DocumentSchema.maximumDiagnostics else { return }
        problems.append(Diagnostic(problem, in: fileName, at: position))
    }

    mutating func warn(_ message: String) {
        warnings.append(.warning(at: SourceLocation(file: fileName), message))
    }

    /// `viz:color` → `color`.
    static func localName(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    mutating func read(_ tokenizer: inout XMLTokenizer) throws(ReadError) {
        var text = ""
        var textElement: Substring?
        while let event = try tokenizer.next() {
            switch event {
            case let .start(name, attributes, position, _):
                let local = Self.localName(name)
                func attribute(_ wanted: String) -> String? { attributes.first { Self.localName($0.0) == wanted }?.1 }
                if !sawRoot {
                    guard local == "gexf" else {
                        throw ReadError(position: position, problem: .syntax("this is not GEXF: the root element is <\(name)>, not <gexf>"))
                    }
                    sawRoot = true
                    continue
                }
                switch local {
                case "graph":
                    guard !sawGraph else { throw ReadError(position: position, problem: .syntax("a second <graph>; a GEXF file holds one graph")) }
                    sawGraph = true
                    edgesUndirected = attribute("defaultedgetype").map { $0 == "undirected" || $0 == "mutual" } ?? false
                    if let format = attribute("timeformat") { timeFormat = GEXFTime.Format(format) }
                case "attributes":
                    let element = attribute("class") ?? "node"
                    if declarations[element] == nil { declarations[element] = [:] }
                    openDeclaration = (element, GEXFAttribute(id: "", title: "", type: "string"))
                case "attribute":
                    guard let element = openDeclaration?.element else { break }
                    guard let id = attribute("id") else {
                        throw ReadError(
                            position: position,
                            problem: .missingKey("id", in: "an <attribute>", hint: "give every <attribute> an id that <attvalue for=…> names"))
                    }
                    let list = attributes.first { $0.0.hasSuffix(":list") }?.1
                    openDeclaration = (element, GEXFAttribute(id: id, title: attribute("title") ?? id, type: attribute("type") ?? "string", listElement: list))
                case "default", "description", "title", "declarations":
                    textElement = local
                    text = ""
                    tokenizer.keepsText = true
                case "node", "edge":
                    if local == "node", open.last?.isNode == true { counts.nested += 1 }
                    var element = OpenElement(isNode: local == "node", attributes: attributes, position: position)
                    if attribute("start") != nil || attribute("end") != nil { element.spells.append((attribute("start"), attribute("end"))) }
                    if let timestamp = attribute("timestamp") { element.spells.append((timestamp, timestamp)) }
                    open.append(element)
                case "attvalue":
                    guard !open.isEmpty else { break }
                    let element = open[open.count - 1].isNode ? "node" : "edge"
                    guard let key = attribute("for") ?? attribute("id") else {
                        throw ReadError(position: position, problem: .missingKey("for", in: "an <attvalue>", hint: "name the <attribute> it gives a value for"))
                    }
                    guard let declared = declarations[element]?[key] else {
                        throw ReadError(
                            position: position,
                            problem: .syntax("<attvalue for=\"\(key)\"> names no \(element) <attribute>; declare it under <attributes class=\"\(element)\">"))
                    }
                    if attribute("start") != nil || attribute("end") != nil || attribute("timestamp") != nil { counts.timedValues += 1 }
                    open[open.count - 1].values.removeAll { $0.attribute.id == declared.id }
                    open[open.count - 1].values.append((declared, attribute("value") ?? "", position))
                case "spell", "slice":
                    guard !open.isEmpty else { break }
                    open[open.count - 1].spells.append((attribute("start"), attribute("end")))
                case "timestamp":
                    guard !open.isEmpty, let value = attribute("value") ?? attribute("timestamp") else { break }
                    open[open.count - 1].spells.append((value, value))
                default:
                    break
                }
            case .text(let piece):
                text += piece
            case let .end(name, _):
                let local = Self.localName(name)
                switch local {
                case "attribute":
                    if let (element, declared) = openDeclaration, !declared.id.isEmpty {
                        declarations[element]?[declared.id] = declared
                        openDeclaration = (element, GEXFAttribute(id: "", title: "", type: "string"))
                    }
                case "attributes":
                    openDeclaration = nil
                case "default" where textElement == "default":
                    openDeclaration?.attribute.defaultValue = text
                case "description" where textElement == "description" && open.isEmpty:
                    if title == nil { title = text.trimmingXMLSpaces }
                case "title" where textElement == "title" && open.isEmpty:
                    title = text.trimmingXMLSpaces
                case "declarations" where textElement == "declarations" && !sawGraph:
                    applyDeclarations(text, at: tokenizer.position)
                case "node", "edge":
                    guard let element = open.popLast() else { break }
                    if element.isNode { addNode(element) } else { addEdge(element) }
                default:
                    break
                }
                if local == textElement {
                    textElement = nil
                    tokenizer.keepsText = false
                }
            }
        }
        guard sawRoot else { throw ReadError(position: .start, problem: .syntax("this is not GEXF: there is no <gexf> element")) }
    }
}
