import RelGraphCore
import RelGraphInterchange

/// Turns a parsed DOT graph into a RelGraph model (see ``DOTImporter`` for the mapping).
struct DOTMapping {
    let parsed: ParsedDOT
    let importer: DOTImporter
    let fileName: String
    private(set) var warnings: [Diagnostic] = []
    private var problems: [Diagnostic] = []
    private var builder = GraphBuilder()
    private var declaredKinds: Set<NodeKind> = Set(NodeKind.builtIn)
    private var declaredRelations: Set<String> = []
    private var declaredSources: Set<String> = []

    /// Whether the DOT was written by RelGraph (it then carries declarations and `dir` is presentation).
    private var isRelGraphDOT: Bool { parsed.attributes.contains { $0.name == "relgraph" && $0.value == "1" } }

    /// Whether any attribute of the file (graph, clusters, nodes, edges) uses `\l` or `\r`.
    private var usesJustification: Bool {
        let all = [parsed.attributes] + parsed.clusters.map(\.attributes) + parsed.nodes.map(\.attributes) + parsed.edges.map(\.attributes)
        return all.contains { $0.contains { !$0.isHTML && DOTDecoding.hasJustification($0.value) } }
    }

    /// The file as diagnostics name it (DOT's problems have no line once parsed).
    private var file: SourceLocation { SourceLocation(file: fileName) }

    init(parsed: ParsedDOT, importer: DOTImporter, fileName: String) {
        self.parsed = parsed
        self.importer = importer
        self.fileName = fileName
    }

