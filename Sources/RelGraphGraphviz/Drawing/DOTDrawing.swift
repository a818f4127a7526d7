import RelGraphCore
import RelGraphInterchange

/// Writes the DOT that `relgraph render` lays out: a styled drawing of a view, with a
/// legend, edge labels, tooltips, and stable SVG ids and classes for pages to style.
///
/// Every text is bounded (labels wrapped and cut, tooltips cut), because Graphviz runs in
/// our process and very long labels crash it; only attributes chosen here reach Graphviz,
/// never a document's own attributes.
public struct DOTDrawing: Sendable {
    /// Language of labels.
    public var language: String = "en"
    /// Group nodes into one cluster per kind.
    public var clustersByKind = false
    /// Draw a legend of the kinds shown.
    public var showsLegend = true
    /// A path to emphasise; everything else is drawn faded.
    public var highlight: Path?
    /// The font; Noto Sans falls back to Noto Sans Devanagari for Hindi through fontconfig.
    public var fontName = "Noto Sans"
    /// The layout engine the DOT is meant for (it sets a few engine-specific attributes).
    public var layout = LayoutEngine.dot
    /// Whether nodes and edges imported from DOT keep their own look (shape, colours, style,
    /// arrows, pen width) from their attributes; false draws everything in RelGraph's style.
    /// Only the attributes `DrawingStyleAttributes` lists pass, with checked values: none that
    /// reads a file (`image`, `shapefile`, `fontpath`, `imagepath`, `stylesheet`) ever does.
    public var keepsOwnStyle = true
    /// The node a focused drawing is about: drawn with a double frame.
    public var focus: NodeIndex?
    /// Whether edges carry their relation and dates as text, or show the relation by colour
    /// and line style named in the legend (the text stays in tooltips).
    public var edgeLabels: EdgeLabels = .automatic
    /// Resolution of bitmap output in dots per inch (Graphviz's `dpi`); nil: Graphviz's 96.
    public var dpi: Int?
    /// Whether edges may carry their relation and dates as a label (always in their tooltip);
    /// false drops labels whatever ``edgeLabels`` says (a large drawing's budget).
    public var showsEdgeLabels = true
    /// The format the DOT is rendered to: the legend says where to read what a format without
    /// tooltips (PNG, PDF) leaves out. `GraphvizRenderer` sets it.
    public var outputFormat = OutputFormat.svg
    /// Whether to bound the engine's work for a large drawing (``LayoutBudget``): dot's
    /// network simplex and crossing minimisation passes and straight edges; neato's and fdp's
    /// iterations; overlap removal by scaling for the engines other than dot.
    public var boundsWork = false

    /// Takes the engine, edge labels and bounds that ``LayoutBudget`` plans for drawing `view`
    /// labelled as ``edgeLabels`` asks, with `requested` engine (nil: chosen by size), as
    /// `relgraph render` does.
    ///
    /// - Throws: ``LayoutBudgetError`` when the drawing is too large for the engine.
    /// - Complexity: O(m) for the view's m edges.
    public mutating func plan(for view: GraphView, requested: LayoutEngine? = nil) throws(LayoutBudgetError) {
        apply(try LayoutBudget.plan(for: view, requested: requested, edgeLabels: edgeLabels))
    }

    /// Takes the engine, edge labels and bounds of `budget`.
    public mutating func apply(_ budget: LayoutBudget) {
        layout = budget.engine
        showsEdgeLabels = budget.showsEdgeLabels
        boundsWork = budget.boundsWork
    }

    /// When edges are labelled.
    public enum EdgeLabels: String, Sendable, CaseIterable {
        /// Every edge labelled when the drawing is sparse enough (see ``labelsFit(nodes:edges:)``);
        /// else relations told apart by line colour and dash, the least used labelled where
        /// the distinct looks run out (``RelationStyle/assign(relationsOf:)``).
        case automatic = "auto"
        /// Every edge carries its relation and dates.
        case always
        /// No edge carries text: every relation has its look, named in the legend.
        case never
    }

