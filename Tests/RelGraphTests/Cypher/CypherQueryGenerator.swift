import Foundation
import RelGraphTestSupport

extension SeededRandom {
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// A small random graph document: three kinds, three relations (one symmetric), dated
/// nodes and edges, an integer attribute on some, labels drawn from a few words.
struct RandomGraphDocument {
    static let kinds = ["actor", "treaty", "sector"]
    static let relations = ["r1", "r2", "sym"]
    static let symmetric: Set<String> = ["sym"]
    var nodeIDs: [String] = []
    var json = ""

    init(random: inout SeededRandom) {
        let nodeCount = Int.random(in: 3...9, using: &random)
        let words = ["Alpha", "Beta", "Delta", "Omega", "Sierra", "Tango", "Zulu"]
        var nodes: [String] = []
        for index in 0..<nodeCount {
            let id = "n\(index)"
            nodeIDs.append(id)
            var fields = ["\"id\": \"\(id)\"", "\"kind\": \"\(random.pick(Self.kinds))\""]
            if random.chance(0.5) { fields.append("\"type\": \"\(random.pick(["country", "person"]))\"") }
            if random.chance(0.85) { fields.append("\"label\": {\"en\": \"\(random.pick(words)) \(random.pick(words).lowercased())\"}") }
            if let date = Self.date(&random, 0.6) { fields.append("\"date\": \"\(date)\"") }
            if random.chance(0.6) { fields.append("\"attributes\": {\"w\": \(Int.random(in: 0...6, using: &random))}") }
            nodes.append("{" + fields.joined(separator: ", ") + "}")
        }
        var edges: [String] = []
        var seen: Set<String> = []
        for _ in 0..<Int.random(in: 0...13, using: &random) {
            let from = random.pick(nodeIDs), to = random.pick(nodeIDs)
            let relation = random.pick(Self.relations)
            // No self-loops: Kùzu walks an undirected self-loop twice, openCypher (and Neo4j,
            // and RelGraph) once; QueryTests check self-loops on their own.
            guard from != to else { continue }
            let date = Self.date(&random, 0.5)
            let key = "\(from)|\(to)|\(relation)|\(date ?? "")"
            guard seen.insert(key).inserted else { continue }
            var fields = ["\"from\": \"\(from)\"", "\"to\": \"\(to)\"", "\"relation\": \"\(relation)\""]
            if let date { fields.append("\"date\": \"\(date)\"") }
            if random.chance(0.5) { fields.append("\"attributes\": {\"w\": \(Int.random(in: 0...6, using: &random))}") }
            edges.append("{" + fields.joined(separator: ", ") + "}")
        }
        json = """
            {"relgraph": 1, "relations": [{"id": "sym", "symmetric": true}],
             "nodes": [\(nodes.joined(separator: ",\n"))],
             "edges": [\(edges.joined(separator: ",\n"))]}
            """
    }

    static func date(_ random: inout SeededRandom, _ probability: Double) -> String? {
        guard random.chance(probability) else { return nil }
        let year = Int.random(in: 1995...2005, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return "\(year)"
        case 1: return String(format: "%d-%02d", year, Int.random(in: 1...12, using: &random))
        default: return String(format: "%d-%02d-%02d", year, Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
        }
    }
}

/// Random queries covering every construct of contract §6, written in RelGraph's dialect and
/// in Kùzu's. The differences the Kùzu side spells out:
/// - relationship uniqueness: Kùzu matches fixed-length patterns as walks (a relationship may
///   repeat), openCypher and RelGraph as trails, so the Kùzu query adds `r1.eid <> r2.eid` for
///   each pair of relationships of a MATCH (and `NOT list_contains(...)` for a variable-length
///   one), and variable-length patterns say `TRAIL`;
/// - symmetric relations are stored twice in Kùzu (see kuzu_reference.py), so an undirected
///   pattern adds `copy = 0`, and a directed variable-length pattern uses only directed relations
///   (a trail could otherwise walk an edge and then its mirror);
/// - label unions are `:a|b` in RelGraph and `:a:b` in Kùzu;
/// - Kùzu 0.11 loses zero-length matches of `*0..N` under TRAIL for nodes that also have longer
///   ones, so `*0..` is checked by QueryTests, not here; and it crashes (or answers 0) when
///   count(DISTINCT …) shares a grouped RETURN with other aggregates, so the generator avoids that;
/// - dates: RelGraph compares a date with a string `'YYYY-MM-DD'`, Kùzu with `date('...')`;
/// - functions: `type(r)` is `r.rel`, `labels(n)` is `[n.kind]`, `id(n)` is `n.id`,
///   `toLower`/`toUpper` are `lower`/`upper`, `relationships(p)` is `rels(p)`;
/// - `shortestPath`/`allShortestPaths` are `* SHORTEST`/`* ALL SHORTEST`; only lengths and
///   counts are compared, since which of several shortest paths is returned differs.
struct CypherQueryGenerator {
    var random: SeededRandom
    let nodeIDs: [String]

