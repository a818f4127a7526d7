import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Random graphs with non-ASCII ids, written as YAML and queried through the binary with random
/// options (`--direction`, `--relation`, `--kind`, `--as-of`, `--depth`, `--max-hops`, `--limit`,
/// `--directed`), compared with the test's own reference built from the raw edge list.
@Suite("Query commands agree with a brute-force reference on random graphs")
struct RandomizedCommandTests {
    /// Options for `--relation` and `--as-of`, and the reference filter they mean.
    static func filterArguments(_ filter: RawGraph.Filter) -> [String] {
        (filter.relations ?? []).sorted().flatMap { ["--relation", $0] } + (filter.asOf.map { ["--as-of", String($0)] } ?? [])
    }

    @Test("reach, paths, neighbors and path through the CLI match the reference", arguments: 0..<24)
    func matchesReference(seed: Int) throws {
        let raw = RawGraph(seed: UInt64(seed) &+ 50_000, maximumNodes: 9)
        let file = try RelGraphCLI.file(named: "random.yaml", raw.yaml())
        var random = SeededRandom(seed: UInt64(seed) &* 31 &+ 7)
        var filter = RawGraph.randomFilter(using: &random)
        filter.kinds = nil  // reach, path and paths have no --kind; neighbors takes its own
        // An unknown --relation is a usage error: name only relations the graph declares or uses.
        let known = Set(raw.edges.map(\.relation)).union(RawGraph.symmetric)
        filter.relations = filter.relations?.intersection(known)
        if filter.relations?.isEmpty == true { filter.relations = nil }  // no --relation means every relation
        let options = Self.filterArguments(filter)
        for _ in 0..<3 {
            let source = Int.random(in: 0..<raw.nodes.count, using: &random), target = Int.random(in: 0..<raw.nodes.count, using: &random)
            let (from, to) = (raw.nodes[source].id, raw.nodes[target].id)
            let direction = Direction.allCases.randomElement(using: &random)!
            let kept = raw.keeps(node: source, filter)
            let context = "seed \(seed) \(filter) \(from)→\(to) \(direction)"

            let depth = Int.random(in: 0...3, using: &random)
            let reach = try RelGraphCLI.run(["reach", file, from, "--depth", String(depth), "--direction", direction.rawValue, "--json"] + options)
            if kept {
                let nodes = (reach.json as? [String: Any])?["nodes"] as? [[String: Any]]
                #expect(
                    nodes?.map { "\($0["id"]!):\($0["distance"]!)" } == raw.reach(raw.steps(direction, filter), from: source, depth: depth),
                    "reach \(context) --depth \(depth)")
            } else {
                #expect(reach.status == 1, "reach from a node the filter drops: \(context)")
            }

            let directed = Bool.random(using: &random)
            let maxHops = Int.random(in: 1...4, using: &random)
            let limit = Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : nil
            let steps = raw.steps(directed ? .outgoing : .both, filter)
            let all = kept && raw.keeps(node: target, filter) ? raw.allSimplePaths(steps, from: source, to: target, maxHops: raw.nodes.count) : []
            let expectedPaths = Array(all.filter { $0.count <= maxHops + 1 }.prefix(limit ?? .max))
            let paths = try RelGraphCLI.run(
                ["paths", file, from, to, "--max-hops", String(maxHops), "--json"]
                    + (limit.map { ["--limit", String($0)] } ?? []) + (directed ? ["--directed"] : []) + options)
            #expect(paths.status == (expectedPaths.isEmpty ? 1 : 0), "paths \(context)")
            if !expectedPaths.isEmpty {
                let found = ((paths.json as? [String: Any])?["paths"] as? [[String: Any]])?.map { $0["nodes"] as! [String] }
                #expect(found == expectedPaths, "paths \(context) --max-hops \(maxHops) --limit \(limit.map(String.init) ?? "-") directed \(directed)")
            }

            let path = try RelGraphCLI.run(["path", file, from, to, "--json"] + (directed ? ["--directed"] : []) + options)
            #expect(path.status == (all.isEmpty ? 1 : 0), "path \(context)")
            if let shortest = all.first {
                #expect((path.json as? [String: Any])?["nodes"] as? [String] == shortest, "path \(context) directed \(directed)")
            }

            let kinds: Set<NodeKind>? = Bool.random(using: &random) ? [[NodeKind.actor, .place, .treaty].randomElement(using: &random)!] : nil
            let neighbors = try RelGraphCLI.run(
                ["neighbors", file, from, "--direction", direction.rawValue, "--json"]
                    + (kinds ?? []).flatMap { ["--kind", $0.rawValue] } + options)
            let expectedNeighbors = kept ? raw.neighbors(of: source, direction, filter, kinds: kinds) : []
            #expect(neighbors.status == (expectedNeighbors.isEmpty ? 1 : 0), "neighbors \(context)")
            if !expectedNeighbors.isEmpty {
                let found = ((neighbors.json as? [String: Any])?["neighbors"] as? [[String: String]])?.map {
                    "\($0["id"]!) \($0["relation"]!) \($0["direction"]!)"
                }
                #expect(found == expectedNeighbors, "neighbors \(context) --kind \(kinds.map { $0.map(\.rawValue) } ?? [])")
            }
        }
    }
}
