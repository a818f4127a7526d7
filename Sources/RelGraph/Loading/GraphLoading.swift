extension Graph {
    /// Reads the graph at `path`, choosing the reader by what it is: a `.yaml`, `.yml` or
    /// `.json` graph document, a `.graphml` file, an `.rgpack` snapshot (mapped, not parsed: see
    /// ``/RelGraphCore/Graph/init(snapshotAt:)``), or a `neo4j-csv` folder. (DOT files are read through Graphviz,
    /// by `DOTImporter` in RelGraphGraphviz.)
    ///
    /// ```swift
    /// let graph = try Graph(contentsOf: "Graphs/india-russia.yaml")
    /// ```
    ///
    /// - Throws: ``/RelGraphDocument/GraphLoadError``: a missing or unreadable file, an unknown file type, or an
    ///   invalid document with every problem located.
    /// - Complexity: O(*n*) in the size of the file; JSON and CSV are streamed.
    public init(contentsOf path: String) throws(GraphLoadError) {
        self = try GraphDocument.read(contentsOf: path)
    }
}
