import RelGraphCore

/// The Cypher server a script is written for (`export --to cypher --dialect …`). The node and
/// relationship statements are the same for all three; what differs is what comes first:
///
/// - `neo4j` (the default): a uniqueness constraint on `id` per kind, which Neo4j 5 indexes and
///   `cypher-shell -f` runs; Kùzu's table declarations ride along as `// kuzu:` comments.
/// - `falkordb`: `CREATE INDEX FOR (n:K) ON (n.id)` per kind (FalkorDB has no uniqueness
///   constraint statement in Cypher; without the index, matching relationship ends scans).
/// - `kuzu`: `CREATE NODE TABLE` / `CREATE REL TABLE` statements (Kùzu has a schema and no
///   constraints), so the whole script runs as it is.
public enum CypherDialect: String, Sendable, CaseIterable {
    case neo4j, falkordb, kuzu

    /// What the dialect writes before the nodes: `kinds` with their node-table declarations,
    /// and the relation-table declarations.
    func preamble(kinds: [String], nodeTables: [String], relationTables: [String], quoted: (String) -> String) -> String {
        var text = ""
        switch self {
        case .neo4j:
            text += "//\n// Kùzu declares tables instead of constraints; run these lines, uncommented, first\n"
            text += "// (or write the script in the kuzu dialect):\n"
            for declaration in nodeTables + relationTables { text += "// kuzu: \(declaration);\n" }
            text += "\n// Constraints: one node of each kind per id.\n"
            for kind in kinds {
                text += "CREATE CONSTRAINT \(quoted("relgraph_\(kind)_id")) IF NOT EXISTS FOR (n:\(quoted(kind))) REQUIRE n.id IS UNIQUE;\n"
            }
        case .falkordb:
            text += "\n// Indexes: relationship ends are matched by kind and id.\n"
            for kind in kinds { text += "CREATE INDEX FOR (n:\(quoted(kind))) ON (n.id);\n" }
        case .kuzu:
            text += "\n// Tables: one per kind, one per relation (with the kinds its ends have).\n"
            for declaration in nodeTables + relationTables { text += "\(declaration);\n" }
        }
        return text
    }

    /// The command that runs the script, for its first lines.
    var howToRun: String {
        switch self {
        case .neo4j: return "Run into an empty Neo4j 5 database: cypher-shell -f graph.cypher"
        case .falkordb: return "Run into an empty FalkorDB graph, statement by statement (GRAPH.QUERY), in order"
        case .kuzu: return "Run into an empty Kùzu database, statement by statement, in order"
        }
    }
}
