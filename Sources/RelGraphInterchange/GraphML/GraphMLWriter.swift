import RelGraphCore
import RelGraphDocument

/// Writes GraphML that `networkx.read_graphml`, Gephi and yEd read: typed `<key>`s for
/// `kind`, `type`, `label` (in the chosen language) and `label_<lang>` for every language,
/// dates, `source`, and each attribute (`long`, `double`, `boolean` or `string`); edges carry
/// `relation`, its label and whether it is `symmetric`.
public struct GraphMLWriter: GraphWriter {
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    public func write(_ graph: Graph, to sink: inout some TextSink) {
        let nodeLanguages = languages(of: graph.nodeIndices.map(graph.label(ofNode:)))
        let nodeColumns = AttributeColumns((0..<graph.nodeCount).lazy.map { graph.storage.nodeAttributes[$0] })
        let edgeColumns = AttributeColumns((0..<graph.edgeCount).lazy.map { graph.storage.edgeAttributes[$0] })
        sink.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:rg="\(Self.namespace)" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            sink.write("  <key id=\(XML.attribute(id)) for=\"\(domain)\" attr.name=\(XML.attribute(name)) attr.type=\"\(type)\"/>\n")
        }
        // GraphML has no list type: a list is its JSON array in a string key that says so in
        // RelGraph's namespace (other readers see a string).
        func key(_ id: String, _ domain: String, _ column: (name: String, type: AttributeColumns.ColumnType)) {
            guard case .list(let element) = column.type else { return key(id, domain, column.name, Self.typeName(column.type)) }
            sink.write(
                "  <key id=\(XML.attribute(id)) for=\"\(domain)\" attr.name=\(XML.attribute(column.name)) attr.type=\"string\" rg:list=\"\(Self.typeName(element))\"/>\n"
            )
        }
        let undirected = graph.edgeCount > 0 && graph.relationSymmetric.allSatisfy { $0 }
        key("g-title", "graph", "title", "string")
        // The document's declarations (title in every language, sources, kinds, relations)
        // as a RelGraph JSON document, so that RelGraph reads its own GraphML back whole.
        key("g-declarations", "graph", "relgraph.declarations", "string")
        // The graph's own attributes (DOT's `rankdir`, `label`, ...) as graph keys, as NetworkX
        // writes `G.graph`, so other tools see them too.
        let graphColumns = AttributeColumns([graph.graphAttributes])
        for column in graphColumns.columns { key("g-a-\(column.name)", "graph", column) }
        for field in ["kind", "type", "label"] { key("n-\(field)", "node", field, "string") }
        for language in nodeLanguages { key("n-label-\(language)", "node", "label_\(language)", "string") }
        for field in ["date", "start", "end", "source"] { key("n-\(field)", "node", field, "string") }
        for column in nodeColumns.columns { key("n-a-\(column.name)", "node", column) }
        for field in ["relation", "label"] { key("e-\(field)", "edge", field, "string") }
        key("e-symmetric", "edge", "symmetric", "boolean")
        for field in ["date", "start", "end", "source"] { key("e-\(field)", "edge", field, "string") }
        for column in edgeColumns.columns { key("e-a-\(column.name)", "edge", column) }

