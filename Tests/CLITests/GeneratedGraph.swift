import Foundation

/// A seeded random graph document for the page's size tests: `nodes` nodes of every kind,
/// labelled in English and Hindi, a spanning tree plus extra edges, about a third dated.
enum GeneratedGraph {
    static func yaml(nodes count: Int, extraEdges: Int, seed: UInt64 = 7) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let kinds = ["actor", "treaty", "project", "sector", "event", "place"]
        let relations = ["signed", "partner-of", "cooperates-on", "located-in", "met"]
        func id(_ index: Int) -> String { "n" + String(repeating: "0", count: 4 - String(index).count) + String(index) }
        var lines = [
            "relgraph: 1", "title: {en: Generated graph, hi: बनाया गया ग्राफ़}", "relations:",
            "  - {id: partner-of, label: {en: partner of, hi: भागीदार}, symmetric: true}",
            "  - {id: met, label: {en: met, hi: मिले}, symmetric: true}", "nodes:",
        ]
        for index in 0..<count {
            let date = next(10) < 4 ? ", date: \(1950 + next(75))" : ""
            lines.append("  - {id: \(id(index)), kind: \(kinds[index % kinds.count]), label: {en: Node \(index), hi: नोड \(index)}\(date)}")
        }
        lines.append("edges:")
        var seen: Set<String> = []
        func edge(_ from: Int, _ to: Int, _ relation: String, dated: Bool) {
            guard from != to, seen.insert("\(from) \(to) \(relation)").inserted else { return }
            let date = dated && next(10) < 3 ? ", date: \(1950 + next(75))" : ""
            lines.append("  - {from: \(id(from)), to: \(id(to)), relation: \(relation)\(date)}")
        }
        for index in 1..<count { edge(next(index), index, relations[next(relations.count)], dated: true) }
        for _ in 0..<extraEdges { edge(next(count), next(count), relations[next(relations.count)], dated: false) }
        return lines.joined(separator: "\n") + "\n"
    }
}
