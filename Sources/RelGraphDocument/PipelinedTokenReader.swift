import Foundation
import RelGraphCore

/// Reads tokens from another reader on a second thread, in batches, so that reading the
/// text (scanning, unescaping, making strings) overlaps with decoding and building the graph.
/// The tokens and the error, if any, arrive exactly as the underlying reader produces them.
package struct PipelinedTokenReader: TokenReader {
    /// Tokens in reading order; the last batch ends with `.end` or carries the error that
    /// stopped the reader.
    private struct Batch: Sendable {
        var tokens: [Token] = []
        var error: ReadError?
    }

    /// Stops the reading thread when the decoder lets go before the end of the document.
    private final class Pipeline: @unchecked Sendable {
        let channel = BatchChannel<Batch>()
        deinit { channel.close() }
    }

    private let pipeline = Pipeline()
    private var batch = Batch()
    private var cursor = 0

    static let batchSize = 2048

    /// Starts reading `reader` on another thread.
    init(_ reader: consuming some TokenReader) {
        // The reader is consumed here and used by the reading thread alone. `sending` would say
        // so to the compiler, but a Dispatch closure is `@Sendable`, which no non-Sendable value
        // may cross even when sent; the reader thread must be a real thread (it blocks on the
        // channel), not a task of the cooperative pool, so Dispatch it is.
        nonisolated(unsafe) let start = reader
        let channel = pipeline.channel
        DispatchQueue.global(qos: .userInitiated).async {
            defer { channel.finish() }
            var reader = start
            var batch = Batch()
            batch.tokens.reserveCapacity(Self.batchSize)
            while true {
                var isLast = false
                do throws(ReadError) {
                    let token = try reader.next()
                    batch.tokens.append(token)
                    isLast = token.kind == .end
                } catch {
                    batch.error = error
                    isLast = true
                }
                if isLast || batch.tokens.count == Self.batchSize {
                    guard channel.send([batch]), !isLast else { return }
                    batch.tokens.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    mutating func next() throws(ReadError) -> Token {
        while cursor == batch.tokens.count {
            if let error = batch.error { throw error }
            // The reader always ends with `.end` or an error, after which nobody asks again.
            batch = pipeline.channel.receive()?.first ?? Batch(error: ReadError(position: .start, problem: .empty))
            cursor = 0
        }
        defer { cursor += 1 }
        return batch.tokens[cursor]
    }
}
