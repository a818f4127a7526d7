import RelGraphCore

extension DOTDrawing {
    /// The title, the line saying what is shown, and the legend.
    func heading(for view: GraphView, relationStyles: [String: RelationStyle]) -> DrawingLegend {
        let graph = view.graph
        let words = graph.words(in: language)
        var legend = DrawingLegend(fontName: fontName)
        legend.isRightToLeft = words.isRightToLeft
        legend.title = graph.title.text(in: language).map { Self.bounded($0, lineLength: 100) }
        legend.showsKey = showsLegend
        legend.keyTitle = words[.legend]
        var shown: [String] = []
        let filter = view.filter
        if let moment = filter.asOf { shown.append(words.phrase(.asOfDate, moment.description)) }
        if let focus { shown.append(words.phrase(.around, graph.displayName(ofNode: focus, in: language))) }
        if let kinds = filter.kinds {
            shown.append(words.phrase(.kindsShown, words.list(kinds.sorted().map { graph.kindLabel($0, in: language) })))
        }
        if let relations = filter.relations {
            shown.append(
                words.phrase(.relationsShown, words.list(relations.sorted { $0.precedesInScalarOrder($1) }.map { graph.relationLabel($0, in: language) })))
        }
        if let highlight, let first = highlight.nodes.first, let last = highlight.nodes.last {
            shown.append(words.phrase(.pathShown, graph.displayName(ofNode: first, in: language), graph.displayName(ofNode: last, in: language)))
        }
        if !shown.isEmpty { legend.subtitle = Self.bounded(shown.joined(separator: " · "), maximumLength: 300) }

        var kinds: [NodeKind] = []
        for node in view.nodeIndices where !kinds.contains(graph.kind(ofNode: node)) { kinds.append(graph.kind(ofNode: node)) }
        kinds.sort { (NodeKind.builtIn.firstIndex(of: $0) ?? 99, $0.rawValue) < (NodeKind.builtIn.firstIndex(of: $1) ?? 99, $1.rawValue) }
        legend.kinds = kinds.map { kind in
            let appearance = KindAppearance.of(kind, in: graph)
            return (graph.kindLabel(kind, in: language), appearance.fill, appearance.border)
        }
        legend.relations = relationStyles.keys.sorted { $0.precedesInScalarOrder($1) }.map { relation in
            (graph.relationLabel(relation, in: language), graph.relationType(relation).isSymmetric, relationStyles[relation]!)
        }
        let edges = view.edgeIndices
        if edges.contains(where: graph.isSymmetric(edge:)) { legend.notes.append(words[.noteSymmetric]) }
        let labelled = edges.filter { relationStyles[graph.relation(ofEdge: $0)] == nil }
        if labelled.contains(where: { graph.timing(ofEdge: $0) != .undated }) { legend.notes.append(words[.noteDates]) }
        if !relationStyles.isEmpty {
            legend.notes.append(words[.noteStyles])
            // Where the drawing has no tooltips (PNG, PDF), say where to read what it leaves out.
            legend.notes.append(words[outputFormat.hasTooltips ? .noteTooltips : .noteElsewhere])
        }
        if focus != nil { legend.notes.append(words[.noteFocus]) }
        if highlight != nil { legend.notes.append(words[.noteHighlight]) }
        return legend
    }

    func nodeTooltip(_ node: NodeIndex, in graph: Graph) -> String {
        let value = graph.node(at: node)
        var lines = ["\(graph.displayName(ofNode: node, in: language)) (\(value.id))"]
        lines.append(([graph.kindLabel(value.kind, in: language)] + (value.type.map { [$0] } ?? [])).joined(separator: " · "))
        if value.timing != .undated { lines.append(graph.timingText(value.timing, in: language)) }
        lines += value.attributes.map { "\($0.name): \($0.value.text)" }
        if let source = value.source { lines.append(sourceLine(source, in: graph)) }
        return Self.bounded(lines.joined(separator: "\n"), maximumLength: Self.maximumTooltipLength)
    }

    func sourceLine(_ source: String, in graph: Graph) -> String {
        let title = graph.sources.first { $0.id == source }?.title.text(in: language)
        return graph.words(in: language).phrase(.sourceLine, title ?? source)
    }
}