    static let maximumLabelLines = 4
    /// Up to how many nodes edges are routed as curves around nodes (`splines=true`), per engine.
    /// Routing grows much faster than the layouts, and fastest in circo, whose edges cross the
    /// circle: at 150 nodes / 250 edges circo took 2.2 s of CPU with straight edges and 14–37 s
    /// with curves (Graphviz 2.42); neato, fdp and twopi stay within 5 s at 170 / 280.
    static func curvedEdgeLimit(for layout: LayoutEngine) -> Int { layout == .circo ? 60 : 300 }
    static let labelLineLength = 28
    /// Node labels wrap narrower where edges are unlabelled, to keep ranks narrow.
    static let narrowLabelLineLength = 20
    static let maximumTooltipLength = 2000
    /// Points of an edge label's text.
    static let edgeFontSize = 10

    public init(language: String = "en") {
        self.language = language
    }

    /// The DOT for what `view` keeps.
    public func dot(for view: GraphView) -> String {
        let graph = view.graph
        let highlightedNodes = Set(highlight?.nodes ?? [])
        let highlightedEdges = Set(highlight?.edges ?? [])
        let fades = highlight != nil
        var output = "digraph \"relgraph\" {\n"
        let relationStyles = relationStyles(for: view)
        let labelled = relationStyles.isEmpty
        let labelledEdges =
            relationStyles.isEmpty ? view.edgeIndices.count : view.edgeIndices.filter { relationStyles[graph.relation(ofEdge: $0)] == nil }.count
        let wayNodes = usesWayNodes(nodes: view.nodeIndices.count, edges: view.edgeIndices.count, labelledEdges: labelledEdges)
        // Graphviz's own edge labels: dot makes room for them (doubling its ranks, so only where
        // every edge is labelled); the other engines put them wherever the edge's middle falls.
        // Elsewhere labels are placed after layout, beside their lines.
        let labelKind: LabelKind = wayNodes ? .wayNode : layout == .dot && labelled ? .inline : .external
        let rightToLeft = graph.words(in: language).isRightToLeft
        var graphAttributes: [(String, String)] = [
            ("fontname", DOTText.value(fontName)), ("fontsize", "\"12\""), ("bgcolor", "\"white\""),
            // Without edge labels, nodes can sit closer: the drawing fits a page at a readable size.
            ("pad", "\"0.3\""), ("nodesep", labelled ? "\"0.35\"" : "\"0.12\""), ("ranksep", labelled ? "\"0.6\"" : "\"0.45\""),
            ("outputorder", "\"edgesfirst\""),
            ("class", "\"relgraph\""),
        ]
        if let dpi { graphAttributes.append(("dpi", "\"\(dpi)\"")) }
        if let heading = heading(for: view, relationStyles: relationStyles).label() {
            graphAttributes += [("label", heading), ("labelloc", "\"t\""), ("labeljust", rightToLeft ? "\"r\"" : "\"l\"")]
        }
        if layout != .dot {
            graphAttributes += [("overlap", boundsWork ? "\"scale\"" : "\"false\""), ("start", "\"1\"")]
            // Way nodes sit close to the nodes and labels around them (Graphviz's default
            // margin is 4 points): the drawing stays small enough to read on a page.
            if wayNodes { graphAttributes.append(("sep", "\"+1\"")) }
            // Routing curved edges around nodes grows much faster than the layout: keep it
            // for drawings small enough to read edge by edge.
            if view.nodeIndices.count <= Self.curvedEdgeLimit(for: layout), !boundsWork { graphAttributes.append(("splines", "\"true\"")) }
        }
        // Ranks run the way the language reads: right to left in Arabic, Hebrew, Persian, Urdu.
        if layout == .dot { graphAttributes.append(("rankdir", rightToLeft ? "\"RL\"" : "\"LR\"")) }
        if keepsOwnStyle { DrawingStyleAttributes.applyGraph(graph.graphAttributes, to: &graphAttributes) }
        if boundsWork { graphAttributes += Self.bounds(for: layout) }
        output += "  graph"
        DOTWriter.append(graphAttributes, to: &output)
        output += "  node [fontname=\(DOTText.value(fontName)) fontsize=\"10\" penwidth=\"1.2\" margin=\"0.12,0.06\"]\n"
        output += "  edge [fontname=\(DOTText.value(fontName)) fontsize=\"\(Self.edgeFontSize)\" color=\"#666666\" fontcolor=\"#333333\" arrowsize=\"0.7\"]\n"

        var nodesByKind: [NodeKind: [NodeIndex]] = [:]
        var kindsShown: [NodeKind] = []
        for node in view.nodeIndices {
            let kind = graph.kind(ofNode: node)
            if nodesByKind[kind] == nil { kindsShown.append(kind) }
            nodesByKind[kind, default: []].append(node)
        }
        kindsShown.sort { (NodeKind.builtIn.firstIndex(of: $0) ?? 99, $0.rawValue) < (NodeKind.builtIn.firstIndex(of: $1) ?? 99, $1.rawValue) }
        if clustersByKind {
            for kind in kindsShown {
                output += "  subgraph \(DOTText.id("cluster_kind_\(kind.rawValue)")) {\n"
                output +=
                    "    graph [label=\(DOTText.label(graph.kindLabel(kind, in: language))) style=\"rounded,dashed\" color=\"#999999\" class=\(DOTText.value("kind-cluster kind-\(kind.rawValue)"))]\n"
                for node in nodesByKind[kind]! {
                    output +=
                        "  "
                        + nodeStatement(
                            node, in: graph, highlighted: highlightedNodes.contains(node), faded: fades,
                            labelLineLength: labelled ? Self.labelLineLength : Self.narrowLabelLineLength)
                }
                output += "  }\n"
            }
        } else {
            for node in view.nodeIndices {
                output += nodeStatement(
                    node, in: graph, highlighted: highlightedNodes.contains(node), faded: fades,
                    labelLineLength: labelled ? Self.labelLineLength : Self.narrowLabelLineLength)
            }
        }
        for edge in view.edgeIndices {
            output += edgeStatements(
                edge, in: graph, highlighted: highlightedEdges.contains(edge), faded: fades, style: relationStyles[graph.relation(ofEdge: edge)],
                labels: labelKind)
        }
        return output + "}\n"
    }

