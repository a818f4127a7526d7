/// Writes GEXF 1.3 for Gephi (and `networkx.read_gexf`): nodes and edges with `kind`, `label`
/// (in the chosen language, and `label_<lang>` for every language), `type`, `source` and each
/// attribute as typed attributes; edges with `relation` and whether it is `symmetric`; dated
/// elements as spells, so that Gephi's timeline plays the graph through time.
///
/// A spell runs from the first day of a `date` or `start` to the last day of an `end`
/// (`end: 2031` lasts through 2031-12-31), as `--as-of` reads them; an open end is left out.
/// The graph is directed unless every relation in it is symmetric: GEXF readers (NetworkX
/// among them) refuse undirected edges in a directed graph, so a symmetric relation's edges
/// say `symmetric=true` instead.
public struct GEXFWriter: GraphWriter {
    /// The language of the displayable `label`s.
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    public func write(_ graph: Graph, to sink: inout some TextSink) {
        let storage = graph.storage
        let nodeLanguages = languages(of: storage.nodeLabels)
        let nodeColumns = AttributeColumns(storage.nodeAttributes).columns
        let edgeColumns = AttributeColumns(storage.edgeAttributes).columns
        let undirected = graph.edgeCount > 0 && (0..<graph.edgeCount).allSatisfy(graph.isSymmetric(edge:))
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        sink.write("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n")
        sink.write("  <meta>\n    <creator>RelGraph</creator>\n")
        if let title = graph.title.text(in: language) { sink.write("    <description>\(XML.text(title))</description>\n") }
        sink.write("  </meta>\n")
        sink.write("  <graph defaultedgetype=\"\(undirected ? "undirected" : "directed")\" mode=\"dynamic\" timeformat=\"date\">\n")
        var nodeAttributes = [("kind", "string"), ("type", "string"), ("source", "string")]
        nodeAttributes += nodeLanguages.map { ("label_\($0)", "string") }
        nodeAttributes += nodeColumns.map { ($0.name, $0.type.xmlName) }
        Self.declare(nodeAttributes, class: "node", to: &sink)
        Self.declare([("relation", "string"), ("symmetric", "boolean"), ("source", "string")] + edgeColumns.map { ($0.name, $0.type.xmlName) }, class: "edge", to: &sink)

        sink.write("    <nodes>\n")
        var line = ""
        for node in 0..<graph.nodeCount {
            line = "      <node id=\(XML.attribute(storage.nodeIDs[node])) label=\(XML.attribute(graph.displayName(ofNode: node, in: language)))>\n"
            var values = [("kind", graph.kind(ofNode: node).rawValue)]
            if let type = storage.nodeTypes[node] { values.append(("type", type)) }
            if let source = graph.node(at: node).source { values.append(("source", source)) }
            for entry in storage.nodeLabels[node].entries {
                if let language = entry.language { values.append(("label_\(language)", entry.text)) }
            }
            values += storage.nodeAttributes[node].map { ($0.name, $0.value.text) }
            Self.append(values, spell: storage.nodeTimings[node], to: &line)
            line += "      </node>\n"
            sink.write(line)
        }
        sink.write("    </nodes>\n    <edges>\n")
        for edge in 0..<graph.edgeCount {
            let relation = graph.relation(ofEdge: edge)
            line = "      <edge id=\"\(edge)\" source=\(XML.attribute(graph.id(ofNode: graph.from(ofEdge: edge)))) target=\(XML.attribute(graph.id(ofNode: graph.to(ofEdge: edge)))) label=\(XML.attribute(graph.relationLabel(relation, in: language)))>\n"
            var values = [("relation", relation), ("symmetric", graph.isSymmetric(edge: edge) ? "true" : "false")]
            if let source = graph.edge(at: edge).source { values.append(("source", source)) }
            values += storage.edgeAttributes[edge].map { ($0.name, $0.value.text) }
            Self.append(values, spell: storage.edgeTimings[edge], to: &line)
            line += "      </edge>\n"
            sink.write(line)
        }
        sink.write("    </edges>\n  </graph>\n</gexf>\n")
    }

    private static func declare(_ attributes: [(String, String)], class element: String, to sink: inout some TextSink) {
        sink.write("    <attributes class=\"\(element)\" mode=\"static\">\n")
        for (name, type) in attributes {
            sink.write("      <attribute id=\(XML.attribute(name)) title=\(XML.attribute(name)) type=\"\(type)\"/>\n")
        }
        sink.write("    </attributes>\n")
    }

    private static func append(_ values: [(String, String)], spell timing: Timing, to line: inout String) {
        line += "        <attvalues>\n"
        for (name, value) in values { line += "          <attvalue for=\(XML.attribute(name)) value=\(XML.attribute(value))/>\n" }
        line += "        </attvalues>\n"
        let start = timing.date ?? timing.start, end = timing.end
        guard start != nil || end != nil else { return }
        line += "        <spells>\n          <spell"
        if let start { line += " start=\"\(start.firstFullDate)\"" }
        if let end { line += " end=\"\(end.lastFullDate)\"" }
        line += "/>\n        </spells>\n"
    }
}
