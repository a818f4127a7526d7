import Foundation
import RelGraph
import RelGraphTestSupport

/// One question asked of both RelGraph and Kùzu: the same meaning in each dialect.
struct DifferentialQuery {
    var name: String
    var relgraph: String
    var kuzu: String
    var parameters: [String: Int] = [:]
    /// Compare as lists (the query orders every column), else as multisets.
    var ordered = false
    /// Columns holding `collect(...)`, whose order neither engine fixes.
    var unorderedColumns: [Int] = []
    /// Columns where Kùzu answers null for an aggregate of nothing, and openCypher's value
    /// (`sum` → 0, `collect` → []), as JSON.
    var kuzuNullDefaults: [Int: String] = [:]
    /// RelGraph's answer computed otherwise than by `relgraph`'s Cypher (e.g. by `Traversal`).
    var precomputedRows: [[CypherValue]]? = nil
}

/// Runs differential queries: RelGraph in process, Kùzu through `scripts/kuzu_reference.py`.
enum KuzuReference {
    struct Report {
        var graphs: Int
        var queries: Int
        var rows: Int
        var mismatches: [String]
        var errors: [String]
        var loadSeconds: Double
    }

    /// RelGraph's rows in the shape the script compares: nodes by id, relationships by edge
    /// index, dates as their first day.
    static func encode(_ value: CypherValue, in graph: Graph) -> Any {
        switch value {
        case .null: return NSNull()
        case .boolean(let flag): return flag
        case .integer(let number): return number
        case .float(let number): return number
        case .string(let text): return text
        case .date(let date):
            return String(format: "%04d-%02d-%02d", date.year, date.month ?? 1, date.day ?? 1)
        case .temporal(let temporal): return temporal.description
        case .duration(let duration): return duration.description
        case .list(let items): return items.map { encode($0, in: graph) }
        case .map(let entries): return entries.mapValues { encode($0, in: graph) }
        case .node(let node): return ["node": graph.id(ofNode: node)]
        case .relationship(let edge): return ["rel": edge.position]
        case .path(let nodes, let relationships): return ["nodes": nodes.map { graph.id(ofNode: $0) }, "rels": relationships.map(\.position)]
        }
    }

    /// Asks every query of every graph of both engines and returns the script's comparison.
    static func compare(
        _ cases: [(document: String, graph: Graph, queries: [DifferentialQuery])], kinds: [String] = [], relations: [String] = [],
        attributes: [String: String] = [:]
    ) throws -> Report {
        var graphs: [[String: Any]] = []
        for (document, graph, queries) in cases {
            var entries: [[String: Any]] = []
            for query in queries {
                var entry: [String: Any] = [
                    "name": query.name, "kuzu": query.kuzu, "relgraph_query": query.relgraph, "parameters": query.parameters,
                    "ordered": query.ordered, "unordered_columns": query.unorderedColumns,
                    "kuzu_null_defaults": Dictionary(uniqueKeysWithValues: query.kuzuNullDefaults.map { (String($0.key), $0.value) }),
                ]
                if let rows = query.precomputedRows {
                    entry["relgraph"] = rows.map { $0.map { encode($0, in: graph) } }
                } else {
                    do {
                        let result = try graph.query(query.relgraph, parameters: query.parameters.mapValues(CypherValue.integer))
                        entry["relgraph"] = result.rows.map { $0.map { encode($0, in: graph) } }
                    } catch {
                        entry["relgraph"] = [["RelGraph failed: \(error.report(for: query.relgraph))"]]
                    }
                }
                entries.append(entry)
            }
            graphs.append(["document": document, "queries": entries, "kinds": kinds, "relations": relations, "attributes": attributes])
        }
        let manifest = Scratch.root.appendingPathComponent("relgraph-kuzu-\(UUID()).json")
        try JSONSerialization.data(withJSONObject: ["graphs": graphs]).write(to: manifest)
        defer { if ProcessInfo.processInfo.environment["RELGRAPH_KUZU_KEEP"] == nil { try? FileManager.default.removeItem(at: manifest) } }
        let script = try String(contentsOf: Fixtures.root.appendingPathComponent("scripts/kuzu_reference.py"), encoding: .utf8)
        let output = try Python.run(script, arguments: [manifest.path])
        let report = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        func lines(_ key: String) -> [String] {
            (report[key] as? [[String: Any]] ?? []).map { entry in
                let data = try! JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .prettyPrinted])
                return String(decoding: data, as: UTF8.self)
            }
        }
        return Report(
            graphs: report["graphs"] as? Int ?? 0, queries: report["queries"] as? Int ?? 0, rows: report["rows"] as? Int ?? 0,
            mismatches: lines("mismatches"), errors: lines("errors"), loadSeconds: report["load_seconds"] as? Double ?? 0)
    }
}
