import RelGraphCore

/// Writes a graph as DOT that Graphviz reads and that `DOTImporter` (in RelGraphGraphviz) reads back losslessly.
///
/// Nodes come first, then edges, each in document order. Every node carries `kind`, every
/// edge `relation`; labels in each language go in `label/<lang>` next to a displayable
/// `label`; dates, `type`, `source` and attributes keep their own names. The document's
/// declarations are graph attributes (`relation/<id>/symmetric`, `kind/<id>/label/<lang>`,
/// `source/<id>/title`…), whose names hold `/` so they can never clash with an id.
/// Symmetric relations are drawn without an arrow (`dir="none"`).
public struct DOTWriter: GraphWriter {
    /// The language of the displayable `label`s.
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    /// The whole graph as DOT.
    public func dot(for graph: Graph) -> String { document(for: graph) }

    /// Streams the DOT into `sink`, a line per node and edge.
    public func write(_ graph: Graph, to sink: inout some TextSink) {
        var output = "digraph \"relgraph\" {\n"
        for (name, value) in declarations(of: graph) { output += "  \(DOTText.id(name))=\(value)\n" }
        sink.write(output)
        let storage = graph.storage
        let quotedIDs = storage.nodeIDs.map(DOTText.id)
        let quotedKinds = storage.kinds.values.map { "kind=" + DOTText.value($0.rawValue) }
        // `\l` and `\r` stay Graphviz's escapes only in texts that came from DOT.
        let escapes = graph.dotLabelEscapes
        // Lines are formatted on every core and written in order; pieces go straight into the
        // text, no line is built and copied again.
        OrderedFormatting.write(count: graph.nodeCount, to: &sink) { nodes, text in
            for index in nodes {
                text.write("  ")
                text.write(quotedIDs[index])
                text.write(" [")
                text.write(quotedKinds[Int(storage.nodeKinds[index])])
                if let type = storage.nodeTypes[index] {
                    text.write(" type=")
                    text.write(DOTText.value(type))
                }
                // A record's label is its structure: written as it is (see RecordLabel).
                let label = storage.nodeLabels[index]
                let record = label.isNeutral && RecordLabel.isRecord(storage.nodeAttributes[index]) && RecordLabel.isWellFormed(label.entries[0].text)
                for (name, value) in record
                    ? [("label", RecordLabel.quoted(label.entries[0].text))] : labelAttributes(label, key: "label", displayed: true, escapes: escapes)
                {
                    text.write(" ")
                    text.write(DOTText.id(name))
                    text.write("=")
                    text.write(value)
                }
                writeCommon(storage.nodeTimings[index], storage.nodeSources[index], storage.nodeAttributes[index], in: graph, escapes: escapes, to: &text)
                text.write("]\n")
            }
        }
        // Nodes in clusters (imported from DOT's `subgraph cluster…`) go back into them.
        var clusters: [String: [Int]] = [:]
        for index in 0..<graph.nodeCount {
            if case .string(let cluster)? = storage.nodeAttributes[index]["cluster"], cluster.hasPrefix("cluster") {
                clusters[cluster, default: []].append(index)
            }
        }
        for cluster in clusters.keys.sorted(by: { $0.precedesInScalarOrder($1) }) {
            sink.write("  subgraph \(DOTText.id(cluster)) {")
            // Its own look, kept on import among the graph's attributes.
            for (name, value) in DOTClusterAttributes.statements(of: cluster, in: graph.graphAttributes, escapes: escapes) {
                sink.write(" \(name)=\(value);")
            }
            for index in clusters[cluster]! {
                sink.write(" ")
                sink.write(quotedIDs[index])
            }
            sink.write(" }\n")
        }
        // Per relation, what every one of its edges carries, quoted once.
        // A relation's label is the edge's `label`, so Graphviz shows it.
        let relationText = graph.relationsInUse.indices.map { code in
            let relation = graph.relationsInUse[code]
            let label = graph.relationType(relation).label.text(in: language).map { " label=" + DOTText.label($0, escapes: escapes) } ?? ""
            return "relation=\(DOTText.value(relation))" + label + (graph.relationSymmetric[code] ? " dir=\"none\"" : "")
        }
        OrderedFormatting.write(count: graph.edgeCount, to: &sink) { edges, text in
            for index in edges {
                text.write("  ")
                text.write(quotedIDs[Int(storage.edgeFrom[index])])
                text.write(" -> ")
                text.write(quotedIDs[Int(storage.edgeTo[index])])
                text.write(" [")
                // cgraph names an edge by its `key`: parallel edges stay apart, and the name
                // comes back as the edge's id.
                if let id = storage.edgeIDs[index] {
                    text.write("key=")
                    text.write(DOTText.value(id))
                    text.write(" ")
                }
                text.write(relationText[Int(storage.edgeRelations[index])])
                writeCommon(storage.edgeTimings[index], storage.edgeSources[index], storage.edgeAttributes[index], in: graph, escapes: escapes, to: &text)
                text.write("]\n")
            }
        }
        sink.write("}\n")
    }

