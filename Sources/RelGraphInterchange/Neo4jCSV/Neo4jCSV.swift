import Foundation
import RelGraphCore
import RelGraphDocument

/// Neo4j's bulk-import format, as `neo4j-admin database import` reads it, and RelGraph's
/// fast path for loading large graphs.
///
/// A folder holds:
/// - `nodes.csv`: `id:ID,kind:LABEL,label,label_<lang>…,type,date,start,end,source,<attribute>[:long|:double|:boolean]…`
/// - `relationships.csv`: `:START_ID,:END_ID,:TYPE,symmetric:boolean,date,start,end,source,<attribute>…`
/// - `declarations.json`: the document's title, sources, kinds and relations (a graph
///   document without nodes or edges), which Neo4j ignores and RelGraph reads back.
///
/// Empty unquoted fields are absent values; `""` is an empty string. Fields holding line
/// breaks are quoted, which `neo4j-admin` reads with `--multiline-fields=true`.
public enum Neo4jCSV {
    public static let nodesFile = "nodes.csv"
    public static let relationshipsFile = "relationships.csv"
    public static let declarationsFile = "declarations.json"

    // MARK: Writing

    /// Writes the three files into `folder` (created if needed), all of them or none: they are
    /// written aside and moved into place only when all are complete (``/RelGraphCore/OutputFolder``).
    public static func write(_ graph: Graph, toFolder folder: String, language: String = "en") throws(OutputError) {
        let output = try OutputFolder(path: folder)
        let nodes = try output.file(named: nodesFile)
        let relationships = try output.file(named: relationshipsFile)
        let declarations = try output.file(named: declarationsFile)
        var nodesSink = nodes, relationshipsSink = relationships, declarationsSink = declarations
        writeNodes(of: graph, language: language, to: &nodesSink)
        writeRelationships(of: graph, to: &relationshipsSink)
        DocumentWriter(syntax: .json).write(graph.declarationsOnly, to: &declarationsSink)
        try nodes.commit()
        try relationships.commit()
        try declarations.commit()
        try output.commit()
    }

    /// `nodes.csv`, streamed.
    public static func writeNodes(of graph: Graph, language: String = "en", to sink: inout some TextSink) {
        let storage = graph.storage
        let nodeLanguages = languages(of: storage.nodeLabels)
        let columns = AttributeColumns(storage.nodeAttributes).columns
        // Columns cannot keep each label's order of languages (which decides the fallback);
        // a `label_languages` column does, where some label is not in alphabetical order.
        let keepsOrder = storage.nodeLabels.contains { $0.languages != $0.languages.sorted() }
        var header = ["id:ID", "kind:LABEL", "label"] + nodeLanguages.map { "label_\($0)" }
        if keepsOrder { header.append("label_languages") }
        header += ["type", "date", "start", "end", "source"] + columns.map { headerName($0.name, $0.type) }
        sink.write(header.joined(separator: ",") + "\n")
        let encodedKinds = storage.kinds.values.map { CSVField.encode($0.rawValue) }
        let encodedSources = storage.sources.map { CSVField.encode($0.id) }
        // Lines are formatted on every core and written in order (``OrderedFormatting``).
        OrderedFormatting.write(count: graph.nodeCount, to: &sink) { nodes, line in
            for index in nodes {
                let label = storage.nodeLabels[index]
                line.write(CSVField.encode(storage.nodeIDs[index]))
                line.write(",")
                line.write(encodedKinds[Int(storage.nodeKinds[index])])
                line.write(",")
                if let text = label.text(in: language) { line.write(CSVField.encode(text)) }
                for language in nodeLanguages {
                    line.write(",")
                    if let text = label[language] { line.write(CSVField.encode(text)) }
                }
                if keepsOrder {
                    let languages = label.languages
                    line.write(",")
                    if languages != languages.sorted() { line.write(languages.joined(separator: " ")) }
                }
                line.write(",")
                if let type = storage.nodeTypes[index] { line.write(CSVField.encode(type)) }
                appendCommon(storage.nodeTimings[index], storage.nodeSources[index], storage.nodeAttributes[index], columns, sources: encodedSources, to: &line)
                line.write("\n")
            }
        }
    }

