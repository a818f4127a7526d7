import Foundation

/// The Cypher queries timed side by side with Kùzu, read from Benchmarks/cypher-queries.json
/// (which Benchmarks/compare.py reads too), with `{root}`, `{from}` and `{to}` filled in.
struct CypherBenchmark: Decodable {
    var name: String
    var relgraph: String
    var kuzu: String

    static func queries(root: String, pair: (String, String), file: String = "Benchmarks/cypher-queries.json") throws -> [CypherBenchmark] {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        return try JSONDecoder().decode([CypherBenchmark].self, from: data).map { query in
            var query = query
            for (key, value) in [("{root}", root), ("{from}", pair.0), ("{to}", pair.1)] {
                query.relgraph = query.relgraph.replacingOccurrences(of: key, with: value)
                query.kuzu = query.kuzu.replacingOccurrences(of: key, with: value)
            }
            return query
        }
    }
}
