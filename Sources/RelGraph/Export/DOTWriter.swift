/// Writes a graph as DOT that Graphviz reads and that ``DOTImporter`` reads back losslessly.
///
/// Nodes come first, then edges, each in document order. Every node carries `kind`, every
/// edge `relation`; labels in each language go in `label/<lang>` next to a displayable
/// `label`; dates, `type`, `source` and attributes keep their own names. The document's
/// declarations are graph attributes (`relation/<id>/symmetric`, `kind/<id>/label/<lang>`,
/// `source/<id>/title`…), whose names hold `/` so they can never clash with an id.
/// Symmetric relations are drawn without an arrow (`dir="none"`).
public struct DOTWriter: Sendable {
    /// The language of the displayable `label`s.
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    /// The whole graph as DOT.
    public func dot(for graph: Graph) -> String {
        var output = ""
        write(graph, to: &output)
        return output
    }

    /// Streams the DOT into `sink`, a line per node and edge.
    public func write(_ graph: Graph, to sink: inout some TextSink) {
        var output = "digraph \"relgraph\" {\n"
        writeDeclarations(of: graph, to: &output)
        sink.write(output)
        for index in 0..<graph.nodeCount {
            output.removeAll(keepingCapacity: true)
            let node = graph.node(at: index)
            var attributes: [(String, String)] = [("kind", DOTText.value(node.kind.rawValue))]
            if let type = node.type { attributes.append(("type", DOTText.value(type))) }
            appendLabel(node.label, key: "label", to: &attributes)
            appendCommon(timing: node.timing, source: node.source, attributes: node.attributes, to: &attributes)
            output += "  \(DOTText.id(node.id))"
            Self.append(attributes, to: &output)
            sink.write(output)
        }
        for index in 0..<graph.edgeCount {
            output.removeAll(keepingCapacity: true)
            let edge = graph.edge(at: index)
            var attributes: [(String, String)] = [("relation", DOTText.value(edge.relation))]
            if graph.isSymmetric(edge: index) { attributes.append(("dir", "\"none\"")) }
            appendCommon(timing: edge.timing, source: edge.source, attributes: edge.attributes, to: &attributes)
            output += "  \(DOTText.id(edge.from)) -> \(DOTText.id(edge.to))"
            Self.append(attributes, to: &output)
            sink.write(output)
        }
        sink.write("}\n")
    }

    private func writeDeclarations(of graph: Graph, to output: inout String) {
        var attributes: [(String, String)] = [("relgraph", "\"1\"")]
        appendLabel(graph.title, key: "title", to: &attributes)
        if let title = graph.title.text(in: language) { attributes.append(("label", DOTText.label(title))) }
        attributes.append(("relgraph/kinds", DOTText.value(graph.kindDeclarations.map(\.kind.rawValue).joined(separator: " "))))
        for declaration in graph.kindDeclarations {
            let prefix = "kind/\(declaration.kind.rawValue)"
            appendLabel(declaration.label, key: "\(prefix)/label", to: &attributes)
            if let shape = declaration.style?.shape { attributes.append(("\(prefix)/shape", DOTText.value(shape))) }
            if let color = declaration.style?.color { attributes.append(("\(prefix)/color", DOTText.value(color))) }
        }
        attributes.append(("relgraph/relations", DOTText.value(graph.relationTypes.map(\.id).joined(separator: " "))))
        for relation in graph.relationTypes {
            let prefix = "relation/\(relation.id)"
            attributes.append(("\(prefix)/symmetric", relation.isSymmetric ? "\"true\"" : "\"false\""))
            appendLabel(relation.label, key: "\(prefix)/label", to: &attributes)
        }
        attributes.append(("relgraph/sources", DOTText.value(graph.sources.map(\.id).joined(separator: " "))))
        for source in graph.sources {
            appendLabel(source.title, key: "source/\(source.id)/title", to: &attributes)
            if let url = source.url { attributes.append(("source/\(source.id)/url", DOTText.value(url))) }
        }
        for (name, value) in attributes { output += "  \(DOTText.id(name))=\(value)\n" }
    }

    /// `key` for a text without a language, `key/<lang>` for each language, plus a
    /// displayable `label` when `key` is a node's label.
    private func appendLabel(_ text: LocalizedText, key: String, to attributes: inout [(String, String)]) {
        guard !text.isEmpty else { return }
        if text.isNeutral {
            attributes.append((key, DOTText.label(text.entries[0].text)))
            return
        }
        if key == "label", let display = text.text(in: language) { attributes.append(("label", DOTText.label(display))) }
        for entry in text.entries {
            attributes.append((entry.language.map { "\(key)/\($0)" } ?? key, DOTText.label(entry.text)))
        }
        // Graphviz hands attributes back sorted by name; keep the order of languages, which
        // decides the fallback, when it is not alphabetical.
        let languages = text.languages
        if languages != languages.sorted() {
            attributes.append(("\(key)/languages", DOTText.value(languages.joined(separator: " "))))
        }
    }

    private func appendCommon(timing: Timing, source: String?, attributes: Attributes, to list: inout [(String, String)]) {
        if let date = timing.date { list.append(("date", DOTText.value(date.description))) }
        if let start = timing.start { list.append(("start", DOTText.value(start.description))) }
        if let end = timing.end { list.append(("end", DOTText.value(end.description))) }
        if let source { list.append(("source", DOTText.value(source))) }
        var strings: [String] = []
        for attribute in attributes {
            list.append((attribute.name, DOTText.value(attribute.value.text)))
            // DOT values are untyped; note strings that would read back as numbers or booleans.
            if case .string(let text) = attribute.value, AttributeValue(inferringTypeOf: text) != attribute.value {
                strings.append(attribute.name)
            }
        }
        if !strings.isEmpty { list.append(("relgraph/strings", DOTText.value(strings.joined(separator: " ")))) }
    }

    static func append(_ attributes: [(String, String)], to output: inout String) {
        guard !attributes.isEmpty else { output += "\n"; return }
        output += " ["
        for (index, (name, value)) in attributes.enumerated() {
            if index > 0 { output += " " }
            output += "\(DOTText.id(name))=\(value)"
        }
        output += "]\n"
    }
}
