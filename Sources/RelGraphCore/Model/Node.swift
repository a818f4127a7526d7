/// A node as a value: what a document's `nodes:` entry says.
public struct Node: Hashable, Sendable {
    public var id: String
    public var kind: NodeKind
    /// A finer type within the kind, such as `country` or `person` for an actor.
    public var type: String?
    public var label: LocalizedText
    public var timing: Timing
    public var attributes: Attributes
    /// The id of an entry under `sources:`.
    public var source: String?

    public init(
        id: String, kind: NodeKind, type: String? = nil, label: LocalizedText = LocalizedText(),
        timing: Timing = .undated, attributes: Attributes = Attributes(), source: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.type = type
        self.label = label
        self.timing = timing
        self.attributes = attributes
        self.source = source
    }
}

/// An edge as a value: what a document's `edges:` entry says.
public struct Edge: Hashable, Sendable {
    /// The edge's own id, optional and unique among edges: parallel edges (same ends,
    /// relation and dates) are told apart by it.
    public var id: String?
    public var from: String
    public var to: String
    public var relation: String
    public var timing: Timing
    public var attributes: Attributes
    /// The id of an entry under `sources:`.
    public var source: String?

    public init(
        id: String? = nil, from: String, to: String, relation: String, timing: Timing = .undated,
        attributes: Attributes = Attributes(), source: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.relation = relation
        self.timing = timing
        self.attributes = attributes
        self.source = source
    }
}
