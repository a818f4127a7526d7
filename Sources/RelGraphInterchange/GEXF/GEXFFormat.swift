import RelGraphCore

extension GraphFormat {
    /// `gexf`: GEXF 1.3 for Gephi, dated elements as spells for its timeline.
    public static let gexf = GraphFormat(
        name: "gexf", summary: "GEXF 1.3 (Gephi)", fileExtensions: ["gexf"],
        reader: nil,
        writer: .file { graph, options, file in
            GEXFWriter(language: options.language).write(graph, to: &file)
            return []
        })
}
