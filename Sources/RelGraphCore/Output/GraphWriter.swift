/// A writer of one text format: it streams a graph into a ``TextSink`` (a file written in
/// chunks, or a string), and gives the whole text at once for small graphs and tests.
public protocol GraphWriter: Sendable {
    /// Streams `graph` into `sink`.
    func write(_ graph: Graph, to sink: inout some TextSink)
}

extension GraphWriter {
    /// The whole text for `graph`.
    ///
    /// - Complexity: O(*n* + *m*) in the size of the graph.
    public func document(for graph: Graph) -> String {
        var text = ""
        write(graph, to: &text)
        return text
    }
}
