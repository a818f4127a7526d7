/// A graph read from a file of any format, and what the reader noticed on the way: characters
/// replaced, records skipped, parts of the format that RelGraph does not keep.
public struct ImportedGraph: Sendable {
    public var graph: Graph
    /// Warnings, in the order they were found.
    public var warnings: [Diagnostic]

    public init(graph: Graph, warnings: [Diagnostic] = []) {
        self.graph = graph
        self.warnings = warnings
    }
}
