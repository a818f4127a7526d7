import RelGraphCore
import RelGraphDocument

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
/// about half) while XML readers see the same elements either way. Attributes are declared
/// with numbers for ids and their names for titles, as NetworkX writes them: values say
/// `for="0"`, readers show `relation` (7% of the file).
///
/// So that RelGraph reads its own GEXF back as the same graph (``GEXFReader``), dated elements
/// also carry their `date`, `start` or `end` as written (spells hold whole days), edges their
/// own ids (a number marked `rg:ownid`), lists are marked `rg:list` (their values are JSON arrays), and `<meta>` holds the
/// document's declarations (`<rg:declarations>`, as RelGraph's GraphML does); Gephi and NetworkX
/// ignore what they do not know.
public struct GEXFWriter: GraphWriter {
    /// The language of the displayable `label`s.
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    public func write(_ graph: Graph, to sink: inout some TextSink) {
        let storage = graph.storage, language = language
        let nodeLanguages = languages(of: storage.nodeLabels)
        let nodeColumns = AttributeColumns(storage.nodeAttributes).columns
        let edgeColumns = AttributeColumns(storage.edgeAttributes).columns
        let undirected = graph.edgeCount > 0 && graph.edgeIndices.allSatisfy(graph.isSymmetric(edge:))
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        sink.write("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:rg=\"\(GraphMLWriter.namespace)\" version=\"1.3\">\n")
        sink.write("  <meta>\n    <creator>RelGraph</creator>\n")
        if let title = graph.title.text(in: language) { sink.write("    <description>\(XML.text(title))</description>\n") }
        let declarations = DocumentWriter(syntax: .json).document(for: graph.declarationsOnly)
        sink.write("    <rg:declarations>\(XML.text(declarations))</rg:declarations>\n")
        sink.write("  </meta>\n")
        sink.write("  <graph defaultedgetype=\"\(undirected ? "undirected" : "directed")\" mode=\"dynamic\" timeformat=\"date\">\n")
        // Attributes are declared with short ids (their position) and their names as titles,
        // as NetworkX's own writer does: readers name the values by title (NetworkX's keys,
        // Gephi's columns), and every value says `for="0"` rather than `for="relation"` (7% of the file).
        let nodeAttributes =
            ["kind", "type", "source", "date", "start", "end"].map { ($0, "string") } + nodeLanguages.map { ("label_\($0)", "string") }
            + nodeColumns.map { ($0.name, $0.type.xmlName) }
        let edgeAttributes =
            [("relation", "string"), ("symmetric", "boolean"), ("source", "string")] + ["date", "start", "end"].map { ($0, "string") }
            + edgeColumns.map { ($0.name, $0.type.xmlName) }
        Self.declare(nodeAttributes, lists: Self.lists(nodeColumns.map { ($0.name, $0.type) }), class: "node", to: &sink)
        Self.declare(edgeAttributes, lists: Self.lists(edgeColumns.map { ($0.name, $0.type) }), class: "edge", to: &sink)
        let edgeNames = Self.edgeNames(storage.edgeIDs, count: graph.edgeCount)
        let nodeIDs = Self.ids(of: nodeAttributes), edgeIDs = Self.ids(of: edgeAttributes)
        // What a node id, kind, source or relation contributes is escaped once (and a node id
        // and label taken once), kept as bytes and copied into each line that uses it.
        let quotedIDs = TextFragments(count: graph.nodeCount) { node, text in XML.writeAttribute(storage.nodeIDs[node], to: &text) }
        let kindValues = TextFragments(count: storage.kinds.values.count) { kind, text in
            Self.writeAttvalue(nodeIDs["kind"]!, storage.kinds.values[kind].rawValue, to: &text)
        }
        let nodeSourceValues = TextFragments(count: storage.sources.count) { source, text in
            Self.writeAttvalue(nodeIDs["source"]!, storage.sources[source].id, to: &text)
        }
        let edgeSourceValues = TextFragments(count: storage.sources.count) { source, text in
            Self.writeAttvalue(edgeIDs["source"]!, storage.sources[source].id, to: &text)
        }
        let typeID = nodeIDs["type"]!, labelIDs = nodeLanguages.map { nodeIDs["label_\($0)"]! }
        // From an edge's label to its relation's values: ` label="…"><attvalues><attvalue …/>…`.
        let relationText = TextFragments(count: graph.relationsInUse.count) { code, text in
            let relation = graph.relationsInUse[code]
            text.write(" label=")
            XML.writeAttribute(graph.relationLabel(relation, in: language), to: &text)
            text.write("><attvalues>")
            Self.writeAttvalue(edgeIDs["relation"]!, relation, to: &text)
            Self.writeAttvalue(edgeIDs["symmetric"]!, graph.relationSymmetric[code] ? "true" : "false", to: &text)
        }
        sink.write("    <nodes>\n")
        // Lines are formatted on every core and written in order (``OrderedFormatting``).
        OrderedFormatting.write(count: graph.nodeCount, rangeSize: Self.linesPerRange, to: &sink) { nodes, line in
            for node in nodes {
                let label = storage.nodeLabels[node]
                line.write("      <node id=")
                quotedIDs.write(node, to: &line)
                line.write(" label=")
                XML.writeAttribute(label.text(in: language) ?? storage.nodeIDs[node], to: &line)
                line.write("><attvalues>")
                kindValues.write(Int(storage.nodeKinds[node]), to: &line)
                if let type = storage.nodeTypes[node] { Self.writeAttvalue(typeID, type, to: &line) }
                let source = storage.nodeSources[node]
                if source >= 0 { nodeSourceValues.write(Int(source), to: &line) }
                for entry in label.entries {
                    if let language = entry.language, let index = nodeLanguages.firstIndex(of: language) {
                        Self.writeAttvalue(labelIDs[index], entry.text, to: &line)
                    }
                }
                Self.finish(storage.nodeAttributes[node], ids: nodeIDs, spell: storage.nodeTimings[node], to: &line)
                line.write("</node>\n")
            }
        }
        sink.write("    </nodes>\n    <edges>\n")
        OrderedFormatting.write(count: graph.edgeCount, rangeSize: Self.linesPerRange, to: &sink) { edges, line in
            // The quoted ids of a block of edges' ends are gathered before its lines are written:
            // the ends are scattered over the nodes, and fetched together their cache misses overlap.
            quotedIDs.forEachEdgeBlock(edges, from: storage.edgeFrom, to: storage.edgeTo) { block, ends in
                for edge in block {
                    line.write("      <edge id=")
                    if let id = storage.edgeIDs[edge] {
                        XML.writeAttribute(id, to: &line)
                        // A number is taken for Gephi's and NetworkX's numbering: say it is the edge's own.
                        if id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { line.write(" rg:ownid=\"true\"") }
                    } else if let name = edgeNames[edge] {
                        XML.writeAttribute(name, to: &line)
                    } else {
                        line.write(byte: UInt8(ascii: "\""))
                        line.write(decimal: edge)
                        line.write(byte: UInt8(ascii: "\""))
                    }
                    line.write(" source=")
                    quotedIDs.write(gathered: 2 * (edge - block.lowerBound), of: ends, to: &line)
                    line.write(" target=")
                    quotedIDs.write(gathered: 2 * (edge - block.lowerBound) + 1, of: ends, to: &line)
                    relationText.write(Int(storage.edgeRelations[edge]), to: &line)
                    let source = storage.edgeSources[edge]
                    if source >= 0 { edgeSourceValues.write(Int(source), to: &line) }
                    Self.finish(storage.edgeAttributes[edge], ids: edgeIDs, spell: storage.edgeTimings[edge], to: &line)
                    line.write("</edge>\n")
                }
            }
        }
        sink.write("    </edges>\n  </graph>\n</gexf>\n")
    }

