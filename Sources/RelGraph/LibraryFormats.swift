import RelGraphCore
import RelGraphDocument
import RelGraphInterchange

extension GraphFormats {
    /// Every format the library reads or writes by itself: graph documents (YAML, JSON),
    /// GraphML, GEXF, Cypher, neo4j-csv folders and snapshots. RelGraphGraphviz adds DOT:
    /// `GraphFormats.library.adding(.dot)`.
    public static let library = GraphFormats([.yaml, .json, .graphml, .gexf, .cypher, .neo4jCSV, .rgpack])
}

extension Graph {
    /// Reads the graph at `path`, choosing the reader by what it is (see
    /// ``/RelGraphCore/GraphFormats/format(ofContentAt:)``): a `.yaml`, `.yml` or `.json` graph
    /// document, a `.graphml` file, an `.rgpack` snapshot (mapped, not parsed: see
    /// ``/RelGraphCore/Graph/init(snapshotAt:)``), or a `neo4j-csv` folder; `formats` may add
    /// others (DOT, through RelGraphGraphviz). Warnings are dropped: read through
    /// ``/RelGraphCore/GraphFormats/read(path:as:options:)`` to see them.
    ///
    /// ```swift
    /// let graph = try Graph(contentsOf: "Graphs/india-russia.yaml")
    /// ```
    ///
    /// - Throws: ``/RelGraphCore/GraphLoadError``: a missing or unreadable file, an unknown
    ///   file type, or invalid content with every problem located.
    /// - Complexity: O(*n*) in the size of the file; JSON and CSV are read on every core.
    public init(contentsOf path: String, formats: GraphFormats = .library) throws(GraphLoadError) {
        self = try formats.read(path: path).graph
    }
}
