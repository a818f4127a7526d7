import RelGraphCore
import RelGraphInterchange

extension GraphFormat {
    /// `dot`: Graphviz's language, read with Graphviz's own parser (``DOTImporter``) and
    /// written for `dot` and `import` alike (`DOTWriter`).
    public static let dot = GraphFormat(
        name: "dot", summary: "Graphviz DOT", fileExtensions: ["dot", "gv"],
        reader: Reader(
            // Graphviz reads the file itself: no bytes to count.
            countsProgress: false,
            fromPath: { path, options throws(GraphLoadError) in try DOTImporter(options).read(contentsOf: path) },
            fromBytes: { bytes, fileName, options throws(GraphLoadError) in try DOTImporter(options).read(bytes, fileName: fileName) }),
        writer: .file { graph, options, file in
            DOTWriter(language: options.language).write(graph, to: &file)
            return []
        })
}

extension DOTImporter {
    /// An importer filling what a file leaves out as `options` say.
    public init(_ options: ReadOptions) {
        self.init()
        defaultKind = options.defaultKind
        defaultRelation = options.defaultRelation
    }
}
