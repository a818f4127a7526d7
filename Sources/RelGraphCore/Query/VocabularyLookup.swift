/// What a kind or relation named by a user refers to.
public enum VocabularyLookup: Hashable, Sendable {
    /// The id of the kind or relation.
    case found(String)
    /// Nothing of that name; `suggestion` is the nearest known id, if one is close.
    case notFound(suggestion: String?)
}

extension Graph {
    /// Every kind a node of this graph may have: the built-in ones, the declared ones and
    /// those in use.
    public var knownKinds: [NodeKind] {
        var kinds = NodeKind.builtIn + kindDeclarations.map(\.kind)
        for kind in storage.kinds.values where !kinds.contains(kind) { kinds.append(kind) }
        return kinds
    }

    /// The kind a user means by `name`: a known kind's id, or its label in any language
    /// (ignoring case).
    ///
    /// - Complexity: O(*k*) in the number of known kinds.
    public func lookUpKind(_ name: String) -> VocabularyLookup {
        let kinds = knownKinds
        if kinds.contains(NodeKind(rawValue: name)) { return .found(name) }
        let folded = name.lowercased()
        for kind in kinds {
            let labels = [kind.rawValue] + (declaration(of: kind)?.label.entries.map(\.text) ?? [])
            if labels.contains(where: { $0.lowercased() == folded }) { return .found(kind.rawValue) }
        }
        return .notFound(suggestion: NearestName(candidates: kinds.map(\.rawValue)).nearest(to: name))
    }

    /// The relation a user means by `name`: a relation's id (in use or declared), or its
    /// label in any language (ignoring case), as `--relation "partner in"`.
    ///
    /// - Complexity: O(*r*) in the number of relations.
    public func lookUpRelation(_ name: String) -> VocabularyLookup {
        var relations = relationTypes.map(\.id)
        for relation in relationsInUse where !relations.contains(relation) { relations.append(relation) }
        if relations.contains(name) { return .found(name) }
        let folded = name.lowercased()
        if let relation = relations.first(where: { $0.lowercased() == folded }) { return .found(relation) }
        for type in relationTypes where type.label.entries.contains(where: { $0.text.lowercased() == folded }) {
            return .found(type.id)
        }
        return .notFound(suggestion: NearestName(candidates: relations).nearest(to: name))
    }
}
