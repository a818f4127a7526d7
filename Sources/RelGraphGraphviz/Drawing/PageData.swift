import RelGraphCore

/// The data an interactive page scripts against: the `#relgraph-data` JSON of contract §5.
///
/// Everything the page shows or computes comes from here, resolved on this side so the
/// script does not have to reimplement the model's rules: texts come already chosen for each
/// of the page's languages (with the model's fallbacks), and every date comes with the day
/// numbers §1 "Time" compares (`first`: its first day, `last`: its last day). Nodes and edges
/// are those of the view, in graph order; an edge names its nodes by their position in
/// `nodes`. The same view gives the same bytes.
public struct PageData: Sendable {
    /// The view drawn.
    public var view: GraphView
    /// The page's languages, in the order the language choice lists them.
    public var languages: [String]
    /// The language the page opens in.
    public var language: String
    /// Whether nodes left without edges by the page's own filters (time, legend) stay shown.
    public var keepsIsolated = false
    /// How relations are drawn where edges carry no label (the legend shows each line).
    public var relationStyles: [String: RelationStyle] = [:]
    /// The page's drawings by labelling, the one it opens with first: each labelling
    /// (`auto`, `always`, `never`) and whether its lines show relations by style (the legend
    /// then shows each line). Two of them give the page its switch of names on the lines.
    public var labelModes: [(mode: String, styled: Bool)] = []

    public init(view: GraphView, languages: [String], language: String) {
        self.view = view
        self.languages = languages
        self.language = language
    }

    /// The languages a graph's texts are written in, in Unicode scalar order, with `preferred`
    /// included (a page always offers the language it was drawn in).
    ///
    /// - Complexity: O(n + m) over labels.
    public static func languages(of graph: Graph, including preferred: String) -> [String] {
        var found: Set<String> = [preferred]
        found.formUnion(graph.title.languages)
        for label in graph.storage.nodeLabels { found.formUnion(label.languages) }
        for relation in graph.relationTypes { found.formUnion(relation.label.languages) }
        for source in graph.sources { found.formUnion(source.title.languages) }
        for kind in graph.kindDeclarations { found.formUnion(kind.label.languages) }
        found.formUnion(graph.uiWords.languages)
        return found.sorted { $0.precedesInScalarOrder($1) }
    }

    /// The data as JSON.
    ///
    /// - Complexity: O(n + m) for the view's n nodes and m edges, times the number of languages.
    public func json() -> JSONValue {
        let graph = view.graph
        let nodeIndices = view.nodeIndices
        let edgeIndices = view.edgeIndices
        var position = [NodeIndex: Int](minimumCapacity: nodeIndices.count)
        for (index, node) in nodeIndices.enumerated() { position[node] = index }

        var kindsShown: [NodeKind] = []
        var seenKinds: Set<NodeKind> = []
        for node in nodeIndices where seenKinds.insert(graph.kind(ofNode: node)).inserted { kindsShown.append(graph.kind(ofNode: node)) }
        kindsShown.sort { (NodeKind.builtIn.firstIndex(of: $0) ?? 99, $0.rawValue) < (NodeKind.builtIn.firstIndex(of: $1) ?? 99, $1.rawValue) }
        let relationsShown = Set(edgeIndices.map(graph.relation(ofEdge:))).sorted { $0.precedesInScalarOrder($1) }

        let kinds: [JSONValue] = kindsShown.map { kind in
            let appearance = KindAppearance.of(kind, in: graph)
            return .object([
                ("id", .string(kind.rawValue)),
                ("label", texts { graph.kindLabel(kind, in: $0) }),
                ("shape", .string(appearance.shape)), ("fill", .string(appearance.fill)), ("border", .string(appearance.border)),
            ])
        }
        let relations: [JSONValue] = relationsShown.map { relation in
            var fields: [(String, JSONValue)] = [
                ("id", .string(relation)),
                ("label", texts { graph.relationLabel(relation, in: $0) }),
                ("symmetric", .boolean(graph.relationType(relation).isSymmetric)),
            ]
            if let style = relationStyles[relation] { fields += [("color", .string(style.color)), ("style", .string(style.style))] }
            return .object(fields)
        }
        let sources: [JSONValue] = graph.sources.map { source in
            var fields: [(String, JSONValue)] = [("id", .string(source.id)), ("title", texts { source.title.text(in: $0) ?? source.id })]
            if let url = source.url { fields.append(("url", .string(url))) }
            return .object(fields)
        }
        let nodes: [JSONValue] = nodeIndices.map { index in
            let node = graph.node(at: index)
            var fields: [(String, JSONValue)] = [
                ("id", .string(node.id)), ("kind", .string(node.kind.rawValue)),
                ("label", texts { graph.displayName(ofNode: index, in: $0) }),
            ]
            if let type = node.type { fields.append(("type", .string(type))) }
            fields += Self.timingFields(node.timing)
            if !node.attributes.isEmpty { fields.append(("attributes", Self.attributes(node.attributes))) }
            if let source = node.source { fields.append(("source", .string(source))) }
            return .object(fields)
        }
        let edges: [JSONValue] = edgeIndices.map { index in
            let edge = graph.edge(at: index)
            var fields: [(String, JSONValue)] = [
                ("from", .integer(position[graph.from(ofEdge: index)]!)), ("to", .integer(position[graph.to(ofEdge: index)]!)),
                ("relation", .string(edge.relation)),
            ]
            fields += Self.timingFields(edge.timing)
            if !edge.attributes.isEmpty { fields.append(("attributes", Self.attributes(edge.attributes))) }
            if let source = edge.source { fields.append(("source", .string(source))) }
            return .object(fields)
        }
        let wordings = languages.map(graph.words(in:))
        let words: [(String, JSONValue)] = UIWord.page.map { word in (word.rawValue, .array(wordings.map { .string($0[word]) })) }
        return .object([
            ("relgraph", .integer(1)),
            ("title", texts { graph.title.text(in: $0) ?? "" }),
            ("languages", .array(languages.map { .string($0) })),
            // The page's own words in each language (the document's `ui:` over the built-in
            // table), and which languages are written right to left.
            ("words", .object(words)),
            ("rtl", .array(wordings.map { .boolean($0.isRightToLeft) })),
            ("language", .string(language)),
            ("keepIsolated", .boolean(keepsIsolated)),
            ("labels", .array(labelModes.map { .object([("mode", .string($0.mode)), ("styled", .boolean($0.styled))]) })),
            ("dates", .array(Self.sliderDates(graph: graph, nodes: nodeIndices, edges: edgeIndices))),
            ("kinds", .array(kinds)),
            ("relations", .array(relations)),
            ("sources", .array(sources)),
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
        ])
    }

