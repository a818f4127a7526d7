import Foundation

/// A folder of part files (`export --to jsonl|parquet`), written whole and replacing an earlier
/// export whole, so that part files of two exports never mix (an export with fewer parts would
/// otherwise leave the old ones behind, and engines read every file in the folder).
///
/// Everything is written into a temporary folder beside the destination. On ``commit()`` a
/// destination that does not exist is replaced by it in one rename; an empty folder, or an
/// earlier export (a folder with `graph.json`), is moved aside, replaced, then removed. Any
/// other existing folder is refused: it may hold a user's files. Until commit, and on any
/// failure, the temporary folder is removed.
public final class PartFolder {
    public let path: String
    private let temporaryPath: String
    private var committed = false

    /// Prepares a temporary folder beside `path`, with `subfolders` inside it.
    public init(path: String, subfolders: [String]) throws(OutputError) {
        self.path = path
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw .cannotCreate(path: path, reason: "it exists and is not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard entries.isEmpty || entries.contains("graph.json") else {
                throw .cannotCreate(path: path, reason: "it is a folder that holds other files (an export folder has graph.json); name a new or empty folder")
            }
        }
        let url = URL(fileURLWithPath: path)
        temporaryPath = "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).relgraph-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        TemporaryFiles.began(temporaryPath)
        guard mkdir(temporaryPath, 0o777) == 0 else {
            let reason = OutputFile.reason()
            TemporaryFiles.ended(temporaryPath)
            throw .cannotCreate(path: path, reason: reason)
        }
        for subfolder in subfolders where mkdir("\(temporaryPath)/\(subfolder)", 0o777) != 0 {
            let reason = OutputFile.reason()
            remove(temporaryPath)
            throw .cannotCreate(path: "\(path)/\(subfolder)", reason: reason)
        }
    }

    deinit {
        if !committed { remove(temporaryPath) }
    }

    /// A file of the folder (`nodes/part-00000.jsonl`), to write and commit.
    public func file(named name: String) throws(OutputError) -> OutputFile {
        try OutputFile(path: "\(temporaryPath)/\(name)")
    }

    /// The temporary folder's path, for files another program writes into it.
    public var stagingPath: String { temporaryPath }

    /// Puts the folder in place of the destination.
    public func commit() throws(OutputError) {
        var status = stat()
        if stat(path, &status) == 0 {
            let aside = "\(temporaryPath).previous"
            guard rename(path, aside) == 0 else { throw .cannotCreate(path: path, reason: OutputFile.reason()) }
            guard rename(temporaryPath, path) == 0 else {
                let reason = OutputFile.reason()
                _ = rename(aside, path)
                throw .cannotCreate(path: path, reason: reason)
            }
            remove(aside)
        } else {
            guard rename(temporaryPath, path) == 0 else { throw .cannotCreate(path: path, reason: OutputFile.reason()) }
        }
        committed = true
        TemporaryFiles.ended(temporaryPath)
    }

    private func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
        TemporaryFiles.ended(folder)
    }
}
