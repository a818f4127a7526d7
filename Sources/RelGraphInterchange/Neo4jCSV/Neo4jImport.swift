import Foundation
import RelGraphCore
import RelGraphDocument

/// What `neo4j-admin database import full` is given: groups of node files (each with the
/// labels named on its command line) and of relationship files (each with a default type),
/// the CSV dialect, and how to treat duplicates and dangling relationships.
///
/// ```swift
/// var request = Neo4jImport()
/// request.nodeGroups = [.init(labels: ["Movie"], files: ["movies_header.csv", "movies.csv"])]
/// request.relationshipGroups = [.init(type: "ACTED_IN", files: ["roles.csv"])]
/// let result = try request.read()
/// ```
public struct Neo4jImport: Sendable {
    public struct NodeGroup: Sendable, Hashable {
        /// Labels every node of these files has, besides those in `:LABEL` columns.
        public var labels: [String]
        /// The files: the first one's first line is the header; every other line is data.
        public var files: [String]

        public init(labels: [String] = [], files: [String]) {
            self.labels = labels
            self.files = files
        }

        /// Reads neo4j-admin's `--nodes` value: `[LABEL[:LABEL]...=]FILE[,FILE]...`.
        public init(argument: String) {
            let (prefix, files) = Neo4jImport.splitGroup(argument)
            self.init(labels: prefix.map { $0.split(separator: ":").map(String.init) } ?? [], files: files)
        }
    }

    public struct RelationshipGroup: Sendable, Hashable {
        /// The type of relationships whose `:TYPE` is empty or missing.
        public var type: String?
        public var files: [String]

        public init(type: String? = nil, files: [String]) {
            self.type = type
            self.files = files
        }

        /// Reads neo4j-admin's `--relationships` value: `[TYPE=]FILE[,FILE]...`.
        public init(argument: String) {
            let (prefix, files) = Neo4jImport.splitGroup(argument)
            self.init(type: prefix, files: files)
        }
    }

    public var nodeGroups: [NodeGroup] = []
    public var relationshipGroups: [RelationshipGroup] = []
    public var dialect = CSVDialect()
    /// `--id-type integer`: ids compare as integers.
    public var integerIDs = false
    /// `--skip-duplicate-nodes`: a node whose id was seen keeps the first one.
    public var skipDuplicateNodes = false
    /// `--skip-bad-relationships`: a relationship to a missing node is left out.
    public var skipBadRelationships = false
    /// A RelGraph `declarations.json` (title, sources, kinds, relations) to read first.
    public var declarations: String?
    /// How many bytes of a file a thread parses at a time: tests and the fuzz target make it
    /// tiny, so that ranges are cut inside quoted fields, and compare with reading whole.
    @_spi(Testing) public var chunkBytes = Neo4jCSV.chunkBytes
    /// Whether plain relationship records are made straight from their bytes (tests and the
    /// fuzz target compare with the general path).
    @_spi(Testing) public var readsPlainRecordsDirectly = true

    public init() {}

    static func splitGroup(_ argument: String) -> (String?, [String]) {
        // neo4j-admin splits at the first '=' (file names may hold '=' only after it).
        guard let equals = argument.firstIndex(of: "=") else {
            return (nil, argument.split(separator: ",").map(String.init))
        }
        let prefix = String(argument[..<equals])
        let files = argument[argument.index(after: equals)...].split(separator: ",").map(String.init)
        return (prefix.isEmpty ? nil : prefix, files)
    }
}
