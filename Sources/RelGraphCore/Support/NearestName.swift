/// Finds the closest name to a misspelt one, for "did you mean …?" suggestions.
package struct NearestName {
    private let candidates: [String]

    package init(candidates: [String]) {
        self.candidates = candidates
    }

    /// The candidate nearest to `name` in edit distance, if one is near enough to be a
    /// plausible typo (at most a third of the name's length, and at least 1 or 2 edits).
    /// A candidate equal but for letter case always wins.
    package func nearest(to name: String) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        let limit = max(target.count <= 4 ? 1 : 2, target.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let scalars = candidate.unicodeScalars
            guard abs(scalars.count - target.count) <= limit else { continue }
            let bound = min(best?.distance ?? limit, limit)
            guard let distance = NearestName.distance(target, Array(candidate.lowercased().unicodeScalars), atMost: bound)
            else { continue }
            if best == nil || distance < best!.distance
                || (distance == best!.distance && candidate.precedesInScalarOrder(best!.name))
            {
                best = (distance, candidate)
            }
        }
        return best?.name
    }

    /// Levenshtein distance with transpositions, or nil when it exceeds `bound`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        if a.isEmpty { return b.count <= bound ? b.count : nil }
        if b.isEmpty { return a.count <= bound ? a.count : nil }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
