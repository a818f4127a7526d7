import RelGraphCore

/// Comparing resolved expressions by what they compute, for matching an item of a
/// projection with a grouping key written the same way.
extension CypherExpression {
    /// Whether the two compute the same thing (positions aside).
    func isSame(as other: CypherExpression) -> Bool {
        switch (self, other) {
        case let (.literal(a), .literal(b)): return a == b
        case let (.parameter(a, _), .parameter(b, _)): return a == b
        case let (.slot(a), .slot(b)): return a == b
        case let (.property(a, name1, _), .property(b, name2, _)): return name1 == name2 && a.isSame(as: b)
        case let (.binary(op1, l1, r1, _), .binary(op2, l2, r2, _)): return op1 == op2 && l1.isSame(as: l2) && r1.isSame(as: r2)
        case let (.not(a, _), .not(b, _)), let (.negate(a, _), .negate(b, _)): return a.isSame(as: b)
        case let (.isNull(a, n1), .isNull(b, n2)): return n1 == n2 && a.isSame(as: b)
        case let (.index(a1, i1, _), .index(a2, i2, _)): return a1.isSame(as: a2) && i1.isSame(as: i2)
        case let (.function(name1, d1, args1, _), .function(name2, d2, args2, _)):
            return name1 == name2 && d1 == d2 && args1.count == args2.count && zip(args1, args2).allSatisfy { $0.isSame(as: $1) }
        case let (.list(a), .list(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isSame(as: $1) }
        case let (.map(a), .map(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1.isSame(as: $1.1) }
        case let (.hasLabels(a, g1, _), .hasLabels(b, g2, _)): return g1 == g2 && a.isSame(as: b)
        default: return false
        }
    }

    /// The slots below `width` the expression reads (slots from `width` up are variables of
    /// its own comprehensions).
    func slotsRead(below width: Int) -> Set<Int> {
        if case .slot(let slot) = self { return slot < width ? [slot] : [] }
        var slots = Set<Int>()
        for child in children { slots.formUnion(child.slotsRead(below: width)) }
        return slots
    }
}
