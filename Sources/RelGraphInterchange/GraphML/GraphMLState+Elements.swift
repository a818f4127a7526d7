import Foundation
import RelGraphCore
import RelGraphDocument

extension GraphMLState {
    /// The typed value of a key's text.
    mutating func value(_ text: String, of key: Key, position: TextPosition) -> AttributeValue? {
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
            if let number = Double(trimmed), number.isFinite {
                return number == number.rounded() && abs(number) < 1e15 && key.type == "float" ? .number(number) : .number(number)
            }
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

    mutating func clean(_ text: String) -> String {
        var found = false
        let cleaned = CSVTable.cleaned(text, &found)
        if found { controlCharacters += 1 }
        return cleaned
    }

    /// Data of an element with the defaults of the keys it does not give.
    mutating func values(of element: OpenElement) -> [(key: Key, text: String, position: TextPosition)] {
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

    mutating func nodeID(_ key: String) -> String {
        foreignIDs.id(for: key, in: &builder)
    }

    mutating func addNode(_ element: OpenElement) {
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

    mutating func applyDates(_ dates: [String: (String, TextPosition)], to timing: inout Timing, attributes: inout Attributes) {
        guard !dates.isEmpty else { return }
        var parsed: [String: PartialDate] = [:]
        for (key, (text, _)) in dates { parsed[key] = try? PartialDate(parsing: text) }
        if parsed.count == dates.count, let value = try? Timing(date: parsed["date"], start: parsed["start"], end: parsed["end"]) {
            timing = value
            return
        }
        for (key, (text, _)) in dates { attributes["graphml-\(key)"] = .string(text) }
    }

    mutating func addEdge(_ element: OpenElement) {
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
    mutating func applyDeclarations(_ text: String, at position: TextPosition) {
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
}
