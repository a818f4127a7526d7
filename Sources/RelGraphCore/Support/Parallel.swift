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

    /// `parse(index)` for every index in `0..<count`, computed on every core a round at a time
    /// (two pieces per core), each handed to `consume` on the calling thread in index order
    /// while the next round is computed. `consume` returns false to stop: no later piece is
    /// handed over, and no round after the one being computed is started.
    ///
    /// The one pipeline of the bulk readers: a file cut into ranges (``LineRanges``) is parsed
    /// on every core and built in file order, with at most two rounds of parsed ranges held.
    ///
    /// - Complexity: O(*count*) calls of each closure; memory for two rounds of results.
    package static func mapInOrder<T: Sendable>(_ count: Int, _ parse: @Sendable (Int) -> T, consume: (Int, inout T) -> Bool) {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount) * 2
        var previous: [T?] = []
        var previousFirst = 0
        var going = true
        func handOver() {
            // Each result is moved out and handed over in place, never copied: `consume` may
            // then take its parts (the records of a range) out without copying them either.
            for offset in previous.indices where going {
                var result: T?
                swap(&result, &previous[offset])
                going = consume(previousFirst + offset, &result!)
            }
            previous = []
        }
        var first = 0
        while first < count, going {
            let round = min(width, count - first)
            let roundFirst = first
            previous = map(round, { parse(roundFirst + $0) as T? }, meanwhile: handOver)
            previousFirst = roundFirst
            first += round
        }
        handOver()
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
