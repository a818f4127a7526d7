import RelGraphCore
import RelGraphDocument

/// What the XML readers (GraphML, GEXF) keep while reading a file: the builder, the problems and
/// warnings so far, and where each node and edge was written.
protocol XMLImportState {
    var builder: GraphBuilder { get set }
    var problems: [Diagnostic] { get }
    var warnings: [Diagnostic] { get }
    var nodePositions: [TextPosition] { get }
    var edgePositions: [TextPosition] { get }
    /// Records `problem` at `position` of the file.
    mutating func report(_ problem: DocumentProblem, at position: TextPosition)
}

extension XMLImportState {
    /// The graph read, parallel edges named apart; or every problem found, the builder's at the
    /// positions of the elements it names.
    ///
    /// - Complexity: O(nodes + edges).
    mutating func builtGraph() throws(GraphLoadError) -> ImportedGraph {
        guard problems.isEmpty else { throw .invalidContent(problems) }
        builder.nameParallelEdges()
        do {
            return ImportedGraph(graph: try builder.take().build(), warnings: warnings)
        } catch {
            for problem in error.problems {
                let positions = problem.element.isNode ? nodePositions : edgePositions
                report(.graph(problem.error, first: problem.original.map { positions[$0.index] }), at: positions[problem.element.index])
            }
            throw .invalidContent(problems)
        }
    }
}
