import CUnfinishedFiles
import RelGraph

/// The temporary files being written right now, so that an interrupted `relgraph` (Ctrl-C,
/// `kill`) removes them instead of leaving hidden partial files beside their targets.
///
/// The library's output files tell the watcher bound to the task (``TemporaryFiles``); the
/// command line binds this one and installs ``removeAllOnTermination()`` once; on SIGINT,
/// SIGTERM or SIGHUP the handler unlinks every registered path and lets the signal end the
/// process as it would have. The table and the handler are C (`CUnfinishedFiles`): a signal
/// handler must not reach the Swift runtime, which may allocate, and a signal that arrives
/// inside `malloc` would then wait forever for the lock its own thread holds. Beyond 64
/// files at once the rest are not remembered (they are still removed on every other kind of
/// failure).
struct UnfinishedFiles: TemporaryFileWatcher {
    func began(_ path: String) { relgraph_unfinished_remember(path) }
    func ended(_ path: String) { relgraph_unfinished_forget(path) }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every unfinished file and
    /// then end the process by the same signal, with its usual exit status; unblocks them too.
    static func removeAllOnTermination() { relgraph_unfinished_remove_on_termination() }
}
