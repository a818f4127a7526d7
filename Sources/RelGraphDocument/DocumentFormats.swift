import RelGraphCore

extension GraphFormat {
    /// `yaml`: a graph document in YAML, the form people write.
    public static let yaml = document(.yaml, summary: "a graph document in YAML", fileExtensions: ["yaml", "yml"])
    /// `json`: a graph document in JSON; large files are read on every core.
    public static let json = document(.json, summary: "a graph document in JSON", fileExtensions: ["json"])

    private static func document(_ syntax: GraphDocument.Syntax, summary: String, fileExtensions: [String]) -> GraphFormat {
        GraphFormat(
            name: syntax.rawValue, summary: summary, fileExtensions: fileExtensions,
            reader: Reader(
                fromPath: { path, _ throws(GraphLoadError) in ImportedGraph(graph: try GraphDocument.read(documentAt: path, syntax: syntax)) },
                fromBytes: { bytes, fileName, _ throws(GraphLoadError) in
                    do throws(DocumentError) {
                        return ImportedGraph(graph: try GraphDocument.decode(bytes, syntax: syntax, fileName: fileName))
                    } catch {
                        throw error.loadError
                    }
                }),
            writer: .file { graph, _, file in
                DocumentWriter(syntax: syntax).write(graph, to: &file)
                return []
            })
    }
}
