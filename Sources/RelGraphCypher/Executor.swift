import RelGraphCore

/// Runs a ``QueryPlan`` over a ``GraphView``: each `MATCH` walks the view's adjacency depth
/// first with one mutable row, and rows stream into the next projection without being
/// stored, so `RETURN count(*)` over a million matches keeps no row at all.
///
/// Relationships are unique within one `MATCH` (openCypher's rule, also for variable-length
/// patterns); symmetric relations match in both directions; rows come in the order the
/// matching meets them, which depends only on the graph and the query.
final class CypherExecutor {
    typealias Row = [CypherValue]
    typealias Sink = (Row) throws(CypherError) -> Void

    let view: GraphView
    let graph: Graph
    let plan: QueryPlan
    let parameters: [String: CypherValue]
    let language: String
    /// Edges bound by the `MATCH` being matched (from `usedBase` on), kept distinct.
    private var used: [Int32] = []
    private var usedBase = 0
    /// Set by a pattern predicate once it has found a match, to stop the walk.
    private var stopping = false
    private var shortestTraversals: [String: Traversal] = [:]
    var regexes: [String: Regex<AnyRegexOutput>] = [:]

    init(view: GraphView, plan: QueryPlan, parameters: [String: CypherValue], language: String) {
        self.view = view
        graph = view.graph
        self.plan = plan
        self.parameters = parameters
        self.language = language
    }

    /// The rows the query returns.
    func run() throws(CypherError) -> [Row] {
        var rows: [Row] = [[]]
        var start = 0
        for (index, stage) in plan.stages.enumerated() {
            guard case .project(let projection) = stage else { continue }
            let segment = Array(plan.stages[start..<index])
            var accumulator = ProjectionAccumulator(plan: projection, executor: self)
            if start == 0, segment.count == 1, case .match(let match) = segment[0],
                let count = EdgePatternCount(match: match, projection: projection)
            {
                for group in count.groups(in: view) { try accumulator.add(group.row, times: group.count) }
            } else {
                for row in rows {
                    try feed(segment, 0, row) { row throws(CypherError) in try accumulator.add(row) }
                }
            }
            rows = try accumulator.finish()
            start = index + 1
        }
        return rows
    }

    private func feed(_ segment: [Stage], _ index: Int, _ row: Row, _ sink: Sink) throws(CypherError) {
        guard index < segment.count else { try sink(row); return }
        switch segment[index] {
        case .unwind(let expression, _):
            switch try evaluate(expression, row) {
            case .null: return
            case .list(let items):
                for item in items { try feed(segment, index + 1, row + [item], sink) }
            case let value:
                try feed(segment, index + 1, row + [value], sink)
            }
        case .match(let match):
            var extended = row + Row(repeating: .null, count: match.newSlots.count)
            let savedBase = usedBase
            usedBase = used.count
            defer { usedBase = savedBase }
            var found = false
            try self.match(match, 0, &extended) { row throws(CypherError) in
                found = true
                try self.feed(segment, index + 1, row, sink)
            }
            if !found, match.isOptional {
                try feed(segment, index + 1, row + Row(repeating: .null, count: match.newSlots.count), sink)
            }
        case .project:
            preconditionFailure("projections end segments")
        }
    }

    /// Whether a pattern predicate has a match from `row`.
    func exists(_ planIndex: Int, _ row: Row) throws(CypherError) -> Bool {
        let match = plan.patternPlans[planIndex]
        var extended = row + Row(repeating: .null, count: match.newSlots.count)
        let savedBase = usedBase, savedStopping = stopping
        usedBase = used.count
        defer { usedBase = savedBase; stopping = savedStopping }
        var found = false
        try self.match(match, 0, &extended) { _ throws(CypherError) in
            found = true
            self.stopping = true
        }
        return found
    }

    // MARK: Matching

    private func isUsed(_ edge: Int32) -> Bool {
        var index = usedBase
        while index < used.count {
            if used[index] == edge { return true }
            index += 1
        }
        return false
    }