    /// Lines formatted in one range (``OrderedFormatting``): at about 200 bytes a line, a round
    /// of ranges (3.5 MB) is still in the processor's cache when the calling thread writes it,
    /// so the kernel's copy into the page cache reads it from there. Ranges of the default
    /// 16,384 lines made 28 MB rounds, read back from memory: at XL that copy was half the
    /// export's CPU time, and the export took 2.4–2.7 s of CPU instead of 1.6.
    private static let linesPerRange = 2_048

    /// Each attribute's id by its name: its position among the declarations (the first, should
    /// a name be declared twice).
    private static func ids(of attributes: [(String, String)]) -> [String: String] {
        var ids: [String: String] = [:]
        for (index, (name, _)) in attributes.enumerated() where ids[name] == nil { ids[name] = String(index) }
        return ids
    }

    private static func declare(_ attributes: [(String, String)], lists: [String: String], class element: String, to sink: inout some TextSink) {
        sink.write("    <attributes class=\"\(element)\" mode=\"static\">\n")
        for (index, (name, type)) in attributes.enumerated() {
            let list = lists[name].map { " rg:list=\"\($0)\"" } ?? ""
            sink.write("      <attribute id=\"\(index)\" title=\(XML.attribute(name)) type=\"\(type)\"\(list)/>\n")
        }
        sink.write("    </attributes>\n")
    }

