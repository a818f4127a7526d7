/// A problem with a graph's content, whatever it was read from.
public struct GraphError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure it is (new codes may come: switch with a `default`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        /// An id breaks the id rules; `role` says whose id it is.
        public static let invalidIdentifier = Code(description: "invalidIdentifier")
        /// Two nodes share an id.
        public static let duplicateNode = Code(description: "duplicateNode")
        /// An edge names a node that does not exist; `suggestion` is the closest existing id.
        public static let unknownNode = Code(description: "unknownNode")
        /// A node has a kind that is neither built in nor declared under `kinds:`.
        public static let unknownKind = Code(description: "unknownKind")
        /// A node or edge names a source not declared under `sources:`.
        public static let unknownSource = Code(description: "unknownSource")
        /// Two edges have the same `from`, `to`, `relation` and dates.
        public static let duplicateEdge = Code(description: "duplicateEdge")
        /// Two edges share an id.
        public static let duplicateEdgeID = Code(description: "duplicateEdgeID")
        /// A kind, relation or source is declared twice.
        public static let duplicateDeclaration = Code(description: "duplicateDeclaration")
        /// A kind declaration's style is not one Graphviz can draw safely.
        public static let invalidStyle = Code(description: "invalidStyle")
        /// A language code is not of the form `en`, `hi`, `pt-BR`.
        public static let invalidLanguage = Code(description: "invalidLanguage")
        /// A label or text is empty.
        public static let emptyText = Code(description: "emptyText")
        /// An attribute name breaks the rules or takes the name of a built-in field.
        public static let invalidAttributeName = Code(description: "invalidAttributeName")
        /// A text (`field`: "label", "type", an attribute's name…) holds a C0 control character
        /// other than tab and line feed (see ``ControlCharacters``).
        public static let controlCharacter = Code(description: "controlCharacter")
        /// A text under `ui:` does not mark the values its word takes (``UIWords/problem(with:for:)``).
        public static let invalidUIText = Code(description: "invalidUIText")
    }

    /// The failure with its details.
    package enum Reason: Hashable, Sendable {
        /// An id breaks the id rules; `role` says whose id it is.
        case invalidIdentifier(String, role: IdentifierRole)
        /// Two nodes share an id.
        case duplicateNode(id: String)
        /// An edge names a node that does not exist; `suggestion` is the closest existing id.
        case unknownNode(id: String, suggestion: String?)
        /// A node has a kind that is neither built in nor declared under `kinds:`.
        case unknownKind(NodeKind, known: [NodeKind], suggestion: NodeKind?)
        /// A node or edge names a source not declared under `sources:`.
        case unknownSource(id: String, suggestion: String?)
        /// Two edges have the same `from`, `to`, `relation` and dates.
        case duplicateEdge(from: String, to: String, relation: String)
        /// Two edges share an id.
        case duplicateEdgeID(id: String)
        /// A kind, relation or source is declared twice.
        case duplicateDeclaration(id: String, of: Declaration)
        /// A kind declaration's style is not one Graphviz can draw safely.
        case invalidStyle(String)
        /// A language code is not of the form `en`, `hi`, `pt-BR`.
        case invalidLanguage(String)
        /// A label or text is empty.
        case emptyText(field: String)
        /// An attribute name breaks the rules or takes the name of a built-in field.
        case invalidAttributeName(String)
        /// A text (`field`: "label", "type", an attribute's name…) holds a C0 control character
        /// other than tab and line feed (see ``ControlCharacters``).
        case controlCharacter(Unicode.Scalar, field: String)
        /// A text under `ui:` does not mark the values its word takes.
        case invalidUIText(String)
    }

    package let reason: Reason

    package init(_ reason: Reason) { self.reason = reason }

    package static func invalidIdentifier(_ value0: String, role: IdentifierRole) -> Self { Self(.invalidIdentifier(value0, role: role)) }
    package static func duplicateNode(id: String) -> Self { Self(.duplicateNode(id: id)) }
    package static func unknownNode(id: String, suggestion: String?) -> Self { Self(.unknownNode(id: id, suggestion: suggestion)) }
    package static func unknownKind(_ value0: NodeKind, known: [NodeKind], suggestion: NodeKind?) -> Self {
        Self(.unknownKind(value0, known: known, suggestion: suggestion))
    }
    package static func unknownSource(id: String, suggestion: String?) -> Self { Self(.unknownSource(id: id, suggestion: suggestion)) }
    package static func duplicateEdge(from: String, to: String, relation: String) -> Self { Self(.duplicateEdge(from: from, to: to, relation: relation)) }
    package static func duplicateEdgeID(id: String) -> Self { Self(.duplicateEdgeID(id: id)) }
    package static func duplicateDeclaration(id: String, of: Declaration) -> Self { Self(.duplicateDeclaration(id: id, of: of)) }
    package static func invalidStyle(_ value: String) -> Self { Self(.invalidStyle(value)) }
    package static func invalidLanguage(_ value: String) -> Self { Self(.invalidLanguage(value)) }
    package static func emptyText(field: String) -> Self { Self(.emptyText(field: field)) }
    package static func invalidAttributeName(_ value: String) -> Self { Self(.invalidAttributeName(value)) }
    package static func controlCharacter(_ value0: Unicode.Scalar, field: String) -> Self { Self(.controlCharacter(value0, field: field)) }
    package static func invalidUIText(_ problem: String) -> Self { Self(.invalidUIText(problem)) }

    public var code: Code {
        switch reason {
        case .invalidIdentifier: return .invalidIdentifier
        case .duplicateNode: return .duplicateNode
        case .unknownNode: return .unknownNode
        case .unknownKind: return .unknownKind
        case .unknownSource: return .unknownSource
        case .duplicateEdge: return .duplicateEdge
        case .duplicateEdgeID: return .duplicateEdgeID
        case .duplicateDeclaration: return .duplicateDeclaration
        case .invalidStyle: return .invalidStyle
        case .invalidLanguage: return .invalidLanguage
        case .emptyText: return .emptyText
        case .invalidAttributeName: return .invalidAttributeName
        case .controlCharacter: return .controlCharacter
        case .invalidUIText: return .invalidUIText
        }
    }

    /// Whose id an id is.
    public enum IdentifierRole: String, Hashable, Sendable {
        case node = "node id", edge = "edge id", kind, relation, source = "source id"
    }

    /// What can be declared under `sources:`, `kinds:` and `relations:`.
    public enum Declaration: String, Hashable, Sendable {
        case source, kind, relation
    }

    public var description: String {
        switch reason {
        case let .invalidIdentifier(id, role):
            return "\(role.rawValue) '\(id)' is not a valid id: it \(Identifier.problem(with: id))"
        case let .duplicateNode(id):
            return "node id '\(id)' is used twice; give each node its own id"
        case let .unknownNode(id, suggestion):
            return "no node has the id '\(id)'" + Self.didYouMean(suggestion)
        case let .unknownKind(kind, known, suggestion):
            let list = known.map(\.rawValue).joined(separator: ", ")
            let hint = suggestion.map { " (did you mean '\($0.rawValue)'?)" } ?? ""
            return "unknown kind '\(kind.rawValue)'\(hint); the kinds are \(list); declare others under 'kinds:'"
        case let .unknownSource(id, suggestion):
            return "no source has the id '\(id)'" + Self.didYouMean(suggestion)
                + (suggestion == nil ? "; declare it under 'sources:'" : "")
        case let .duplicateEdge(from, to, relation):
            return
                "duplicate edge '\(from)' -[\(relation)]-> '\(to)' with the same dates; remove one, or tell them apart by their dates or by giving each an 'id' (parallel edges)"
        case let .duplicateEdgeID(id):
            return "edge id '\(id)' is used twice; give each edge its own id"
        case let .duplicateDeclaration(id, of):
            return "\(of.rawValue) '\(id)' is declared twice"
        case .invalidStyle(let problem), .invalidUIText(let problem):
            return problem
        case .invalidLanguage(let code):
            return "'\(code)' is not a language code; use codes like en, hi, ru or pt-BR"
        case .emptyText(let field):
            return "'\(field)' is empty; give a text or leave the key out"
        case let .controlCharacter(scalar, field):
            return "'\(field)' holds the control character \(ControlCharacters.name(scalar)), which SVG, GraphML and terminals cannot carry; remove it"
        case .invalidAttributeName(let name):
            return
                "'\(name)' cannot name an attribute: names follow the id rules without ':', and may not be a built-in field (id, kind, type, label, label_…, date, start, end, source, from, to, relation); rename it"
        }
    }

    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// Everything wrong with a graph that could only be checked once it was complete.
