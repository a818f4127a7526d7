import Foundation
import RelGraphCore

/// Reading graph documents (YAML, JSON) and `neo4j-csv` folders from disk or memory.
public enum GraphDocument {
    /// The syntaxes a graph document may be written in.
    public enum Syntax: String, Sendable, CaseIterable {
        case yaml, json

        /// The syntax a file's extension names (`.yaml`, `.yml`, `.json`), if any.
        public init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "yaml", "yml": self = .yaml
            case "json": self = .json
            default: return nil
            }
        }
    }

    /// Decodes a document held in memory; `fileName` is used in error messages.
    public static func decode(_ bytes: some Collection<UInt8>, syntax: Syntax, fileName: String) throws(DocumentError) -> Graph {
        do {
            switch syntax {
            case .json: return try decode(JSONTokenReader(input: ByteInput(bytes: bytes)), fileName: fileName)
            case .yaml: return try decode(YAMLTokenReader(bytes: bytes), fileName: fileName)
            }
        } catch {
            guard case .invalidDocument(let documentError) = error else { preconditionFailure("decoding memory cannot fail to read") }
            throw documentError
        }
    }

    /// Decodes a document held in a string.
    public static func decode(_ text: String, syntax: Syntax, fileName: String = "<input>") throws(DocumentError) -> Graph {
        try decode(Array(text.utf8), syntax: syntax, fileName: fileName)
    }

    /// Decodes a JSON document cut into ranges, the elements of its lists read on every core
    /// (see ``RangedElements``); a document without line feeds to cut it at is read as a stream
    /// on two threads.
    package static func decodeJSON(_ ranged: RangedElements, fileName: String) throws(GraphLoadError) -> Graph {
        let reader = JSONTokenReader(input: ByteInput(file: ranged.file, at: ByteInput.Mark(lineStartingAt: 0, line: 1)))
        guard ranged.isCut else { return try decode(PipelinedTokenReader(reader), fileName: fileName) }
        return try decode(reader, fileName: fileName, ranged: ranged)
    }

    static func decode(_ reader: some TokenReader, fileName: String, ranged: RangedElements? = nil) throws(GraphLoadError) -> Graph {
        var decoder = DocumentDecoder(reader: reader)
        decoder.ranged = ranged
        switch decoder.decode() {
        case .success(let graph):
            return graph
        case .failure(let problems):
            throw .invalidDocument(DocumentError(diagnostics: problems.problems.map {
                Diagnostic(location: SourceLocation(file: fileName, position: $0.position), problem: $0.problem)
            }))
        }
    }
}

/// Why a graph could not be read from a file.
public enum GraphLoadError: Error, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case fileNotFound(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The path's extension names no format RelGraph reads.
    case unsupportedFileType(path: String)
    /// A folder that holds no Neo4j CSV files.
    case notNeo4jFolder(path: String)
    /// The file was read but is not a valid graph; every problem is listed.
    case invalidDocument(DocumentError)
    /// The file is a snapshot (`.rgpack`) that cannot be opened: truncated, corrupted, foreign
    /// or newer; `message` says which, with the file's name and what to do.
    case invalidSnapshot(message: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): error: no such file or folder"
        case let .unreadable(path, reason):
            return "\(path): error: cannot read the file: \(reason)"
        case .unsupportedFileType(let path):
            return "\(path): error: unknown file type; RelGraph reads .yaml, .yml and .json documents, .dot and .gv files, .graphml files, .rgpack snapshots and neo4j-csv folders; name the format with --from"
        case .notNeo4jFolder(let path):
            return "\(path): error: this folder is not a neo4j-csv folder: it has no nodes.csv and no .csv file whose header has an :ID column; name the files with 'relgraph import --nodes FILES --relationships FILES'"
        case .invalidDocument(let error):
            return error.description
        case .invalidSnapshot(let message):
            return message
        }
    }
}
