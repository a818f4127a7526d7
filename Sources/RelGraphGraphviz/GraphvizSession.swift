import CGraphviz
import CGraphvizGuard
import Foundation

/// The one door into Graphviz. Graphviz is not thread-safe, across contexts too, so every
/// call into it, parsing included, runs inside ``GraphvizSession/withLock(_:)``. The lock
/// guards one long-lived context (each new context leaks inside Graphviz 2.42) and the
/// buffer that collects Graphviz's messages instead of letting them reach stderr.
struct GraphvizSession {
    /// Graphviz's context; created on first use and kept for the life of the process.
    let context: OpaquePointer

    /// The lock: a pthread mutex (NSLock). Not `Synchronization.Mutex`: on Linux a contended
    /// Mutex is handed over by the kernel (a priority-inheritance futex), which ThreadSanitizer
    /// cannot see, so it reported races on everything the lock guards (.ci/run's TSan pass).
    private static let lock = NSLock()
    /// Graphviz's context once it exists; read and written only under ``lock``.
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    /// Runs `body` with exclusive use of Graphviz, its messages cleared and its sticky
    /// error count reset first. The session must not escape `body`.
    static func withLock<Result: Sendable>(_ body: (GraphvizSession) throws(GraphvizError) -> Result) throws(GraphvizError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        if sharedContext == nil {
            // Captured messages pass through the guard that keeps long ones from crashing
            // Graphviz 2.42 (Sources/CGraphvizGuard); without it, capture them not at all.
            precondition(relgraph_message_guard_ready() == 1, "Graphviz's agerr was not found")
            _ = agseterrf(graphvizMessageHandler)
            _ = agseterr(AGWARN)
            sharedContext = gvContext()
        }
        _ = agreseterrors()
        GraphvizMessages.clear()
        return try body(GraphvizSession(context: sharedContext!))
    }

    /// Parses DOT text (`agmemread`); nil on a syntax error, whose message is captured.
    ///
    /// cgraph's lexer keeps state between parses: after an input that ends with a line break,
    /// the next parse reports every line one too high. Parsing a tiny graph without one first
    /// resets it, so error messages name the right line.
    func parse(_ text: String) -> UnsafeMutablePointer<Agraph_t>? {
        if let reset = agmemread("graph{}") { agclose(reset) }
        return text.withCString { agmemread($0) }
    }
}

/// Messages Graphviz reported during the current job. Only touched while the session lock
/// is held (Graphviz calls the handler from inside our locked calls), which is what makes
/// this one piece of global mutable state safe.
enum GraphvizMessages {
    /// The bytes of the messages so far. Bytes, not text: a long message arrives in pieces
    /// that may split a UTF-8 sequence (see CGraphvizGuard).
    nonisolated(unsafe) private static var bytes: [UInt8] = []

    /// A line longer than this is cut when read: a message may quote a whole input token.
    static let maximumLineLength = 1_000

    static func clear() { bytes.removeAll(keepingCapacity: false) }

    static func append(_ fragment: UnsafePointer<CChar>) {
        fragment.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(fragment)))
        }
    }

    /// The messages so far, one per line, without Graphviz's "Error: " or "Warning: " prefix,
    /// each cut to ``maximumLineLength`` characters.
    static var lines: [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
            var line = line.trimmingCharacters(in: " \t")
            for prefix in ["Error: ", "Warning: ", "Error", "Warning"] where line.hasPrefix(prefix) {
                line = String(line.dropFirst(prefix.count)).trimmingCharacters(in: " :")
                break
            }
            guard line.count > maximumLineLength else { return line }
            return String(line.prefix(maximumLineLength)) + "… (\(line.count - maximumLineLength) more characters)"
        }.filter { !$0.isEmpty }
    }
}

/// Receives each fragment of each Graphviz message ("Error", ": ", text …).
private let graphvizMessageHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { fragment in
    if let fragment { GraphvizMessages.append(fragment) }
    return 0
}
