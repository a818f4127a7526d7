import RelGraph

/// The answers of the operations the C floors also time (Benchmarks/Baselines), written as the
/// floors write them, so that compare.py can check that both computed the same thing.
enum AnswerNotes {
    /// 64-bit FNV-1a, the floors' checksum.
    struct FNV1a {
        private(set) var value: UInt64 = 14_695_981_039_346_656_037

        mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
        mutating func add(_ text: String) { text.utf8.forEach { add($0) } }
        var hex: String { String(value, radix: 16).leftPadded(to: 16) }
    }

    /// "P paths, H hops, FNV-1a X": the paths found, their hops, and a hash of every path's ids
    /// ("id id id\n" a path) — what Baselines/shortest_paths.c prints.
    static func paths(_ paths: [Path?], in graph: Graph) -> String {
        var hash = FNV1a()
        var found = 0, hops = 0
        for path in paths.compactMap({ $0 }) {
            found += 1
            hops += path.length
            for (position, node) in path.nodes.enumerated() {
                hash.add(graph.id(ofNode: node))
                hash.add(position + 1 < path.nodes.count ? UInt8(ascii: " ") : UInt8(ascii: "\n"))
            }
        }
        return "\(found) paths, \(hops) hops, FNV-1a \(hash.hex)"
    }

    /// "C components, the largest N nodes, FNV-1a X": a hash of every node's component number
    /// (four bytes each, little-endian) — what Baselines/weak_components.c prints.
    static func components(_ components: Components, in graph: Graph) -> String {
        var hash = FNV1a()
        var sizes = [Int](repeating: 0, count: components.count)
        for node in graph.nodeIndices {
            let label = components.component(of: node) ?? -1
            sizes[label] += 1
            for byte in 0..<4 { hash.add(UInt8(truncatingIfNeeded: UInt32(truncatingIfNeeded: label) >> (8 * byte))) }
        }
        return "\(components.count) components, the largest \(sizes.max() ?? 0) nodes, FNV-1a \(hash.hex)"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(width - count, 0)) + self }
}
