import RelGraphCore

extension GraphFormat {
    /// `graphml`: GraphML as NetworkX, igraph, Gephi and yEd write it; written for
    /// `networkx.read_graphml`.
    public static let graphml = GraphFormat(
        name: "graphml", summary: "GraphML (NetworkX, igraph, Gephi, yEd)", fileExtensions: ["graphml", "xml"],
        reader: Reader(
            fromPath: { path, options throws(GraphLoadError) in try GraphMLReader(options).read(contentsOf: path) },
            fromBytes: { bytes, fileName, options throws(GraphLoadError) in try GraphMLReader(options).read(bytes, fileName: fileName) }),
        writer: .file { graph, options, file in
            GraphMLWriter(language: options.language).write(graph, to: &file)
            return []
        })
}

extension GraphMLReader {
    /// A reader filling what a file leaves out as `options` say.
    init(_ options: ReadOptions) {
        self.init()
        defaultKind = options.defaultKind
        defaultRelation = options.defaultRelation
    }
}
