import Synchronization

/// How far a long piece of work has got, in bytes: read by whoever shows progress (the
/// command line's line on stderr), counted by the readers and writers doing the work.
///
/// Work counts into the counter bound to the current task, so that no API has to carry it:
///
/// ```swift
/// let counter = ProgressCounter(total: fileSize)
/// let graph = try ProgressCounter.$current.withValue(counter) { try Graph(contentsOf: path) }
/// ```
///
/// With no counter bound, counting costs one task-local read per megabyte read or written.
public final class ProgressCounter: Sendable {
    /// The counter work started in this task counts into, if any.
    @TaskLocal public static var current: ProgressCounter?

    private let done = Atomic<Int>(0)
    /// How many bytes the work will take in all, if known.
    public let total: Int?

    public init(total: Int? = nil) {
        self.total = total
    }

    /// The bytes done so far.
    public var completed: Int { done.load(ordering: .relaxed) }

    /// Counts `bytes` more as done.
    ///
    /// - Complexity: O(1), lock-free.
    public func add(_ bytes: Int) {
        done.add(bytes, ordering: .relaxed)
    }
}
