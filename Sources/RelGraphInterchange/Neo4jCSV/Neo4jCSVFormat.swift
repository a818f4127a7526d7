import Foundation
import RelGraphCore

extension GraphFormat {
    /// `neo4j-csv`: a folder of Neo4j bulk-import CSV files (`nodes.csv`, `relationships.csv`
    /// and RelGraph's `declarations.json`), as `neo4j-admin database import` reads them; the
    /// fast path for large graphs.
    public static let neo4jCSV = GraphFormat(
        name: "neo4j-csv", summary: "a folder of Neo4j bulk-import CSV files", fileExtensions: [], layout: .folder,
        recognizer: { probe in
            probe.isFolder && ((try? FileManager.default.contentsOfDirectory(atPath: probe.path)) ?? []).contains { $0.lowercased().hasSuffix(".csv") }
        },
        reader: Reader(
            fromPath: { path, _ throws(GraphLoadError) in try Neo4jCSV.read(folder: path) },
            fromBytes: nil),
        writer: .folder { graph, options, path throws(OutputError) in
            try Neo4jCSV.write(graph, toFolder: path, language: options.language)
            return Neo4jCSV.listsHoldingArrayDelimiter(in: graph).map { name in
                .warning(
                    at: SourceLocation(file: path),
                    "list attribute '\(name)' has strings holding ';', Neo4j's array delimiter: they read back split there; GraphML, DOT and documents keep them whole"
                )
            }
        })
}