    /// The element type of each list column (GraphML's names), to mark them `rg:list`.
    private static func lists(_ columns: [(name: String, type: AttributeColumns.ColumnType)]) -> [String: String] {
        var lists: [String: String] = [:]
        for (name, type) in columns { if case .list(let element) = type { lists[name] = element.xmlName } }
        return lists
    }

    /// Names for the edges without an id of their own where their number is another edge's id
    /// (`5` taken: a number past the last edge's); empty when no edge's own id is a number.
    private static func edgeNames(_ ids: ValueColumn<String?>, count: Int) -> [Int: String] {
        var own = Set<String>(), numbered = false
        for edge in 0..<count {
            guard let id = ids[edge] else { continue }
            own.insert(id)
            if id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { numbered = true }
        }
        guard numbered else { return [:] }
        // Another number, past the edges' own: a reader takes numbers for the numbering.
        var names: [Int: String] = [:], next = count
        for edge in 0..<count where ids[edge] == nil && own.contains(String(edge)) {
            while own.contains(String(next)) { next += 1 }
            names[edge] = String(next)
            next += 1
        }
        return names
    }

    /// One `<attvalue>` element for the attribute declared with `id` (a number, nothing to escape).
    private static func writeAttvalue(_ id: String, _ value: String, to line: inout TextBuffer) {
        line.write("<attvalue for=\"")
        line.write(id)
        line.write("\" value=")
        XML.writeAttribute(value, to: &line)
        line.write("/>")
    }

    /// The attributes' values, the end of `<attvalues>` and the element's spell, if dated.
    private static func finish(_ attributes: Attributes, ids: [String: String], spell timing: Timing, to line: inout TextBuffer) {
        for attribute in attributes { writeAttvalue(ids[attribute.name]!, attribute.value.text, to: &line) }
        switch timing {
        case .undated: break
        case .on(let date): writeAttvalue(ids["date"]!, date.description, to: &line)
        case let .between(start, end):
            if let start { writeAttvalue(ids["start"]!, start.description, to: &line) }
            if let end { writeAttvalue(ids["end"]!, end.description, to: &line) }
        }
        line.write("</attvalues>")
        let start = timing.date ?? timing.start, end = timing.end
        guard start != nil || end != nil else { return }
        line.write("<spells><spell")
        if let start {
            line.write(" start=\"")
            writeFullDate(start.firstFullDate, to: &line)
            line.write(byte: UInt8(ascii: "\""))
        }
        if let end {
            line.write(" end=\"")
            writeFullDate(end.lastFullDate, to: &line)
            line.write(byte: UInt8(ascii: "\""))
        }
        line.write("/></spells>")
    }

    /// `YYYY-MM-DD` (what `date.description` is for a full date), digit by digit.
    @inline(__always)
    private static func writeFullDate(_ date: PartialDate, to line: inout TextBuffer) {
        line.write(decimal: date.year, width: 4)
        line.write(byte: UInt8(ascii: "-"))
        line.write(decimal: date.month ?? 1, width: 2)
        line.write(byte: UInt8(ascii: "-"))
        line.write(decimal: date.day ?? 1, width: 2)
    }
}
