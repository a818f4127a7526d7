import RelGraphCore

/// How each kind of node is drawn: a distinct shape and a colour from the Okabe–Ito palette,
/// which stays distinguishable with the common forms of colour blindness. Shape and colour
/// both tell the kind, so neither alone has to.
public struct KindAppearance: Hashable, Sendable {
    public var shape: String
    /// Fill, a light tint of the border colour so dark text stays readable.
    public var fill: String
    public var border: String
    /// Extra Graphviz `style` flags beside `filled`.
    public var style: String?

    public static let builtIn: [NodeKind: KindAppearance] = [
        .actor: KindAppearance(shape: "ellipse", fill: "#CDE8F8", border: "#0072B2"),
        .treaty: KindAppearance(shape: "note", fill: "#FBE3B0", border: "#E69F00"),
        .project: KindAppearance(shape: "box", fill: "#BFE8DA", border: "#009E73", style: "rounded"),
        .sector: KindAppearance(shape: "hexagon", fill: "#F7F2B5", border: "#9A8B00"),
        .event: KindAppearance(shape: "cds", fill: "#F1D3E5", border: "#CC79A7"),
        .place: KindAppearance(shape: "house", fill: "#F7D2BC", border: "#D55E00"),
    ]

    static let other = KindAppearance(shape: "box", fill: "#E5E5E5", border: "#555555")

    /// The appearance of `kind` in `graph`: its declared style over the built-in one.
    static func of(_ kind: NodeKind, in graph: Graph) -> KindAppearance {
        var appearance = builtIn[kind] ?? other
        if let style = graph.declaration(of: kind)?.style {
            if let shape = style.shape { appearance.shape = shape }
            if let color = style.color { appearance.fill = color }
        }
        return appearance
    }
}
