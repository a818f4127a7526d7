import RelGraphCore

/// Where a pattern part should start: the element with the fewest candidates times the edges
/// to walk from them, from counts per kind and relation (PlanStatistics).
extension CypherPlanner {
    /// The cheapest element to start a chain from, and roughly how many candidates it yields
    /// times the edges that must be walked from them.
    mutating func cheapestStart(_ part: PatternPart, _ chain: ChainSlots, bound: Set<Int>) -> (start: Start, cost: Double) {
        var best: (Start, Double)?
        let hasEdges = !chain.relationships.isEmpty
        for (position, slot) in chain.nodes.enumerated() {
            let constraint = chain.nodeConstraints[position]
            var cost: Double
            if bound.contains(slot) {
                cost = 0
            } else if constraint.properties.contains(where: { $0.0 == "id" && CypherPlanner.isConstant($0.1, bound: bound) }) {
                cost = 1
            } else if let allowed = constraint.allowedKinds {
                var nodes = 0, degrees = 0
                for (code, isAllowed) in allowed.enumerated() where isAllowed {
                    nodes += statistics.kindCounts[code]
                    degrees += statistics.kindDegrees[code]
                }
                cost = Double(nodes + (hasEdges ? degrees : 0))
                if !constraint.properties.isEmpty { cost /= 4 }
            } else {
                cost = Double(graph.nodeCount + (hasEdges ? 2 * graph.edgeCount : 0))
                if !constraint.properties.isEmpty { cost /= 4 }
            }
            if best == nil || cost < best!.1 { best = (.node(position), cost) }
        }
        if part.shortest == .none {
            for (position, constraint) in chain.relationshipConstraints.enumerated() where constraint.length == nil {
                var edges = graph.edgeCount
                if let allowed = constraint.allowedRelations {
                    edges = 0
                    for (code, isAllowed) in allowed.enumerated() where isAllowed { edges += statistics.relationCounts[code] }
                }
                // The edges whose ends can have the kinds asked for: each end keeps its kinds'
                // share of all edge ends. Picking them is a pass over every edge, which costs
                // about a 64th of binding a row per edge.
                var share = 1.0
                let allEnds = Double(max(1, statistics.kindDegrees.reduce(0, +)))
                for end in [chain.nodeConstraints[position], chain.nodeConstraints[position + 1]] {
                    guard let allowed = end.allowedKinds else { continue }
                    var ends = 0
                    for (code, isAllowed) in allowed.enumerated() where isAllowed { ends += statistics.kindDegrees[code] }
                    share *= Double(ends) / allEnds
                }
                let cost = constraint.isBound ? 1 : Double(edges) * share * (constraint.properties.isEmpty ? 1 : 0.25) + Double(graph.edgeCount) / 64
                if best == nil || cost < best!.1 { best = (.edges(position), cost) }
            }
        }
        return best!
    }
}
