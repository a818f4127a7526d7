import Foundation
import RelGraphCore
import RelGraphDocument

/// Reads GEXF 1.2 and 1.3 as Gephi, NetworkX and RelGraph write it, streaming through the XML
/// tokenizer (no DOM is built; DTDs and entities are never read).
///
/// - Attributes are read by their declaration's `title` (values name the declaration's `id`),
///   typed (`integer`, `long`, `double`, `float`, `boolean`, `string`, list types), with their
///   `<default>`s. A node's kind comes from a `kind` attribute, else `actor`; its label from
///   `label_<lang>` attributes, else the `label` XML attribute (unless it only repeats the id).
///   `type`, `source`, `date`, `start` and `end` fill those fields; anything else is an attribute
///   (a name RelGraph reserves becomes `gexf-<name>`).
/// - Time: `date`/`start`/`end` attributes where given (RelGraph writes them: they keep partial
///   dates), else spells, `start`/`end` XML attributes or timestamps, as `date`, `datetime`
///   or years (a whole number 1–9999 in an `integer` or `double` time format). Several spells
///   become one interval from the first start to the last end, with a warning.
/// - An edge's relation comes from a `relation` attribute, else its GEXF 1.3 `kind`, else
///   `linked-to`; `type="undirected"`/`"mutual"` (or the graph's `defaultedgetype`) makes a
///   relation symmetric when all its edges are. Parallel edges are kept; an edge's GEXF `id`
///   becomes its id unless it is a plain number (the numbering Gephi and NetworkX give every
///   edge). A `weight` other than 1 is kept as an attribute.
/// - Nested nodes (GEXF hierarchies) are flattened; `viz:` drawing data is ignored.
/// - RelGraph's own `<rg:declarations>` in `<meta>` bring back the title in every language,
///   sources, kinds and relations as declared.
public struct GEXFReader: Sendable {
    /// The kind of nodes a file gives none.
    public var defaultKind: NodeKind = .actor
    /// The relation of edges a file gives none.
    public var defaultRelation = "linked-to"

    public init() {}

    /// Reads the GEXF file at `path`.
    ///
    /// - Complexity: O(size of the file); memory O(nodes + edges).
    public func read(contentsOf path: String) throws(GraphLoadError) -> ImportedGraph {
        try ByteInput.readingFile(at: path) { input throws(GraphLoadError) in try read(input, fileName: path) }
    }

    /// Reads GEXF held in memory; `fileName` is used in messages.
    ///
    /// - Complexity: O(`bytes.count`).
    public func read(_ bytes: [UInt8], fileName: String) throws(GraphLoadError) -> ImportedGraph {
        try read(ByteInput(bytes: bytes), fileName: fileName)
    }

    private func read(_ input: ByteInput, fileName: String) throws(GraphLoadError) -> ImportedGraph {
        var state = GEXFState(reader: self, fileName: fileName)
        var tokenizer = XMLTokenizer(input: input)
        tokenizer.rootElement = "gexf"
        do {
            try state.read(&tokenizer)
        } catch {
            state.report(error.problem, at: error.position)
            throw .invalidContent(state.problems)
        }
        if tokenizer.skippedDoctype {
            state.warn("the DOCTYPE was ignored; RelGraph never reads DTDs or expands their entities")
        }
        return try state.finish()
    }
}
