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
///
/// Each node and edge is written on one line, its `<attvalues>` and `<spells>` inside it, as
/// Gephi's own writer does without pretty-printing: indenting every value on its own line
/// tripled the file (DOT's 99 MB graph took 357 MB of GEXF; one line per element takes
/// about half) while XML readers see the same elements either way.
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
        let undirected = graph.edgeCount > 0 && graph.edgeIndices.allSatisfy(graph.isSymmetric(edge:))
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

        // Lines are formatted on every core and written in order (``OrderedFormatting``); what
        // a kind, relation, source or node id contributes is escaped once.
        let quotedIDs = Parallel.map(2) { half in
            let nodes = half == 0 ? 0..<graph.nodeCount / 2 : graph.nodeCount / 2..<graph.nodeCount
            return nodes.map { XML.attribute(storage.nodeIDs[$0]) }
        }.flatMap { $0 }
        let kindValues = storage.kinds.values.map { Self.attvalue("kind", $0.rawValue) }
        let sourceValues = storage.sources.map { Self.attvalue("source", $0.id) }
        let relationText = graph.relationsInUse.indices.map { code in
            let relation = graph.relationsInUse[code]
            return (label: XML.attribute(graph.relationLabel(relation, in: language)),
                    values: Self.attvalue("relation", relation) + Self.attvalue("symmetric", graph.relationSymmetric[code] ? "true" : "false"))
        }
        sink.write("    <nodes>\n")
        OrderedFormatting.write(count: graph.nodeCount, to: &sink) { nodes, line in
            for node in nodes {
                let label = storage.nodeLabels[node]
                line.write("      <node id=")
                line.write(quotedIDs[node])
                line.write(" label=")
                XML.writeAttribute(label.text(in: language) ?? storage.nodeIDs[node], to: &line)
                line.write("><attvalues>")
                line.write(kindValues[Int(storage.nodeKinds[node])])
                if let type = storage.nodeTypes[node] { Self.writeAttvalue("type", type, to: &line) }
                let source = storage.nodeSources[node]
                if source >= 0 { line.write(sourceValues[Int(source)]) }
                for entry in label.entries {
                    if let language = entry.language { Self.writeAttvalue("label_" + language, entry.text, to: &line) }
                }
                Self.finish(storage.nodeAttributes[node], spell: storage.nodeTimings[node], to: &line)
                line.write("</node>\n")
            }
        }
        sink.write("    </nodes>\n    <edges>\n")
        OrderedFormatting.write(count: graph.edgeCount, to: &sink) { edges, line in
            for edge in edges {
                let relation = relationText[Int(storage.edgeRelations[edge])]
                line.write("      <edge id=\"")
                line.write(String(edge))
                line.write("\" source=")
                line.write(quotedIDs[Int(storage.edgeFrom[edge])])
                line.write(" target=")
                line.write(quotedIDs[Int(storage.edgeTo[edge])])
                line.write(" label=")
                line.write(relation.label)
                line.write("><attvalues>")
                line.write(relation.values)
                let source = storage.edgeSources[edge]
                if source >= 0 { line.write(sourceValues[Int(source)]) }
                Self.finish(storage.edgeAttributes[edge], spell: storage.edgeTimings[edge], to: &line)
                line.write("</edge>\n")
            }
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

    /// One `<attvalue>` element.
    private static func attvalue(_ name: String, _ value: String) -> String {
        "<attvalue for=\(XML.attribute(name)) value=\(XML.attribute(value))/>"
    }

    /// Writes `attvalue(name, value)`, piece by piece.
    private static func writeAttvalue(_ name: String, _ value: String, to line: inout TextBuffer) {
        line.write("<attvalue for=")
        XML.writeAttribute(name, to: &line)
        line.write(" value=")
        XML.writeAttribute(value, to: &line)
        line.write("/>")
    }

    /// The attributes' values, the end of `<attvalues>` and the element's spell, if dated.
    private static func finish(_ attributes: Attributes, spell timing: Timing, to line: inout TextBuffer) {
        for attribute in attributes { writeAttvalue(attribute.name, attribute.value.text, to: &line) }
        line.write("</attvalues>")
        let start = timing.date ?? timing.start, end = timing.end
        guard start != nil || end != nil else { return }
        line.write("<spells><spell")
        if let start {
            line.write(" start=\"")
            line.write(start.firstFullDate.description)
            line.write("\"")
        }
        if let end {
            line.write(" end=\"")
            line.write(end.lastFullDate.description)
            line.write("\"")
        }
        line.write("/></spells>")
    }
}
