extension UIWords {
    /// English, the fallback of every other language.
    static let english: [UIWord: String] = [
        .since: "since {}", .until: "until {}",
        .actor: "actor", .treaty: "treaty", .project: "project", .sector: "sector", .event: "event", .place: "place",
        .legend: "Legend", .asOfDate: "as of {}", .around: "around {}", .kindsShown: "kinds: {}",
        .relationsShown: "relations: {}", .pathShown: "path: {} → {}", .listSeparator: ", ",
        .noteSymmetric: "A line without an arrowhead (↔): a symmetric relation, holding both ways",
        .noteDates: "A date under a relation: when it held (a – b, since, until)",
        .noteStyles: "A line without a name: its relation is told by colour and dash, as listed above",
        .noteTooltips: "Point at a line for its relation and dates (its tooltip)",
        .noteElsewhere: "The dates of lines without a name: in the SVG drawing's tooltips and on the interactive page (HTML)",
        .noteFocus: "Double frame: the node the drawing is centred on",
        .noteHighlight: "Thick orange: the shortest path asked for",
        .sourceLine: "source: {}",
        .search: "Search", .asOf: "As of", .allDates: "all dates", .depth: "Hops", .language: "Language",
        .fit: "Fit", .clear: "Clear", .zoomIn: "zoom in", .zoomOut: "zoom out", .edgeLabels: "Names on lines",
        .canvas: "drawing: drag or arrow keys to pan, wheel or + and − to zoom, 0 to fit",
        .hint: "Click a node or an edge for its details; Tab reaches the nodes, Enter focuses one.",
        .path: "Path", .from: "From", .to: "To", .kinds: "Kinds", .relations: "Relations",
        .id: "id", .kind: "kind", .type: "type", .dates: "dates", .source: "source", .attributes: "attributes",
        .edge: "relation", .symmetric: "symmetric: holds both ways",
        .pathFrom: "Path from here", .pathTo: "Path to here", .noPath: "No path between them in what is shown.",
        .noResults: "nothing matches", .hidden: "(hidden now)",
        .notePickedPath: "orange, thick: the path between the two nodes picked",
        .noteFaded: "black frame: the focused node; faded: outside its neighbourhood",
    ]
}
