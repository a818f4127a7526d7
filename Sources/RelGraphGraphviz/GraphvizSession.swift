import CGraphviz
import RelGraph
import Synchronization

/// The one door into Graphviz. Graphviz is not thread-safe, across contexts too, so every
/// call into it, parsing included, runs inside ``GraphvizSession/withLock(_:)``. The lock
/// guards one long-lived context (each new context leaks inside Graphviz 2.42) and the
/// buffer that collects Graphviz's messages instead of letting them reach stderr.
struct GraphvizSession {
    /// Graphviz's context; created on first use and kept for the life of the process.
    let context: OpaquePointer

    /// The lock, holding the context once it exists.
    private static let shared = Mutex<OpaquePointer?>(nil)

    /// Runs `body` with exclusive use of Graphviz, its messages cleared and its sticky
    /// error count reset first. The session must not escape `body`.
    static func withLock<Result: Sendable>(_ body: (GraphvizSession) throws(GraphvizError) -> Result) throws(GraphvizError) -> Result {
        try shared.withLock { (context: inout OpaquePointer?) throws(GraphvizError) -> Result in
            if context == nil {
                _ = agseterrf(graphvizMessageHandler)
                _ = agseterr(AGWARN)
                context = gvContext()
            }
            _ = agreseterrors()
            GraphvizMessages.clear()
            return try body(GraphvizSession(context: context!))
        }
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
    nonisolated(unsafe) private static var text = ""

    static func clear() { text = "" }

    static func append(_ fragment: String) { text += fragment }

    /// The messages so far, one per line, without Graphviz's "Error: " or "Warning: " prefix.
    static var lines: [String] {
        text.split(separator: "\n").map { line in
            var line = line.trimmingCharacters(in: " \t")
            for prefix in ["Error: ", "Warning: ", "Error", "Warning"] where line.hasPrefix(prefix) {
                line = String(line.dropFirst(prefix.count)).trimmingCharacters(in: " :")
                break
            }
            return line
        }.filter { !$0.isEmpty }
    }
}

/// Receives each fragment of each Graphviz message ("Error", ": ", text …).
private let graphvizMessageHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { fragment in
    if let fragment { GraphvizMessages.append(String(cString: fragment)) }
    return 0
}
