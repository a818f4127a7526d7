import RelGraphCore

extension GraphFormat {
    /// `cypher`: a script of `CREATE` statements that `cypher-shell` runs into Neo4j.
    public static let cypher = GraphFormat(
        name: "cypher", summary: "a Cypher script (Neo4j, Kùzu)", fileExtensions: ["cypher", "cql"],
        reader: nil,
        writer: .file { graph, options, file in
            CypherWriter(language: options.language).write(graph, to: &file)
            return []
        })
}
