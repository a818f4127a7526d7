import RelGraphCore

/// The look of a DOT `cluster…` subgraph (`label="Database" color=blue`), which a graph
/// imported from DOT keeps among its graph attributes as `<cluster>.<name>`
/// (`cluster_db.label`), and DOT export writes back inside the cluster.
public enum DOTClusterAttributes {
    /// The cluster attributes kept: what Graphviz draws a cluster with, none of which reads a file.
    public static let names: Set<String> = [
        "label", "color", "fillcolor", "bgcolor", "pencolor", "fontcolor", "fontsize", "style", "penwidth", "labeljust", "labelloc",
    ]

    /// The attributes of `cluster` among `attributes`, as DOT `name=value` pairs in name order.
    /// - Complexity: O(number of attributes).
    static func statements(of cluster: String, in attributes: Attributes, escapes: DOTText.LabelEscapes) -> [(String, String)] {
        let prefix = cluster + "."
        return attributes.compactMap { attribute in
            guard attribute.name.hasPrefix(prefix) else { return nil }
            let name = String(attribute.name.dropFirst(prefix.count))
            guard names.contains(name) else { return nil }
            return (name, name == "label" ? DOTText.label(attribute.value.text, escapes: escapes) : DOTText.value(attribute.value.text, escapes: escapes))
        }
    }
}
