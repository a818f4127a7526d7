import RelGraphCore
import RelGraphDocument

extension GEXFState {
    /// The element's values by title, its attributes' defaults for those it does not give.
    private func values(of element: OpenElement) -> [(attribute: GEXFAttribute, value: String, position: TextPosition)] {
        var values = element.values
        for declared in (declarations[element.isNode ? "node" : "edge"] ?? [:]).values.sorted(by: { $0.id < $1.id }) {
            guard let value = declared.defaultValue, !values.contains(where: { $0.attribute.id == declared.id }) else { continue }
            values.append((declared, value, element.position))
        }
        return values
    }

    private func attribute(_ name: String, of element: OpenElement) -> String? {
        element.attributes.first { GEXFState.localName($0.0) == name }?.1
    }

    private mutating func clean(_ text: String) -> String {
        var found = false
        let cleaned = CSVTable.cleaned(text, &found)
        if found { counts.controlCharacters += 1 }
        return cleaned
    }

    /// The typed value, or nil with the problem reported.
    private mutating func typed(_ text: String, of declared: GEXFAttribute, at position: TextPosition) -> AttributeValue? {
        switch declared.value(of: clean(text)) {
        case .success(let value): return value
        case .failure(let problem):
            report(.typeMismatch(key: declared.title, expected: problem.expected, found: "'\(text)'"), at: position)
            return nil
        }
    }

    /// The element's timing: RelGraph's own `date`/`start`/`end` values where given, else its spells.
    private mutating func timing(_ element: OpenElement, dates: [String: String], attributes: inout Attributes) -> Timing {
        if !dates.isEmpty {
            let parsed = dates.mapValues { try? PartialDate(parsing: $0) }
            if !parsed.values.contains(where: { $0 == nil }),
                let timing = try? Timing(date: parsed["date"] ?? nil, start: parsed["start"] ?? nil, end: parsed["end"] ?? nil)
            {
                return timing
            }
            for (key, text) in dates { attributes["gexf-\(key)"] = .string(text) }
        }
        guard let (timing, several) = GEXFTime.timing(of: element.spells, format: timeFormat) else {
            counts.unreadTimes += 1
            let spells = element.spells.map { "\($0.start ?? "")..\($0.end ?? "")" }
            attributes["gexf-spells"] = .list(spells.map { .string($0) })
            return .undated
        }
        if several { counts.severalSpells += 1 }
        return timing
    }

    mutating func addNode(_ element: OpenElement) {
        guard let key = attribute("id", of: element) else {
            report(.missingKey("id", in: "a <node>", hint: "give every node an id"), at: element.position)
            return
        }
        var node = Node(id: foreignIDs.id(for: key, in: &builder), kind: reader.defaultKind)
        if node.id != key { node.attributes["gexf-id"] = .string(key) }
        var localized: [LocalizedText.Entry] = []
        var dates: [String: String] = [:]
        for (declared, text, position) in values(of: element) {
            switch declared.title {
            case "kind": node.kind = NodeKind(Identifier.made(from: clean(text), fallback: reader.defaultKind.rawValue))
            case "type": node.type = clean(text)
            case "date", "start", "end": dates[declared.title] = clean(text)
            case "source": setSource(clean(text), of: &node.source, attributes: &node.attributes)
            case let title where title.hasPrefix("label_") && LanguageCode.isValid(String(title.dropFirst(6))):
                localized.append(.init(language: String(title.dropFirst(6)), text: clean(text)))
            default:
                if let value = typed(text, of: declared, at: position) { node.attributes[GEXFAttribute.attributeName(declared.title)] = value }
            }
        }
        if !localized.isEmpty {
            node.label = LocalizedText(localized)
        } else if let given = attribute("label", of: element), case let label = clean(given), !label.isEmpty, label != key {
            node.label = LocalizedText(label)
        }
        node.timing = timing(element, dates: dates, attributes: &node.attributes)
        if declaredKinds.insert(node.kind).inserted { try? builder.declareKind(KindDeclaration(kind: node.kind)) }
        do throws(GraphError) {
            try builder.addNode(node)
            nodePositions.append(element.position)
        } catch {
            report(.graph(error, first: builder.index(ofNode: node.id).map { nodePositions[$0.position] }), at: element.position)
        }
    }

    private mutating func setSource(_ source: String, of field: inout String?, attributes: inout Attributes) {
        if Identifier.isValid(source) {
            if declaredSources.insert(source).inserted { try? builder.addSource(Source(id: source)) }
            field = source
        } else {
            attributes["gexf-source"] = .string(source)
        }
    }

