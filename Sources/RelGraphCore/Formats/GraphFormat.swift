/// A format RelGraph reads, writes or both: what it is called, the file extensions that name it,
/// how to recognise it by its content, and its reader and writer.
///
/// Each format is declared once, beside its reader and writer, in the module that owns them
/// (``GraphFormat/rgpack`` here, the documents in RelGraphDocument, GraphML, GEXF, Cypher and
/// neo4j-csv in RelGraphInterchange, DOT in RelGraphGraphviz); a ``GraphFormats`` registry
/// lists the ones a program knows, and is the only place that chooses among them.
public struct GraphFormat: Sendable, CustomStringConvertible {
    /// Whether the format is one file or a folder of files.
    public enum Layout: Sendable, Hashable {
        case file, folder
    }

    /// The name `--from` and `--to` take (`graphml`, `neo4j-csv`).
    public let name: String
    /// What it is, for help texts: "GraphML (NetworkX, Gephi, yEd)".
    public let summary: String
    /// The extensions that name it, lowercased, without the dot; the first is the usual one.
    public let fileExtensions: [String]
    public let layout: Layout
    /// Whether it is binary (never written to a terminal).
    public let isBinary: Bool
    /// Recognises the format by its content (its first bytes, or a folder's files).
    let recognizer: (@Sendable (FormatProbe) -> Bool)?
    public let reader: Reader?
    public let writer: Writer?

    public init(
        name: String, summary: String, fileExtensions: [String], layout: Layout = .file, isBinary: Bool = false,
        recognizer: (@Sendable (FormatProbe) -> Bool)? = nil, reader: Reader?, writer: Writer?
    ) {
        self.name = name
        self.summary = summary
        self.fileExtensions = fileExtensions
        self.layout = layout
        self.isBinary = isBinary
        self.recognizer = recognizer
        self.reader = reader
        self.writer = writer
    }

    public var description: String { name }

    /// Whether `probe`'s content is of this format.
    public func recognizes(_ probe: FormatProbe) -> Bool { recognizer?(probe) ?? false }

    /// How a format is read: from a path (a file or a folder), and, for formats of one file,
    /// from bytes in memory (standard input, or a file whose name says another format).
    public struct Reader: Sendable {
        public typealias FromPath = @Sendable (_ path: String, _ options: ReadOptions) throws(GraphLoadError) -> ImportedGraph
        public typealias FromBytes = @Sendable (_ bytes: [UInt8], _ fileName: String, _ options: ReadOptions) throws(GraphLoadError) -> ImportedGraph

        let fromPath: FromPath
        let fromBytes: FromBytes?
        /// Whether the reader counts the bytes it has read (``ProgressCounter``), so that a
        /// progress line can show how far it is.
        public let countsProgress: Bool

        public init(countsProgress: Bool = true, fromPath: @escaping FromPath, fromBytes: FromBytes?) {
            self.fromPath = fromPath
            self.fromBytes = fromBytes
            self.countsProgress = countsProgress
        }
    }

    /// How a format is written: as a stream into one file (or standard output), or as a folder.
    /// Either gives back warnings about what the format cannot carry.
    public enum Writer: Sendable {
        public typealias ToFile = @Sendable (_ graph: Graph, _ options: WriteOptions, _ file: inout OutputFile) -> [Diagnostic]
        public typealias ToFolder = @Sendable (_ graph: Graph, _ options: WriteOptions, _ path: String) throws(OutputError) -> [Diagnostic]

        case file(ToFile)
        case folder(ToFolder)
    }
}

/// How the readers that need them fill what a format leaves out.
public struct ReadOptions: Sendable {
    /// The kind of nodes the file gives none (DOT, GraphML).
    public var defaultKind: NodeKind = .actor
    /// The relation of edges the file gives none (DOT, GraphML).
    public var defaultRelation = "linked-to"

    public init() {}
}

/// What the writers that have choices choose.
public struct WriteOptions: Sendable {
    /// The language of displayed labels (DOT, GraphML, GEXF, Cypher, CSV).
    public var language = "en"
    /// The dialect of a format written for several servers (Cypher: `neo4j`, `falkordb`, `kuzu`);
    /// nil for the format's default.
    public var dialect: String?

    public init(language: String = "en", dialect: String? = nil) {
        self.language = language
        self.dialect = dialect
    }
}

/// What a registry knows of an input before choosing its reader: its path, whether it is a
/// folder, and the first bytes of a regular file.
public struct FormatProbe: Sendable {
    public let path: String
    public let isFolder: Bool
    /// Up to the first 64 bytes of a regular file; empty for anything else (reading a FIFO
    /// would take them from its real reader).
    public let firstBytes: [UInt8]

    public init(path: String, isFolder: Bool, firstBytes: [UInt8]) {
        self.path = path
        self.isFolder = isFolder
        self.firstBytes = firstBytes
    }
}