        // Undirected when every relation is symmetric; otherwise each edge's `symmetric` data
        // says it (NetworkX refuses `directed="false"` edges in a directed graph).
        sink.write("  <graph id=\"relgraph\" edgedefault=\"\(undirected ? "undirected" : "directed")\">\n")
        if let title = graph.title.text(in: language) { sink.write("    <data key=\"g-title\">\(XML.text(title))</data>\n") }
        let declarations = DocumentWriter(syntax: .json).document(for: graph.declarationsOnly)
        sink.write("    <data key=\"g-declarations\">\(XML.text(declarations))</data>\n")
        if !graph.graphAttributes.isEmpty {
            var line = TextBuffer()
            line.write("    ")
            Self.appendCommon(prefix: "g", .undated, graph.graphAttributes, -1, [], to: &line)
            line.write("\n")
            line.bytes.withUnsafeBufferPointer { sink.write(utf8: $0) }
        }
        let storage = graph.storage
        // Per kind, and per relation, the data every one of its elements carries, escaped once.
        let kindData = storage.kinds.values.map { "<data key=\"n-kind\">\(XML.text($0.rawValue))</data>" }
        let relationData = graph.relationsInUse.indices.map { code in
            let relation = graph.relationsInUse[code]
            return
                "<data key=\"e-relation\">\(XML.text(relation))</data><data key=\"e-label\">\(XML.text(graph.relationLabel(relation, in: language)))</data><data key=\"e-symmetric\">\(graph.relationSymmetric[code])</data>"
        }
        let labelKeys = Dictionary(uniqueKeysWithValues: nodeLanguages.map { ($0, "<data key=\(XML.attribute("n-label-\($0)"))>") })
        let sources = storage.sources.map { XML.text($0.id) }
        let quotedIDs = TextFragments(count: graph.nodeCount) { node, text in XML.writeAttribute(storage.nodeIDs[node], to: &text) }
        // Lines are formatted on every core and written in order (``OrderedFormatting``),
        // piece by piece into the range's text.
        OrderedFormatting.write(count: graph.nodeCount, to: &sink) { nodes, line in
            for index in nodes {
                line.write("    <node id=")
                quotedIDs.write(index, to: &line)
                line.write(">")
                line.write(kindData[Int(storage.nodeKinds[index])])
                if let type = storage.nodeTypes[index] { Self.data("n-type", type, to: &line) }
                let label = storage.nodeLabels[index]
                if let text = label.text(in: language) { Self.data("n-label", text, to: &line) }
                for entry in label.entries {
                    if let language = entry.language {
                        line.write(labelKeys[language]!)
                        XML.writeText(entry.text, to: &line)
                        line.write("</data>")
                    }
                }
                Self.appendCommon(prefix: "n", storage.nodeTimings[index], storage.nodeAttributes[index], storage.nodeSources[index], sources, to: &line)
                line.write("</node>\n")
            }
        }
        OrderedFormatting.write(count: graph.edgeCount, rangeSize: Self.linesPerRange, to: &sink) { edges, line in
            // The quoted ids of a block of edges' ends are gathered before its lines are written:
            // the ends are scattered over the nodes, and fetched together their cache misses overlap.
            quotedIDs.forEachEdgeBlock(edges, from: storage.edgeFrom, to: storage.edgeTo) { block, ends in
                for index in block {
                    line.write("    <edge")
                    if let id = storage.edgeIDs[index] {
                        line.write(" id=")
                        XML.writeAttribute(id, to: &line)
                    }
                    line.write(" source=")
                    quotedIDs.write(gathered: 2 * (index - block.lowerBound), of: ends, to: &line)
                    line.write(" target=")
                    quotedIDs.write(gathered: 2 * (index - block.lowerBound) + 1, of: ends, to: &line)
                    line.write(">")
                    line.write(relationData[Int(storage.edgeRelations[index])])
                    Self.appendCommon(prefix: "e", storage.edgeTimings[index], storage.edgeAttributes[index], storage.edgeSources[index], sources, to: &line)
                    line.write("</edge>\n")
                }
            }
        }
        sink.write("  </graph>\n</graphml>\n")
    }

    /// Edge lines formatted in one range (``OrderedFormatting``): a round of ranges stays in the
    /// processor's cache until the calling thread writes it (see ``GEXFWriter``).
    private static let linesPerRange = 4_096

    /// `<data key="key">value</data>`, the value escaped.
    private static func data(_ key: String, _ value: String, to line: inout TextBuffer) {
        line.write("<data key=\"")
        line.write(key)
        line.write("\">")
        XML.writeText(value, to: &line)
        line.write("</data>")
    }

    /// Dates, source (escaped ids in `sources`) and attributes, as `<data>` of keys `prefix-…`.
    private static func appendCommon(
        prefix: String, _ timing: Timing, _ attributes: Attributes, _ source: Int32, _ sources: [String], to line: inout TextBuffer
    ) {
        func date(_ key: String, _ value: PartialDate?) {
            guard let value else { return }
            line.write("<data key=\"")
            line.write(prefix)
            line.write(key)
            line.write("\">")
            // Dates are digits and dashes: nothing to escape.
            line.write(value.description)
            line.write("</data>")
        }
        switch timing {
        case .undated: break
        case .on(let value): date("-date", value)
        case let .between(start, end):
            date("-start", start)
            date("-end", end)
        }
        if source >= 0 {
            line.write("<data key=\"")
            line.write(prefix)
            line.write("-source\">")
            line.write(sources[Int(source)])
            line.write("</data>")
        }
        for attribute in attributes {
            line.write("<data key=")
            XML.writeAttribute("\(prefix)-a-\(attribute.name)", to: &line)
            line.write(">")
            XML.writeText(attribute.value.text, to: &line)
            line.write("</data>")
        }
    }

    private static func typeName(_ type: AttributeColumns.ColumnType) -> String { type.xmlName }

    /// RelGraph's XML namespace, for what GraphML cannot say (list attributes).
    public static let namespace = "https://relgraph.org/graphml"
}

/// Escaping for XML 1.0.
enum XML {
    /// Element text: `&`, `<`, `>` escaped; characters XML 1.0 cannot hold become U+FFFD.
    static func text(_ value: String) -> String {
        if !value.utf8.contains(where: {
            $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == 0xEF
        }) {
            return value
        }
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\r": output += "&#13;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                output.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return output
    }

    /// Writes `text(value)`, without building it apart when nothing needs escaping.
    static func writeText(_ value: String, to buffer: inout TextBuffer) {
        if needsEscaping(value) { buffer.write(text(value)) } else { buffer.write(value) }
    }

    /// Writes `attribute(value)`, without building it apart when nothing needs escaping.
    static func writeAttribute(_ value: String, to buffer: inout TextBuffer) {
        if needsEscaping(value) {
            buffer.write(attribute(value))
        } else {
            buffer.write("\"")
            buffer.write(value)
            buffer.write("\"")
        }
    }

    /// Whether `text` or `attribute` would change `value`: control characters, the five
    /// specials, and U+FFFE/U+FFFF (whose UTF-8 starts with 0xEF).
    private static func needsEscaping(_ value: String) -> Bool {
        value.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == 0xEF
        }
    }

    /// A quoted attribute value (newlines and tabs as character references).
    static func attribute(_ value: String) -> String {
        "\"" + text(value).replacingAll("\n", with: "&#10;").replacingAll("\t", with: "&#9;") + "\""
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        // A first look at the bytes: Foundation's `contains` goes through NSString, which costs
        // more than the rest of an export's line.
        guard let first = target.utf8.first, utf8.contains(first), contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
