/// What a user can do to get past a ``Diagnostic``, as data: the library phrases it in the
/// terms of its own API (``description``), and a front end in its own (a command line names
/// its flags). New remedies may be added; a front end that does not know one prints
/// ``description``.
public struct Remedy: Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case nameTheFormat
        case readNeo4jFilesByName
        case skipDuplicateNodes
        case skipBadRelationships
        case checkDelimiterAndQuote
        case nameTheRelationshipType
        case rewriteSnapshot
        case readThroughAStream
        case drawLess
        case drawLessOrUseScalableLayout
        case giveTheParameter
        case allowMoreTime
        case allowMoreRows
    }

    private let code: Code

    /// The input's format cannot be told from its name or its first bytes: name it.
    public static let nameTheFormat = Remedy(code: .nameTheFormat)
    /// A folder or file set that is not a RelGraph neo4j-csv folder: read its files by name,
    /// as Neo4j's importer does (`Neo4jImport`).
    public static let readNeo4jFilesByName = Remedy(code: .readNeo4jFilesByName)
    /// Keep the first of nodes that share an id (`Neo4jImport.skipDuplicateNodes`).
    public static let skipDuplicateNodes = Remedy(code: .skipDuplicateNodes)
    /// Leave out relationships to missing nodes (`Neo4jImport.skipBadRelationships`).
    public static let skipBadRelationships = Remedy(code: .skipBadRelationships)
    /// A record's fields do not line up with its header: check the delimiter and the quote
    /// character (`CSVDialect`), and quote fields that hold them.
    public static let checkDelimiterAndQuote = Remedy(code: .checkDelimiterAndQuote)
    /// Relationships without a `:TYPE` column: give their files a type.
    public static let nameTheRelationshipType = Remedy(code: .nameTheRelationshipType)
    /// A damaged or foreign snapshot: write it again from its source graph (`SnapshotWriter`).
    public static let rewriteSnapshot = Remedy(code: .rewriteSnapshot)
    /// The input is not a regular file (a pipe, a device): read it as a stream.
    public static let readThroughAStream = Remedy(code: .readThroughAStream)
    /// A drawing too large for its layout engine: draw a smaller view (by focus, kind,
    /// relation or date).
    public static let drawLess = Remedy(code: .drawLess)
    /// A drawing too large for its layout engine, but not for sfdp: draw less, or use sfdp.
    public static let drawLessOrUseScalableLayout = Remedy(code: .drawLessOrUseScalableLayout)

    /// A query names a parameter that was not given: give it a value.
    public static let giveTheParameter = Remedy(code: .giveTheParameter)
    /// A query ran out of time: allow it more (`QueryLimits.timeLimit`), or bound its patterns.
    public static let allowMoreTime = Remedy(code: .allowMoreTime)
    /// A query made more rows than it may hold: allow more (`QueryLimits.maximumRows`), or bound its patterns.
    public static let allowMoreRows = Remedy(code: .allowMoreRows)

    /// The remedy in the library's terms.
    public var description: String {
        switch code {
        case .nameTheFormat: return "name its format"
        case .readNeo4jFilesByName: return "read its files by name with Neo4jImport's node and relationship groups"
        case .skipDuplicateNodes: return "or keep the first of them (Neo4jImport.skipDuplicateNodes)"
        case .skipBadRelationships: return "or leave such relationships out (Neo4jImport.skipBadRelationships)"
        case .checkDelimiterAndQuote: return "check the delimiter and the quote character, and quote fields that hold them"
        case .nameTheRelationshipType: return "add a :TYPE column or give the files a type"
        case .rewriteSnapshot: return "write it again from its source graph with SnapshotWriter"
        case .readThroughAStream: return "read it as a stream instead"
        case .drawLess: return "draw a smaller view (by focus, kind, relation or date)"
        case .giveTheParameter: return "give it a value among the query's parameters"
        case .allowMoreTime: return "allow it more time (QueryLimits.timeLimit)"
        case .allowMoreRows: return "allow it more rows (QueryLimits.maximumRows)"
        case .drawLessOrUseScalableLayout: return "draw a smaller view (by focus, kind, relation or date), or use the sfdp layout"
        }
    }
}
