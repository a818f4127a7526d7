/// A problem with a graph's content, whatever it was read from.
public enum GraphError: Error, Hashable, Sendable, CustomStringConvertible {
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

    /// Whose id an id is.
    public enum IdentifierRole: String, Hashable, Sendable {
        case node = "node id", edge = "edge id", kind, relation, source = "source id"
    }

    /// What can be declared under `sources:`, `kinds:` and `relations:`.
    public enum Declaration: String, Hashable, Sendable {
        case source, kind, relation
    }

    public var description: String {
        switch self {
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
            return "duplicate edge '\(from)' -[\(relation)]-> '\(to)' with the same dates; remove one, or tell them apart by their dates or by giving each an 'id' (parallel edges)"
        case let .duplicateEdgeID(id):
            return "edge id '\(id)' is used twice; give each edge its own id"
        case let .duplicateDeclaration(id, of):
            return "\(of.rawValue) '\(id)' is declared twice"
        case .invalidStyle(let problem):
            return problem
        case .invalidLanguage(let code):
            return "'\(code)' is not a language code; use codes like en, hi, ru or pt-BR"
        case .emptyText(let field):
            return "'\(field)' is empty; give a text or leave the key out"
        case let .controlCharacter(scalar, field):
            return "'\(field)' holds the control character \(ControlCharacters.name(scalar)), which SVG, GraphML and terminals cannot carry; remove it"
        case .invalidAttributeName(let name):
            return "'\(name)' cannot name an attribute: names follow the id rules without ':', and may not be a built-in field (id, kind, type, label, label_…, date, start, end, source, from, to, relation); rename it"
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
