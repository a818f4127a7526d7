import RelGraphCore
import RelGraphInterchange

extension DOTDrawing {
    /// Up to how many nodes and edges together a drawing is laid out with a node on every
    /// edge's way (``usesWayNodes(nodes:edges:labelledEdges:)``). Routing the edges around
    /// every node is what costs: the bundled graph (44 nodes, 95 edges) took 2.7 s of CPU;
    /// 100 nodes with 200 edges took 25 s (Graphviz 2.42, neato with `splines=true`).
    static let wayNodeLimit = 160
    /// Labels on way nodes wrap narrower than Graphviz's own edge labels: their nodes then
    /// pack closer (on the bundled graph, 18 rather than 24 characters took the drawing from
    /// 6.9 to 7.1 pt on A3, in English).
    static let wayLabelLineLength = 18

    /// How a labelled edge carries its label.
    enum LabelKind {
        /// Graphviz's own edge label, which the layout makes room for.
        case inline
        /// On a node of its own on the edge's way (``usesWayNodes(nodes:edges:labelledEdges:)``).
        case wayNode
        /// Placed after layout in free space beside the line (dot, where only a few relations
        /// are labelled: see `ExternalEdgeLabels`).
        case external
    }

    /// Whether every edge is drawn through a node of its own on its way, `A → way → B`: the
    /// label, for a labelled edge (so that the engine keeps it off other texts and routes
    /// other edges around it), or an invisible point, for the others (so that they spread as
    /// labelled ones do). Only neato and fdp, whose own edge labels sit wherever the edge's
    /// middle falls, on nodes, on other labels, under other edges; dot places labels itself.
    /// Measured on the bundled graph in English and Hindi: every label on its line, none on
    /// another text, none crossed, and 7 pt or more on A3 (`ReadableDrawingTests`).
    func usesWayNodes(nodes: Int, edges: Int, labelledEdges: Int) -> Bool {
        (layout == .neato || layout == .fdp) && labelledEdges > 0 && !boundsWork && nodes + edges <= Self.wayNodeLimit
    }