    /// How each relation's edges look where they carry no label; empty when every edge is
    /// labelled. In ``EdgeLabels/automatic`` the most used relations get a look of their own
    /// and the rest (beyond ``RelationStyle/distinctCount``) are labelled; in
    /// ``EdgeLabels/never``, or where the drawing is too large for labels, looks repeat beyond that.
    ///
    /// - Complexity: O(m + r log r) for m edges and r relations.
    public func relationStyles(for view: GraphView) -> [String: RelationStyle] {
        let edges = view.edgeIndices
        let labelsAll =
            showsEdgeLabels && (edgeLabels == .always || (edgeLabels == .automatic && Self.labelsFit(nodes: view.nodeIndices.count, edges: edges.count)))
        if labelsAll { return [:] }
        let relations = edges.lazy.map(view.graph.relation(ofEdge:))
        var styles = RelationStyle.assign(relationsOf: relations)
        if edgeLabels == .never || !showsEdgeLabels {
            // No text anywhere: the relations beyond the distinct looks take them again, in order.
            let rest = Set(relations).subtracting(styles.keys).sorted { $0.precedesInScalarOrder($1) }
            for (index, relation) in rest.enumerated() {
                styles[relation] = RelationStyle(
                    color: RelationStyle.colors[index % RelationStyle.colors.count],
                    style: RelationStyle.dashes[(index / RelationStyle.colors.count) % RelationStyle.dashes.count])
            }
        }
        return styles
    }

    /// Whether a label on every edge leaves a drawing readable: few edges, or no more edges
    /// than nodes (trees and chains). Denser drawings show relations by line style instead:
    /// measured on the bundled graph, labels on its 95 edges (or the 48 left in 1995) put
    /// labels far from their edges and under other edges, and shrink the text below 7 pt on A3.
    public static func labelsFit(nodes: Int, edges: Int) -> Bool {
        edges <= 30 || edges <= nodes
    }

