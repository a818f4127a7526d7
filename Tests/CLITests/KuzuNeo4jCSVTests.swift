import Foundation
import RelGraphTestSupport
import Testing

/// The neo4j-csv export loaded into Kùzu (an embedded Cypher database) with `COPY FROM`, as the
/// engines page (docs/engines.md) shows: the same counts per kind and relation as
/// `relgraph stats`, and the same shortest-path lengths as `relgraph path`, on a graph of the
/// benchmarks' M size (10,000 nodes, about 50,000 edges).
@Suite("neo4j-csv into Kùzu")
struct KuzuNeo4jCSVTests {
    /// docs/engines.md's Kùzu lines: one node table whose columns follow `nodes.csv`'s header, one
    /// relationship table whose columns follow `relationships.csv`'s, each filled by one
    /// `COPY FROM` of its file. Prints the counts and the path lengths of the pairs given.
    static let loader = #"""
        import csv, json, os, sys, tempfile, kuzu
        folder, pairs = sys.argv[1], json.loads(sys.argv[2])

        def columns(path):
            """neo4j-admin's `name:type` headers as Kùzu columns (`:TYPE` becomes `relation`)."""
            types = {"long": "INT64", "double": "DOUBLE", "boolean": "BOOLEAN"}
            with open(path, encoding="utf-8", newline="") as f:
                for header in next(csv.reader(f)):
                    name, _, kind = header.partition(":")
                    name = name or {"TYPE": "relation"}.get(kind, kind.lower())
                    array = "[]" if kind.endswith("[]") else ""
                    yield f"`{name}` {types.get(kind.removesuffix('[]'), 'STRING')}{array}"

        connection = kuzu.Connection(kuzu.Database(os.path.join(tempfile.mkdtemp(), "db")))
        connection.execute(f"CREATE NODE TABLE Node({', '.join(columns(f'{folder}/nodes.csv'))}, PRIMARY KEY(id))")
        connection.execute(f"CREATE REL TABLE Relationship(FROM Node TO Node, {', '.join(list(columns(f'{folder}/relationships.csv'))[2:])})")
        connection.execute(f"COPY Node FROM '{folder}/nodes.csv' (header=true, parallel=false)")
        connection.execute(f"COPY Relationship FROM '{folder}/relationships.csv' (header=true, parallel=false)")

        def rows(query, parameters={}):
            return connection.execute(query, parameters).get_all()

        lengths = []
        for source, target in pairs:
            found = rows("MATCH p = (a:Node)-[:Relationship* SHORTEST 1..30]-(b:Node) WHERE a.id = $a AND b.id = $b RETURN length(p)",
                         {"a": source, "b": target})
            lengths.append(found[0][0] if found else None)
        print(json.dumps({
            "nodes": rows("MATCH (n:Node) RETURN count(*)")[0][0],
            "edges": rows("MATCH ()-[r:Relationship]->() RETURN count(*)")[0][0],
            "kinds": {kind: count for kind, count in rows("MATCH (n:Node) RETURN n.kind, count(*)")},
            "relations": {relation: count for relation, count in rows("MATCH ()-[r:Relationship]->() RETURN r.relation, count(*)")},
            "hindi": rows("MATCH (n:Node) WHERE n.id = 'n0042' RETURN n.label_hi")[0][0],
            "lengths": lengths,
        }))
        """#

    @Test("Kùzu's counts per kind and relation and its shortest-path lengths are relgraph's")
    func countsAndPathsAgree() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let document = try RelGraphCLI.file(named: "m.yaml", GeneratedGraph.yaml(nodes: 10_000, extraEdges: 40_000))
        let csv = folder.appendingPathComponent("m-csv").path
        #expect(try RelGraphCLI.run("export", document, "--to", "neo4j-csv", "-o", csv).status == 0)

        // Seeded pairs, and `relgraph path` on the exported folder for each.
        var random = SeededRandom(seed: 6)
        let id = { (index: UInt64) in "n" + String(format: "%04d", Int(index)) }
        let pairs = (0..<4).map { _ in [id(random.next() % 10_000), id(random.next() % 10_000)] }
        let ours = try pairs.map { pair in
            let result = try RelGraphCLI.run("path", csv, pair[0], pair[1], "--json")
            return (result.json as? [String: Any])?["length"] as? Int
        }
        let stats = try #require(try RelGraphCLI.run("stats", csv, "--json").json as? [String: Any])

        let pairsJSON = String(decoding: try JSONSerialization.data(withJSONObject: pairs), as: UTF8.self)
        let loaded = try #require(JSONSerialization.jsonObject(with: Data(Python.run(Self.loader, arguments: [csv, pairsJSON]).utf8)) as? [String: Any])
        #expect(loaded["nodes"] as? Int == 10_000)
        #expect(loaded["nodes"] as? Int == stats["nodes"] as? Int)
        #expect(loaded["edges"] as? Int == stats["edges"] as? Int)
        #expect((stats["edges"] as? Int ?? 0) > 45_000)
        #expect(loaded["kinds"] as? [String: Int] == stats["kinds"] as? [String: Int])
        #expect(loaded["relations"] as? [String: Int] == stats["relations"] as? [String: Int])
        #expect(loaded["hindi"] as? String == "नोड 42")
        #expect(ours.allSatisfy { $0 != nil })
        #expect(loaded["lengths"] as? [Int] == ours.compactMap { $0 })
    }
}
