import Synchronization

/// Facts about a graph that take a pass over it to learn (whether any node keeps a list of
/// labels, say), worked out the first time they are asked for and kept for the graph's life.
///
/// A graph is immutable, so a fact once learned stays true; every copy of a graph shares one
/// record of them. Safe to use from several threads: two threads asking for a fact at once may
/// both work it out, and both get the same answer.
package final class GraphFacts: Sendable {
    private let known = Mutex<[String: any Sendable]>([:])

    package init() {}

    /// The fact named `name`: the kept answer, or `learn`'s, kept from now on.
    ///
    /// `learn` runs without the lock held, so it may ask for other facts.
    ///
    /// - Complexity: O(1) once learned; otherwise `learn`'s cost.
    package func fact<Value: Sendable>(_ name: String, learn: () -> Value) -> Value {
        if let value = known.withLock({ $0[name] }) as? Value { return value }
        let value = learn()
        known.withLock { $0[name] = value }
        return value
    }
}
