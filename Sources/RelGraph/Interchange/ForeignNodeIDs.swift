/// Ids for the node keys of foreign files (GraphML, Neo4j CSV): a key that is a valid id is
/// kept; any other is given a valid id made from it (`"my node"` → `my-node`, then
/// `my-node-2`, ...) that no node and no earlier key has.
struct ForeignNodeIDs {
    private var given: [String: String] = [:]
    private var taken: Set<String> = []

    /// The id given to `key`, if it needed one.
    subscript(key: String) -> String? { given.isEmpty ? nil : given[key] }

    /// Whether no key needed an id of its own.
    var isEmpty: Bool { given.isEmpty }

    /// `key` itself when it is a valid id, otherwise the id given to it (made now if needed).
    mutating func id(for key: String, in builder: GraphBuilder) -> String {
        if let id = given[key] { return id }
        if Identifier.isValid(key) { return key }
        let base = Identifier.made(from: key, fallback: "node")
        var candidate = base, suffix = 2
        while builder.index(ofNode: candidate) != nil || taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        given[key] = candidate
        taken.insert(candidate)
        return candidate
    }
}
