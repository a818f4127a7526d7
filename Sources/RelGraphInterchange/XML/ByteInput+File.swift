import Foundation
import RelGraphCore
import RelGraphDocument

extension ByteInput {
    /// Runs `read` over the file at `path`, open for the call only: a missing file, or one that
    /// cannot be opened, is the load error that names it.
    ///
    /// - Complexity: O(1) beyond `read`.
    static func readingFile<Result>(at path: String, _ read: (ByteInput) throws(GraphLoadError) -> Result) throws(GraphLoadError) -> Result {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        return try read(ByteInput(descriptor: descriptor))
    }
}
