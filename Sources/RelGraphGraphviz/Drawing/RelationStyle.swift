/// How an edge shows its relation when a drawing is too dense to label every edge: a colour
/// and a line style, named in the legend (the relation's text stays in the edge's tooltip).
///
/// Colours are the Okabe–Ito palette (without vermilion, kept for highlighted paths, and yellow,
/// too light for a line) plus grey and brown; styles go from plain to marked. The most used
/// relations get the plainest combinations, so the drawing's dominant lines stay calm.
public struct RelationStyle: Hashable, Sendable {
    public var color: String
    /// Graphviz's edge `style`: `solid`, `dashed`, `dotted`, `bold` or `bold,dashed`.
    public var style: String

    static let colors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#8C6D31", "#888888"]
    static let styles = ["solid", "dashed", "bold", "dotted", "bold,dashed"]

    /// A distinct style for each relation (as many as 40), by how many `edges` use it, then id.
    ///
    /// - Complexity: O(m + r log r) for m edges and r relations.
    public static func assign(relationsOf edges: some Sequence<String>) -> [String: RelationStyle] {
        var counts: [String: Int] = [:]
        for relation in edges { counts[relation, default: 0] += 1 }
        let ordered = counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0.precedesInScalarOrder($1) }
        var assigned: [String: RelationStyle] = [:]
        for (index, relation) in ordered.enumerated() {
            let combination = index % (colors.count * styles.count)
            assigned[relation] = RelationStyle(color: colors[combination % colors.count], style: styles[combination / colors.count])
        }
        return assigned
    }
}
