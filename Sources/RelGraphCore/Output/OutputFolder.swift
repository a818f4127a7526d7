import Foundation

/// A folder of files (a neo4j-csv export) written whole or not at all.
///
/// Every file is written into a temporary folder beside the destination. On ``commit()``,
/// a destination that does not exist yet is replaced by that folder in one rename; in an
/// existing folder, each file is moved into place, and if one cannot be, the files already
/// moved are put back as they were, so the folder never holds a mix of old and new files.
/// Other files in an existing folder are left alone. Until commit, and on any failure or
/// interruption, the temporary folder is removed.
public final class OutputFolder {
    /// The destination folder.
    public let path: String
    private let temporaryPath: String
    private let destinationExists: Bool
    private var names: [String] = []
    private var committed = false

    /// Prepares a temporary folder beside `path`.
    ///
    /// - Throws: ``OutputError`` (``OutputError/Code/cannotCreate``) when `path` is a file, or the
    ///   temporary folder cannot be made (a missing parent, no permission).
    public init(path: String) throws(OutputError) {
        self.path = path
        var status = stat()
        destinationExists = stat(path, &status) == 0
        if destinationExists, (status.st_mode & S_IFMT) != S_IFDIR {
            throw .cannotCreate(path: path, reason: "it exists and is not a folder")
        }
        temporaryPath = OutputFile.temporaryPath(beside: path)
        TemporaryFiles.began(temporaryPath)
        guard mkdir(temporaryPath, 0o777) == 0 else {
            let reason = OutputFile.reason()
            TemporaryFiles.ended(temporaryPath)
            throw .cannotCreate(path: path, reason: reason)
        }
    }

    deinit {
        if !committed { removeTemporaryFolder() }
    }

    /// A file of the folder, to write and commit; it lands in the destination on ``commit()``.
    public func file(named name: String) throws(OutputError) -> OutputFile {
        names.append(name)
        return try OutputFile(path: "\(temporaryPath)/\(name)")
    }

    /// Moves the folder's files into place, all of them or none.
    public func commit() throws(OutputError) {
        if !destinationExists {
            guard rename(temporaryPath, path) == 0 else { throw .cannotCreate(path: path, reason: OutputFile.reason()) }
            committed = true
            TemporaryFiles.ended(temporaryPath)
            return
        }
        // Keep each replaced file under a second name (a hard link) until every new file is in.
        for name in names where access("\(path)/\(name)", F_OK) == 0 {
            guard link("\(path)/\(name)", "\(temporaryPath)/\(name).previous") == 0 else {
                throw .cannotCreate(path: "\(path)/\(name)", reason: OutputFile.reason())
            }
        }
        for (position, name) in names.enumerated() where rename("\(temporaryPath)/\(name)", "\(path)/\(name)") != 0 {
            let reason = OutputFile.reason()
            for moved in names.prefix(position) {
                if rename("\(temporaryPath)/\(moved).previous", "\(path)/\(moved)") != 0 { unlink("\(path)/\(moved)") }
            }
            throw .cannotCreate(path: "\(path)/\(name)", reason: reason)
        }
        committed = true
        removeTemporaryFolder()
    }

    private func removeTemporaryFolder() {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: temporaryPath) {
            for entry in entries { unlink("\(temporaryPath)/\(entry)") }
        }
        rmdir(temporaryPath)
        TemporaryFiles.ended(temporaryPath)
    }
}
