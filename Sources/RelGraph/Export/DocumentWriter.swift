/// Writes canonical graph documents (contract §1) in JSON or YAML: one node or edge per
/// line, keys in the contract's order, attributes by name. Reading the output gives back an
/// equal ``Graph``, and the same graph always gives the same bytes.
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
        section("sources", graph.sources.map { source in
            var entry = [("id", scalar(source.id))]
            if !source.title.isEmpty { entry.append(("title", text(source.title))) }
            if let url = source.url { entry.append(("url", scalar(url))) }
            return mapping(entry)
        }, to: &sink)
        section("kinds", graph.kindDeclarations.map { declaration in
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
        section("relations", graph.relationTypes.map { relation in
            var entry = [("id", scalar(relation.id))]
            if !relation.label.isEmpty { entry.append(("label", text(relation.label))) }
            if relation.isSymmetric { entry.append(("symmetric", "true")) }
            return mapping(entry)
        }, to: &sink)
        section("nodes", (0..<graph.nodeCount).lazy.map { index in
            let node = graph.node(at: index)
            var entry = [("id", scalar(node.id)), ("kind", scalar(node.kind.rawValue))]
            if let type = node.type { entry.append(("type", scalar(type))) }
            if !node.label.isEmpty { entry.append(("label", text(node.label))) }
            appendCommon(node.timing, node.attributes, node.source, to: &entry)
            return mapping(entry)
        }, count: graph.nodeCount, to: &sink)
        section("edges", (0..<graph.edgeCount).lazy.map { index in
            let edge = graph.edge(at: index)
            var entry = [("from", scalar(edge.from)), ("to", scalar(edge.to)), ("relation", scalar(edge.relation))]
            appendCommon(edge.timing, edge.attributes, edge.source, to: &entry)
            return mapping(entry)
        }, count: graph.edgeCount, to: &sink)
        sink.write(json ? "\n}\n" : "\n")
    }

    private func appendCommon(_ timing: Timing, _ attributes: Attributes, _ source: String?, to entry: inout [(String, String)]) {
        // Dates are plain in YAML (`date: 2021-07`), which RelGraph reads as text.
        let date = { (date: PartialDate) in syntax == .json ? scalar(date.description) : date.description }
        if let value = timing.date { entry.append(("date", date(value))) }
        if let start = timing.start { entry.append(("start", date(start))) }
        if let end = timing.end { entry.append(("end", date(end))) }
        if !attributes.isEmpty {
            entry.append(("attributes", mapping(attributes.map { ($0.name, value($0.value)) })))
        }
        if let source { entry.append(("source", scalar(source))) }
    }

    private func field(_ key: String, _ value: String, to sink: inout some TextSink) {
        sink.write(syntax == .json ? ",\n  \"\(key)\": \(value)" : "\n\(key): \(value)")
    }

    private func section(_ key: String, _ items: [String], to sink: inout some TextSink) {
        section(key, items.lazy, count: items.count, to: &sink)
    }

    private func section(_ key: String, _ items: some Sequence<String>, count: Int, to sink: inout some TextSink) {
        guard count > 0 else { return }
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
        default: return value.text
        }
    }
}

/// Writing YAML scalars for flow mappings: plain where that is unambiguous, otherwise
/// double-quoted with JSON-compatible escapes.
enum YAMLScalar {
    static func string(_ text: String) -> String {
        isSafePlain(text) ? text : JSONValue.string(text).serialized(indented: false)
    }

    static func key(_ text: String) -> String { string(text) }

    /// Words YAML 1.1 or 1.2 would read as booleans or null.
    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isAlphabetic || ("0"..."9").contains(first), last != " ",
              !reserved.contains(text.lowercased()), case .string = AttributeValue(inferringTypeOf: text)
        else { return false }
        if (first.value < 0x80 && first.properties.isAlphabetic) == false, looksLikeDateOrNumber(text) { return false }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let safe = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
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
        return !text.contains("  ")
    }

    /// Texts that start with a digit are plain only if YAML cannot take them for numbers,
    /// dates or times (`1e3`, `0x1F`, `12:30`, `2021-07-07` are quoted).
    private static func looksLikeDateOrNumber(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "-.+_eExXoObB".unicodeScalars.contains($0) }
    }
}
