import RelGraphCore

/// Ids for the node keys of foreign files (GraphML, Neo4j CSV): a key that is a valid id is
/// kept; any other is given a valid id made from it (`"my node"` → `my-node`, then
/// `my-node-2`, ...) that no other node has, whichever comes first in the file.
///
/// Files are read in one pass, so a made id can meet, later, a key that is that very id (`a b`
/// became `a-b`, then a node `a-b` comes): the key keeps its id, and the made id moves on to the
/// next free one (`a-b-2`), in the builder too. Either order gives the same ids.
struct ForeignNodeIDs {
    private var given: [String: String] = [:]
    /// Each made id, with the key it was made for.
    private var owners: [String: String] = [:]

    /// The id given to `key`, if it needed one.
    subscript(key: String) -> String? { given.isEmpty ? nil : given[key] }

    /// Whether no key needed an id of its own.
    var isEmpty: Bool { given.isEmpty }

    /// The id of the node that `key` names, as a node's own key or an edge's end: `key` itself
    /// when it is a valid id (a made id equal to it is moved away first), otherwise the id
    /// given to it (made now if needed).
    /// - Complexity: O(1) on average.
    mutating func id(for key: String, in builder: inout GraphBuilder) -> String {
        if Identifier.isValid(key) {
            if !owners.isEmpty, let owner = owners.removeValue(forKey: key) {
                // `key` is a real id: the id made earlier for `owner` moves on.
                let moved = freeID(from: Identifier.made(from: owner, fallback: "node"), avoiding: key, in: builder)
                builder.renameNode(key, to: moved)
                given[owner] = moved
                owners[moved] = owner
            }
            return key
        }
        if let id = given[key] { return id }
        let made = freeID(from: Identifier.made(from: key, fallback: "node"), avoiding: nil, in: builder)
        given[key] = made
        owners[made] = key
        return made
    }

    /// `base`, or `base-2`, `base-3`, ...: the first that no node or edge end is called and no
    /// key was given.
    private func freeID(from base: String, avoiding claimed: String?, in builder: GraphBuilder) -> String {
        var candidate = base, suffix = 2
        while candidate == claimed || builder.isNamed(candidate) || owners[candidate] != nil {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
