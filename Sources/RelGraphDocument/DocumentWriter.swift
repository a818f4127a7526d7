import RelGraphCore

/// Writes canonical graph documents (contract §1) in JSON or YAML: one node or edge per
/// line, keys in the contract's order, attributes by name. Reading the output gives back an
/// equal ``/RelGraphCore/Graph``, and the same graph always gives the same bytes.
public struct DocumentWriter: GraphWriter {
    public var syntax: GraphDocument.Syntax

    public init(syntax: GraphDocument.Syntax) {
        self.syntax = syntax
    }

    /// Streams the document into `sink`.
    public func write(_ graph: Graph, to sink: inout some TextSink) {
        let json = syntax == .json
        sink.write(json ? "{\n  \"relgraph\": 1" : "relgraph: 1")
        if !graph.title.isEmpty { field("title", text(graph.title), to: &sink) }
        if !graph.graphAttributes.isEmpty {
            field("attributes", mapping(graph.graphAttributes.map { ($0.name, value($0.value)) }), to: &sink)
        }
        section(
            "sources",
            graph.sources.map { source in
                var entry = [("id", scalar(source.id))]
                if !source.title.isEmpty { entry.append(("title", text(source.title))) }
                if let url = source.url { entry.append(("url", scalar(url))) }
                return mapping(entry)
            }, to: &sink)
        // The document's own words: languages in scalar order, words in the table's order.
        if !graph.uiWords.isEmpty {
            field(
                "ui",
                mapping(
                    graph.uiWords.languages.map { language in
                        (language, mapping(UIWord.allCases.compactMap { word in graph.uiWords[language, word].map { (word.rawValue, scalar($0)) } }))
                    }), to: &sink)
        }
        section(
            "kinds",
            graph.kindDeclarations.map { declaration in
                var entry = [("id", scalar(declaration.kind.rawValue))]
                if !declaration.label.isEmpty { entry.append(("label", text(declaration.label))) }
                if let style = declaration.style {
                    var styleEntries: [(String, String)] = []
                    if let shape = style.shape { styleEntries.append(("shape", scalar(shape))) }
                    if let color = style.color { styleEntries.append(("color", scalar(color))) }
                    entry.append(("style", mapping(styleEntries)))
                }
                return mapping(entry)
            }, to: &sink)
        section(
            "relations",
            graph.relationTypes.map { relation in
                var entry = [("id", scalar(relation.id))]
                if !relation.label.isEmpty { entry.append(("label", text(relation.label))) }
                if relation.isSymmetric { entry.append(("symmetric", "true")) }
                return mapping(entry)
            }, to: &sink)
        // Nodes and edges: lines formatted on every core and written in order
        // (``OrderedFormatting``), piece by piece into the range's text.
        let storage = graph.storage
        let kinds = storage.kinds.values.map { scalar($0.rawValue) }
        let sources = storage.sources.map { scalar($0.id) }
        if graph.nodeCount > 0 {
            sink.write(json ? ",\n  \"nodes\": [" : "\nnodes:")
            OrderedFormatting.write(count: graph.nodeCount, to: &sink) { nodes, text in
                for index in nodes {
                    text.write(json ? (index == 0 ? "\n    " : ",\n    ") : "\n  - ")
                    text.write(json ? "{\"id\": " : "{id: ")
                    writeScalar(storage.nodeIDs[index], to: &text)
                    writeKey("kind", to: &text)
                    text.write(kinds[Int(storage.nodeKinds[index])])
                    if let type = storage.nodeTypes[index] {
                        writeKey("type", to: &text)
                        writeScalar(type, to: &text)
                    }
                    let label = storage.nodeLabels[index]
                    if !label.isEmpty {
                        writeKey("label", to: &text)
                        writeText(label, to: &text)
                    }
                    writeCommon(storage.nodeTimings[index], storage.nodeAttributes[index], storage.nodeSources[index], sources, to: &text)
                    text.write("}")
                }
            }
            if json { sink.write("\n  ]") }
        }
        if graph.edgeCount > 0 {
            let ids = Parallel.map(2) { half in
                let nodes = half == 0 ? 0..<graph.nodeCount / 2 : graph.nodeCount / 2..<graph.nodeCount
                return nodes.map { scalar(storage.nodeIDs[$0]) }
            }.flatMap { $0 }
            let relations = storage.relations.values.map(scalar)
            sink.write(json ? ",\n  \"edges\": [" : "\nedges:")
            OrderedFormatting.write(count: graph.edgeCount, to: &sink) { edges, text in
                for index in edges {
                    text.write(json ? (index == 0 ? "\n    " : ",\n    ") : "\n  - ")
                    if let id = storage.edgeIDs[index] {
                        text.write(json ? "{\"id\": " : "{id: ")
                        writeScalar(id, to: &text)
                        writeKey("from", to: &text)
                    } else {
                        text.write(json ? "{\"from\": " : "{from: ")
                    }
                    text.write(ids[Int(storage.edgeFrom[index])])
                    writeKey("to", to: &text)
                    text.write(ids[Int(storage.edgeTo[index])])
                    writeKey("relation", to: &text)
                    text.write(relations[Int(storage.edgeRelations[index])])
                    writeCommon(storage.edgeTimings[index], storage.edgeAttributes[index], storage.edgeSources[index], sources, to: &text)
                    text.write("}")
                }
            }
            if json { sink.write("\n  ]") }
        }
        sink.write(json ? "\n}\n" : "\n")
    }