    private func match(_ match: MatchPlan, _ stepIndex: Int, _ row: inout Row, _ sink: Sink) throws(CypherError) {
        if stopping { return }
        guard stepIndex < match.steps.count else {
            if let predicate = match.predicate, try !isTrue(evaluate(predicate, row)) { return }
            try sink(row)
            return
        }
        let next = stepIndex + 1
        switch match.steps[stepIndex] {
        case .scanNodes(let slot, let constraint):
            let kinds = graph.storage.nodeKinds
            // Hoisted: unwrapping the table inside the loop would retain it once per node.
            let allowedKinds = constraint.allowedKinds ?? [], anyKind = constraint.allowedKinds == nil
            for node in 0..<graph.nodeCount where view.contains(node: node) {
                if stopping { return }
                if !anyKind, !allowedKinds[Int(kinds[node])] { continue }
                if !constraint.properties.isEmpty, try !nodeHas(node, constraint.properties, row) { continue }
                row[slot] = .node(NodeIndex(node))
                try self.match(match, next, &row, sink)
            }
        case .lookUpNode(let slot, let id, let constraint):
            guard case .string(let name) = try evaluate(id, row), let node = graph.index(ofNode: name),
                view.contains(node: node), try nodeMeets(node.position, constraint, row)
            else { return }
            row[slot] = .node(node)
            try self.match(match, next, &row, sink)
        case .checkNode(let slot, let constraint):
            guard case .node(let node) = row[slot], try nodeMeets(node.position, constraint, row) else { return }
            try self.match(match, next, &row, sink)
        case let .scanEdges(left, relationship, right, constraint, direction, leftNode, rightNode):
            let relations = graph.storage.edgeRelations, from = graph.storage.edgeFrom, to = graph.storage.edgeTo
            let symmetric = graph.relationSymmetric
            for edge in keptEdges(constraint, direction, left: leftNode, right: rightNode) {
                if stopping { return }
                let edge = Int(edge), relation = Int(relations[edge])
                if !constraint.properties.isEmpty, try !edgeHas(edge, constraint.properties, row) { continue }
                let a = Int(from[edge]), b = Int(to[edge])
                let isSymmetric = symmetric[relation]
                // Each way the edge can be read in the pattern's direction (no array per edge).
                let reverse = direction == .left
                let ways = (direction == .either || isSymmetric) && a != b ? 2 : 1
                for way in 0..<ways {
                    let (leftEnd, rightEnd) = (way == 0) != reverse ? (a, b) : (b, a)
                    if left == right, leftEnd != rightEnd { continue }
                    guard try nodeMeets(leftEnd, leftNode, row), try nodeMeets(rightEnd, rightNode, row) else { continue }
                    row[left] = .node(NodeIndex(leftEnd))
                    row[right] = .node(NodeIndex(rightEnd))
                    row[relationship] = .relationship(EdgeIndex(edge))
                    used.append(Int32(edge))
                    defer { used.removeLast() }
                    try self.match(match, next, &row, sink)
                }
            }
        case let .expand(fromSlot, relationship, toSlot, constraint, direction, targetConstraint, targetBound, reversed):
            guard case .node(let sourceIndex) = row[fromSlot] else { return }
            let source = sourceIndex.position
            var target: Int?
            if targetBound {
                guard case .node(let bound) = row[toSlot] else { return }
                target = bound.position
            }
            if let length = constraint.length {
                var trail: [Int32] = []
                try walk(from: source, depth: 0, length: length, constraint, direction, target: target, targetConstraint,
                         toSlot: toSlot, relationship: relationship, reversed: reversed, trail: &trail, match, next, &row, sink)
                return
            }
            try forEachStep(from: source, direction, constraint, towards: target, row) { neighbor, edge throws(CypherError) in
                if targetBound {
                    guard try self.nodeMeets(neighbor, targetConstraint, row) else { return }
                } else {
                    guard try self.nodeMeets(neighbor, targetConstraint, row) else { return }
                    row[toSlot] = .node(NodeIndex(neighbor))
                }
                row[relationship] = .relationship(EdgeIndex(Int(edge)))
                self.used.append(edge)
                defer { self.used.removeLast() }
                try self.match(match, next, &row, sink)
            }
        case let .shortest(fromSlot, relationship, toSlot, constraint, direction, all, pathSlot):
            guard case .node(let source) = row[fromSlot], case .node(let target) = row[toSlot] else { return }
            let paths = try shortestPaths(from: source, to: target, constraint, direction, all: all)
            for path in paths {
                if stopping { return }
                if path.edges.contains(where: { isUsed(Int32($0.position)) }) { continue }
                row[relationship] = .list(path.edges.map(CypherValue.relationship))
                if let pathSlot { row[pathSlot] = .path(nodes: path.nodes, relationships: path.edges) }
                let mark = used.count
                used += path.edges.map { Int32($0.position) }
                defer { used.removeLast(used.count - mark) }
                try self.match(match, next, &row, sink)
            }
        case let .bindPath(slot, nodeSlots, relationshipSlots):
            guard case .node(var current) = row[nodeSlots[0]] else { return }
            var nodes = [current], edges: [EdgeIndex] = []
            for relationshipSlot in relationshipSlots {
                let hops: [EdgeIndex]
                switch row[relationshipSlot] {
                case .relationship(let edge): hops = [edge]
                case .list(let items): hops = items.compactMap { if case .relationship(let edge) = $0 { return edge } else { return nil } }
                default: return
                }
                for edge in hops {
                    let from = graph.from(ofEdge: edge), to = graph.to(ofEdge: edge)
                    current = from == current ? to : from
                    nodes.append(current)
                    edges.append(edge)
                }
            }
            row[slot] = .path(nodes: nodes, relationships: edges)
            try self.match(match, next, &row, sink)
        }
    }

