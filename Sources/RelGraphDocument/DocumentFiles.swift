import Foundation
import RelGraphCore

extension GraphDocument {
    /// Reads the YAML or JSON graph document at `path`. A large JSON file is mapped and the
    /// elements of its lists read on every core; a FIFO or a device is read as it comes.
    ///
    /// - Complexity: O(*n*) in the size of the file.
    public static func read(documentAt path: String, syntax: Syntax) throws(GraphLoadError) -> Graph {
        // A FIFO or a device is read as it comes, as a file is.
        switch syntax {
        case .json:
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            guard let size = regularFileSize(descriptor) else {
                return try decode(PipelinedTokenReader(JSONTokenReader(input: ByteInput(descriptor: descriptor))), fileName: path)
            }
            if size < pipelineThreshold { return try decode(JSONTokenReader(input: ByteInput(descriptor: descriptor)), fileName: path) }
            // A large file is mapped, and the elements of its lists read on every core.
            let file: FileBytes
            do {
                file = try FileBytes(path: path, access: .sequential)
            } catch {
                throw .unreadable(path: path, reason: error.reason)
            }
            let ranged = RangedElements(file: file)
            // A document on one line has no line feed to cut it at: read as a stream, as a FIFO is.
            guard ranged.isCut else {
                return try decode(PipelinedTokenReader(JSONTokenReader(input: ByteInput(descriptor: descriptor))), fileName: path)
            }
            return try decodeJSON(ranged, fileName: path)
        case .yaml:
            // libyaml parses from memory: the file mapped, or read whole.
            let file: FileBytes
            do {
                file = try FileBytes(path: path, access: .sequential)
            } catch {
                throw .unreadable(path: path, reason: error.reason)
            }
            let reader = YAMLTokenReader(bytes: file.buffer)
            if file.buffer.count < pipelineThreshold { return try decode(reader, fileName: path) }
            return try decode(PipelinedTokenReader(reader), fileName: path)
        }
    }

    /// Decodes JSON held in memory as a large file is decoded, cut into ranges of about
    /// `rangeBytes` (tests and the fuzz target make them tiny, and compare with reading whole).
    @_spi(Testing) public static func decodeJSON(_ bytes: some Collection<UInt8>, fileName: String, rangeBytes: Int) throws(DocumentError) -> Graph {
        do {
            return try decodeJSON(RangedElements(file: FileBytes(copying: bytes), chunkBytes: rangeBytes), fileName: fileName)
        } catch {
            guard let documentError = error.underlying as? DocumentError else { preconditionFailure("decoding memory cannot fail to read") }
            throw documentError
        }
    }

    /// Documents smaller than this many bytes are read and decoded on one thread: starting a
    /// reading thread costs more than the overlap saves (a 17 KB document decodes in well under
    /// a millisecond), and start-up time is what a small file's command waits for.
    static let pipelineThreshold = 1 << 20

    /// The size of the regular file open at `descriptor`; nil for a FIFO, a device or a failure.
    private static func regularFileSize(_ descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }
}