    /// `relationships.csv`, streamed.
    public static func writeRelationships(of graph: Graph, to sink: inout some TextSink) {
        let storage = graph.storage
        let columns = AttributeColumns(storage.edgeAttributes).columns
        let hasIDs = storage.edgeIDs.contains { $0 != nil }
        // Symmetric relations, marked on each edge for engines that read only this file (Spark,
        // DuckDB): Neo4j stores every relationship one way. Left out where an edge attribute
        // already has the name.
        let marksSymmetry = !columns.contains { $0.name == symmetryColumn }
        let header =
            [":START_ID", ":END_ID", ":TYPE"] + (hasIDs ? ["id"] : []) + (marksSymmetry ? ["\(symmetryColumn):boolean"] : [])
            + ["date", "start", "end", "source"] + columns.map { headerName($0.name, $0.type) }
        sink.write(header.joined(separator: ",") + "\n")
        let encodedIDs = storage.nodeIDs.map(CSVField.encode)
        let encodedSources = storage.sources.map { CSVField.encode($0.id) }
        let encodedRelations = storage.relations.values.map(CSVField.encode)
        OrderedFormatting.write(count: graph.edgeCount, to: &sink) { edges, line in
            for index in edges {
                line.write(encodedIDs[Int(storage.edgeFrom[index])])
                line.write(",")
                line.write(encodedIDs[Int(storage.edgeTo[index])])
                line.write(",")
                line.write(encodedRelations[Int(storage.edgeRelations[index])])
                if hasIDs {
                    line.write(",")
                    if let id = storage.edgeIDs[index] { line.write(CSVField.encode(id)) }
                }
                if marksSymmetry { line.write(graph.isSymmetric(edge: EdgeIndex(index)) ? ",true" : ",false") }
                appendCommon(storage.edgeTimings[index], storage.edgeSources[index], storage.edgeAttributes[index], columns, sources: encodedSources, to: &line)
                line.write("\n")
            }
        }
    }

    private static func appendCommon(
        _ timing: Timing, _ source: Int32, _ attributes: Attributes,
        _ columns: [(name: String, type: AttributeColumns.ColumnType)], sources: [String], to line: inout TextBuffer
    ) {
        line.write(",")
        if let date = timing.date { line.write(date.description) }
        line.write(",")
        if let start = timing.start { line.write(start.description) }
        line.write(",")
        if let end = timing.end { line.write(end.description) }
        line.write(",")
        if source >= 0 { line.write(sources[Int(source)]) }
        guard !columns.isEmpty else { return }
        var position = 0
        for column in columns {
            line.write(",")
            // Both lists are ordered by name: walk them together.
            while position < attributes.count, attributes[position].name.precedesInScalarOrder(column.name) { position += 1 }
            guard position < attributes.count, attributes[position].name == column.name else { continue }
            let value = attributes[position].value
            switch value {
            case .string(let text): line.write(CSVField.encode(text))
            case .list(let values):
                // Neo4j arrays: elements joined by the array delimiter, as one field.
                if case .list = column.type {
                    line.write(CSVField.encode(values.map(\.text).joined(separator: arrayDelimiter)))
                } else {
                    line.write(CSVField.encode(value.text))
                }
            default: line.write(value.text)
            }
        }
    }

    private static func headerName(_ name: String, _ type: AttributeColumns.ColumnType) -> String {
        switch type {
        case .string: return "\(name)"
        case .integer: return "\(name):long"
        case .number: return "\(name):double"
        case .boolean: return "\(name):boolean"
        case .list(let element): return headerName(name, element) + (element == .string ? ":string[]" : "[]")
        }
    }

    /// Names of list attributes with a string element holding the array delimiter, which a
    /// Neo4j array cannot carry (neo4j-admin has no escape for it).
    /// - Complexity: O(total size of the attributes).
    public static func listsHoldingArrayDelimiter(in graph: Graph) -> [String] {
        var names = Set<String>()
        for attributes in graph.storage.nodeAttributes + graph.storage.edgeAttributes {
            for attribute in attributes {
                guard case .list(let values) = attribute.value else { continue }
                if values.contains(where: { if case .string(let text) = $0 { text.contains(arrayDelimiter) } else { false } }) {
                    names.insert(attribute.name)
                }
            }
        }
        return names.sorted { $0.precedesInScalarOrder($1) }
    }

    /// The relationship column that says whether an edge's relation is symmetric
    /// (`symmetric:boolean`); RelGraph reads symmetry back from `declarations.json`.
    static let symmetryColumn = "symmetric"

    /// Neo4j's default array delimiter, which RelGraph's folders use.
    static let arrayDelimiter = ";"
}
