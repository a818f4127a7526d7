import CGraphviz

#if canImport(Glibc)
    import Glibc
#endif

/// Edge labels placed after layout (``EdgeLabelPlacement``): the DOT gives such an edge its
/// label text in `relgraph/xlabel` instead of `label`, so the layout does not make room for it
/// (dot doubles its ranks for any edge label); once laid out, each becomes the edge's external
/// label (`xlabel`) at a free place beside its line. DOT output then carries `xlabel` and its
/// position `xlp`, as if Graphviz had placed it.
enum ExternalEdgeLabels {
    /// The attribute that holds the text (a DOT escape string, like `label`).
    static let attribute = "relgraph/xlabel"

    /// Places the labels of the laid-out `graph`'s edges that carry ``attribute``. Call it under
    /// the Graphviz lock, after layout and before rendering; Graphviz frees the labels with the layout.
    ///
    /// - Complexity: O(L · c · (E + N)) for L such labels, c candidate places each, E line
    ///   segments and N nodes.
    static func place(in graph: UnsafeMutablePointer<Agraph_t>) {
        let symbol = attribute.withCString { name in agattr(graph, Int32(AGEDGE), UnsafeMutablePointer(mutating: name), nil) }
        guard let symbol else { return }
        var edges: [UnsafeMutablePointer<Agedge_t>] = []
        var lines: [[[EdgeLabelPlacement.Point]]] = []
        var obstacles: [EdgeLabelPlacement.Box] = []
        var box = [Double](repeating: 0, count: 4)
        var node = agfstnode(graph)
        while let current = node {
            relgraph_node_box(current, &box)
            obstacles.append(EdgeLabelPlacement.Box(center: .init(x: box[0], y: box[1]), width: box[2], height: box[3]))
            var edge = agfstout(graph, current)
            while let out = edge {
                edges.append(out)
                lines.append(pieces(of: out))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        guard edges.contains(where: { (agxget($0, symbol)?.pointee ?? 0) != 0 }) else { return }
        if relgraph_graph_label_box(graph, &box) != 0 {
            obstacles.append(EdgeLabelPlacement.Box(center: .init(x: box[0], y: box[1]), width: box[2], height: box[3]))
        }
        relgraph_graph_bounds(graph, &box)
        var placement = EdgeLabelPlacement(bounds: .init(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3]), obstacles: obstacles, lines: lines)
        var size = [0.0, 0.0]
        for (index, edge) in edges.enumerated() {
            guard let text = agxget(edge, symbol), text.pointee != 0 else { continue }
            relgraph_add_edge_xlabel(edge, text, &size)
            let center = placement.place(edge: index, width: size[0], height: size[1])
            relgraph_place_edge_xlabel(edge, center.x, center.y)
            // DOT output names the label (its position, `xlp`, comes with it); the marker goes.
            let copy = String(cString: text)
            "xlabel".withCString { name in
                copy.withCString { value in
                    "".withCString { empty in
                        _ = agsafeset(edge, UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value), UnsafeMutablePointer(mutating: empty))
                    }
                }
            }
            "".withCString { empty in _ = agxset(edge, symbol, UnsafeMutablePointer(mutating: empty)) }
        }
    }

    /// A laid-out edge's line, sampled piece by piece.
    private static func pieces(of edge: UnsafeMutablePointer<Agedge_t>) -> [[EdgeLabelPlacement.Point]] {
        (0..<relgraph_edge_pieces(edge)).map { piece in
            var points: UnsafeMutablePointer<pointf>?
            let count = Int(relgraph_edge_piece(edge, piece, &points))
            guard let points else { return [] }
            return EdgeLabelPlacement.sample((0..<count).map { EdgeLabelPlacement.Point(x: points[$0].x, y: points[$0].y) })
        }
    }
}
