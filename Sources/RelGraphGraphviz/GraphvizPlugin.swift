/// The kinds of plugin Graphviz loads (`gvPluginList`).
public enum GraphvizPlugin: String, Sendable, Hashable, CaseIterable {
    /// Layout engines: dot, neato, …
    case layout
    /// Output devices: svg, png, …
    case device
    /// Renderers behind devices: svg, cairo, …
    case render
    /// Text measurement and shaping (pango): needed for right widths and Devanagari.
    case textlayout
}
