import Foundation

/// Neo4j's bulk-import format, as `neo4j-admin database import` reads it, and RelGraph's
/// fast path for loading large graphs.
///
/// A folder holds:
/// - `nodes.csv`: `id:ID,kind:LABEL,label,label_<lang>…,type,date,start,end,source,<attribute>[:long|:double|:boolean]…`
/// - `relationships.csv`: `:START_ID,:END_ID,:TYPE,date,start,end,source,<attribute>…`
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
    /// written aside and moved into place only when all are complete (``OutputFolder``).
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
        var line = ""
        for index in 0..<graph.nodeCount {
            line.removeAll(keepingCapacity: true)
            let label = storage.nodeLabels[index]
            line += CSVField.encode(storage.nodeIDs[index])
            line += "," + CSVField.encode(graph.kind(ofNode: index).rawValue)
            line += "," + (label.text(in: language).map(CSVField.encode) ?? "")
            for language in nodeLanguages { line += "," + (label[language].map(CSVField.encode) ?? "") }
            if keepsOrder {
                let languages = label.languages
                line += "," + (languages == languages.sorted() ? "" : languages.joined(separator: " "))
            }
            line += "," + (storage.nodeTypes[index].map(CSVField.encode) ?? "")
            appendCommon(storage.nodeTimings[index], storage.nodeSources[index], storage.nodeAttributes[index], columns, in: graph, to: &line)
            line += "\n"
            sink.write(line)
        }
    }

    /// `relationships.csv`, streamed.
    public static func writeRelationships(of graph: Graph, to sink: inout some TextSink) {
        let storage = graph.storage
        let columns = AttributeColumns(storage.edgeAttributes).columns
        let header = [":START_ID", ":END_ID", ":TYPE", "date", "start", "end", "source"] + columns.map { headerName($0.name, $0.type) }
        sink.write(header.joined(separator: ",") + "\n")
        let encodedIDs = storage.nodeIDs.map(CSVField.encode)
        let encodedRelations = storage.relations.values.map(CSVField.encode)
        var line = ""
        for index in 0..<graph.edgeCount {
            line.removeAll(keepingCapacity: true)
            line += encodedIDs[Int(storage.edgeFrom[index])]
            line += "," + encodedIDs[Int(storage.edgeTo[index])]
            line += "," + encodedRelations[Int(storage.edgeRelations[index])]
            appendCommon(storage.edgeTimings[index], storage.edgeSources[index], storage.edgeAttributes[index], columns, in: graph, to: &line)
            line += "\n"
            sink.write(line)
        }
    }

    private static func appendCommon(
        _ timing: Timing, _ source: Int32, _ attributes: Attributes,
        _ columns: [(name: String, type: AttributeColumns.ColumnType)], in graph: Graph, to line: inout String
    ) {
        line += "," + (timing.date?.description ?? "")
        line += "," + (timing.start?.description ?? "")
        line += "," + (timing.end?.description ?? "")
        line += "," + (source < 0 ? "" : CSVField.encode(graph.storage.sources[Int(source)].id))
        var position = 0
        for column in columns {
            line += ","
            // Both lists are ordered by name: walk them together.
            while position < attributes.count, attributes[position].name.precedesInScalarOrder(column.name) { position += 1 }
            guard position < attributes.count, attributes[position].name == column.name else { continue }
            let value = attributes[position].value
            if case .string(let text) = value { line += CSVField.encode(text) } else { line += value.text }
        }
    }

    private static func headerName(_ name: String, _ type: AttributeColumns.ColumnType) -> String {
        switch type {
        case .string: return name
        case .integer: return "\(name):long"
        case .number: return "\(name):double"
        case .boolean: return "\(name):boolean"
        }
    }
}

extension Graph {
    /// The title and declarations without nodes or edges.
    var declarationsOnly: Graph {
        var storage = GraphStorage()
        storage.title = self.storage.title
        storage.sources = self.storage.sources
        storage.kindDeclarations = self.storage.kindDeclarations
        storage.relationTypes = self.storage.relationTypes
        return Graph(storage: storage)
    }
}
