import RelGraphCore

/// What is wrong at one place in a graph document.
package enum DocumentProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file holds nothing.
    case empty
    /// The JSON or YAML itself is malformed; the text comes from the parser.
    case syntax(String)
    /// Bytes that are not UTF-8.
    case invalidUTF8
    /// YAML aliases would expand to more values than any real document holds.
    case aliasExpansionTooLarge(limit: Int)
    /// Lists and maps nested deeper than a document ever needs.
    case nestingTooDeep(limit: Int)
    /// A value of the wrong shape: `expected` and `found` read as "a list", "a string"…
    case typeMismatch(key: String, expected: String, found: String)
    /// A required key is absent.
    case missingKey(String, in: String, hint: String)
    /// A key the format does not have.
    case unknownKey(String, in: String, suggestion: String?, allowed: [String])
    /// A key given twice in one map.
    case duplicateKey(String, first: TextPosition)
    /// `relgraph:` names a version this program does not read.
    case unsupportedVersion(String)
    /// A date that is malformed or does not exist.
    case invalidDate(key: String, DateError)
    /// `date` with `start`/`end`, or an end before its start.
    case invalidTiming(TimingError)
    /// An attribute whose value is a list, a map or null.
    case nonScalarAttribute(name: String, found: String)
    /// A boolean key with another value.
    case notABoolean(key: String, value: String)
    /// A C0 control character (other than tab and line feed) in a text.
    case controlCharacter(Unicode.Scalar)
    /// A problem with the graph's content; `first` is where a duplicated element was first given.
    case graph(GraphError, first: TextPosition?)
    /// A CSV record whose field count differs from its header's.
    case fieldCount(found: Int, expected: Int)
    /// A Neo4j node key given to an earlier node too.
    case repeatedNodeKey(String)
    /// A Neo4j relationship to a key no node has.
    case missingRelationshipEnd(String)
    /// A Neo4j relationship with no type.
    case missingRelationshipType

    public var description: String {
        switch self {
        case .empty:
            return "the document is empty; a graph document starts with 'relgraph: 1' and lists 'nodes' and 'edges'"
        case .syntax(let message):
            return message
        case .invalidUTF8:
            return "the file is not valid UTF-8 text; save it as UTF-8"
        case .aliasExpansionTooLarge(let limit):
            return "YAML aliases expand to more than \(limit) values, far beyond any real document; refusing to expand them (is this an alias bomb?)"
        case .nestingTooDeep(let limit):
            return "lists and maps nest deeper than \(limit) levels; a graph document needs only a few"
        case let .typeMismatch(key, expected, found):
            return "'\(key)' must be \(expected), not \(found)"
        case let .missingKey(key, container, hint):
            return "\(container) lacks the required key '\(key)'; \(hint)"
        case let .unknownKey(key, container, suggestion, allowed):
            let hint =
                suggestion.map { "did you mean '\($0)'?" }
                ?? "the keys of \(container) are \(allowed.joined(separator: ", "))"
            return "unknown key '\(key)' in \(container); \(hint)"
        case let .duplicateKey(key, first):
            return "key '\(key)' is given twice in one map (first at line \(first.line), column \(first.column)); keep one"
        case .unsupportedVersion(let version):
            return "unsupported format version '\(version)'; this relgraph reads 'relgraph: 1'"
        case let .invalidDate(key, error):
            return "'\(key)': \(error)"
        case .invalidTiming(let error):
            return error.description
        case let .nonScalarAttribute(name, found):
            return "attribute '\(name)' must be a string, a number, a boolean or a list of those, not \(found); flatten it into separate attributes"
        case let .notABoolean(key, value):
            return "'\(key)' must be true or false, not '\(value)'"
        case .controlCharacter(let scalar):
            return "the control character \(ControlCharacters.name(scalar)) is not allowed in a text (SVG, GraphML and terminals cannot carry it); remove it"
        case let .graph(error, first):
            guard let first else { return error.description }
            return error.description + " (first given at line \(first.line), column \(first.column))"
        case let .fieldCount(found, expected):
            return "this record has \(found) fields; the header has \(expected)"
        case .repeatedNodeKey(let key):
            return "node id '\(key)' is used twice; give each node its own id"
        case .missingRelationshipEnd(let key):
            return "no node has the id '\(key)'; check the ID space and the node files"
        case .missingRelationshipType:
            return "this relationship has no type"
        }
    }

    /// What the user can do beyond what the message says, for a front end to phrase.
    public var remedy: Remedy? {
        switch self {
        case .fieldCount: return .checkDelimiterAndQuote
        case .repeatedNodeKey: return .skipDuplicateNodes
        case .missingRelationshipEnd: return .skipBadRelationships
        case .missingRelationshipType: return .nameTheRelationshipType
        default: return nil
        }
    }
}

extension Diagnostic {
    /// The error `problem` at `position` of `file`.
    package init(_ problem: DocumentProblem, in file: String, at position: TextPosition?) {
        self.init(.error, at: SourceLocation(file: file, position: position), problem.description, remedy: problem.remedy)
    }
}

/// A document that could not be read as a graph, with every problem found in it.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order they occur in the file.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.lines }
}

extension DocumentError {
    /// The load error of a file with these problems.
    public var loadError: GraphLoadError { .invalidContent(diagnostics, underlying: self) }
}