    private struct Clause {
        var relgraph: [String] = []
        var kuzu: [String] = []
        var kuzuConditions: [String] = []
        var singles: [String] = []
        var variable: String?
    }

    private var nodes: [String] = []
    private var relationships: [String] = []
    private var counter = 0

    init(random: SeededRandom, nodeIDs: [String]) {
        self.random = random
        self.nodeIDs = nodeIDs
    }

    private mutating func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    /// `(n:actor|treaty {id: 'n2'})` in both dialects.
    private mutating func nodePattern(_ name: String) -> (String, String) {
        var labels = ("", "")
        if random.chance(0.4) {
            let kinds = Array(RandomGraphDocument.kinds.shuffled(using: &random).prefix(random.chance(0.3) ? 2 : 1))
            labels = (":" + kinds.joined(separator: "|"), ":" + kinds.joined(separator: ":"))
        }
        var properties = ""
        if random.chance(0.1) { properties = " {id: '\(random.pick(nodeIDs))'}" }
        let variable = random.chance(0.1) ? "`\(name)`" : name
        return ("(\(variable)\(labels.0)\(properties))", "(\(variable)\(labels.1)\(properties))")
    }

    /// A relationship pattern; variable-length ones at most once per clause.
    private mutating func relationshipPattern(_ clause: inout Clause, allowVariable: Bool) -> (String, String, isVariable: Bool) {
        let name = fresh("r")
        let direction = random.pick(["right", "right", "left", "either", "either"])
        let isVariable = allowVariable && random.chance(0.3)
        var types: [String] = []
        if isVariable {
            let pool = direction == "either" ? RandomGraphDocument.relations : ["r1", "r2"]
            if direction != "either" || random.chance(0.5) {
                types = Array(pool.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)))
            }
        } else if random.chance(0.6) {
            types = Array(RandomGraphDocument.relations.shuffled(using: &random).prefix(random.chance(0.3) ? 2 : 1))
        }
        let typeText = types.isEmpty ? "" : ":" + types.joined(separator: "|")
        var inner = (name + typeText, name + typeText)
        if isVariable {
            let (mine, lower, upper) = random.pick([("*", 1, 30), ("*2", 2, 2), ("*1..3", 1, 3), ("*..2", 1, 2)])
            inner.0 += mine
            inner.1 += "* TRAIL \(lower)..\(upper)" + (direction == "either" ? " (e, m | WHERE e.copy = 0)" : "")
        } else {
            clause.singles.append(name)
            if direction == "either" { clause.kuzuConditions.append("\(name).copy = 0") }
            relationships.append(name)
        }
        func wrap(_ text: String) -> String {
            switch direction {
            case "right": return "-[\(text)]->"
            case "left": return "<-[\(text)]-"
            default: return "-[\(text)]-"
            }
        }
        if isVariable { clause.variable = name }
        return (wrap(inner.0), wrap(inner.1), isVariable)
    }

    /// A chain of 0 to 3 hops starting at `start` (a new or an existing node variable).
    private mutating func chain(_ clause: inout Clause, start: String? = nil, hops: Int? = nil, allowVariable: Bool = true) {
        let first = start ?? fresh("n")
        if start == nil { nodes.append(first) }
        var text = nodePattern(first)
        if start != nil { text = ("(\(first))", "(\(first))") }
        var variableUsed = !allowVariable || clause.variable != nil
        for _ in 0..<(hops ?? random.pick([0, 1, 1, 2, 2, 3])) {
            let relationship = relationshipPattern(&clause, allowVariable: !variableUsed)
            if relationship.isVariable { variableUsed = true }
            let reuse = random.chance(0.1) && !nodes.isEmpty
            let next = reuse ? random.pick(nodes) : fresh("n")
            if !reuse { nodes.append(next) }
            let node = reuse ? ("(\(next))", "(\(next))") : nodePattern(next)
            text.0 += relationship.0 + node.0
            text.1 += relationship.1 + node.1
        }
        clause.relgraph.append(text.0)
        clause.kuzu.append(text.1)
    }