    /// An edge's statements: one edge, or (``LabelKind/wayNode``) its way node and two edges,
    /// `edge-N` from the tail to the way node `edge-N-label` and `edge-N-head` on to the head.
    /// Every edge carries the same attributes whatever its styling, so that styling never
    /// moves the layout.
    func edgeStatements(_ edge: EdgeIndex, in graph: Graph, highlighted: Bool, faded: Bool, style: RelationStyle?, labels: LabelKind) -> String {
        let relation = graph.relation(ofEdge: edge)
        var label = graph.relationLabel(relation, in: language)
        let timing = graph.timingText(graph.timing(ofEdge: edge), in: language)
        if !timing.isEmpty { label += "\n" + timing }
        var classes = "relgraph-edge relation-\(relation)"
        if highlighted { classes += " highlighted" }
        let tooltip = DOTText.label(edgeTooltip(edge, in: graph), escapes: graph.dotLabelEscapes)
        var attributes: [(String, String)] = [("id", DOTText.value("edge-\(edge.position)")), ("class", DOTText.value(classes))]
        let labelled = style == nil
        if labelled, labels != .wayNode {
            attributes.append(
                (
                    labels == .external ? ExternalEdgeLabels.attribute : "label",
                    DOTText.label(Self.bounded(label, lineLength: 24), escapes: graph.dotLabelEscapes)
                ))
        }
        attributes.append(("tooltip", tooltip))
        if graph.isSymmetric(edge: edge) { attributes.append(("dir", "\"none\"")) }
        let color = highlighted ? "#D55E00" : faded ? "#CCCCCC" : style?.color ?? RelationStyle.labelledColor
        let fontColor = highlighted ? "#000000" : faded ? "#999999" : "#333333"
        attributes += [
            ("color", DOTText.value(color)), ("penwidth", "\"\(highlighted ? 3 : style?.penWidth ?? 1)\""),
            ("fontcolor", DOTText.value(fontColor)), ("style", DOTText.value(style?.style ?? "solid")),
        ]
        if keepsOwnStyle {
            DrawingStyleAttributes.apply(graph.storage.edgeAttributes[edge.position], forNode: false, to: &attributes)
            // A highlight or a fade is stronger than the edge's own look.
            if highlighted {
                for (name, value) in [("penwidth", "\"3\""), ("color", "\"#D55E00\""), ("fontcolor", "\"#000000\"")] {
                    DrawingStyleAttributes.set(name, value, in: &attributes)
                }
            } else if faded {
                for (name, value) in [("color", "\"#CCCCCC\""), ("fontcolor", "\"#999999\"")] {
                    DrawingStyleAttributes.set(name, value, in: &attributes)
                }
            }
        }
        let from = DOTText.id(graph.id(ofNode: graph.from(ofEdge: edge))), to = DOTText.id(graph.id(ofNode: graph.to(ofEdge: edge)))
        guard labels == .wayNode else {
            var statement = "  \(from) -> \(to)"
            DOTWriter.append(attributes, to: &statement)
            return statement
        }
        // The way node: the relation and dates as text on a white ground that hides the line
        // under it, or an invisible point where the line only bends.
        let name = DOTText.id("edge/\(edge.position)")
        var node = "  \(name)"
        var way: [(String, String)] = [
            ("id", DOTText.value("edge-\(edge.position)-label")), ("class", DOTText.value("relgraph-edge-label relation-\(relation)")),
            ("tooltip", tooltip), ("width", "\"0\""), ("height", "\"0\""),
        ]
        if labelled {
            way += [
                ("label", DOTText.label(Self.bounded(label, lineLength: Self.wayLabelLineLength), escapes: graph.dotLabelEscapes)), ("shape", "\"plaintext\""),
                ("style", "\"filled\""),
                ("fillcolor", "\"white\""), ("margin", "\"0.03,0.01\""), ("fontsize", "\"\(Self.edgeFontSize)\""),
                ("fontcolor", DOTText.value(fontColor)),
            ]
        } else {
            // A box, not a point: Graphviz routes around a point's many-sided polygon, and the
            // time routing takes grows with the cube of the corners (8.1 s against 3.2 s here).
            way += [("label", "\"\""), ("shape", "\"box\""), ("fixedsize", "\"true\""), ("style", "\"invis\"")]
        }
        DOTWriter.append(way, to: &node)
        // The two halves meet at the way node's centre. The arrowheads stay at the ends they
        // point to: the tail's on the first half, the head's on the second; ports likewise.
        let direction = attributes.first { $0.0 == "dir" }.map { $0.1.trimmingCharacters(in: "\"") } ?? "forward"
        var tail = attributes.filter { $0.0 != "headport" && $0.0 != "dir" }
        tail += [("dir", direction == "back" || direction == "both" ? "\"back\"" : "\"none\""), ("headclip", "\"false\"")]
        var head = attributes.filter { $0.0 != "tailport" && $0.0 != "dir" }
        DrawingStyleAttributes.set("id", DOTText.value("edge-\(edge.position)-head"), in: &head)
        head += [("dir", direction == "forward" || direction == "both" ? "\"forward\"" : "\"none\""), ("tailclip", "\"false\"")]
        var first = "  \(from) -> \(name)", second = "  \(name) -> \(to)"
        DOTWriter.append(tail, to: &first)
        DOTWriter.append(head, to: &second)
        return node + first + second
    }

    func edgeTooltip(_ edge: EdgeIndex, in graph: Graph) -> String {
        let value = graph.edge(at: edge)
        var lines = [
            "\(graph.displayName(ofNode: graph.from(ofEdge: edge), in: language)) → \(graph.relationLabel(value.relation, in: language)) → \(graph.displayName(ofNode: graph.to(ofEdge: edge), in: language))"
        ]
        if value.timing != .undated { lines.append(graph.timingText(value.timing, in: language)) }
        lines += value.attributes.map { "\($0.name): \($0.value.text)" }
        if let source = value.source { lines.append(sourceLine(source, in: graph)) }
        return Self.bounded(lines.joined(separator: "\n"), maximumLength: Self.maximumTooltipLength)
    }
}
