import RelGraphCore

/// Names a query uses that nothing in the graph has: warnings naming the nearest one that
/// exists, and the kind and relation tables patterns match with.
extension CypherPlanner {
    mutating func warn(_ message: String, at position: CypherPosition) {
        let warning = CypherWarning(message: message, line: position.line, column: position.column)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    private static func suggestion(_ name: String, among candidates: some Sequence<String>) -> String {
        NearestName(candidates: Array(candidates)).nearest(to: name).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Every label a node of the graph can have: its kinds, the declared and built-in kinds,
    /// and (where nodes keep several) the labels of `labels` lists.
    private mutating func knownLabels() -> Set<String> {
        var known = Set(graph.storage.kinds.values.map(\.rawValue) + graph.kindDeclarations.map(\.kind.rawValue) + NodeKind.builtIn.map(\.rawValue))
        if hasLabelLists { known.formUnion(NodeLabels.listedLabels(graph)) }
        return known
    }

    /// The constraint of a node pattern's labels: a kind table, or (where nodes keep lists of
    /// labels) the label groups themselves.
    mutating func labelConstraint(_ groups: [[String]], positions: [CypherPosition]) -> (kinds: [Bool]?, groups: [[String]]?) {
        guard !groups.isEmpty else { return (nil, nil) }
        let known = knownLabels()
        var position = 0
        for group in groups {
            for name in group {
                if !known.contains(name) {
                    warn("no node has the kind '\(name)'" + Self.suggestion(name, among: known), at: positions[min(position, positions.count - 1)])
                }
                position += 1
            }
        }
        if hasLabelLists { return (nil, groups) }
        let kinds = graph.storage.kinds.values
        var allowed = [Bool](repeating: true, count: kinds.count)
        for group in groups {
            for (code, kind) in kinds.enumerated() where !group.contains(kind.rawValue) { allowed[code] = false }
        }
        return (allowed, nil)
    }

    mutating func relationTable(_ types: [String], positions: [CypherPosition]) -> [Bool]? {
        guard !types.isEmpty else { return nil }
        let relations = graph.storage.relations.values
        let known = Set(relations + graph.relationTypes.map(\.id))
        for (position, name) in types.enumerated() where !known.contains(name) {
            warn("no edge has the relation '\(name)'" + Self.suggestion(name, among: known), at: positions[min(position, positions.count - 1)])
        }
        return relations.map { types.contains($0) }
    }

    /// Warns about a property that no node (or relationship) has; for `name` and `title`,
    /// which Neo4j data often uses for what RelGraph calls `label`, says so.
    mutating func checkProperty(_ name: String, of type: StaticType, at position: CypherPosition) {
        switch type {
        case .node:
            guard !CypherPlanner.nodeFields.contains(name), !nodeAttributeNames.contains(name) else { return }
            if name == "name" || name == "title" {
                warn("no node has the property '\(name)'; RelGraph calls a node's display name 'label' (n.label)", at: position)
                return
            }
            if name == "labels" {
                warn("a node's labels are not a property; use labels(n)", at: position)
                return
            }
            warn("no node has the property '\(name)'" + Self.suggestion(name, among: Array(CypherPlanner.nodeFields) + Array(nodeAttributeNames)), at: position)
        case .relationship:
            guard !CypherPlanner.relationshipFields.contains(name), !edgeAttributeNames.contains(name) else { return }
            if name == "type" || name == "relation" {
                warn("no relationship has the property '\(name)'; its relation is its type: type(r)", at: position)
                return
            }
            warn(
                "no relationship has the property '\(name)'"
                    + Self.suggestion(name, among: Array(CypherPlanner.relationshipFields) + Array(edgeAttributeNames)), at: position)
        default:
            return
        }
    }
}
