import Foundation
import RelGraphTestSupport
import Testing

/// `export --to cypher`: a script of constraints and batched statements, run here in Kùzu, an
/// embedded openCypher database (with the `// kuzu:` table declarations the script carries in
/// place of Neo4j's constraints, the one difference between the two).
@Suite("export --to cypher")
struct CypherExportTests {
    /// Loads the script into a fresh Kùzu database and reports what it holds.
    static let loader = #"""
        import json, sys, tempfile, os, kuzu
        text = open(sys.argv[1], encoding="utf-8").read()
        connection = kuzu.Connection(kuzu.Database(os.path.join(tempfile.mkdtemp(), "db")))
        for line in text.splitlines():
            if line.startswith("// kuzu: "):
                connection.execute(line[len("// kuzu: "):])
        body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        for statement in body.split(";\n"):
            statement = statement.strip()
            if statement and not statement.startswith("CREATE CONSTRAINT"):
                connection.execute(statement)
        def rows(query):
            result = connection.execute(query)
            found = []
            while result.has_next():
                found.append(result.get_next())
            return found
        print(json.dumps({
            "nodes": sorted(f"{row[0]} {row[1]}" for row in rows("MATCH (n) RETURN n.id, label(n)")),
            "edges": sorted(f"{row[0]} {row[1]} {row[2]}" for row in rows("MATCH (a)-[r]->(b) RETURN a.id, label(r), b.id")),
            "hindi": rows("MATCH (n:actor) WHERE n.id = 'india' RETURN n.label_hi")[0][0],
            "rifles": rows("MATCH (n:treaty) WHERE n.id = 'ak-203-contracts' RETURN n.rifles")[0][0],
            "hops": rows("MATCH p = (a)-[* SHORTEST 1..10]-(b) WHERE a.id = 'boris-yeltsin' AND b.id = 'amethi' RETURN length(p)")[0][0],
        }))
        """#

    @Test("Kùzu loads every node and relationship of the note, typed, from the script")
    func kuzuLoadsTheScript() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("graph.cypher").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "-o", path).status == 0)
        let loaded = try #require(JSONSerialization.jsonObject(with: Data(Python.run(Self.loader, arguments: [path]).utf8)) as? [String: Any])
        #expect(loaded["nodes"] as? [String] == IndiaRussiaFacts.nodes.map { "\($0.id) \($0.kind)" }.sorted())
        #expect(loaded["edges"] as? [String] == IndiaRussiaFacts.edges.map { "\($0.from) \($0.relation) \($0.to)" }.sorted())
        #expect(loaded["hindi"] as? String == "भारत")
        #expect(loaded["rifles"] as? Int == 600_000)
    }

    @Test("a shortest path in Kùzu is as long as relgraph path's")
    func shortestPathAgrees() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("graph.cypher").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "cypher", "-o", path).status == 0)
        let loaded = try #require(JSONSerialization.jsonObject(with: Data(Python.run(Self.loader, arguments: [path]).utf8)) as? [String: Any])
        let ours = try #require(try RelGraphCLI.run("path", RelGraphCLI.graph, "boris-yeltsin", "amethi", "--json").json as? [String: Any])
        #expect(loaded["hops"] as? Int == ours["length"] as? Int)
    }

    @Test("the script starts with a uniqueness constraint per kind and backquotes identifiers")
    func constraintsAndQuoting() throws {
        let script = try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "cypher").text
        #expect(script.contains("CREATE CONSTRAINT `relgraph_actor_id` IF NOT EXISTS FOR (n:`actor`) REQUIRE n.id IS UNIQUE;"))
        #expect(script.contains("CREATE (a)-[r:`partner-of`]->(b)"))
        let constraints = script.range(of: "CREATE CONSTRAINT")!, firstNode = script.range(of: "MERGE (n:")!
        #expect(constraints.lowerBound < firstNode.lowerBound)
    }

    @Test("quotes, backslashes and line breaks in texts are escaped")
    func stringEscapes() throws {
        let path = try RelGraphCLI.file(named: "quotes.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor, label: \"it's a \\\\ b\\nc\"}]\n")
        let script = try RelGraphCLI.run("export", path, "--to", "cypher").text
        #expect(script.contains(#"`label`: 'it\'s a \\ b\nc'"#))
    }
}