public struct GraphBuildError: Error, Sendable, CustomStringConvertible {
    /// Which part of the graph a problem is about.
    public enum Element: Hashable, Sendable {
        case nodeKind(Int)
        case nodeSource(Int)
        case edge(Int)
        case edgeFrom(Int)
        case edgeTo(Int)
        case edgeSource(Int)
    }

    public struct Problem: Sendable {
        public var element: Element
        public var error: GraphError
        /// For a duplicate, the element it repeats.
        public var original: Element?
    }

    public var problems: [Problem]

    public var description: String {
        problems.map(\.error.description).joined(separator: "\n")
    }
}

extension GraphBuildError.Element {
    /// Orders problems as the elements appear: nodes first, then edges.
    package var order: (Int, Int, Int) {
        switch self {
        case .nodeKind(let index): return (0, index, 1)
        case .nodeSource(let index): return (0, index, 2)
        case .edge(let index): return (1, index, 0)
        case .edgeFrom(let index): return (1, index, 1)
        case .edgeTo(let index): return (1, index, 2)
        case .edgeSource(let index): return (1, index, 3)
        }
    }

    /// Whether the problem is about a node (else an edge).
    package var isNode: Bool {
        switch self {
        case .nodeKind, .nodeSource: return true
        case .edge, .edgeFrom, .edgeTo, .edgeSource: return false
        }
    }

    /// The index of the node or edge the problem is about.
    package var index: Int {
        switch self {
        case .nodeKind(let index), .nodeSource(let index), .edge(let index), .edgeFrom(let index),
            .edgeTo(let index), .edgeSource(let index):
            return index
        }
    }
}
