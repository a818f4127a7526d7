import RelGraphCore

/// A node read from its map, with what adding it needs: where its parts were written, and
/// what the builder refuses in it whatever came before (checked on the reading thread).
struct DecodedNode: Sendable {
    var node: Node
    var start: TextPosition
    var hasKind: Bool
    var idPosition: TextPosition?
    var kindPosition: TextPosition?
    var sourcePosition: TextPosition?
    var labelPosition: TextPosition?
    var problem: GraphError?
    /// Where a reader wrote the node's label as its record (``LabelRecords``), which the node's
    /// own label then leaves out.
    var labelRecord: Range<Int>? = nil
}

/// An edge read from its map, with what adding it needs: its ends' node indices when they
/// were found on the reading thread (else -1), where its parts were written, and what the
/// builder refuses in it whatever came before.
struct DecodedEdge: Sendable {
    var edge: Edge
    var start: TextPosition
    var from: Int32 = -1
    var to: Int32 = -1
    var fromPosition: TextPosition?
    var toPosition: TextPosition?
    var idPosition: TextPosition?
    var relationPosition: TextPosition?
    var sourcePosition: TextPosition?
    var problem: GraphError?
}

/// A problem and where it is, before the file name is attached.
struct LocatedProblem: Sendable {
    var position: TextPosition
    var problem: DocumentProblem
}

/// Every problem found in a document, in file order.
struct DecodingFailure: Error {
    package var problems: [LocatedProblem]
}
