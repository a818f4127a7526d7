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
        let nodeLanguages = languages(of: (0..<graph.nodeCount).lazy.map(graph.label(ofNode:)))
        let nodeColumns = AttributeColumns((0..<graph.nodeCount).lazy.map { graph.storage.nodeAttributes[$0] })
        let edgeColumns = AttributeColumns((0..<graph.edgeCount).lazy.map { graph.storage.edgeAttributes[$0] })
        sink.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            sink.write("  <key id=\(XML.attribute(id)) for=\"\(domain)\" attr.name=\(XML.attribute(name)) attr.type=\"\(type)\"/>\n")
        }
        key("g-title", "graph", "title", "string")
        for field in ["kind", "type", "label"] { key("n-\(field)", "node", field, "string") }
        for language in nodeLanguages { key("n-label-\(language)", "node", "label_\(language)", "string") }
        for field in ["date", "start", "end", "source"] { key("n-\(field)", "node", field, "string") }
        for column in nodeColumns.columns { key("n-a-\(column.name)", "node", column.name, Self.typeName(column.type)) }
        for field in ["relation", "label"] { key("e-\(field)", "edge", field, "string") }
        key("e-symmetric", "edge", "symmetric", "boolean")
        for field in ["date", "start", "end", "source"] { key("e-\(field)", "edge", field, "string") }
        for column in edgeColumns.columns { key("e-a-\(column.name)", "edge", column.name, Self.typeName(column.type)) }

        sink.write("  <graph id=\"relgraph\" edgedefault=\"directed\">\n")
        if let title = graph.title.text(in: language) { sink.write("    <data key=\"g-title\">\(XML.text(title))</data>\n") }
        let storage = graph.storage
        var line = ""
        for index in 0..<graph.nodeCount {
            line.removeAll(keepingCapacity: true)
            line += "    <node id=\(XML.attribute(storage.nodeIDs[index]))>"
            line += "<data key=\"n-kind\">\(XML.text(graph.kind(ofNode: index).rawValue))</data>"
            if let type = storage.nodeTypes[index] { line += "<data key=\"n-type\">\(XML.text(type))</data>" }
            let label = storage.nodeLabels[index]
            if let text = label.text(in: language) { line += "<data key=\"n-label\">\(XML.text(text))</data>" }
            for entry in label.entries {
                if let language = entry.language { line += "<data key=\(XML.attribute("n-label-\(language)"))>\(XML.text(entry.text))</data>" }
            }
            appendCommon(prefix: "n", storage.nodeTimings[index], storage.nodeAttributes[index], storage.nodeSources[index], graph, to: &line)
            line += "</node>\n"
            sink.write(line)
        }
        // Per relation, the data every one of its edges carries, escaped once.
        let relationData = graph.relationsInUse.indices.map { code in
            let relation = graph.relationsInUse[code]
            return "<data key=\"e-relation\">\(XML.text(relation))</data><data key=\"e-label\">\(XML.text(graph.relationLabel(relation, in: language)))</data><data key=\"e-symmetric\">\(graph.relationSymmetric[code])</data>"
        }
        let quotedIDs = storage.nodeIDs.map(XML.attribute)
        for index in 0..<graph.edgeCount {
            line.removeAll(keepingCapacity: true)
            line += "    <edge id=\"e\(index)\" source=\(quotedIDs[Int(storage.edgeFrom[index])]) target=\(quotedIDs[Int(storage.edgeTo[index])])>"
            line += relationData[Int(storage.edgeRelations[index])]
            appendCommon(prefix: "e", storage.edgeTimings[index], storage.edgeAttributes[index], storage.edgeSources[index], graph, to: &line)
            line += "</edge>\n"
            sink.write(line)
        }
        sink.write("  </graph>\n</graphml>\n")
    }

    private func appendCommon(prefix: String, _ timing: Timing, _ attributes: Attributes, _ source: Int32, _ graph: Graph, to line: inout String) {
        func data(_ key: String, _ value: String?) {
            guard let value else { return }
            line += "<data key=\"\(prefix)-\(key)\">\(XML.text(value))</data>"
        }
        switch timing {
        case .undated: break
        case .on(let date): data("date", date.description)
        case let .between(start, end):
            data("start", start?.description)
            data("end", end?.description)
        }
        if source >= 0 { data("source", graph.storage.sources[Int(source)].id) }
        for attribute in attributes { line += "<data key=\(XML.attribute("\(prefix)-a-\(attribute.name)"))>\(XML.text(attribute.value.text))</data>" }
    }

    private static func typeName(_ type: AttributeColumns.ColumnType) -> String { type.xmlName }
}

/// Escaping for XML 1.0.
enum XML {
    /// Element text: `&`, `<`, `>` escaped; characters XML 1.0 cannot hold become U+FFFD.
    static func text(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == 0xEF }) {
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

    /// A quoted attribute value (newlines and tabs as character references).
    static func attribute(_ value: String) -> String {
        "\"" + text(value).replacingAll("\n", with: "&#10;").replacingAll("\t", with: "&#9;") + "\""
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
