import ArgumentParser
import Foundation
import RelGraph

extension GraphFormat {
    /// `parquet`: the engine tables as Parquet part files, written by `relgraph-spark convert`
    /// (pyarrow) from the JSON Lines tables that relgraph writes aside first.
    static let parquet = GraphFormat(
        name: "parquet", summary: "a folder of Parquet tables for engines (Spark, DuckDB, pandas)", fileExtensions: [],
        layout: .folder, reader: nil,
        writer: .folder { graph, options, path throws(OutputError) in
            try ParquetExport(folder: path, language: options.language).write(graph)
            return []
        })
}

/// `export --to parquet -o FOLDER`: JSON Lines tables (``JSONLinesWriter``) in a staging folder
/// beside FOLDER, turned into Parquet by `relgraph-spark convert`, then removed.
struct ParquetExport {
    var folder: String
    var language: String

    func write(_ graph: Graph) throws(OutputError) {
        guard let engine = SparkEngine.locate() else {
            throw .cannotCreate(path: folder, reason: "relgraph-spark, which writes Parquet, is not installed (./scripts/setup installs it)")
        }
        let url = URL(fileURLWithPath: folder)
        let staging = "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).relgraph-jsonl-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try JSONLinesWriter(language: language).write(graph, toFolder: staging)
        let status = SparkEngine.run(engine, ["convert", staging, "--to", "parquet", "-o", folder])
        guard status == 0 else { throw .cannotCreate(path: folder, reason: "relgraph-spark convert failed (exit \(status))") }
    }
}
