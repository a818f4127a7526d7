import RelGraphCore

extension GraphFormat {
    /// `jsonl`: the engine tables as JSON Lines, a folder of part files for Spark, DuckDB and
    /// pandas (``JSONLinesWriter``); written only (the Spark engine reads it, relgraph does not).
    public static let jsonl = GraphFormat(
        name: "jsonl", summary: "a folder of JSON Lines tables for engines (Spark, DuckDB, pandas)", fileExtensions: [],
        layout: .folder, reader: nil,
        writer: .folder { graph, options, path throws(OutputError) in
            try JSONLinesWriter(language: options.language).write(graph, toFolder: path)
            return []
        })
}
