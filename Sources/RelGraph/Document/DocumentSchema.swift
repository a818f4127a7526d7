/// The keys each map of a graph document may hold (contract §1).
enum DocumentSchema {
    static let document = ["relgraph", "title", "sources", "kinds", "relations", "nodes", "edges"]
    static let source = ["id", "title", "url"]
    static let kind = ["id", "label", "style"]
    static let style = ["shape", "color"]
    static let relation = ["id", "label", "symmetric"]
    static let node = ["id", "kind", "type", "label", "date", "start", "end", "attributes", "source"]
    static let edge = ["from", "to", "relation", "date", "start", "end", "attributes", "source"]

    /// Field names an attribute may not take, because every export has a field of that name.
    static let reservedAttributeNames: Set<String> = [
        "id", "kind", "type", "label", "date", "start", "end", "source", "from", "to", "relation",
    ]

    /// Whether `name` may name an attribute: the id rules without ':' (a column separator in
    /// Neo4j headers), not a reserved field, and not of the `label_xx` form used by exports.
    static func isValidAttributeName(_ name: String) -> Bool {
        Identifier.isValid(name) && !name.contains(":") && !reservedAttributeNames.contains(name)
            && !name.hasPrefix("label_")
    }

    static let maximumDiagnostics = 10_000
}