    /// A text in each of the page's languages, in the order of ``languages``.
    private func texts(_ text: (String) -> String) -> JSONValue {
        .array(languages.map { .string(text($0)) })
    }

    /// `date`/`start`/`end` as written, and `t`: `[first day of the start or date, last day of
    /// the end]`, `null` where open, as §1 "Time" compares them.
    static func timingFields(_ timing: Timing) -> [(String, JSONValue)] {
        switch timing {
        case .undated:
            return []
        case .on(let date):
            return [("date", .string(date.description)), ("t", .array([.integer(date.firstDay), .null]))]
        case let .between(start, end):
            var fields: [(String, JSONValue)] = []
            if let start { fields.append(("start", .string(start.description))) }
            if let end { fields.append(("end", .string(end.description))) }
            fields.append(("t", .array([start.map { .integer($0.firstDay) } ?? .null, end.map { .integer($0.lastDay) } ?? .null])))
            return fields
        }
    }

    static func attributes(_ attributes: Attributes) -> JSONValue {
        .array(attributes.map { .array([.string($0.name), .string($0.value.text)]) })
    }

    /// The positions of the time slider: every year from the earliest to the latest date in
    /// the view, and every month and day a date names, each with the day numbers it covers
    /// (`first`, `last`), ordered by the last day they cover, then the first (so `2021-07-07`,
    /// `2021-07`, `2021`: each position keeps at least what the one before it does among
    /// things that have started).
    static func sliderDates(graph: Graph, nodes: [NodeIndex], edges: [EdgeIndex]) -> [JSONValue] {
        var dates: Set<PartialDate> = []
        func add(_ timing: Timing) {
            switch timing {
            case .undated: break
            case .on(let date): dates.insert(date)
            case let .between(start, end):
                if let start { dates.insert(start) }
                if let end { dates.insert(end) }
            }
        }
        for node in nodes { add(graph.timing(ofNode: node)) }
        for edge in edges { add(graph.timing(ofEdge: edge)) }
        guard let first = dates.map(\.year).min(), let last = dates.map(\.year).max() else { return [] }
        for year in first...last { if let date = try? PartialDate(year: year) { dates.insert(date) } }
        return dates.sorted { ($0.lastDay, -$0.firstDay) < ($1.lastDay, -$1.firstDay) }.map { date in
            .array([.string(date.description), .integer(date.firstDay), .integer(date.lastDay)])
        }
    }
}
