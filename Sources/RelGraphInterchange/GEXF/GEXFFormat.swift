import RelGraphCore

extension GraphFormat {
    /// `gexf`: GEXF 1.3 for Gephi, dated elements as spells for its timeline; GEXF 1.2 and 1.3
    /// as Gephi and NetworkX write them are read (spells, attributes by title, parallel edges).
    public static let gexf = GraphFormat(
        name: "gexf", summary: "GEXF 1.2/1.3 (Gephi, NetworkX)", fileExtensions: ["gexf"],
        // `<gexf` within the first bytes, whatever the file's name (an `.xml` file, say).
        recognizer: { probe in
            let bytes = probe.firstBytes, mark = Array("<gexf".utf8)
            return bytes.count >= mark.count && (0...(bytes.count - mark.count)).contains { bytes[$0..<($0 + mark.count)].elementsEqual(mark) }
        },
        reader: Reader(
            fromPath: { path, options throws(GraphLoadError) in try GEXFReader(options).read(contentsOf: path) },
            fromBytes: { bytes, fileName, options throws(GraphLoadError) in try GEXFReader(options).read(bytes, fileName: fileName) }),
        writer: .file { graph, options, file in
            GEXFWriter(language: options.language).write(graph, to: &file)
            return []
        })
}

extension GEXFReader {
    /// A reader filling what a file leaves out as `options` say.
    init(_ options: ReadOptions) {
        self.init()
        defaultKind = options.defaultKind
        defaultRelation = options.defaultRelation
    }
}
