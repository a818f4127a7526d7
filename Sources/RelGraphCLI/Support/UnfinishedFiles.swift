import Foundation
import RelGraph
import Synchronization

/// The temporary files being written right now, so that an interrupted `relgraph` (Ctrl-C,
/// `kill`) removes them instead of leaving hidden partial files beside their targets.
///
/// The library's output files tell the watcher bound to the task (``TemporaryFiles``); the
/// command line binds this one and installs ``removeAllOnTermination()`` once; on SIGINT,
/// SIGTERM or SIGHUP the handler unlinks every registered path and lets the signal end the
/// process as it would have.
///
/// The table is fixed in size and holds C strings, because a signal handler may only read
/// memory and call async-signal-safe functions (`unlink`, `signal`, `raise`): registration
/// takes a lock, the handler reads without one (a slot is filled before it is published and
/// cleared before its string is freed, so the handler sees a whole path or none).
struct UnfinishedFiles: TemporaryFileWatcher {
    static let capacity = 64

    /// Slots of `strdup`'ed paths. The program's one global table besides the Graphviz lock,
    /// and only here, in the command line: a signal handler can reach nothing else.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    private static let lock = Mutex(())

    /// Remembers `path` until ``unregister(_:)``. Beyond 64 files at once the rest are not
    /// remembered (they are still removed on every other kind of failure).
    static func register(_ path: String) {
        lock.withLock { _ in
            guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return }
            slots[slot] = strdup(path)
        }
    }

    static func unregister(_ path: String) {
        lock.withLock { _ in
            for slot in 0..<capacity {
                guard let stored = slots[slot], strcmp(stored, path) == 0 else { continue }
                slots[slot] = nil
                free(stored)
            }
        }
    }

    func began(_ path: String) { Self.register(path) }
    func ended(_ path: String) { Self.unregister(path) }

    /// The paths registered now.
    static var paths: [String] {
        lock.withLock { _ in (0..<capacity).compactMap { slots[$0].map { String(cString: $0) } } }
    }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every unfinished file and
    /// then end the process by the same signal, with its usual exit status. The signals are
    /// unblocked too: a program started by one that blocks them (some test runners and
    /// process launchers do) must still stop when asked.
    static func removeAllOnTermination() {
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblocked, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                // Files first, then the (now empty) temporary folders of folder exports.
                for slot in 0..<UnfinishedFiles.capacity {
                    if let path = UnfinishedFiles.slots[slot] { unlink(path) }
                }
                for slot in 0..<UnfinishedFiles.capacity {
                    if let path = UnfinishedFiles.slots[slot] { rmdir(path) }
                }
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
    }
}