    /// `, "key": ` in JSON, `, key: ` in YAML (for the contract's own keys, plain in YAML).
    private func writeKey(_ key: String, to text: inout TextBuffer) {
        if syntax == .json {
            text.write(", \"")
            text.write(key)
            text.write("\": ")
        } else {
            text.write(", ")
            text.write(key)
            text.write(": ")
        }
    }

    /// Dates, attributes and source (scalars of the graph's sources in `sources`).
    private func writeCommon(_ timing: Timing, _ attributes: Attributes, _ source: Int32, _ sources: [String], to text: inout TextBuffer) {
        // Dates are plain in YAML (`date: 2021-07`), which RelGraph reads as text.
        func date(_ key: String, _ date: PartialDate?) {
            guard let date else { return }
            writeKey(key, to: &text)
            if syntax == .json {
                text.write("\"")
                text.write(date.description)
                text.write("\"")
            } else {
                text.write(date.description)
            }
        }
        date("date", timing.date)
        date("start", timing.start)
        date("end", timing.end)
        if !attributes.isEmpty {
            writeKey("attributes", to: &text)
            text.write(mapping(attributes.map { ($0.name, value($0.value)) }))
        }
        if source >= 0 {
            writeKey("source", to: &text)
            text.write(sources[Int(source)])
        }
    }

    /// `scalar(string)`, written without building it apart.
    private func writeScalar(_ string: String, to text: inout TextBuffer) {
        guard syntax == .json else { return text.write(YAMLScalar.string(string)) }
        if !JSONStringLiteral.isVerbatim(string) {
            var literal = ""
            JSONStringLiteral.append(string, to: &literal)
            text.write(literal)
        } else {
            text.write("\"")
            text.write(string)
            text.write("\"")
        }
    }

    /// `self.text(label)`, written without building it apart.
    private func writeText(_ label: LocalizedText, to text: inout TextBuffer) {
        if label.isNeutral { return writeScalar(label.entries[0].text, to: &text) }
        text.write("{")
        for (position, entry) in label.entries.enumerated() {
            if position > 0 { text.write(", ") }
            if syntax == .json {
                text.write("\"")
                text.write(entry.language ?? "und")
                text.write("\": ")
            } else {
                text.write(YAMLScalar.key(entry.language ?? "und"))
                text.write(": ")
            }
            writeScalar(entry.text, to: &text)
        }
        text.write("}")
    }

    private func field(_ key: String, _ value: String, to sink: inout some TextSink) {
        sink.write(syntax == .json ? ",\n  \"\(key)\": \(value)" : "\n\(key): \(value)")
    }

    private func section(_ key: String, _ items: [String], to sink: inout some TextSink) {
        guard !items.isEmpty else { return }
        if syntax == .json {
            sink.write(",\n  \"\(key)\": [")
            var first = true
            for item in items {
                sink.write(first ? "\n    " : ",\n    ")
                sink.write(item)
                first = false
            }
            sink.write("\n  ]")
        } else {
            sink.write("\n\(key):")
            for item in items {
                sink.write("\n  - ")
                sink.write(item)
            }
        }
    }

    private func mapping(_ entries: [(String, String)]) -> String {
        if syntax == .json {
            return "{" + entries.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "{" + entries.map { "\(YAMLScalar.key($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func text(_ text: LocalizedText) -> String {
        if text.isNeutral { return scalar(text.entries[0].text) }
        return mapping(text.entries.map { ($0.language ?? "und", scalar($0.text)) })
    }

    private func scalar(_ string: String) -> String {
        syntax == .json ? JSONValue.string(string).serialized(indented: false) : YAMLScalar.string(string)
    }

    private func value(_ value: AttributeValue) -> String {
        switch value {
        case .string(let string): return scalar(string)
        case .list(let values): return "[" + values.map(self.value).joined(separator: ", ") + "]"
        default: return value.text
        }
    }
}

/// Writing YAML scalars for flow mappings: plain where that is unambiguous, otherwise
/// double-quoted with JSON-compatible escapes.
enum YAMLScalar {
    static func string(_ text: String) -> String {
        guard !isSafePlain(text) else { return text }
        // JSON's escapes and those YAML needs besides (``JSONStringLiteral/Escapes/yaml``).
        var literal = ""
        JSONStringLiteral.append(text, to: &literal, escaping: .yaml)
        return literal
    }

    static func key(_ text: String) -> String { string(text) }

    /// Words YAML 1.1 or 1.2 would read as booleans or null.
    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            isLetter(first) || ("0"..."9").contains(first), last != " ",
            text.utf8.count > 5 || !reserved.contains(text.lowercased()), case .string = AttributeValue(inferringTypeOf: text)
        else { return false }
        if (first.value < 0x80 && first.properties.isAlphabetic) == false, looksLikeDateOrNumber(text) { return false }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let safe =
                    isLetter(scalar) || ("0"..."9").contains(scalar)
                    || " ._-'()/+".unicodeScalars.contains(scalar)
                if !safe { return false }
            } else {
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate, .unassigned, .privateUse:
                    return false
                default:
                    continue
                }
            }
        }
        // Two spaces in a row (a byte scan: `contains` on a string goes through Foundation).
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: " "), previous == byte { return false }
            previous = byte
        }
        return true
    }

    /// `properties.isAlphabetic`, answered without a property lookup for ASCII.
    @inline(__always)
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Texts that start with a digit are plain only if YAML cannot take them for numbers,
    /// dates or times (`1e3`, `0x1F`, `12:30`, `2021-07-07` are quoted).
    private static func looksLikeDateOrNumber(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "-.+_eExXoObB".unicodeScalars.contains($0) }
            || text.hasPrefix("0x") && text.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" }
    }
}
