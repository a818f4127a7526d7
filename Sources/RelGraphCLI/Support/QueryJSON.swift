import RelGraph

/// The JSON shapes of query results (contract §2 "JSON outputs"). Beyond the contract's keys,
/// which come first and in its order, each carries what the tables for people show: an edge's
/// `date` or `start`/`end` where it has them, a reached node's `kind` and `label`.
enum QueryJSON {
    /// `{"from", "to", "length", "nodes", "edges"}`; edges keep their own `from`/`to`.
    public static func path(_ path: Path, in graph: Graph) -> JSONValue {
        .object([
            ("from", .string(graph.id(ofNode: path.nodes.first!))),
            ("to", .string(graph.id(ofNode: path.nodes.last!))),
            ("length", .integer(path.length)),
            ("nodes", .array(path.nodes.map { .string(graph.id(ofNode: $0)) })),
            (
                "edges",
                .array(
                    path.edges.map { edge in
                        .object(
                            [
                                ("from", .string(graph.id(ofNode: graph.from(ofEdge: edge)))),
                                ("to", .string(graph.id(ofNode: graph.to(ofEdge: edge)))),
                                ("relation", .string(graph.relation(ofEdge: edge))),
                            ] + timing(graph.timing(ofEdge: edge)))
                    })
            ),
        ])
    }

    /// What `path --json` prints when there is no path: `"length": null` and empty lists.
    public static func noPath(from source: NodeIndex, to target: NodeIndex, in graph: Graph) -> JSONValue {
        .object([
            ("from", .string(graph.id(ofNode: source))),
            ("to", .string(graph.id(ofNode: target))),
            ("length", .null),
            ("nodes", .array([])),
            ("edges", .array([])),
        ])
    }

    /// `{"paths": [PATH, ...]}`.
    public static func paths(_ paths: [Path], in graph: Graph) -> JSONValue {
        .object([("paths", .array(paths.map { path($0, in: graph) }))])
    }

    /// `{"node", "neighbors": [{"id", "kind", "label", "relation", "direction"}, ...]}`.
    public static func neighbors(_ neighbors: [Neighbor], of node: NodeIndex, in graph: Graph, language: String) -> JSONValue {
        .object([
            ("node", .string(graph.id(ofNode: node))),
            (
                "neighbors",
                .array(
                    neighbors.map { neighbor in
                        .object(
                            [
                                ("id", .string(graph.id(ofNode: neighbor.node))),
                                ("kind", .string(graph.kind(ofNode: neighbor.node).rawValue)),
                                ("label", .string(graph.displayName(ofNode: neighbor.node, in: language))),
                                ("relation", .string(graph.relation(ofEdge: neighbor.edge))),
                                ("direction", .string(neighbor.direction.rawValue)),
                            ] + timing(graph.timing(ofEdge: neighbor.edge)))
                    })
            ),
        ])
    }

    /// `{"node", "depth", "nodes": [{"id", "distance", "kind", "label"}, ...]}`.
    public static func reach(_ reached: [ReachedNode], from node: NodeIndex, depth: Int, in graph: Graph, language: String = "en") -> JSONValue {
        .object([
            ("node", .string(graph.id(ofNode: node))),
            ("depth", .integer(depth)),
            (
                "nodes",
                .array(
                    reached.map {
                        .object([
                            ("id", .string(graph.id(ofNode: $0.node))), ("distance", .integer($0.distance)),
                            ("kind", .string(graph.kind(ofNode: $0.node).rawValue)),
                            ("label", .string(graph.displayName(ofNode: $0.node, in: language))),
                        ])
                    })
            ),
        ])
    }

    /// `{"nodes", "edges", "components", "kinds": {K: N}, "relations": {R: N}}`.
    public static func statistics(_ statistics: Statistics) -> JSONValue {
        .object([
            ("nodes", .integer(statistics.nodes)),
            ("edges", .integer(statistics.edges)),
            ("components", .integer(statistics.components)),
            ("kinds", .object(statistics.kinds.map { ($0.kind.rawValue, .integer($0.count)) })),
            ("relations", .object(statistics.relations.map { ($0.relation, .integer($0.count)) })),
        ])
    }

    /// `{"query", "nodes": [{"id", "kind", "label", "matched"}, ...]}`, best match first.
    public static func search(_ matches: [SearchIndex.Match], query: String, in graph: Graph, language: String) -> JSONValue {
        .object([
            ("query", .string(query)),
            (
                "nodes",
                .array(
                    matches.map { match in
                        .object([
                            ("id", .string(graph.id(ofNode: match.node))),
                            ("kind", .string(graph.kind(ofNode: match.node).rawValue)),
                            ("label", .string(graph.displayName(ofNode: match.node, in: language))),
                            ("matched", .string(match.matched)),
                        ])
                    })
            ),
        ])
    }

    /// `{"components": [{"size", "nodes": [ID, ...]}, ...]}`, largest first.
    public static func components(_ components: [[NodeIndex]], in graph: Graph) -> JSONValue {
        .object([
            (
                "components",
                .array(
                    components.map { nodes in
                        .object([
                            ("size", .integer(nodes.count)),
                            ("nodes", .array(nodes.map { .string(graph.id(ofNode: $0)) })),
                        ])
                    })
            )
        ])
    }

    /// `date`, or `start` and `end`, as they are given.
    static func timing(_ timing: Timing) -> [(String, JSONValue)] {
        [("date", timing.date), ("start", timing.start), ("end", timing.end)].compactMap { key, date in
            date.map { (key, .string($0.description)) }
        }
    }
}
