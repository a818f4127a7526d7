/// The nodes one search has found so far, each with its best match so far (a rank and a text
/// packed into one integer, smaller is better). Few matches live in an open-addressing table,
/// so a search that finds ten nodes touches no array of every node; past an eighth of the
/// graph the table turns into a direct array indexed by node.
struct MatchTable {
    /// The nodes found, in the order first found, and each one's best value.
    private(set) var nodes: [Int32] = []
    private(set) var values: [Int64] = []
    /// Positions in `nodes`, -1 where empty: hashed (a power of two of them) or, once
    /// `isDirect`, indexed by node.
    private var slots = [Int32](repeating: -1, count: 64)
    private var isDirect = false
    private let nodeCount: Int

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    var count: Int { nodes.count }

    /// The best value recorded for `node`, if any.
    @inline(__always)
    func value(of node: Int32) -> Int64? {
        let position = self.position(of: node).position
        return position < 0 ? nil : values[position]
    }

    /// Keeps `value` for `node` if it is the node's first or better than its best; true when
    /// the node was not found before.
    ///
    /// - Complexity: O(1) expected, amortised.
    @inline(__always)
    @discardableResult
    mutating func record(_ node: Int32, _ value: Int64) -> Bool {
        let (position, slot) = position(of: node)
        if position >= 0 {
            if value < values[position] { values[position] = value }
            return false
        }
        slots[slot] = Int32(nodes.count)
        nodes.append(node)
        values.append(value)
        if !isDirect, nodes.count * 2 > slots.count { grow() }
        return true
    }

    /// Where `node` is in `nodes` (-1 if absent) and the slot that holds or would hold it.
    @inline(__always)
    private func position(of node: Int32) -> (position: Int, slot: Int) {
        if isDirect { return (Int(slots[Int(node)]), Int(node)) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let position = Int(slots[slot])
            if position < 0 || nodes[position] == node { return (position, slot) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        if nodes.count * 8 >= nodeCount {
            isDirect = true
            slots = [Int32](repeating: -1, count: nodeCount)
            for (position, node) in nodes.enumerated() { slots[Int(node)] = Int32(position) }
            return
        }
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let old = nodes
        nodes.removeAll(keepingCapacity: true)
        let oldValues = values
        values.removeAll(keepingCapacity: true)
        for (node, value) in zip(old, oldValues) { record(node, value) }
    }
}