    /// A predicate over bound variables, in both dialects.
    private mutating func predicate(depth: Int = 0, over pool: [String]? = nil) -> (String, String) {
        let node = random.pick(pool ?? nodes)
        if depth < 2, random.chance(0.3) {
            let lhs = predicate(depth: depth + 1, over: pool), rhs = predicate(depth: depth + 1, over: pool)
            let op = random.pick(["AND", "OR", "XOR"])
            return ("(\(lhs.0) \(op) \(rhs.0))", "(\(lhs.1) \(op) \(rhs.1))")
        }
        if depth < 2, random.chance(0.1) {
            let inner = predicate(depth: depth + 1, over: pool)
            return ("NOT \(inner.0)", "NOT \(inner.1)")
        }
        let date = String(format: "%d-%02d-01", Int.random(in: 1995...2005, using: &random), Int.random(in: 1...12, using: &random))
        let word = random.pick(["Al", "a", "er", "Zulu", "ta", "o"])
        let options: [(String, String)] = [
            ("\(node).w > \(Int.random(in: 0...5, using: &random))", "\(node).w > \(Int.random(in: 0...5, using: &random))"),
            ("\(node).date < '\(date)'", "\(node).`date` < date('\(date)')"),
            ("\(node).date >= '\(date)'", "\(node).`date` >= date('\(date)')"),
            ("\(node).label STARTS WITH '\(word)'", "\(node).label STARTS WITH '\(word)'"),
            ("\(node).label ENDS WITH '\(word)'", "\(node).label ENDS WITH '\(word)'"),
            ("\(node).label CONTAINS '\(word)'", "\(node).label CONTAINS '\(word)'"),
            ("\(node).id IN ['\(random.pick(nodeIDs))', '\(random.pick(nodeIDs))']", ""),
            ("\(node).type IS NULL", "\(node).type IS NULL"),
            ("\(node).type IS NOT NULL", "\(node).type IS NOT NULL"),
            ("\(node).id =~ 'n[0-\(Int.random(in: 1...8, using: &random))]'", ""),
            ("\(node).w = $v", "\(node).w = $v"),
            ("\(node).w <> 2", "\(node).w <> 2"),
            ("\(node).w <= 3", "\(node).w <= 3"),
            ("(\(node))-[:\(random.pick(RandomGraphDocument.relations))]->()", ""),
        ]
        var choice = random.pick(options)
        if choice.1.isEmpty { choice.1 = choice.0 }
        // The random values drawn twice above must agree: rebuild the first option from one draw.
        if choice.0.hasPrefix("\(node).w > ") { choice.1 = choice.0 }
        if pool == nil, !relationships.isEmpty, random.chance(0.15) {
            let relationship = random.pick(relationships)
            return ("\(relationship).w >= 2", "\(relationship).w >= 2")
        }
        return choice
    }

    /// A MATCH clause (optional or not) with its WHERE, in both dialects.
    private mutating func matchClause(optional: Bool) -> (String, String) {
        var clause = Clause()
        let bound = nodes
        if optional {
            chain(&clause, start: random.pick(nodes), hops: 1)
        } else {
            chain(&clause)
            if random.chance(0.2) { chain(&clause, start: random.pick(nodes), hops: 1, allowVariable: false) }
        }
        var conditions = clause.kuzuConditions
        for (index, a) in clause.singles.enumerated() {
            for b in clause.singles[(index + 1)...] { conditions.append("\(a).eid <> \(b).eid") }
            if let variable = clause.variable {
                conditions.append("NOT list_contains(properties(rels(\(variable)), 'eid'), \(a).eid)")
            }
        }
        var mineWhere: String?, kuzuWhere = conditions
        // Kùzu 0.11 gets `OPTIONAL MATCH … WHERE outer.x IS NULL` wrong when the predicate names
        // only variables bound before: an optional clause's WHERE names its own new nodes, and
        // one that binds none (its chain ends at a node bound before) has no WHERE.
        let fresh = nodes.filter { !bound.contains($0) }
        if random.chance(0.5), !optional || !fresh.isEmpty {
            let (mine, kuzu) = optional ? predicate(over: fresh) : predicate()
            mineWhere = mine
            kuzuWhere.append(kuzu)
        }
        let keyword = optional ? "OPTIONAL MATCH" : "MATCH"
        var mine = "\(keyword) " + clause.relgraph.joined(separator: ", ")
        var kuzu = "\(keyword) " + clause.kuzu.joined(separator: ", ")
        if let mineWhere { mine += " WHERE \(mineWhere)" }
        if !kuzuWhere.isEmpty { kuzu += " WHERE " + kuzuWhere.map { "(\($0))" }.joined(separator: " AND ") }
        return (mine, kuzu)
    }