    mutating func graph() throws(GraphLoadError) -> Graph {
        let graphAttributes = Dictionary(parsed.attributes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var title = localizedText(graphAttributes, key: "title", decode: { DOTDecoding.label($0) })
        if title.isEmpty, let label = graphAttributes["label"], !isRelGraphDOT {
            let text = label.isHTML ? DOTDecoding.htmlLabel(label.value) : DOTDecoding.label(label.value, graphName: parsed.name)
            if !text.isEmpty { title = LocalizedText(text) }
        }
        attempt { try $0.setTitle(title) }
        if isRelGraphDOT { declare(from: graphAttributes) }
        var attributes = graphLevelAttributes()
        // Texts that use Graphviz's `\l` and `\r` keep them as written: the graph says so, and
        // is then drawn and written back as this file meant them (a document's `\l` is text).
        if !isRelGraphDOT, usesJustification { attributes[Graph.dotLabelEscapesAttribute] = .boolean(true) }
        attempt { try $0.setGraphAttributes(attributes) }
        let ids = nodeIDs()
        for (index, node) in parsed.nodes.enumerated() { addNode(node, id: ids[index]) }
        for edge in parsed.edges { addEdge(edge, ids: ids) }
        // Edges between the same nodes (through different ports, or repeated) stay apart.
        builder.nameParallelEdges()
        do {
            let graph = try builder.build()
            if problems.isEmpty { return graph }
        } catch {
            problems += error.problems.map { .error(at: file, $0.error.description) }
        }
        throw .invalidContent(problems)
    }

    /// The graph's own attributes: in RelGraph's DOT those it lists in `relgraph/attributes`;
    /// in other DOT every graph attribute but `label` (the title) and Graphviz's bookkeeping.
    private func graphLevelAttributes() -> Attributes {
        let chosen: [ParsedDOT.Attribute]
        if isRelGraphDOT {
            let names = Set(
                parsed.attributes.first { $0.name == "relgraph/attributes" }.map { DOTDecoding.value($0.value).split(separator: " ").map(String.init) } ?? [])
            chosen = parsed.attributes.filter { names.contains($0.name) }
        } else {
            chosen = parsed.attributes.filter { $0.name != "label" && !$0.name.contains("/") }
        }
        var result = Attributes()
        for attribute in chosen where Attributes.isValidName(attribute.name) {
            let text = attribute.isHTML ? attribute.value : DOTDecoding.value(attribute.value)
            result[attribute.name] = AttributeValue(inferringTypeOf: text)
        }
        // A cluster's own look (`label`, `color`, ...) as `<cluster>.<name>`: DOT export puts it back.
        for cluster in parsed.clusters {
            for attribute in cluster.attributes where DOTClusterAttributes.names.contains(attribute.name) && !attribute.isHTML {
                let name = "\(cluster.name).\(attribute.name)"
                guard Attributes.isValidName(name) else { continue }
                result[name] = .string(DOTDecoding.value(attribute.value))
            }
        }
        return result
    }

    // MARK: Declarations (RelGraph's own DOT)

    private mutating func declare(from attributes: [String: ParsedDOT.Attribute]) {
        func list(_ key: String) -> [String] {
            (attributes[key]?.value).map { DOTDecoding.value($0).split(separator: " ").map(String.init) } ?? []
        }
        for kind in list("relgraph/kinds") {
            let prefix = "kind/\(kind)"
            let shape = attributes["\(prefix)/shape"].map { DOTDecoding.value($0.value) }
            let color = attributes["\(prefix)/color"].map { DOTDecoding.value($0.value) }
            let style = shape == nil && color == nil ? nil : KindStyle(shape: shape, color: color)
            let declaration = KindDeclaration(kind: NodeKind(kind), label: localizedText(attributes, key: "\(prefix)/label"), style: style)
            attempt { try $0.declareKind(declaration) }
            declaredKinds.insert(NodeKind(kind))
        }
        for relation in list("relgraph/relations") {
            let prefix = "relation/\(relation)"
            let symmetric = attributes["\(prefix)/symmetric"]?.value == "true"
            let type = RelationType(id: relation, label: localizedText(attributes, key: "\(prefix)/label"), isSymmetric: symmetric)
            attempt { try $0.declareRelation(type) }
            declaredRelations.insert(relation)
        }
        for source in list("relgraph/sources") {
            let url = attributes["source/\(source)/url"].map { DOTDecoding.value($0.value) }
            let declaration = Source(id: source, title: localizedText(attributes, key: "source/\(source)/title"), url: url)
            attempt { try $0.addSource(declaration) }
            declaredSources.insert(source)
        }
    }

    /// `key` as a text without language, or `key/<lang>` entries.
    private func localizedText(
        _ attributes: [String: ParsedDOT.Attribute], key: String, decode: (String) -> String = { DOTDecoding.label($0) }
    ) -> LocalizedText {
        if let neutral = attributes[key] { return LocalizedText(decode(neutral.value)) }
        let prefix = key + "/"
        let order = attributes["\(prefix)languages"].map { DOTDecoding.value($0.value).split(separator: " ").map(String.init) } ?? []
        let entries = attributes.values.filter { $0.name.hasPrefix(prefix) && $0.name != "\(prefix)languages" }
            .map { LocalizedText.Entry(language: String($0.name.dropFirst(prefix.count)), text: decode($0.value)) }
            .sorted { (order.firstIndex(of: $0.language!) ?? order.count, $0.language!) < (order.firstIndex(of: $1.language!) ?? order.count, $1.language!) }
        return LocalizedText(entries)
    }

    // MARK: Nodes

    /// Ids for the nodes: their names where those are valid ids, otherwise made valid and unique.
    private mutating func nodeIDs() -> [String] {
        var used = Set(parsed.nodes.map(\.name).filter(Identifier.isValid))
        return parsed.nodes.map { node in
            if Identifier.isValid(node.name) { return node.name }
            let base = Self.identifier(from: node.name, fallback: "node")
            var candidate = base, suffix = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            return candidate
        }
    }

    private mutating func addNode(_ node: ParsedDOT.Node, id: String) {
        let attributes = Dictionary(node.attributes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var kind = importer.defaultKind
        if let value = attributes["kind"].map({ DOTDecoding.value($0.value) }), Identifier.isValid(value) {
            kind = NodeKind(value)
            if !declaredKinds.contains(kind) {
                let declaration = KindDeclaration(kind: kind)
                attempt { try $0.declareKind(declaration) }
                declaredKinds.insert(kind)
            }
        }
        var label = localizedText(attributes.filter { $0.key.hasPrefix("label/") }, key: "label")
        if label.isEmpty, let raw = attributes["label"] {
            // A record's label is its structure (fields, ports, escapes): kept as written.
            let isRecord = attributes["shape"].map { RecordLabel.shapes.contains(DOTDecoding.value($0.value)) } ?? false
            let text =
                raw.isHTML
                ? DOTDecoding.htmlLabel(raw.value)
                : isRecord && RecordLabel.isWellFormed(raw.value) ? raw.value : DOTDecoding.label(raw.value, nodeName: node.name, graphName: parsed.name)
            if !text.isEmpty, text != id { label = LocalizedText(text) }
        }
        // A node named "" gets an id made up for it, and no label: documents have no empty labels.
        if label.isEmpty, id != node.name, !node.name.isEmpty { label = LocalizedText(node.name) }
        var extra = otherAttributes(node.attributes, element: "node '\(node.name)'", skipping: ["kind", "label", "type"])
        if id != node.name { extra["dot-name"] = .string(node.name) }
        if let cluster = node.cluster { extra["cluster"] = .string(cluster) }
        let common = commonFields(attributes, element: "node '\(node.name)'")
        let value = Node(
            id: id, kind: kind, type: attributes["type"].map { DOTDecoding.value($0.value) }, label: label,
            timing: common.timing, attributes: extra, source: common.source)
        attempt { _ = try $0.addNode(value) }
    }

    // MARK: Edges

    private mutating func addEdge(_ edge: ParsedDOT.Edge, ids: [String]) {
        let attributes = Dictionary(edge.attributes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let element = "edge '\(parsed.nodes[edge.tail].name)' -> '\(parsed.nodes[edge.head].name)'"
        var relation = importer.defaultRelation
        if let value = attributes["relation"].map({ DOTDecoding.value($0.value) }) {
            if Identifier.isValid(value) {
                relation = value
            } else {
                relation = Self.identifier(from: value, fallback: importer.defaultRelation)
                warnings.append(.warning(at: file, "\(element): relation '\(value)' is not an id; read as '\(relation)'"))
            }
        }
        // A foreign edge's label is what the edge says: it becomes the relation, labelled with
        // the text, so drawings and exports show it again.
        var labelIsRelation = false
        if attributes["relation"] == nil, !isRelGraphDOT, let raw = attributes["label"] {
            let text = raw.isHTML ? DOTDecoding.htmlLabel(raw.value) : DOTDecoding.label(raw.value, graphName: parsed.name)
            if !text.isEmpty {
                relation = Identifier.made(from: text, fallback: importer.defaultRelation)
                labelIsRelation = true
                if !declaredRelations.contains(relation) {
                    let label = text == relation ? LocalizedText() : LocalizedText(text)
                    let type = RelationType(id: relation, label: label, isSymmetric: !parsed.isDirected)
                    attempt { try $0.declareRelation(type) }
                    declaredRelations.insert(relation)
                }
            }
        }
        if !parsed.isDirected, !isRelGraphDOT, !declaredRelations.contains(relation) {
            // In an undirected graph no edge has a direction: its relations are symmetric.
            let type = RelationType(id: relation, isSymmetric: !parsed.isDirected)
            attempt { try $0.declareRelation(type) }
            declaredRelations.insert(relation)
        }
        var skipped: Set<String> = isRelGraphDOT ? ["relation", "dir", "key", "label"] : ["relation", "key"]
        if labelIsRelation { skipped.insert("label") }
        let common = commonFields(attributes, element: element)
        var edgeID: String?
        if let name = edge.name, Identifier.isValid(name), usedEdgeIDs.insert(name).inserted { edgeID = name }
        let value = Edge(
            id: edgeID, from: ids[edge.tail], to: ids[edge.head], relation: relation, timing: common.timing,
            attributes: otherAttributes(edge.attributes, element: element, skipping: skipped), source: common.source)
        attempt { _ = try $0.addEdge(value) }
    }

    private var usedEdgeIDs: Set<String> = []

    // MARK: Shared fields

    private mutating func commonFields(_ attributes: [String: ParsedDOT.Attribute], element: String) -> (timing: Timing, source: String?) {
        func date(_ key: String) -> PartialDate? {
            guard let raw = attributes[key] else { return nil }
            let text = DOTDecoding.value(raw.value)
            do {
                return try PartialDate(parsing: text)
            } catch {
                problems.append(.error(at: file, "\(element): '\(key)': \(error)"))
                return nil
            }
        }
        var timing = Timing.undated
        do {
            timing = try Timing(date: date("date"), start: date("start"), end: date("end"))
        } catch {
            problems.append(.error(at: file, "\(element): \(error)"))
        }
        var source: String?
        if let raw = attributes["source"].map({ DOTDecoding.value($0.value) }) {
            if Identifier.isValid(raw) {
                source = raw
                if !declaredSources.contains(raw) {
                    attempt { try $0.addSource(Source(id: raw)) }
                    declaredSources.insert(raw)
                }
            } else {
                warnings.append(.warning(at: file, "\(element): source '\(raw)' is not an id; kept as the attribute 'dot-source'"))
            }
        }
        return (timing, source)
    }

    /// Attributes other than the mapped fields, typed, with invalid names made valid.
    private mutating func otherAttributes(_ attributes: [ParsedDOT.Attribute], element: String, skipping: Set<String>) -> Attributes {
        let mapped: Set<String> = skipping.union(["date", "start", "end", "relgraph/strings", "relgraph/lists"])
        func names(_ key: String) -> Set<String> {
            Set(attributes.first { $0.name == key }.map { DOTDecoding.value($0.value).split(separator: " ").map(String.init) } ?? [])
        }
        let strings = names("relgraph/strings"), lists = names("relgraph/lists")
        var result = Attributes()
        for attribute in attributes where !mapped.contains(attribute.name) && !attribute.name.hasPrefix("label/") {
            if attribute.name == "source", let value = attributes.first(where: { $0.name == "source" }), Identifier.isValid(DOTDecoding.value(value.value)) {
                continue
            }
            // Text Graphviz shows keeps its meaning: its escapes are decoded once (a later
            // export writes them once), never kept raw to be escaped again.
            let text =
                attribute.isHTML
                ? attribute.value
                : Self.escapedTextAttributes.contains(attribute.name) && !isRelGraphDOT
                    ? DOTDecoding.label(attribute.value) : DOTDecoding.value(attribute.value)
            var name = attribute.name
            if !Attributes.isValidName(name) {
                name = "dot-" + Self.identifier(from: name, fallback: "attribute")
            }
            if lists.contains(attribute.name), let list = AttributeValue(listText: text) {
                result[name] = list
                continue
            }
            result[name] = strings.contains(attribute.name) || attribute.isHTML ? .string(text) : AttributeValue(inferringTypeOf: text)
        }
        return result
    }

    /// Attributes Graphviz reads as escape strings (`\n`, `\l`, `\N`…), besides `label`.
    static let escapedTextAttributes: Set<String> = [
        "xlabel", "headlabel", "taillabel", "tooltip", "edgetooltip", "headtooltip", "tailtooltip", "labeltooltip",
    ]

    /// `text` made into an id: characters the rules forbid become `-`.
    static func identifier(from text: String, fallback: String) -> String {
        var result = ""
        for character in text {
            let candidate = result + String(character)
            if Identifier.isValid(candidate) || (result.isEmpty && Identifier.isValid(String(character))) {
                result.append(character)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? fallback : result
    }

    /// Runs `body` on the builder, noting the error it throws as a problem.
    private mutating func attempt(_ body: (inout GraphBuilder) throws -> Void) {
        do {
            try body(&builder)
        } catch {
            problems.append(.error(at: file, "\(error)"))
        }
    }
}
