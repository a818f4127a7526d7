/// The keys of one kind of map in a graph document (contract §1), in the contract's order.
/// `names[key.rawValue]` is how a key is written; a test checks it matches the case name.
protocol DocumentKey: RawRepresentable<Int>, CaseIterable {
    /// The keys as written in documents.
    static var names: [String] { get }
    /// How the map is named in messages ("a node").
    static var container: String { get }
}

extension DocumentKey {
    /// The key written `name`, if the map has one.
    @inline(__always)
    init?(name: String) {
        guard let index = Self.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: index)
    }

    var name: String { Self.names[rawValue] }
}

enum TopLevelKey: Int, DocumentKey {
    case relgraph, title, attributes, sources, ui, kinds, relations, nodes, edges
    static let names = ["relgraph", "title", "attributes", "sources", "ui", "kinds", "relations", "nodes", "edges"]
    static let container = "the document"
}

enum SourceKey: Int, DocumentKey {
    case id, title, url
    static let names = ["id", "title", "url"]
    static let container = "a source"
}

enum KindKey: Int, DocumentKey {
    case id, label, style
    static let names = ["id", "label", "style"]
    static let container = "a kind"
}

enum StyleKey: Int, DocumentKey {
    case shape, color
    static let names = ["shape", "color"]
    static let container = "a style"
}

enum RelationKey: Int, DocumentKey {
    case id, label, symmetric
    static let names = ["id", "label", "symmetric"]
    static let container = "a relation"
}

enum NodeKey: Int, DocumentKey {
    case id, kind, type, label, date, start, end, attributes, source
    static let names = ["id", "kind", "type", "label", "date", "start", "end", "attributes", "source"]
    static let container = "a node"
}

enum EdgeKey: Int, DocumentKey {
    case id, from, to, relation, date, start, end, attributes, source
    static let names = ["id", "from", "to", "relation", "date", "start", "end", "attributes", "source"]
    static let container = "an edge"
}

package enum DocumentSchema {
    package static let maximumDiagnostics = 10_000
}
