import CGraphviz
import RelGraphCore

/// A DOT graph as cgraph parsed it, copied out of Graphviz into Swift values so that the
/// lock can be released before the graph is turned into a RelGraph model.
struct ParsedDOT: Sendable {
    struct Attribute: Sendable {
        var name: String
        var value: String
        /// Whether the value was written as an HTML string `<…>`.
        var isHTML: Bool
    }

    struct Node: Sendable {
        var name: String
        var attributes: [Attribute]
        /// The innermost `cluster…` subgraph holding the node.
        var cluster: String?
    }

    struct Edge: Sendable {
        var tail: Int
        var head: Int
        /// The edge's `key` (cgraph's edge name), if it has one.
        var name: String?
        var attributes: [Attribute]
    }

    /// A `cluster…` subgraph and the attributes it sets itself (not those it inherits).
    struct Cluster: Sendable {
        var name: String
        var attributes: [Attribute]
    }

    var name: String
    var isDirected: Bool
    var attributes: [Attribute]
    var clusters: [Cluster] = []
    var nodes: [Node]
    var edges: [Edge]
    var warnings: [String]

    /// Parses `text` with cgraph (`agmemread`), under the Graphviz lock.
    static func parse(_ text: String) throws(GraphvizError) -> ParsedDOT {
        try GraphvizSession.withLock { session throws(GraphvizError) in
            guard let graph = session.parse(text) else {
                throw .syntax(messages: GraphvizMessages.lines)
            }
            defer { agclose(graph) }
            // A parser stack overflow returns a partial graph: trust the error count too.
            if agerrors() > 0 { throw .syntax(messages: GraphvizMessages.lines) }
            return copy(graph)
        }
    }

    private static func copy(_ graph: UnsafeMutablePointer<Agraph_t>) -> ParsedDOT {
        var nodes: [Node] = []
        var indices: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
        var node = agfstnode(graph)
        while let current = node {
            indices[current] = nodes.count
            nodes.append(Node(name: String(cString: agnameof(current)), attributes: attributes(of: current, kind: AGNODE, in: graph)))
            node = agnxtnode(graph, current)
        }
        var clusters: [Cluster] = []
        let rootAttributes = attributes(of: graph, kind: AGRAPH, in: graph)
        assignClusters(in: graph, indices: indices, to: &nodes, clusters: &clusters, root: rootAttributes)
        var edges: [(sequence: UInt, edge: Edge)] = []
        node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let currentEdge = edge {
                let tail = indices[relgraph_tail(currentEdge)]!, head = indices[relgraph_head(currentEdge)]!
                edges.append(
                    (
                        relgraph_sequence(currentEdge),
                        Edge(
                            tail: tail, head: head, name: agnameof(currentEdge).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 },
                            attributes: attributes(of: currentEdge, kind: AGEDGE, in: graph))
                    ))
                edge = agnxtout(graph, currentEdge)
            }
            node = agnxtnode(graph, current)
        }
        edges.sort { $0.sequence < $1.sequence }
        return ParsedDOT(
            name: String(cString: agnameof(graph)), isDirected: agisdirected(graph) != 0,
            attributes: rootAttributes, clusters: clusters, nodes: nodes, edges: edges.map(\.edge),
            warnings: GraphvizMessages.lines)
    }

    private static func attributes(of object: UnsafeMutableRawPointer, kind: Int32, in graph: UnsafeMutablePointer<Agraph_t>) -> [Attribute] {
        var result: [Attribute] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            if let value = agxget(object, current), value.pointee != 0 {
                result.append(Attribute(name: String(cString: current.pointee.name), value: String(cString: value), isHTML: aghtmlstr(value) != 0))
            }
            symbol = agnxtattr(graph, kind, current)
        }
        return result
    }

    private static func assignClusters(
        in graph: UnsafeMutablePointer<Agraph_t>, indices: [UnsafeMutablePointer<Agnode_t>: Int], to nodes: inout [Node],
        clusters: inout [Cluster], root: [Attribute]
    ) {
        var subgraph = agfstsubg(graph)
        while let current = subgraph {
            let name = String(cString: agnameof(current))
            if name.hasPrefix("cluster") {
                // A subgraph inherits the root's graph attributes: only its own differ.
                let own = attributes(of: current, kind: AGRAPH, in: current).filter { attribute in
                    !root.contains { $0.name == attribute.name && $0.value == attribute.value && $0.isHTML == attribute.isHTML }
                }
                clusters.append(Cluster(name: name, attributes: own))
                var node = agfstnode(current)
                while let member = node {
                    if let index = indices[member] { nodes[index].cluster = name }
                    node = agnxtnode(current, member)
                }
            }
            assignClusters(in: current, indices: indices, to: &nodes, clusters: &clusters, root: root)
            subgraph = agnxtsubg(current)
        }
    }
}
