import Foundation

/// The shared search cases (`Tests/Fixtures/search/cases.json`): queries and what both
/// `relgraph search` and the page's search box must answer, ids in order with their rank.
public struct SearchCase: Sendable, CustomStringConvertible {
    public let query: String
    public let why: String
    /// `(id, rank)`: rank as `SearchIndex.Rank` describes it ("exact" … "similar").
    public let found: [Hit]

    public struct Hit: Sendable, Equatable, CustomStringConvertible {
        public let id: String
        public let rank: String
        public init(id: String, rank: String) {
            self.id = id
            self.rank = rank
        }
        public var description: String { "\(id) (\(rank))" }
    }

    public var description: String { "\(query.debugDescription): \(why)" }

    /// The folder of the cases and their graph.
    public static let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/search")

    /// The graph the cases search.
    public static var graphPath: String { folder.appendingPathComponent("eu-china.yaml").path }

    /// Every case, in the file's order.
    public static let all: [SearchCase] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("cases.json")),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = root["cases"] as? [[String: Any]]
        else { fatalError("Tests/Fixtures/search/cases.json must hold {\"cases\": [...]}") }
        return cases.map { entry in
            let found = (entry["found"] as? [[String]] ?? []).map { Hit(id: $0[0], rank: $0[1]) }
            return SearchCase(query: entry["query"] as? String ?? "", why: entry["why"] as? String ?? "", found: found)
        }
    }()
}
