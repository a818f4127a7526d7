import Foundation
import RelGraphCore
import RelGraphDocument

/// Reads GraphML as NetworkX, igraph, Gephi, yEd and RelGraph write it, streaming (the file is
/// never held whole, and no DOM is built).
///
/// - `<key>`s are typed (`int`, `long`, `float`, `double`, `boolean`, `string`) with their
///   `<default>`s; RelGraph's list keys (`rg:list`) read back as lists.
/// - A node's kind comes from a `kind` key, else `actor`; its label from `label_<lang>` keys,
///   else `label`, `name` or `title`, else yEd's `y:NodeLabel`. `type`, `date`, `start`, `end`
///   and `source` fill those fields where their values fit; everything else is an attribute
///   (a name RelGraph reserves, or one that breaks the rules, becomes `graphml-<name>`).
/// - An edge's relation comes from a `relation` key, else `linked-to`; `edgedefault` and
///   per-edge `directed` make a relation symmetric when all its edges are undirected.
///   Parallel edges are kept: an edge's `id` is its id where it is valid and unused,
///   otherwise parallel edges are named `e<N>`.
/// - Nested graphs are flattened; hyperedges and ports are ignored with a warning.
/// - DTDs and entities are never read (see `XMLTokenizer`).
public struct GraphMLReader: Sendable {
    public var defaultKind: NodeKind = .actor
    public var defaultRelation = "linked-to"

    public init() {}

    /// Reads the GraphML file at `path`.
    /// - Complexity: O(size of the file); memory O(nodes + edges).
    public func read(contentsOf path: String) throws(GraphLoadError) -> ImportedGraph {
        try ByteInput.readingFile(at: path) { input throws(GraphLoadError) in try read(input, fileName: path) }
    }

    /// Reads GraphML held in memory; `fileName` is used in messages.
    public func read(_ bytes: [UInt8], fileName: String) throws(GraphLoadError) -> ImportedGraph {
        try read(ByteInput(bytes: bytes), fileName: fileName)
    }

    private func read(_ input: ByteInput, fileName: String) throws(GraphLoadError) -> ImportedGraph {
        var state = GraphMLState(reader: self, fileName: fileName)
        var tokenizer = XMLTokenizer(input: input)
        do {
            try state.read(&tokenizer)
        } catch {
            state.report(error.problem, at: error.position)
            throw .invalidContent(state.problems)
        }
        if tokenizer.skippedDoctype {
            state.warnings.insert(
                .warning(at: SourceLocation(file: fileName), "the DOCTYPE was ignored; RelGraph never reads DTDs or expands their entities"), at: 0)
        }
        return try state.finish()
    }
}