    /// The title and declarations, as graph attributes.
    private func declarations(of graph: Graph) -> [(String, String)] {
        var attributes: [(String, String)] = [("relgraph", "\"1\"")]
        attributes += labelAttributes(graph.title, key: "title", displayed: false, escapes: graph.dotLabelEscapes)
        if let title = graph.title.text(in: language) { attributes.append(("label", DOTText.label(title, escapes: graph.dotLabelEscapes))) }
        // The graph's own attributes (rankdir, …), named so they read back as attributes.
        if !graph.graphAttributes.isEmpty {
            attributes.append(("relgraph/attributes", DOTText.value(graph.graphAttributes.map(\.name).joined(separator: " "))))
            for attribute in graph.graphAttributes where attribute.name != "label" {
                attributes.append((attribute.name, DOTText.value(attribute.value.text, escapes: graph.dotLabelEscapes)))
            }
        }
        attributes.append(("relgraph/kinds", DOTText.value(graph.kindDeclarations.map(\.kind.rawValue).joined(separator: " "))))
        for declaration in graph.kindDeclarations {
            let prefix = "kind/\(declaration.kind.rawValue)"
            attributes += labelAttributes(declaration.label, key: "\(prefix)/label", displayed: false)
            if let shape = declaration.style?.shape { attributes.append(("\(prefix)/shape", DOTText.value(shape))) }
            if let color = declaration.style?.color { attributes.append(("\(prefix)/color", DOTText.value(color))) }
        }
        attributes.append(("relgraph/relations", DOTText.value(graph.relationTypes.map(\.id).joined(separator: " "))))
        for relation in graph.relationTypes {
            let prefix = "relation/\(relation.id)"
            attributes.append(("\(prefix)/symmetric", relation.isSymmetric ? "\"true\"" : "\"false\""))
            attributes += labelAttributes(relation.label, key: "\(prefix)/label", displayed: false)
        }
        attributes.append(("relgraph/sources", DOTText.value(graph.sources.map(\.id).joined(separator: " "))))
        for source in graph.sources {
            attributes += labelAttributes(source.title, key: "source/\(source.id)/title", displayed: false)
            if let url = source.url { attributes.append(("source/\(source.id)/url", DOTText.value(url))) }
        }
        return attributes
    }

    /// `key` for a text without a language, or `key/<lang>` for each language (plus, when
    /// `displayed`, a `label` in the writer's language for Graphviz to show).
    private func labelAttributes(_ text: LocalizedText, key: String, displayed: Bool, escapes: DOTText.LabelEscapes = .none) -> [(String, String)] {
        guard !text.isEmpty else { return [] }
        if text.isNeutral { return [(key, DOTText.label(text.entries[0].text, escapes: escapes))] }
        var attributes: [(String, String)] = []
        if displayed, let display = text.text(in: language) { attributes.append(("label", DOTText.label(display, escapes: escapes))) }
        for entry in text.entries {
            attributes.append((entry.language.map { "\(key)/\($0)" } ?? key, DOTText.label(entry.text, escapes: escapes)))
        }
        // Graphviz hands attributes back sorted by name; keep the order of languages, which
        // decides the fallback, when it is not alphabetical.
        let languages = text.languages
        if languages != languages.sorted() {
            attributes.append(("\(key)/languages", DOTText.value(languages.joined(separator: " "))))
        }
        return attributes
    }

    private func writeCommon(
        _ timing: Timing, _ source: Int32, _ attributes: Attributes, in graph: Graph, escapes: DOTText.LabelEscapes, to sink: inout some TextSink
    ) {
        func date(_ name: String, _ date: PartialDate) {
            sink.write(name)
            sink.write(date.description)
            sink.write("\"")
        }
        switch timing {
        case .undated: break
        case .on(let value): date(" date=\"", value)
        case let .between(start, end):
            if let start { date(" start=\"", start) }
            if let end { date(" end=\"", end) }
        }
        if source >= 0 {
            sink.write(" source=")
            sink.write(DOTText.value(graph.storage.sources[Int(source)].id))
        }
        guard !attributes.isEmpty else { return }
        var strings: [String] = []
        var lists: [String] = []
        for attribute in attributes {
            sink.write(" ")
            sink.write(DOTText.id(attribute.name))
            sink.write("=")
            sink.write(DOTText.value(attribute.value.text, escapes: escapes))
            // DOT values are untyped; note strings that would read back as numbers or booleans.
            if case .string(let text) = attribute.value, AttributeValue(inferringTypeOf: text) != attribute.value {
                strings.append(attribute.name)
            }
            // Lists are written as JSON arrays and named, so they read back as lists.
            if attribute.value.isList { lists.append(attribute.name) }
        }
        if !lists.isEmpty {
            sink.write(" \"relgraph/lists\"=")
            sink.write(DOTText.value(lists.joined(separator: " ")))
        }
        if !strings.isEmpty {
            sink.write(" \"relgraph/strings\"=")
            sink.write(DOTText.value(strings.joined(separator: " ")))
        }
    }

    /// Appends ` [name=value …]` and a line break.
    package static func append(_ attributes: [(String, String)], to output: inout String) {
        guard !attributes.isEmpty else { output += "\n"; return }
        output += " ["
        for (index, (name, value)) in attributes.enumerated() {
            if index > 0 { output += " " }
            output += "\(DOTText.id(name))=\(value)"
        }
        output += "]\n"
    }
}
