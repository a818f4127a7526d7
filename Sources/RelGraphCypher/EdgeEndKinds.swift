import RelGraphCore

/// Whether a node may stand at the left and at the right end of a relationship pattern, by
/// kind: one byte per node (bit 0 left, bit 1 right), which stays in cache where a lookup of
/// the kind code and then of the pattern's kind table would not.
struct EdgeEndKinds: Sendable {
    /// One byte per node; empty when neither end constrains the kind.
    let ends: [UInt8]

    var constrainsKinds: Bool { !ends.isEmpty }

    /// - Complexity: O(n) when either end names kinds, else O(1).
    init(_ graph: Graph, left: [Bool]?, right: [Bool]?) {
        guard left != nil || right != nil else { ends = []; return }
        let masks = (0..<graph.storage.kinds.count).map { code in
            UInt8((left?[code] ?? true ? 1 : 0) | (right?[code] ?? true ? 2 : 0))
        }
        // Through the column's memory: mapping the column itself goes through its generic
        // conformance, node by node, from another module.
        ends = graph.storage.nodeKinds.withUnsafeBufferPointer { kinds in kinds.map { masks[Int($0)] } }
    }

    /// Whether `left` and `right` may be the pattern's left and right ends, given `ends`'s bytes.
    @inline(__always)
    static func allow(_ ends: UnsafeBufferPointer<UInt8>, left: Int, right: Int) -> Bool {
        ends[left] & 1 != 0 && ends[right] & 2 != 0
    }
}
