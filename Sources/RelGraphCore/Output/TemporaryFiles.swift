/// Who is told of the temporary files ``OutputFile`` and ``OutputFolder`` write beside their
/// destinations until they are complete: a program that can be interrupted (Ctrl-C, `kill`)
/// watches them so that it can remove them instead of leaving hidden partial files behind.
///
/// The library keeps no list of its own; it tells the watcher bound to the current task:
///
/// ```swift
/// try TemporaryFiles.$watcher.withValue(myWatcher) { try graph.writeSnapshot(to: path) }
/// ```
public enum TemporaryFiles {
    /// The watcher output started in this task tells, if any.
    @TaskLocal public static var watcher: (any TemporaryFileWatcher)?

    static func began(_ path: String) { watcher?.began(path) }
    static func ended(_ path: String) { watcher?.ended(path) }
}

/// Watches temporary files (see ``TemporaryFiles``).
public protocol TemporaryFileWatcher: Sendable {
    /// `path` is being written: remove it if the program is interrupted.
    func began(_ path: String)
    /// `path` is gone or in place: leave it alone.
    func ended(_ path: String)
}
