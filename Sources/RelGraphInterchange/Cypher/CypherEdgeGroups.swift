import RelGraphCore

/// A graph's edges grouped by relation and by the kinds of their two ends (the groups a Cypher
/// script writes one after another), each group's edges in storage order, with the columns a
/// row reads copied into group order.
///
/// Found by a counting sort: one pass over the edges in storage order counts each group, a
/// second places every edge (and its ends, timing, source) at its group's next position. Both
/// passes read the columns in storage order, so the rows are then read front to back too: read
/// group by group from storage, every edge of a group would be a cache miss (a relation's edges
/// are spread across the whole graph).
struct CypherEdgeGroups {
    /// One relation and pair of end kinds, and where its edges are in the gathered columns.
    struct Group {
        var relation: Int32
        var from: Int32
        var to: Int32
        var positions: Range<Int>
    }

    /// Ordered by relation id, then by the kinds at the ends (each by Unicode scalars).
    let groups: [Group]
    /// Per position: the edge (its index in storage), its ends, timing and source; whether it
    /// has attributes.
    let edges: [Int32]
    let from: [Int32]
    let to: [Int32]
    let timings: [Timing]
    let sources: [Int32]
    let hasAttributes: [Bool]

    /// - Complexity: O(*m* + *g* log *g*) for *m* edges in *g* groups.
    init(_ storage: GraphColumns) {
        let count = storage.edgeCount
        let kindCount = storage.kinds.values.count, relationCount = storage.relations.values.count
        // A group's key: relation, from kind, to kind, numbered densely in order of first use
        // (a table when the combinations are few, as they are in practice; a dictionary if not).
        let combinations = relationCount * kindCount * kindCount
        var table = combinations <= 1 << 22 ? [Int32](repeating: -1, count: combinations) : []
        var dictionary: [Int: Int32] = [:]
        var keys: [(relation: Int32, from: Int32, to: Int32)] = []
        var counts: [Int] = []
        var groupOfEdge = [Int32](repeating: 0, count: count)
        for edge in 0..<count {
            let relation = storage.edgeRelations[edge]
            let from = storage.nodeKinds[Int(storage.edgeFrom[edge])], to = storage.nodeKinds[Int(storage.edgeTo[edge])]
            let combination = (Int(relation) * kindCount + Int(from)) * kindCount + Int(to)
            var group = table.isEmpty ? dictionary[combination, default: -1] : table[combination]
            if group < 0 {
                group = Int32(keys.count)
                keys.append((relation, from, to))
                counts.append(0)
                if table.isEmpty { dictionary[combination] = group } else { table[combination] = group }
            }
            groupOfEdge[edge] = group
            counts[Int(group)] += 1
        }
        let relations = storage.relations.values, kinds = storage.kinds.values
        let order = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x.relation != y.relation { return relations[Int(x.relation)].precedesInScalarOrder(relations[Int(y.relation)]) }
            if x.from != y.from { return kinds[Int(x.from)].rawValue.precedesInScalarOrder(kinds[Int(y.from)].rawValue) }
            return kinds[Int(x.to)].rawValue.precedesInScalarOrder(kinds[Int(y.to)].rawValue)
        }
        var next = [Int](repeating: 0, count: keys.count)
        var groups: [Group] = []
        var start = 0
        for group in order {
            next[group] = start
            groups.append(Group(relation: keys[group].relation, from: keys[group].from, to: keys[group].to, positions: start..<start + counts[group]))
            start += counts[group]
        }
        var edges = [Int32](repeating: 0, count: count), from = edges, to = edges, sources = edges
        var timings = [Timing](repeating: .undated, count: count)
        var hasAttributes = [Bool](repeating: false, count: count)
        for edge in 0..<count {
            let group = Int(groupOfEdge[edge])
            let position = next[group]
            next[group] = position + 1
            edges[position] = Int32(edge)
            from[position] = storage.edgeFrom[edge]
            to[position] = storage.edgeTo[edge]
            timings[position] = storage.edgeTimings[edge]
            sources[position] = storage.edgeSources[edge]
            hasAttributes[position] = !storage.edgeAttributes[edge].isEmpty
        }
        self.groups = groups
        self.edges = edges
        self.from = from
        self.to = to
        self.timings = timings
        self.sources = sources
        self.hasAttributes = hasAttributes
    }
}
