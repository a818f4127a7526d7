import RelGraphCore

extension GraphFormat {
    /// `cypher`: a script of `CREATE` statements that `cypher-shell` runs into Neo4j, or, in
    /// their dialects (`WriteOptions.dialect`), FalkorDB and Kùzu take (``CypherDialect``).
    public static let cypher = GraphFormat(
        name: "cypher", summary: "a Cypher script (Neo4j, FalkorDB, Kùzu)", fileExtensions: ["cypher", "cql"],
        reader: nil,
        writer: .file { graph, options, file in
            let dialect = options.dialect.flatMap(CypherDialect.init(rawValue:)) ?? .neo4j
            CypherWriter(language: options.language, dialect: dialect).write(graph, to: &file)
            return []
        })
}
