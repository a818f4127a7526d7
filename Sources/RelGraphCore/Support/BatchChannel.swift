import Foundation

/// Batches handed from one thread to another, at most a few in flight so memory stays flat.
///
/// The sender blocks while the channel is full; the receiver blocks while it is empty. Either
/// side may stop early: `finish()` ends the stream for the receiver, `close()` tells the sender
/// nobody is listening any more.
package final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var finished = false
    private var closed = false
    private let capacity = 4

    package init() {}

    /// Hands over a batch; false when the receiver has closed the channel.
    @discardableResult
    package func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity, !closed { condition.wait() }
        guard !closed else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// No more batches will be sent.
    package func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// No more batches will be received: the sender stops at its next `send`.
    package func close() {
        condition.lock()
        closed = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the sender has finished and every batch was received.
    package func receive() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}
