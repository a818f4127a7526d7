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
    /// Whether edges carry their relation and dates as a label (always in their tooltip).
    public var showsEdgeLabels = true
    /// Whether to bound the engine's work for a large drawing (``LayoutBudget``): dot's
    /// network simplex and crossing minimisation passes and straight edges; neato's and fdp's
    /// iterations; overlap removal by scaling for the engines other than dot.
    public var boundsWork = false

    /// Takes the engine, edge labels and bounds of `budget`.
    public mutating func apply(_ budget: LayoutBudget) {
        layout = budget.engine
        showsEdgeLabels = budget.showsEdgeLabels
        boundsWork = budget.boundsWork
    }

    static let maximumLabelLines = 4
    static let curvedEdgeLimit = 300
    static let labelLineLength = 28
    static let maximumTooltipLength = 2000

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
        var graphAttributes: [(String, String)] = [
            ("fontname", DOTText.value(fontName)), ("fontsize", "\"12\""), ("bgcolor", "\"white\""),
            ("pad", "\"0.3\""), ("nodesep", "\"0.35\""), ("ranksep", "\"0.6\""), ("outputorder", "\"edgesfirst\""),
            ("class", "\"relgraph\""),
        ]
        if let title = graph.title.text(in: language) {
            graphAttributes += [("label", DOTText.label(Self.bounded(title, lineLength: 80))), ("labelloc", "\"t\""), ("fontsize", "\"16\"")]
        }
        if layout != .dot {
            graphAttributes += [("overlap", boundsWork ? "\"scale\"" : "\"false\""), ("start", "\"1\"")]
            // Routing curved edges around nodes grows much faster than the layout: keep it
            // for drawings small enough to read edge by edge.
            if view.nodeIndices.count <= Self.curvedEdgeLimit, !boundsWork { graphAttributes.append(("splines", "\"true\"")) }
        }
        if layout == .dot { graphAttributes.append(("rankdir", "\"LR\"")) }
        if boundsWork { graphAttributes += Self.bounds(for: layout) }
        output += "  graph"
        DOTWriter.append(graphAttributes, to: &output)
        output += "  node [fontname=\(DOTText.value(fontName)) fontsize=\"10\" penwidth=\"1.2\" margin=\"0.12,0.06\"]\n"
        output += "  edge [fontname=\(DOTText.value(fontName)) fontsize=\"8\" color=\"#666666\" fontcolor=\"#333333\" arrowsize=\"0.7\"]\n"

        var nodesByKind: [NodeKind: [Int]] = [:]
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
                output += "    graph [label=\(DOTText.label(graph.kindLabel(kind, in: language))) style=\"rounded,dashed\" color=\"#999999\" class=\(DOTText.value("kind-cluster kind-\(kind.rawValue)"))]\n"
                for node in nodesByKind[kind]! { output += "  " + nodeStatement(node, in: graph, highlighted: highlightedNodes.contains(node), faded: fades) }
                output += "  }\n"
            }
        } else {
            for node in view.nodeIndices {
                output += nodeStatement(node, in: graph, highlighted: highlightedNodes.contains(node), faded: fades)
            }
        }
        for edge in view.edgeIndices {
            output += edgeStatement(edge, in: graph, highlighted: highlightedEdges.contains(edge), faded: fades)
        }
        if showsLegend, !kindsShown.isEmpty { output += legend(kindsShown, in: graph) }
        return output + "}\n"
    }

    private func nodeStatement(_ node: Int, in graph: Graph, highlighted: Bool, faded: Bool) -> String {
        let kind = graph.kind(ofNode: node)
        let appearance = KindAppearance.of(kind, in: graph)
        let id = graph.id(ofNode: node)
        var classes = "relgraph-node kind-\(kind.rawValue)"
        if highlighted { classes += " highlighted" }
        var attributes: [(String, String)] = [
            ("id", DOTText.value("node-\(id)")), ("class", DOTText.value(classes)),
            ("label", DOTText.label(Self.bounded(graph.displayName(ofNode: node, in: language), lineLength: Self.labelLineLength))),
            ("shape", DOTText.value(appearance.shape)),
            ("style", DOTText.value(["filled", appearance.style].compactMap { $0 }.joined(separator: ","))),
            ("fillcolor", DOTText.value(appearance.fill)),
            ("color", DOTText.value(highlighted ? "#000000" : faded ? "#BBBBBB" : appearance.border)),
            ("tooltip", DOTText.label(nodeTooltip(node, in: graph))),
        ]
        if highlighted { attributes.append(("penwidth", "\"3\"")) }
        if faded, !highlighted { attributes.append(("fontcolor", "\"#777777\"")) }
        var statement = "  \(DOTText.id(id))"
        DOTWriter.append(attributes, to: &statement)
        return statement
    }

    private func edgeStatement(_ edge: Int, in graph: Graph, highlighted: Bool, faded: Bool) -> String {
        let relation = graph.relation(ofEdge: edge)
        var label = graph.relationLabel(relation, in: language)
        let timing = graph.timing(ofEdge: edge).description
        if !timing.isEmpty { label += "\n" + timing }
        var classes = "relgraph-edge relation-\(relation)"
        if highlighted { classes += " highlighted" }
        var attributes: [(String, String)] = [("id", DOTText.value("edge-\(edge)")), ("class", DOTText.value(classes))]
        if showsEdgeLabels { attributes.append(("label", DOTText.label(Self.bounded(label, lineLength: 24)))) }
        attributes.append(("tooltip", DOTText.label(edgeTooltip(edge, in: graph))))
        if graph.isSymmetric(edge: edge) { attributes.append(("dir", "\"none\"")) }
        if highlighted {
            attributes += [("penwidth", "\"3\""), ("color", "\"#D55E00\""), ("fontcolor", "\"#000000\"")]
        } else if faded {
            attributes += [("color", "\"#CCCCCC\""), ("fontcolor", "\"#999999\"")]
        }
        var statement = "  \(DOTText.id(graph.id(ofNode: graph.from(ofEdge: edge)))) -> \(DOTText.id(graph.id(ofNode: graph.to(ofEdge: edge))))"
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

    private func legend(_ kinds: [NodeKind], in graph: Graph) -> String {
        let title = language == "hi" ? "संकेत" : "Legend"
        var output: String
        var previous: String?
        if layout == .fdp {
            // Graphviz 2.42's fdp places clusters differently from one run to the next (the same
            // DOT gives a different drawing about one time in five), so for fdp the legend is a
            // plain subgraph headed by its title, and the same input still gives the same bytes.
            output = "  subgraph \"legend\" {\n"
            output += "    \"legend/title\" [id=\"legend\" class=\"relgraph-legend\" shape=\"plaintext\" fontsize=\"11\" label=\(DOTText.label(title))]\n"
            previous = "legend/title"
        } else {
            output = "  subgraph \"cluster_legend\" {\n"
            output += "    graph [label=\(DOTText.label(title)) style=\"rounded\" color=\"#999999\" fontsize=\"11\" id=\"legend\" class=\"relgraph-legend\"]\n"
        }
        for kind in kinds {
            let appearance = KindAppearance.of(kind, in: graph)
            let name = "legend/\(kind.rawValue)"
            output += "    \(DOTText.id(name))"
            DOTWriter.append([
                ("id", DOTText.value("legend-\(kind.rawValue)")), ("class", DOTText.value("relgraph-legend-item kind-\(kind.rawValue)")),
                ("label", DOTText.label(graph.kindLabel(kind, in: language))), ("shape", DOTText.value(appearance.shape)),
                ("style", DOTText.value(["filled", appearance.style].compactMap { $0 }.joined(separator: ","))),
                ("fillcolor", DOTText.value(appearance.fill)), ("color", DOTText.value(appearance.border)),
                ("tooltip", DOTText.label(graph.kindLabel(kind, in: language))),
            ], to: &output)
            // Invisible edges stack the legend's items in one column.
            if let previous { output += "    \(DOTText.id(previous)) -> \(DOTText.id(name)) [style=\"invis\"]\n" }
            previous = name
        }
        return output + "  }\n"
    }

    private func nodeTooltip(_ node: Int, in graph: Graph) -> String {
        let value = graph.node(at: node)
        var lines = ["\(graph.displayName(ofNode: node, in: language)) (\(value.id))"]
        lines.append(([graph.kindLabel(value.kind, in: language)] + (value.type.map { [$0] } ?? [])).joined(separator: " · "))
        if value.timing != .undated { lines.append(value.timing.description) }
        lines += value.attributes.map { "\($0.name): \($0.value.text)" }
        if let source = value.source { lines.append(sourceLine(source, in: graph)) }
        return Self.bounded(lines.joined(separator: "\n"), maximumLength: Self.maximumTooltipLength)
    }

    private func edgeTooltip(_ edge: Int, in graph: Graph) -> String {
        let value = graph.edge(at: edge)
        var lines = ["\(graph.displayName(ofNode: graph.from(ofEdge: edge), in: language)) → \(graph.relationLabel(value.relation, in: language)) → \(graph.displayName(ofNode: graph.to(ofEdge: edge), in: language))"]
        if value.timing != .undated { lines.append(value.timing.description) }
        lines += value.attributes.map { "\($0.name): \($0.value.text)" }
        if let source = value.source { lines.append(sourceLine(source, in: graph)) }
        return Self.bounded(lines.joined(separator: "\n"), maximumLength: Self.maximumTooltipLength)
    }

    private func sourceLine(_ source: String, in graph: Graph) -> String {
        let title = graph.sources.first { $0.id == source }?.title.text(in: language)
        return (language == "hi" ? "स्रोत: " : "source: ") + (title ?? source)
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
