/// Values of which most elements have none (edge ids: only parallel and imported edges carry
/// one): a bit per element says which have a value, and only those values are kept, in
/// element order, so an element without one costs a bit.
///
/// A read is O(1): the bit, then the number of values before it from a count kept per 64
/// elements and the bits before it in its word.
package struct SparseValues<Element: Sendable>: Sendable {
    let count: Int
    private let present: Column<UInt64>
    /// `ranks[word]`: how many elements before word `word` have a value.
    private let ranks: Column<Int32>
    private let values: [Element]

    /// `count` elements; those whose bit is set in `present` have the values in order.
    init(count: Int, present: [UInt64], values: [Element]) {
        precondition(present.count == (count + 63) / 64, "one bit per element")
        var ranks: [Int32] = []
        ranks.reserveCapacity(present.count)
        var total: Int32 = 0
        for word in present {
            ranks.append(total)
            total += Int32(word.nonzeroBitCount)
        }
        precondition(Int(total) == values.count, "one value per set bit")
        self.count = count
        self.present = Column(present)
        self.ranks = Column(ranks)
        self.values = values
    }

    /// The value of element `index`, if it has one.
    @inline(__always)
    subscript(index: Int) -> Element? {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "index out of range")
        let word = present[index >> 6], bit = UInt64(1) << UInt64(index & 63)
        guard word & bit != 0 else { return nil }
        return values[Int(ranks[index >> 6]) + (word & (bit &- 1)).nonzeroBitCount]
    }
}

/// Values appended one element at a time, most elements without one (an edge's id, its
/// attributes), some set later out of order (ids given to parallel edges once the graph is
/// read): the builder's form of a ``SparseValues`` column.
package struct SparseColumnBuilder<Value: Hashable & Sendable>: Hashable, Sendable {
    private(set) var count = 0
    private var present: [UInt64] = []
    /// The values appended, in element order.
    private var values: [Value] = []
    /// Values set after their element was appended (they replace what it had).
    private var later: [Int: Value] = [:]

    /// Appends an element, with `value` or none.
    mutating func append(_ value: Value?) {
        if count & 63 == 0 { present.append(0) }
        if let value {
            present[count >> 6] |= UInt64(1) << UInt64(count & 63)
            values.append(value)
        }
        count += 1
    }

    /// Whether element `index` has a value.
    func contains(_ index: Int) -> Bool {
        later[index] != nil || present[index >> 6] & (UInt64(1) << UInt64(index & 63)) != 0
    }

    /// Gives element `index` a value (in place of the one it had).
    mutating func set(_ value: Value, at index: Int) {
        precondition(index < count, "index out of range")
        later[index] = value
    }

    /// The values, with those set later merged in.
    ///
    /// - Complexity: O(*n* / 64 + *k*) for *n* elements and *k* values.
    var sparseValues: SparseValues<Value> {
        guard !later.isEmpty else { return SparseValues(count: count, present: present, values: values) }
        var bits = present
        for index in later.keys { bits[index >> 6] |= UInt64(1) << UInt64(index & 63) }
        var merged: [Value] = []
        merged.reserveCapacity(values.count + later.count)
        var appended = 0
        for word in bits.indices {
            var remaining = bits[word]
            while remaining != 0 {
                let index = word << 6 | remaining.trailingZeroBitCount
                let wasAppended = present[word] & (UInt64(1) << UInt64(index & 63)) != 0
                merged.append(later[index] ?? values[appended])
                if wasAppended { appended += 1 }
                remaining &= remaining - 1
            }
        }
        return SparseValues(count: count, present: bits, values: merged)
    }
}
