import RelGraphCore

/// How RelGraph keeps every drawing it accepts within seconds of Graphviz's time: it chooses
/// the layout engine by size and bounds each engine's work.
///
/// | size (nodes + edges) | default engine | edge labels | bounds |
/// |---|---|---|---|
/// | up to 450 | dot (neato, up to 160, where labels are wanted on a dense drawing) | yes | none (the drawing is exact) |
/// | up to 1,100 | dot | no (kept in tooltips) | iterations bounded, straight edges |
/// | up to 8,000 | sfdp | no | overlap removal by scaling |
/// | more | refused: draw less with `--focus`, `--kind`, `--relation` or `--as-of` | | |
///
/// An engine named with `--layout` gets the same treatment within its own limit: neato, fdp
/// and circo 2,500, 2,500 and 400; sfdp and twopi 8,000. Engines other than dot route edges as
/// curves around nodes only in small drawings (``DOTDrawing``): up to 300 nodes, 60 for circo.
/// The limits come from measured layout times, given in docs/graphviz.md ("Which layout, and
/// how long").
public struct LayoutBudget: Sendable, Hashable {
    /// The engine to use.
    public var engine: LayoutEngine
    /// Whether edges carry their relation as a label (else only in their tooltip).
    public var showsEdgeLabels: Bool
    /// Whether the engine's iterations are bounded (see ``DOTDrawing``).
    public var boundsWork: Bool

    /// Sizes (nodes + edges) each engine may take, and up to which labels and unbounded work are kept.
    static let limits: [LayoutEngine: Int] = [.dot: 1_100, .neato: 2_500, .fdp: 2_500, .sfdp: 8_000, .circo: 400, .twopi: 8_000]
    static let exactLimit = 450
    /// Up to how many nodes and edges a drawing's edges may carry labels.
    public static var labelledLimit: Int { exactLimit }

    /// The plan for a drawing of `nodes` nodes and `edges` edges of `relations` relations with
    /// `requested` engine (nil: choose by size), labelled as `edgeLabels` asks. Where labels
    /// are wanted on a drawing too dense for dot to keep them readable
    /// (``DOTDrawing/labelsFit(nodes:edges:)``): every label (``DOTDrawing/EdgeLabels/always``),
    /// or those of the relations beyond the distinct line styles (``DOTDrawing/EdgeLabels/automatic``,
    /// ``RelationStyle/distinctCount``), the drawing is laid out by neato with a node on
    /// every edge's way, while it is small enough for them (`DOTDrawing.wayNodeLimit`).
    ///
    /// - Throws: ``LayoutBudgetError`` beyond the engine's limit.
    public static func plan(
        nodes: Int, edges: Int, relations: Int = 0, requested: LayoutEngine? = nil, edgeLabels: DOTDrawing.EdgeLabels = .automatic
    ) throws(LayoutBudgetError) -> LayoutBudget {
        let size = nodes + edges
        let dense = !DOTDrawing.labelsFit(nodes: nodes, edges: edges)
        let wantsLabels = edgeLabels == .always || (edgeLabels == .automatic && relations > RelationStyle.distinctCount)
        let wayNodes = dense && wantsLabels && size <= DOTDrawing.wayNodeLimit
        let engine = requested ?? (wayNodes ? .neato : size <= limits[.dot]! ? .dot : .sfdp)
        let limit = limits[engine]!
        guard size <= limit else { throw .tooLarge(engine: engine, size: size, limit: limit) }
        let exact = size <= exactLimit
        return LayoutBudget(engine: engine, showsEdgeLabels: exact, boundsWork: !exact)
    }

    /// ``plan(nodes:edges:relations:requested:edgeLabels:)`` for what `view` keeps.
    ///
    /// - Complexity: O(m) to count the relations of the view's m edges.
    public static func plan(for view: GraphView, requested: LayoutEngine? = nil, edgeLabels: DOTDrawing.EdgeLabels = .automatic) throws(LayoutBudgetError)
        -> LayoutBudget
    {
        let relations = Set(view.edgeIndices.lazy.map(view.graph.relation(ofEdge:))).count
        return try plan(nodes: view.nodeIndices.count, edges: view.edgeIndices.count, relations: relations, requested: requested, edgeLabels: edgeLabels)
    }
}

/// A drawing too large for its layout engine to finish in time.
public struct LayoutBudgetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The engine that would have laid it out.
    public let engine: LayoutEngine
    /// Its nodes and edges.
    public let size: Int
    /// The most nodes and edges the engine takes.
    public let limit: Int

    package static func tooLarge(engine: LayoutEngine, size: Int, limit: Int) -> Self {
        Self(engine: engine, size: size, limit: limit)
    }

    /// What to do: draw less, or (but for sfdp, the largest) use sfdp.
    public var remedy: Remedy { engine == .sfdp ? .drawLess : .drawLessOrUseScalableLayout }

    public var diagnostic: Diagnostic {
        .error(at: nil, "\(size) nodes and edges are too many for the \(engine.rawValue) layout (at most \(limit))", remedy: remedy)
    }

    public var description: String { diagnostic.description }
}