    /// The edges the view keeps whose relation is allowed and whose ends, read some way the
    /// pattern allows, have allowed kinds, in index order: one tight pass over the edge columns
    /// on every core, before any row is bound. Property maps are checked afterwards.
    private func keptEdges(_ constraint: RelationshipConstraint, _ direction: RelationshipPattern.Direction,
                           left: NodeConstraint, right: NodeConstraint) -> [Int32] {
        let view = self.view, graph = self.graph, storage = graph.storage, edgeCount = graph.edgeCount
        // 1 for an allowed relation, 0 else: added to a count, so the first filter has no branch.
        let allowed = (constraint.allowedRelations ?? [Bool](repeating: true, count: storage.relations.count)).map { $0 ? 1 : 0 }
        let endKinds = EdgeEndKinds(graph, left: left.allowedKinds, right: right.allowedKinds), checksKinds = endKinds.constrainsKinds
        let symmetric = graph.relationSymmetric
        let keepsEveryEdge = view.edgeMask == nil, bothWays = direction == .either, reversed = direction == .left
        let parts = edgeCount < 65_536 ? 1 : 2
        let pieces = Parallel.map(parts) { part -> [Int32] in
            var kept: [Int32] = []
            var block = [Int32](repeating: 0, count: 1024)
            storage.edgeRelations.withUnsafeBufferPointer { relations in
                storage.edgeFrom.withUnsafeBufferPointer { from in
                    storage.edgeTo.withUnsafeBufferPointer { to in
                        allowed.withUnsafeBufferPointer { allowed in
                            endKinds.ends.withUnsafeBufferPointer { ends in
                                block.withUnsafeMutableBufferPointer { block in
                                    let end = edgeCount * (part + 1) / parts
                                    var start = edgeCount * part / parts
                                    while start < end {
                                        // The edges of allowed relations in a block of 1,024, compacted
                                        // without branching; then the view and the end kinds on those.
                                        let stop = min(end, start + block.count)
                                        var found = 0
                                        for edge in start..<stop {
                                            block[found] = Int32(truncatingIfNeeded: edge)
                                            found &+= allowed[Int(relations[edge])]
                                        }
                                        for index in 0..<found {
                                            let edge = Int(block[index])
                                            guard keepsEveryEdge || view.contains(edge: edge) else { continue }
                                            if checksKinds {
                                                let a = Int(from[edge]), b = Int(to[edge])
                                                let asRead = reversed ? EdgeEndKinds.allow(ends, left: b, right: a) : EdgeEndKinds.allow(ends, left: a, right: b)
                                                let againstIt = (bothWays || symmetric[Int(relations[edge])]) && a != b
                                                    && (reversed ? EdgeEndKinds.allow(ends, left: a, right: b) : EdgeEndKinds.allow(ends, left: b, right: a))
                                                guard asRead || againstIt else { continue }
                                            }
                                            kept.append(Int32(edge))
                                        }
                                        start = stop
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return kept
        }
        return parts == 1 ? pieces[0] : pieces.flatMap { $0 }
    }

    /// Depth-first walk for `*min..max`: every trail (no edge twice, none used elsewhere in
    /// the `MATCH`) from `node`, binding the end node and the list of relationships.
    private func walk(
        from node: Int, depth: Int, length: (minimum: Int, maximum: Int?), _ constraint: RelationshipConstraint, _ direction: Direction,
        target: Int?, _ targetConstraint: NodeConstraint, toSlot: Int, relationship: Int, reversed: Bool, trail: inout [Int32],
        _ match: MatchPlan, _ next: Int, _ row: inout Row, _ sink: Sink
    ) throws(CypherError) {
        if stopping { return }
        if depth >= length.minimum, target.map({ $0 == node }) ?? true, try nodeMeets(node, targetConstraint, row) {
            if target == nil { row[toSlot] = .node(NodeIndex(node)) }
            let edges = reversed ? trail.reversed() : trail
            row[relationship] = .list(edges.map { .relationship(EdgeIndex(Int($0))) })
            try self.match(match, next, &row, sink)
        }
        if let maximum = length.maximum, depth >= maximum { return }
        try forEachStep(from: node, direction, constraint, towards: nil, row) { neighbor, edge throws(CypherError) in
            trail.append(edge)
            self.used.append(edge)
            defer { trail.removeLast(); self.used.removeLast() }
            try self.walk(from: neighbor, depth: depth + 1, length: length, constraint, direction, target: target, targetConstraint,
                          toSlot: toSlot, relationship: relationship, reversed: reversed, trail: &trail, match, next, &row, sink)
        }
    }

    /// Calls `body` with each (neighbour, edge) one step from `node` in `direction` over kept,
    /// unused edges of the allowed relations; symmetric edges both ways; a self-loop once.
    /// With `target`, only the edges to it, found by binary search in the sorted runs.
    private func forEachStep(
        from node: Int, _ direction: Direction, _ constraint: RelationshipConstraint, towards target: Int?, _ row: Row,
        _ body: (Int, Int32) throws(CypherError) -> Void
    ) throws(CypherError) {
        let adjacency = graph.adjacency
        let relations = graph.storage.edgeRelations
        let allowed = constraint.allowedRelations
        let takeAllOut = direction != .incoming, takeAllIn = direction != .outgoing
        let outSlots = target.map { adjacency.slots(of: node, to: Int32($0), outgoing: true) } ?? adjacency.outRange(of: node)
        for slot in outSlots {
            if stopping { return }
            let entry = adjacency.outgoing[slot]
            guard takeAllOut || entry.isSymmetric else { continue }
            let edge = entry.edge
            guard view.contains(edge: Int(edge)), allowed.map({ $0[Int(relations[Int(edge)])] }) ?? true, !isUsed(edge) else { continue }
            if !constraint.properties.isEmpty, try !edgeHas(Int(edge), constraint.properties, row) { continue }
            try body(Int(entry.neighbor), edge)
        }
        let inSlots = target.map { adjacency.slots(of: node, to: Int32($0), outgoing: false) } ?? adjacency.inRange(of: node)
        for slot in inSlots {
            if stopping { return }
            let entry = adjacency.incoming[slot]
            guard takeAllIn || entry.isSymmetric else { continue }
            // A self-loop taken from the outgoing run is not taken again.
            if Int(entry.neighbor) == node, takeAllOut || entry.isSymmetric { continue }
            let edge = entry.edge
            guard view.contains(edge: Int(edge)), allowed.map({ $0[Int(relations[Int(edge)])] }) ?? true, !isUsed(edge) else { continue }
            if !constraint.properties.isEmpty, try !edgeHas(Int(edge), constraint.properties, row) { continue }
            try body(Int(entry.neighbor), edge)
        }
    }

    // MARK: Shortest paths

    private func shortestPaths(from sourceIndex: NodeIndex, to targetIndex: NodeIndex, _ constraint: RelationshipConstraint, _ direction: Direction, all: Bool) throws(CypherError) -> [Path] {
        let minimum = constraint.length?.minimum ?? 1, maximum = constraint.length?.maximum
        guard view.contains(node: sourceIndex), view.contains(node: targetIndex) else { return [] }
        if sourceIndex == targetIndex { return minimum == 0 ? [Path(nodes: [sourceIndex], edges: [])] : [] }
        if !all, constraint.properties.isEmpty {
            let key = constraint.allowedRelations.map { $0.map { $0 ? "1" : "0" }.joined() } ?? "*"
            var traversal = shortestTraversals[key] ?? {
                guard let allowed = constraint.allowedRelations else { return Traversal(view) }
                let names = Set(graph.storage.relations.values.enumerated().filter { allowed[$0.offset] }.map(\.element))
                var filter = view.filter
                filter.relations = filter.relations.map { $0.intersection(names) } ?? names
                return Traversal(GraphView(graph, filter: filter))
            }()
            defer { shortestTraversals[key] = traversal }
            guard let path = traversal.shortestPath(from: sourceIndex, to: targetIndex, direction: direction),
                path.length >= minimum, maximum.map({ path.length <= $0 }) ?? true
            else { return [] }
            return [path]
        }
        // Breadth first from the source, remembering each node's distance; then every way
        // back from the target through nodes one step nearer.
        let (source, target) = (sourceIndex.position, targetIndex.position)
        var distance: [Int: Int] = [source: 0]
        var frontier = [source]
        var depth = 0
        while !frontier.isEmpty, distance[target] == nil {
            if let maximum, depth >= maximum { break }
            depth += 1
            var nextFrontier: [Int] = []
            for node in frontier {
                try forEachStep(from: node, direction, constraint, towards: nil, []) { neighbor, _ throws(CypherError) in
                    if distance[neighbor] == nil {
                        distance[neighbor] = depth
                        nextFrontier.append(neighbor)
                    }
                }
            }
            frontier = nextFrontier
        }
        guard let length = distance[target], length >= minimum else { return [] }
        var paths: [Path] = []
        var nodes = [targetIndex], edges: [EdgeIndex] = []
        func back(_ node: Int) throws(CypherError) {
            if node == source {
                paths.append(Path(nodes: nodes.reversed(), edges: edges.reversed()))
                return
            }
            let wanted = distance[node]! - 1
            try forEachStep(from: node, direction.reversed, constraint, towards: nil, []) { previous, edge throws(CypherError) in
                guard distance[previous] == wanted else { return }
                nodes.append(NodeIndex(previous))
                edges.append(EdgeIndex(Int(edge)))
                defer { nodes.removeLast(); edges.removeLast() }
                try back(previous)
            }
        }
        try back(target)
        paths.sort { lhs, rhs in
            for (a, b) in zip(lhs.nodes, rhs.nodes) where a != b { return graph.idRanks[a.position] < graph.idRanks[b.position] }
            return lhs.edges.lexicographicallyPrecedes(rhs.edges)
        }
        return all ? paths : Array(paths.prefix(1))
    }

    // MARK: Constraints

    private func nodeMeets(_ node: Int, _ constraint: NodeConstraint, _ row: Row) throws(CypherError) -> Bool {
        if let allowed = constraint.allowedKinds, !allowed[Int(graph.storage.nodeKinds[node])] { return false }
        return constraint.properties.isEmpty ? true : try nodeHas(node, constraint.properties, row)
    }

    private func nodeHas(_ node: Int, _ properties: [(String, CypherExpression)], _ row: Row) throws(CypherError) -> Bool {
        for (name, expression) in properties {
            guard CypherValue.equals(nodeProperty(node, name), try evaluate(expression, row)) == true else { return false }
        }
        return true
    }

    private func edgeHas(_ edge: Int, _ properties: [(String, CypherExpression)], _ row: Row) throws(CypherError) -> Bool {
        for (name, expression) in properties {
            guard CypherValue.equals(relationshipProperty(edge, name), try evaluate(expression, row)) == true else { return false }
        }
        return true
    }

    // MARK: Properties

    func nodeProperty(_ node: Int, _ name: String) -> CypherValue {
        let storage = graph.storage
        switch name {
        case "id": return .string(storage.nodeIDs[node])
        case "kind": return .string(storage.kinds[storage.nodeKinds[node]].rawValue)
        case "type": return storage.nodeTypes[node].map(CypherValue.string) ?? .null
        case "label": return storage.nodeLabels[node].text(in: language).map(CypherValue.string) ?? .null
        case "date": return storage.nodeTimings[node].date.map(CypherValue.date) ?? .null
        case "start": return storage.nodeTimings[node].start.map(CypherValue.date) ?? .null
        case "end": return storage.nodeTimings[node].end.map(CypherValue.date) ?? .null
        case "source": return graph.node(at: NodeIndex(node)).source.map(CypherValue.string) ?? .null
        default: return storage.nodeAttributes[node][name].map(CypherValue.init) ?? .null
        }
    }

    func relationshipProperty(_ edge: Int, _ name: String) -> CypherValue {
        let storage = graph.storage
        switch name {
        case "id": return storage.edgeIDs[edge].map(CypherValue.string) ?? .null
        case "date": return storage.edgeTimings[edge].date.map(CypherValue.date) ?? .null
        case "start": return storage.edgeTimings[edge].start.map(CypherValue.date) ?? .null
        case "end": return storage.edgeTimings[edge].end.map(CypherValue.date) ?? .null
        case "source": return graph.edge(at: EdgeIndex(edge)).source.map(CypherValue.string) ?? .null
        default: return storage.edgeAttributes[edge][name].map(CypherValue.init) ?? .null
        }
    }
}
