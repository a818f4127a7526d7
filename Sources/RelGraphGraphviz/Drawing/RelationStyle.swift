/// How an edge shows its relation when a drawing is too dense to label every edge: a colour
/// and a dash, named in the legend (the relation's text stays in the edge's tooltip).
///
/// No two relations share both colour and dash: there are ``distinctCount`` looks, seven
/// colours of the Okabe–Ito palette and its neighbours (without vermilion, kept for
/// highlighted paths, yellow, too light for a line, and grey, kept for labelled lines) times
/// three dashes. The most used relations get the plainest looks, so the drawing's dominant
/// lines stay calm; where a drawing has more relations than looks, the least used ones are
/// labelled instead (their lines grey, with the relation written on them).
public struct RelationStyle: Hashable, Sendable {
    public var color: String
    /// Graphviz's edge `style`: `solid`, `dashed` or `dotted`.
    public var style: String

    static let colors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#8C6D31"]
    static let dashes = ["solid", "dashed", "dotted"]
    /// How many relations can be told apart by look alone.
    public static let distinctCount = colors.count * dashes.count
    /// The colour of lines that carry their relation as text instead.
    static let labelledColor = "#666666"

    /// Line width: dotted lines a little wider, so their dots stay visible.
    var penWidth: Double { style == "dotted" ? 1.6 : 1.2 }

    /// A distinct look for each of the most used relations of `edges` (by how many edges use
    /// it, then by id), at most ``distinctCount`` of them; the relations left out are the
    /// least used, to be labelled.
    ///
    /// - Complexity: O(m + r log r) for m edges and r relations.
    public static func assign(relationsOf edges: some Sequence<String>) -> [String: RelationStyle] {
        var counts: [String: Int] = [:]
        for relation in edges { counts[relation, default: 0] += 1 }
        let ordered = counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0.precedesInScalarOrder($1) }
        var assigned: [String: RelationStyle] = [:]
        for (index, relation) in ordered.prefix(distinctCount).enumerated() {
            assigned[relation] = RelationStyle(color: colors[index % colors.count], style: dashes[index / colors.count])
        }
        return assigned
    }
}
