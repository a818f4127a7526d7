import RelGraphCore

/// Matching a `MATCH` plan's steps against the view, one row at a time, depth first.
extension CypherExecutor {
    // MARK: Matching

    func isUsed(_ edge: Int32) -> Bool {
        var index = usedBase
        while index < used.count {
            if used[index] == edge { return true }
            index += 1
        }
        return false
    }

    func match(_ match: MatchPlan, _ stepIndex: Int, _ row: inout Row, _ sink: Sink) throws(CypherError) {
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
            let checksMore = constraint.labelGroups != nil || !constraint.properties.isEmpty || constraint.propertyMap != nil
            for node in 0..<graph.nodeCount where view.contains(node: node) {
                if stopping { return }
                try budget.step()
                if !anyKind, !allowedKinds[Int(kinds[node])] { continue }
                if checksMore, try !nodeMeets(node, constraint, row) { continue }
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
            let candidates: [Int32]
            if constraint.isBound {
                guard case .relationship(let bound) = row[relationship], view.contains(edge: bound.position),
                    constraint.allowedRelations.map({ $0[Int(relations[bound.position])] }) ?? true
                else { return }
                candidates = [Int32(bound.position)]
            } else {
                candidates = keptEdges(constraint, direction, left: leftNode, right: rightNode)
            }
            for edge in candidates {
                if stopping { return }
                let edge = Int(edge), relation = Int(relations[edge])
                try budget.step()
                if try !edgeMeets(edge, constraint, row) { continue }
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
            if constraint.reachesEndsOnly {
                try reachEnds(
                    from: source, constraint, direction, target: target, targetConstraint, toSlot: toSlot,
                    relationship: relationship, match, next, &row, sink)
                return
            }
            if constraint.isBound, constraint.length != nil {
                try followBoundTrail(
                    from: source, constraint, direction, target: target, targetConstraint, toSlot: toSlot,
                    relationship: relationship, reversed: reversed, match, next, &row, sink)
                return
            }
            if let length = constraint.length {
                var trail: [Int32] = []
                try walk(
                    from: source, depth: 0, length: length, constraint, direction, target: target, targetConstraint,
                    toSlot: toSlot, relationship: relationship, reversed: reversed, trail: &trail, match, next, &row, sink)
                return
            }
            var boundEdge = -1
            if constraint.isBound {
                guard case .relationship(let bound) = row[relationship] else { return }
                boundEdge = bound.position
            }
            try forEachStep(from: source, direction, constraint, towards: target, row) { neighbor, edge throws(CypherError) in
                if boundEdge >= 0, Int(edge) != boundEdge { return }
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
        case .requireNode(let slot):
            guard case .node = row[slot] else {
                if row[slot].isNull { return }
                throw CypherError(
                    .type, .invalidArgumentType, "a node pattern needs a node, not \(row[slot].described)",
                    line: match.position.line, column: match.position.column, phase: .runtime)
            }
            try self.match(match, next, &row, sink)
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
    private func keptEdges(
        _ constraint: RelationshipConstraint, _ direction: RelationshipPattern.Direction,
        left: NodeConstraint, right: NodeConstraint
    ) -> [Int32] {
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
                                                let asRead =
                                                    reversed ? EdgeEndKinds.allow(ends, left: b, right: a) : EdgeEndKinds.allow(ends, left: a, right: b)
                                                let againstIt =
                                                    (bothWays || symmetric[Int(relations[edge])]) && a != b
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

}
