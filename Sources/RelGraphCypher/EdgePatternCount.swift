import RelGraphCore

/// Counts the matches of one relationship pattern without binding a row per match:
/// `MATCH (a:actor)-[:signed]->(t:treaty) RETURN count(*)` and
/// `MATCH ()-[r]->() RETURN type(r), count(*)` read the edge columns once, on every core.
///
/// It applies only where the answer cannot differ from row-by-row matching: a `MATCH` that is
/// the query's first clause, of one pattern `(a:K…)-[r:R…]-(b:L…)` with kinds and relations
/// but no property maps, no variable length, two different node variables and no `WHERE`,
/// feeding a projection whose aggregates are plain `count(*)` (or `count` of a pattern
/// variable, never null) and whose other items are `type(r)`. The view's filter (`--as-of`,
/// `--kind`, `--relation`) is read edge by edge, so nothing is cached between views.
struct EdgePatternCount {
    private let left: Int, relationship: Int, right: Int
    private let allowedRelations: [Bool]?
    private let direction: RelationshipPattern.Direction
    private let leftKinds: [Bool]?, rightKinds: [Bool]?
    private let width: Int
    /// Whether rows are grouped by `type(r)` (else there is one group).
    private let byRelation: Bool

    init?(match: MatchPlan, projection: ProjectionPlan) {
        guard !match.isOptional, match.predicate == nil, match.steps.count == 1,
            case let .scanEdges(left, relationship, right, constraint, direction, leftNode, rightNode) = match.steps[0],
            left != right, constraint.length == nil, constraint.properties.isEmpty,
            leftNode.properties.isEmpty, rightNode.properties.isEmpty, projection.isAggregating
        else { return nil }
        let patternSlots: Set<Int> = [left, relationship, right]
        for aggregate in projection.aggregates {
            guard aggregate.function == .count, !aggregate.isDistinct else { return nil }
            if let argument = aggregate.argument {
                guard case .slot(let slot) = argument, patternSlots.contains(slot) else { return nil }
            }
        }
        var byRelation = false
        for item in projection.items {
            switch item {
            case .aggregate: continue
            case .function("type", false, let arguments, _) where arguments.count == 1:
                guard case .slot(let slot) = arguments[0], slot == relationship else { return nil }
                byRelation = true
            default:
                return nil
            }
        }
        self.left = left
        self.relationship = relationship
        self.right = right
        allowedRelations = constraint.allowedRelations
        self.direction = direction
        leftKinds = leftNode.allowedKinds
        rightKinds = rightNode.allowedKinds
        width = match.newSlots.count
        self.byRelation = byRelation
    }

    /// What one part of the edges holds: per relation code, the matches and the first one.
    private struct Tally: Sendable {
        var counts: [Int]
        /// The first matching edge and the way it was read (0: as stored), or -1.
        var firstEdges: [Int]
        var firstWays: [Int]
    }

    /// Each group's first row (as row-by-row matching would meet it: by edge, then the way
    /// the edge is read) and how many rows it has, groups in the order they are first met.
    ///
    /// - Complexity: O(m) for m edges, split over the cores.
    func groups(in view: GraphView) -> [(row: [CypherValue], count: Int)] {
        let graph = view.graph
        let relationCount = graph.storage.relations.count
        let edgeCount = graph.edgeCount
        let parts = edgeCount < 65_536 ? 1 : 2
        let tallies = Parallel.map(parts) { part in
            self.tally(view, edges: edgeCount * part / parts..<edgeCount * (part + 1) / parts, relationCount: relationCount)
        }
        var total = Tally(
            counts: [Int](repeating: 0, count: relationCount), firstEdges: [Int](repeating: -1, count: relationCount),
            firstWays: [Int](repeating: 0, count: relationCount))
        for tally in tallies {
            for code in 0..<relationCount where tally.counts[code] > 0 {
                total.counts[code] += tally.counts[code]
                if total.firstEdges[code] < 0 { (total.firstEdges[code], total.firstWays[code]) = (tally.firstEdges[code], tally.firstWays[code]) }
            }
        }
        // Relations by their first match; all in one group unless grouped by type.
        let met = (0..<relationCount).filter { total.counts[$0] > 0 }.sorted { total.firstEdges[$0] < total.firstEdges[$1] }
        guard let first = met.first else { return [] }
        let groups = byRelation ? met.map { [$0] } : [met]
        return groups.map { codes in
            let code = byRelation ? codes[0] : first
            return (row(graph, edge: EdgeIndex(total.firstEdges[code]), way: total.firstWays[code]), codes.reduce(0) { $0 + total.counts[$1] })
        }
    }