    private func nodeStatement(_ node: NodeIndex, in graph: Graph, highlighted: Bool, faded: Bool, labelLineLength: Int) -> String {
        let kind = graph.kind(ofNode: node)
        let appearance = KindAppearance.of(kind, in: graph)
        let id = graph.id(ofNode: node)
        var classes = "relgraph-node kind-\(kind.rawValue)"
        if highlighted { classes += " highlighted" }
        let focused = node == focus
        if focused { classes += " focus" }
        var attributes: [(String, String)] = [
            ("id", DOTText.value("node-\(id)")), ("class", DOTText.value(classes)),
            ("label", DOTText.label(Self.bounded(graph.displayName(ofNode: node, in: language), lineLength: labelLineLength), escapes: graph.dotLabelEscapes)),
            ("shape", DOTText.value(appearance.shape)),
            ("style", DOTText.value(["filled", appearance.style].compactMap { $0 }.joined(separator: ","))),
            ("fillcolor", DOTText.value(appearance.fill)),
            ("color", DOTText.value(highlighted || focused ? "#000000" : faded ? "#BBBBBB" : appearance.border)),
            ("tooltip", DOTText.label(nodeTooltip(node, in: graph), escapes: graph.dotLabelEscapes)),
            // The same attributes on every node, highlighted or not, so that the layout (which
            // some engines seed from the attributes' order) does not move with the styling.
            ("penwidth", highlighted || focused ? "\"3\"" : "\"1.2\""),
            ("fontcolor", faded && !highlighted ? "\"#777777\"" : "\"#000000\""),
        ]
        if focused { attributes.append(("peripheries", "\"2\"")) }
        if keepsOwnStyle {
            DrawingStyleAttributes.apply(graph.storage.nodeAttributes[node.position], forNode: true, to: &attributes)
            DrawingStyleAttributes.applyRecord(
                graph.storage.nodeAttributes[node.position], label: graph.displayName(ofNode: node, in: language), to: &attributes)
            // A highlight, a focus or a fade is stronger than the node's own look.
            if highlighted || focused {
                DrawingStyleAttributes.set("penwidth", "\"3\"", in: &attributes)
                DrawingStyleAttributes.set("color", "\"#000000\"", in: &attributes)
            } else if faded {
                DrawingStyleAttributes.set("color", "\"#BBBBBB\"", in: &attributes)
                DrawingStyleAttributes.set("fontcolor", "\"#777777\"", in: &attributes)
            }
            if focused { DrawingStyleAttributes.set("peripheries", "\"2\"", in: &attributes) }
        }
        var statement = "  \(DOTText.id(id))"
        DOTWriter.append(attributes, to: &statement)
        return statement
    }

    /// Graph attributes that bound an engine's work (see ``LayoutBudget`` for the measurements).
    static func bounds(for layout: LayoutEngine) -> [(String, String)] {
        switch layout {
        case .dot:
            return [("nslimit", "\"1\""), ("nslimit1", "\"1\""), ("mclimit", "\"0.1\""), ("searchsize", "\"30\""), ("splines", "\"line\"")]
        case .neato, .fdp:
            return [("maxiter", "\"200\"")]
        default:
            return []
        }
    }

    /// Wraps `text` at spaces into lines of about `lineLength` characters, at most
    /// ``maximumLabelLines`` of them, ending with "…" where text was cut.
    static func bounded(_ text: String, lineLength: Int) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let word = word.count > lineLength * 2 ? String(word.prefix(lineLength * 2)) + "…" : String(word)
                if !line.isEmpty, line.count + 1 + word.count > lineLength {
                    lines.append(line)
                    line = word
                } else {
                    line += line.isEmpty ? word : " " + word
                }
            }
            lines.append(line)
        }
        guard lines.count > maximumLabelLines else { return lines.joined(separator: "\n") }
        return lines.prefix(maximumLabelLines).joined(separator: "\n") + "…"
    }

    static func bounded(_ text: String, maximumLength: Int) -> String {
        text.count > maximumLength ? String(text.prefix(maximumLength)) + "…" : text
    }
}
