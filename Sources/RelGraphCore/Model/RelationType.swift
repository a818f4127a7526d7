/// A relation type declared under `relations:`: its label and whether it is symmetric.
///
/// Relations used without a declaration are directed and labelled by their id.
public struct RelationType: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    /// A symmetric relation (`partner-of`) is traversed both ways and drawn without an arrow.
    public var isSymmetric: Bool

    public init(id: String, label: LocalizedText = LocalizedText(), isSymmetric: Bool = false) {
        self.id = id
        self.label = label
        self.isSymmetric = isSymmetric
    }
}

/// Where facts come from: an entry under `sources:`, named by nodes' and edges' `source`.
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var url: String?

    public init(id: String, title: LocalizedText = LocalizedText(), url: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
    }
}
