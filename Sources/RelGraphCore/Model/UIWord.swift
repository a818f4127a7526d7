/// A word or phrase RelGraph itself writes, in drawings and on the interactive page: the key
/// of its translation table (``UIWords``) and of a document's `ui:` block (contract §1), where
/// `ui: {fr: {since: depuis, legend: Légende}}` gives the French for ``since`` and ``legend``.
///
/// A phrase that takes values marks each with `{}`, filled in order (`since {}` gives
/// `since 2021`; Hindi's `{} से` gives `2021 से`). A document's text for such a phrase
/// without `{}` is a word that goes before the values (`depuis` gives `depuis 2021`).
public enum UIWord: String, CaseIterable, Hashable, Sendable {
    // MARK: Dates
    /// An interval open at its end: `since {}`.
    case since
    /// An interval open at its start: `until {}`.
    case until

    // MARK: Kinds (the built-in kinds' names)
    case actor, treaty, project, sector, event, place

    // MARK: Drawings: the heading and its legend
    /// The legend's heading.
    case legend
    /// The line under a drawing's title: the date it shows, `as of {}`.
    case asOfDate
    /// The node a focused drawing is about: `around {}`.
    case around
    /// The kinds a drawing is restricted to: `kinds: {}`.
    case kindsShown
    /// The relations a drawing is restricted to: `relations: {}`.
    case relationsShown
    /// The path a drawing highlights: `path: {} → {}`.
    case pathShown
    /// Between the items of a list: `, `.
    case listSeparator
    /// What a line without an arrowhead means.
    case noteSymmetric
    /// What a date under a relation means.
    case noteDates
    /// Lines without a name: their relation is told by colour and dash, as the legend lists.
    case noteStyles
    /// In SVG: where the relation and dates of a line without a name are (its tooltip).
    case noteTooltips
    /// In PNG and PDF, which have no tooltips: where to read what the drawing leaves out.
    case noteElsewhere
    /// What a double frame means.
    case noteFocus
    /// What the thick orange path means.
    case noteHighlight
    /// A tooltip's line naming a fact's source: `source: {}`.
    case sourceLine

    // MARK: The interactive page: controls
    case search, asOf, allDates, depth, language, fit, clear, zoomIn, zoomOut
    /// The checkbox that puts the relation's name on every line.
    case edgeLabels
    /// How to use the drawing, for screen readers: drag or arrow keys, wheel or + and −, 0.
    case canvas
    /// What to do first, shown until something is picked.
    case hint

    // MARK: The interactive page: details, path and legend
    case path, from, to, kinds, relations, id, kind, type, dates, source, attributes, edge, symmetric
    case pathFrom, pathTo, noPath, noResults, hidden
    /// The page's note on the orange path between the two nodes picked.
    case notePickedPath
    /// The page's note on the focused node and the faded rest.
    case noteFaded

    /// The words the interactive page looks up by key (the others are drawn into its SVG).
    public static let page: [UIWord] = [
        .since, .until, .legend, .noteSymmetric, .noteDates,
        .search, .asOf, .allDates, .depth, .language, .fit, .clear, .zoomIn, .zoomOut, .edgeLabels, .canvas, .hint,
        .path, .from, .to, .kinds, .relations, .id, .kind, .type, .dates, .source, .attributes, .edge, .symmetric,
        .pathFrom, .pathTo, .noPath, .noResults, .hidden, .notePickedPath, .noteFaded,
    ]

    /// The word naming a built-in kind, or nil for a kind a document declares.
    public static func kindName(_ kind: NodeKind) -> UIWord? {
        switch kind {
        case .actor: .actor
        case .treaty: .treaty
        case .project: .project
        case .sector: .sector
        case .event: .event
        case .place: .place
        default: nil
        }
    }

    /// Whether the phrase takes values (`{}`), and how many.
    public var valueCount: Int {
        switch self {
        case .since, .until, .asOfDate, .around, .kindsShown, .relationsShown, .sourceLine: 1
        case .pathShown: 2
        default: 0
        }
    }
}
