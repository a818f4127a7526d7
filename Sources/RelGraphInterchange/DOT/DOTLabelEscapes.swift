import RelGraphCore

extension Graph {
    /// The graph attribute that says the graph's texts came from a DOT file whose labels use
    /// Graphviz's justification escapes (`\l`, `\r`): `dot-label-escapes: true`. The DOT
    /// importer sets it; every format that keeps graph attributes carries it on.
    public static let dotLabelEscapesAttribute = "dot-label-escapes"

    /// Whether the graph's `\l` and `\r` are Graphviz's justification escapes (it came from a
    /// DOT file that used them) rather than text: a document's `a \l b` is drawn as written.
    ///
    /// - Complexity: O(log a) in the number of graph attributes.
    public var keepsDOTLabelEscapes: Bool {
        graphAttributes[Graph.dotLabelEscapesAttribute] == .boolean(true)
    }

    /// How DOT written for this graph spells its labels' backslashes.
    public var dotLabelEscapes: DOTText.LabelEscapes { keepsDOTLabelEscapes ? .justification : .none }
}
