import Foundation

/// The shared state of ``Parallel/mapInOrder(_:_:consume:)``: which piece the workers
/// take next, the results that wait to be consumed, and how far ahead of the consumer the
/// workers may run. Every member is called under its one lock.
final class InOrderPipeline<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [T?]
    private let window: Int
    /// The next piece a worker takes.
    private var next = 0
    /// The piece the consumer takes next: workers stay fewer than `window` pieces ahead of it.
    private var consumed = 0
    private var stopped = false

    /// A pipeline for pieces `0..<count`, with at most `window` results waiting.
    init(count: Int, window: Int) {
        precondition(window > 0, "a pipeline holds at least one result")
        results = Array(repeating: nil, count: count)
        self.window = window
    }

    /// The next piece to compute, once it is less than `window` ahead of the consumer; nil when
    /// every piece is taken or the consumer stopped.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < results.count, next >= consumed + window { condition.wait() }
        guard !stopped, next < results.count else { return nil }
        next += 1
        return next - 1
    }

    /// The result of piece `index`, for the consumer.
    func deliver(_ result: T, at index: Int) {
        condition.lock()
        defer { condition.unlock() }
        precondition(results[index] == nil, "a piece is computed once")
        results[index] = result
        condition.broadcast()
    }

    /// The result of piece `index`, moved out once it is delivered; lets the workers run one
    /// piece further ahead.
    func take(_ index: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        precondition(index == consumed, "pieces are consumed in order")
        while results[index] == nil { condition.wait() }
        var result: T?
        swap(&result, &results[index])
        consumed += 1
        condition.broadcast()
        return result.unsafelyUnwrapped
    }

    /// No piece is claimed from now on (those being computed finish).
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
    }
}
