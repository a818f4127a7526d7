import Dispatch
import Foundation

/// Runs independent pieces of work at once (the machines RelGraph targets have two or more
/// cores) and returns their results in order.
package enum Parallel {
    /// Both results, computed at the same time.
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let firstResult = Slots<A>(count: 1), secondResult = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firstResult[0] = first() } else { secondResult[0] = second() }
        }
        return (firstResult[0], secondResult[0])
    }

    /// `transform(index)` for every index in `0..<count`, computed on every core, in index order.
    package static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let results = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results[index] = transform(index) }
        return (0..<count).map { results.take($0) }
    }

    /// `map(count, transform)`, while the calling thread runs `meanwhile` (work that must stay
    /// on it, such as writing the previous results in order).
    package static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T, meanwhile: () -> Void) -> [T] {
        let results = Slots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                DispatchQueue.concurrentPerform(iterations: count) { index in results[index] = transform(index) }
            }
            meanwhile()
            group.wait()
        }
        return (0..<count).map { results.take($0) }
    }

    /// `parse(index)` for every index in `0..<count`, computed on every core, each handed to
    /// `consume` on the calling thread in index order as soon as it and those before it are
    /// ready. A core takes the next index as soon as it is done with one, while it is fewer
    /// than two per core ahead of the piece being consumed: no core waits for another, and at
    /// most two results per core are held. `consume` returns false to stop: no later piece is
    /// handed over, and no piece not yet begun is started.
    ///
    /// The one pipeline of the bulk readers: a file cut into ranges (``LineRanges``) is parsed
    /// on every core and built in file order.
    ///
    /// - Complexity: O(*count*) calls of each closure; memory for two results per core.
    package static func mapInOrder<T: Sendable>(_ count: Int, _ parse: @Sendable (Int) -> T, consume: (Int, inout T) -> Bool) {
        guard count > 0 else { return }
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
        // Four per core ahead measured the same at XL, with more memory.
        let pipeline = InOrderPipeline<T>(count: count, window: workers * 2)
        withoutActuallyEscaping(parse) { parse in
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while let index = pipeline.claim() { pipeline.deliver(parse(index), at: index) }
                }
            }
            for index in 0..<count {
                // Moved out of the pipeline and handed over in place, never copied: `consume`
                // may then take its parts (the records of a range) out without copying them.
                var result = pipeline.take(index)
                guard consume(index, &result) else { break }
            }
            pipeline.stop()
            group.wait()
        }
    }

    /// `transform(index)` for every index in `0..<count`, computed on every core in chunks of
    /// `chunkSize` consecutive indices, in index order: for many small pieces of work.
    static func mapInChunks<T: Sendable>(_ count: Int, chunkSize: Int = 16_384, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > chunkSize else { return (0..<count).map(transform) }
        let chunks = map((count + chunkSize - 1) / chunkSize) { chunk in
            (chunk * chunkSize..<min(chunk * chunkSize + chunkSize, count)).map(transform)
        }
        var results: [T] = []
        results.reserveCapacity(count)
        for chunk in chunks { results += chunk }
        return results
    }

    /// One slot per piece of work, each written by one thread and read after all have finished.
    private final class Slots<T>: @unchecked Sendable {
        private let values: UnsafeMutableBufferPointer<T?>
        init(count: Int) { values = .allocate(capacity: count); values.initialize(repeating: nil) }
        deinit { values.deinitialize(); values.deallocate() }
        subscript(index: Int) -> T {
            get { values[index]! }
            set { values[index] = newValue }
        }

        /// The result at `index`, moved out.
        func take(_ index: Int) -> T {
            var value: T?
            swap(&value, &values[index])
            return value!
        }
    }
}