    /// The ends of `edge` read the `way`-th way in the pattern's direction: (left, right).
    @inline(__always)
    private func ends(_ a: NodeIndex, _ b: NodeIndex, way: Int) -> (NodeIndex, NodeIndex) {
        (way == 0) != (direction == .left) ? (a, b) : (b, a)
    }

    private func row(_ graph: Graph, edge: EdgeIndex, way: Int) -> [CypherValue] {
        var row = [CypherValue](repeating: .null, count: width)
        let (leftEnd, rightEnd) = ends(graph.from(ofEdge: edge), graph.to(ofEdge: edge), way: way)
        row[left] = .node(leftEnd)
        row[right] = .node(rightEnd)
        row[relationship] = .relationship(edge)
        return row
    }

    private func tally(_ view: GraphView, edges: Range<Int>, relationCount: Int) -> Tally {
        let graph = view.graph, storage = graph.storage
        var counts = [Int](repeating: 0, count: relationCount)
        var firstEdges = [Int](repeating: -1, count: relationCount), firstWays = [Int](repeating: 0, count: relationCount)
        let allowed = allowedRelations ?? [Bool](repeating: true, count: relationCount)
        let endKinds = EdgeEndKinds(graph, left: leftKinds, right: rightKinds), checksKinds = endKinds.constrainsKinds
        let bothWays = direction == .either, reversed = direction == .left
        let keepsEveryEdge = view.edgeMask == nil
        // Raw buffers: the loop runs once per edge of the graph.
        storage.edgeRelations.withUnsafeBufferPointer { relations in
            storage.edgeFrom.withUnsafeBufferPointer { from in
                storage.edgeTo.withUnsafeBufferPointer { to in
                    endKinds.ends.withUnsafeBufferPointer { ends in
                        graph.relationSymmetric.withUnsafeBufferPointer { symmetric in
                            counts.withUnsafeMutableBufferPointer { counts in
                                firstEdges.withUnsafeMutableBufferPointer { firstEdges in
                                    firstWays.withUnsafeMutableBufferPointer { firstWays in
                                        @inline(__always) func take(_ relation: Int, _ leftEnd: Int32, _ rightEnd: Int32, _ edge: Int, _ way: Int) {
                                            guard !checksKinds || EdgeEndKinds.allow(ends, left: Int(leftEnd), right: Int(rightEnd)) else { return }
                                            if counts[relation] == 0 { (firstEdges[relation], firstWays[relation]) = (edge, way) }
                                            counts[relation] += 1
                                        }
                                        func count(_ edge: Int) {
                                            let relation = Int(relations[edge])
                                            guard keepsEveryEdge || view.contains(edge: edge) else { return }
                                            let a = from[edge], b = to[edge]
                                            // Way 0 reads the edge as stored, way 1 against it.
                                            if reversed { take(relation, b, a, edge, 0) } else { take(relation, a, b, edge, 0) }
                                            if bothWays || symmetric[relation], a != b {
                                                if reversed { take(relation, a, b, edge, 1) } else { take(relation, b, a, edge, 1) }
                                            }
                                        }
                                        if allowedRelations == nil {
                                            for edge in edges { count(edge) }
                                            return
                                        }
                                        // The edges of allowed relations, a block at a time, compacted
                                        // without branching (most edges are of other relations).
                                        var block = [Int32](repeating: 0, count: 1024)
                                        let included = allowed.map { $0 ? 1 : 0 }
                                        block.withUnsafeMutableBufferPointer { block in
                                            var start = edges.lowerBound
                                            while start < edges.upperBound {
                                                let stop = min(edges.upperBound, start + block.count)
                                                var found = 0
                                                for edge in start..<stop {
                                                    block[found] = Int32(truncatingIfNeeded: edge)
                                                    found &+= included[Int(relations[edge])]
                                                }
                                                for index in 0..<found { count(Int(block[index])) }
                                                start = stop
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tally(counts: counts, firstEdges: firstEdges, firstWays: firstWays)
    }
}