    /// A scalar expression over a bound variable, and whether it is never null.
    private mutating func scalar() -> (String, String, nonNull: Bool) {
        if !relationships.isEmpty, random.chance(0.2) {
            let relationship = random.pick(relationships)
            return random.pick([("type(\(relationship))", "\(relationship).rel", true), ("\(relationship).w", "\(relationship).w", false)])
        }
        let node = random.pick(nodes)
        return random.pick([
            ("\(node).id", "\(node).id", true), ("\(node).kind", "\(node).kind", true), ("\(node).label", "\(node).label", false),
            ("\(node).w", "\(node).w", false), ("\(node).date", "\(node).`date`", false),
            ("labels(\(node))", "CASE WHEN \(node) IS NULL THEN NULL ELSE [\(node).kind] END", false),
            ("size(\(node).id)", "size(\(node).id)", true), ("toLower(\(node).label)", "lower(\(node).label)", false),
            ("toUpper(\(node).id)", "upper(\(node).id)", true), ("coalesce(\(node).type, 'none')", "coalesce(\(node).type, 'none')", true),
            ("id(\(node))", "\(node).id", true), ("\(node)", "\(node)", false),
        ])
    }

    /// One query in both dialects.
    mutating func query(name: String) -> DifferentialQuery {
        nodes = []
        relationships = []
        counter = 0
        var query = DifferentialQuery(name: name, relgraph: "", kuzu: "", parameters: ["v": Int.random(in: 0...6, using: &random)])
        if random.chance(0.08) { return shortest(name: name) }
        var mine: [String] = [], kuzu: [String] = []
        if random.chance(0.1) {
            mine.append("UNWIND [1, 2, 3] AS x")
            kuzu.append("UNWIND [1, 2, 3] AS x")
        }
        let first = matchClause(optional: false)
        mine.append(first.0)
        kuzu.append(first.1)
        if random.chance(0.2) {
            let optional = matchClause(optional: true)
            mine.append(optional.0)
            kuzu.append(optional.1)
        }
        if random.chance(0.12) {
            let node = random.pick(nodes)
            let threshold = Int.random(in: 1...3, using: &random)
            mine.append("WITH \(node), count(*) AS c WHERE c >= \(threshold) RETURN \(node).id AS c0, c AS c1")
            kuzu.append("WITH \(node), count(*) AS c WHERE c >= \(threshold) RETURN \(node).id AS c0, c AS c1")
            query.relgraph = mine.joined(separator: " ")
            query.kuzu = kuzu.joined(separator: " ")
            return query
        }
        var columns: [(String, String)] = []
        var isDistinct = false
        var orderable = true
        if random.chance(0.35) {
            // Aggregates, grouped by zero or one key.
            if random.chance(0.6) {
                let key = scalar()
                columns.append((key.0, key.1))
                orderable = key.nonNull
            }
            let node = random.pick(nodes)
            var hasDistinctCount = false, hasCollect = false
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                var aggregate = random.pick([
                    ("count(*)", "count(*)"), ("count(\(node))", "count(\(node))"), ("count(DISTINCT \(node))", "count(DISTINCT \(node))"),
                    ("collect(\(node).id)", "collect(\(node).id)"), ("min(\(node).w)", "min(\(node).w)"), ("max(\(node).w)", "max(\(node).w)"),
                    ("sum(\(node).w)", "sum(\(node).w)"), ("avg(\(node).w)", "avg(\(node).w)"),
                ])
                // Kùzu 0.11 crashes (a malloc assertion) on a grouping key with count(DISTINCT …)
                // and collect(…) in one RETURN; such a pair becomes count(…).
                // It also answers 0 for any other aggregate next to count(DISTINCT …) with a key.
                if hasDistinctCount { continue }
                let aggregateColumns = columns.count - (columns.isEmpty ? 0 : 1) + (hasCollect ? 1 : 0)
                if aggregate.0.hasPrefix("count(DISTINCT"), hasCollect || aggregateColumns > 0 || columns.count > 1 {
                    aggregate = ("count(\(node))", "count(\(node))")
                }
                hasDistinctCount = hasDistinctCount || aggregate.0.hasPrefix("count(DISTINCT")
                hasCollect = hasCollect || aggregate.0.hasPrefix("collect")
                if aggregate.0.hasPrefix("collect") {
                    query.unorderedColumns.append(columns.count)
                    query.kuzuNullDefaults[columns.count] = "[]"
                }
                if aggregate.0.hasPrefix("sum") { query.kuzuNullDefaults[columns.count] = "0" }
                if aggregate.0.hasPrefix("min") || aggregate.0.hasPrefix("max") || aggregate.0.hasPrefix("avg") || aggregate.0.hasPrefix("collect") {
                    orderable = false
                }
                columns.append(aggregate)
            }
        } else {
            isDistinct = random.chance(0.3)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let column = scalar()
                if !column.nonNull { orderable = false }
                columns.append((column.0, column.1))
            }
        }
        let distinct = isDistinct ? "DISTINCT " : ""
        var mineReturn = "RETURN \(distinct)" + columns.enumerated().map { "\($0.element.0) AS c\($0.offset)" }.joined(separator: ", ")
        var kuzuReturn = "RETURN \(distinct)" + columns.enumerated().map { "\($0.element.1) AS c\($0.offset)" }.joined(separator: ", ")
        if orderable, query.unorderedColumns.isEmpty, random.chance(0.4) {
            let order = columns.indices.map { "c\($0)\(random.chance(0.3) ? " DESC" : "")" }.joined(separator: ", ")
            var tail = " ORDER BY \(order)"
            if random.chance(0.5) { tail += " SKIP \(Int.random(in: 0...2, using: &random))" }
            if random.chance(0.6) { tail += " LIMIT \(Int.random(in: 1...4, using: &random))" }
            mineReturn += tail
            kuzuReturn += tail
            query.ordered = true
        }
        mine.append(mineReturn)
        kuzu.append(kuzuReturn)
        query.relgraph = mine.joined(separator: " ")
        query.kuzu = kuzu.joined(separator: " ")
        return query
    }

    /// `shortestPath` / `allShortestPaths` between two given nodes, compared by length and the
    /// sizes of `nodes(p)` and `relationships(p)` (and, for all shortest paths, by how many there
    /// are): which of several shortest paths comes back differs between engines.
    private mutating func shortest(name: String) -> DifferentialQuery {
        let ids = nodeIDs.shuffled(using: &random)
        let (a, b) = (ids[0], ids.count > 1 ? ids[1] : ids[0])
        let all = random.chance(0.4)
        let direction = random.pick(["right", "either", "either"])
        let types = random.chance(0.5) ? ":" + Array(RandomGraphDocument.relations.shuffled(using: &random).prefix(2)).joined(separator: "|") : ""
        let maximum = Int.random(in: 2...5, using: &random)
        let arrow = direction == "right" ? "->" : "-"
        let mine =
            "MATCH p = \(all ? "allShortestPaths" : "shortestPath")((a {id: '\(a)'})-[\(types)*..\(maximum)]\(arrow)(b {id: '\(b)'})) RETURN length(p) AS c0, a.id AS c1, b.id AS c2, size(nodes(p)) AS c3, size(relationships(p)) AS c4"
        let filter = direction == "either" ? " (e, m | WHERE e.copy = 0)" : ""
        let kuzu =
            "MATCH p = (a {id: '\(a)'})-[v\(types)* \(all ? "ALL SHORTEST" : "SHORTEST") 1..\(maximum)\(filter)]\(arrow)(b {id: '\(b)'}) RETURN length(p) AS c0, a.id AS c1, b.id AS c2, size(nodes(p)) AS c3, size(rels(p)) AS c4"
        return DifferentialQuery(name: name, relgraph: mine, kuzu: kuzu)
    }
}
