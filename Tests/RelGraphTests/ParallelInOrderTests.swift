import Foundation
import Testing

@_spi(Testing) @testable import RelGraphCore

/// The bulk readers' pipeline (`Parallel.mapInOrder`): pieces computed on every core, handed to
/// one consumer in index order, a bounded number ahead.
@Suite("Computed on every core, consumed in order")
struct ParallelInOrderTests {
    /// The indices the workers computed, recorded from any thread.
    private final class Computed: @unchecked Sendable {
        private let lock = NSLock()
        private var indices: [Int] = []
        func record(_ index: Int) { lock.withLock { indices.append(index) } }
        var all: [Int] { lock.withLock { indices } }
    }

    @Test("every piece is handed over once, in index order, whatever order the cores finish them in")
    func handsOverInOrder() {
        var handed: [Int] = []
        Parallel.mapInOrder(
            300,
            { index in
                // Now and then a piece takes longer, so that later ones finish first.
                if index % 7 == 0 { usleep(300) }
                return index * 3
            },
            consume: { index, value in
                #expect(value == index * 3)
                handed.append(index)
                return true
            })
        #expect(handed == Array(0..<300))
    }

    @Test("a consumer that stops is handed nothing more, and no piece more than two per core ahead is computed")
    func stopsAndStaysClose() {
        let computed = Computed()
        var handed: [Int] = []
        Parallel.mapInOrder(
            1000,
            { index in
                computed.record(index)
                return index
            },
            consume: { index, _ in
                handed.append(index)
                // Slow enough that the workers reach the window's edge and wait.
                usleep(1000)
                return index < 5
            })
        let window = 2 * max(2, ProcessInfo.processInfo.activeProcessorCount)
        #expect(handed == Array(0...5))
        #expect(Set(computed.all).count == computed.all.count, "a piece was computed twice")
        #expect((computed.all.max() ?? 0) <= 5 + window, "\(computed.all.sorted())")
    }

    @Test("nothing to compute hands over nothing")
    func empty() {
        var handed = 0
        Parallel.mapInOrder(
            0, { $0 },
            consume: { _, _ in
                handed += 1; return true
            })
        #expect(handed == 0)
    }
}