    mutating func addEdge(_ element: OpenElement) {
        guard let source = attribute("source", of: element), let target = attribute("target", of: element) else {
            report(.missingKey("source and target", in: "an <edge>", hint: "name the nodes the edge joins"), at: element.position)
            return
        }
        // The target's key may take back the id just made for the source's: ask for the source's again.
        _ = foreignIDs.id(for: source, in: &builder)
        let to = foreignIDs.id(for: target, in: &builder)
        var edge = Edge(from: foreignIDs.id(for: source, in: &builder), to: to, relation: reader.defaultRelation)
        if let kind = attribute("kind", of: element) { edge.relation = Identifier.made(from: clean(kind), fallback: reader.defaultRelation) }
        var symmetric: Bool?
        var dates: [String: String] = [:]
        var networkxKey: String?
        for (declared, text, position) in values(of: element) {
            switch declared.title {
            case "relation": edge.relation = Identifier.made(from: clean(text), fallback: reader.defaultRelation)
            case "symmetric": symmetric = text == "true" || text == "1"
            case "date", "start", "end": dates[declared.title] = clean(text)
            case "source": setSource(clean(text), of: &edge.source, attributes: &edge.attributes)
            case "networkx_key" where Self.isOwnID(text): networkxKey = text
            case "networkx_key": break  // NetworkX's numbering of parallel edges
            default:
                if let value = typed(text, of: declared, at: position) { edge.attributes[GEXFAttribute.attributeName(declared.title)] = value }
            }
        }
        // RelGraph writes the relation's label; another file's label is kept.
        if symmetric == nil, let given = attribute("label", of: element), case let label = clean(given), !label.isEmpty {
            edge.attributes["gexf-label"] = .string(label)
        }
        if let text = attribute("weight", of: element) {
            guard let weight = Double(text.trimmingXMLSpaces), weight.isFinite else {
                report(.typeMismatch(key: "weight", expected: "a number", found: "'\(text)'"), at: element.position)
                return
            }
            if weight != 1 { edge.attributes["weight"] = .number(weight) }
        }
        edge.timing = timing(element, dates: dates, attributes: &edge.attributes)
        // NetworkX keeps a multigraph's edge keys as `networkx_key`; its own numbering, like
        // Gephi's and NetworkX's edge ids, is no id of the edge (unless RelGraph marked it `rg:ownid`).
        let isOwn = attribute("ownid", of: element) == "true"
        if let id = networkxKey ?? attribute("id", of: element).flatMap({ isOwn || Self.isOwnID($0) ? $0 : nil }) {
            if Identifier.isValid(id), builder.index(ofEdge: id) == nil { edge.id = id } else { edge.attributes["gexf-id"] = .string(id) }
        }
        let type = attribute("type", of: element)
        let undirected = symmetric ?? (type.map { $0 == "undirected" || $0 == "mutual" } ?? edgesUndirected)
        var directions = relationDirections[edge.relation] ?? (0, 0)
        if undirected { directions.undirected += 1 } else { directions.directed += 1 }
        relationDirections[edge.relation] = directions
        do throws(GraphError) {
            try builder.addEdge(edge)
            edgePositions.append(element.position)
        } catch {
            report(.graph(error, first: nil), at: element.position)
        }
    }

    /// Whether an edge id or key is the edge's own: not a plain number.
    static func isOwnID(_ id: String) -> Bool {
        !id.isEmpty && !id.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// RelGraph's own declarations (in `<meta>`, before the graph).
    mutating func applyDeclarations(_ text: String, at position: TextPosition) {
        let document: Graph
        do throws(DocumentError) {
            document = try GraphDocument.decode(text, syntax: .json, fileName: "\(fileName):\(position.line):\(position.column) (rg:declarations)")
        } catch {
            problems += error.diagnostics
            return
        }
        declaredTitle = document.title
        if !document.graphAttributes.isEmpty { try? builder.setGraphAttributes(document.graphAttributes) }
        for source in document.sources where declaredSources.insert(source.id).inserted { try? builder.addSource(source) }
        for kind in document.kindDeclarations where declaredKinds.insert(kind.kind).inserted || kind.kind.isBuiltIn { try? builder.declareKind(kind) }
        for relation in document.relationTypes { try? builder.declareRelation(relation) }
        declaredRelations = Set(document.relationTypes.map(\.id))
    }

    mutating func finish() throws(GraphLoadError) -> ImportedGraph {
        if let title = declaredTitle ?? title.flatMap({ $0.isEmpty ? nil : LocalizedText($0) }) { try? builder.setTitle(title) }
        for (relation, directions) in relationDirections.sorted(by: { $0.key < $1.key })
        where directions.undirected > 0 && !declaredRelations.contains(relation) {
            if directions.directed > 0 {
                warn("relation '\(relation)' has \(directions.undirected) undirected and \(directions.directed) directed edges; read as directed")
            } else {
                try? builder.declareRelation(RelationType(id: relation, isSymmetric: true))
            }
        }
        if counts.nested > 0 { warn("\(counts.nested) nested nodes were read as nodes of the graph; their hierarchy is left out") }
        if counts.severalSpells > 0 {
            warn("\(counts.severalSpells) elements have several spells; each is read as one interval from its first start to its last end")
        }
        if counts.timedValues > 0 { warn("\(counts.timedValues) attribute values hold over a time; the last given for each attribute is kept") }
        if counts.unreadTimes > 0 {
            warn("the times of \(counts.unreadTimes) elements are not dates; they are kept as 'gexf-spells' and the elements read as undated")
        }
        if counts.controlCharacters > 0 { warn("control characters in \(counts.controlCharacters) values were replaced with U+FFFD") }
        return try builtGraph()
    }
}
