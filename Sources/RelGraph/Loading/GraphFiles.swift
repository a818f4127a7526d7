import Foundation

/// Reading a graph from a path, whatever it holds: the one place that knows every reader, so
/// that readers of one format never call readers of another.
extension GraphDocument {
    /// Reads the graph at `path`: a `.yaml`/`.yml`/`.json` document or a `neo4j-csv` folder.
    public static func read(contentsOf path: String) throws(GraphLoadError) -> Graph {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { return try Neo4jCSV.read(folder: path) }
        guard let syntax = Syntax(fileExtension: (path as NSString).pathExtension) else {
            throw .unsupportedFileType(path: path)
        }
        switch syntax {
        case .json:
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            return try decode(PipelinedTokenReader(JSONTokenReader(input: ByteInput(descriptor: descriptor))), fileName: path)
        case .yaml:
            let bytes: [UInt8]
            do {
                bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
            }
            return try decode(PipelinedTokenReader(YAMLTokenReader(bytes: bytes)), fileName: path)
        }
    }
}
