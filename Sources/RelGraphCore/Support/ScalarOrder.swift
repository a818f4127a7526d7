extension StringProtocol {
    /// Whether this string sorts before `other` when compared Unicode scalar by scalar, the
    /// order the contract uses for ids (the same as comparing their UTF-8 bytes).
    @inlinable
    public func precedesInScalarOrder(_ other: some StringProtocol) -> Bool {
        var lhs = self.utf8.makeIterator()
        var rhs = other.utf8.makeIterator()
        while true {
            switch (lhs.next(), rhs.next()) {
            case let (a?, b?):
                if a != b { return a < b }
            case (nil, _?): return true
            case (_, nil): return false
            }
        }
    }
}
