extension SearchIndex {
    /// The last tier for a query of one word: every text with a word the query word begins, or
    /// (for 4+ characters) a word within 2 edits of it. Each word's texts are in id order: past
    /// the first `places` nodes only this tier finds, a word's texts cannot make the answer.
    ///
    /// - Complexity: the trie walk of ``WordIndex/forEachWord(within:of:_:)``, a binary search
    ///   for the words with the prefix, and the texts of the words found (at most `places` new
    ///   nodes each).
    func recordSimilar(_ query: WordPairing.QueryWord, places: Int, isKept: (Int32) -> Bool, in found: inout MatchTable) {
        let similar = Int64(Rank.similar.rawValue) << 32
        func take(_ word: Int) {
            var taken = 0, last: Int32 = -1, isSkipped = false
            for textIndex in words.texts(of: word) {
                let node = textNodes[Int(textIndex)]
                if node != last {
                    last = node
                    // Nodes of other kinds, and nodes already found by a better tier, take no place.
                    isSkipped = !isKept(node) || found.value(of: node).map { $0 < similar } ?? false
                    if !isSkipped {
                        taken += 1
                        if taken > places { break }
                    }
                }
                if !isSkipped { found.record(node, similar | Int64(textIndex)) }
            }
        }
        if query.forgivesTypos { words.forEachWord(within: WordPairing.typoEdits, of: query.scalars, take) }
        for word in words.words(withPrefix: query.scalars) { take(word) }
    }

    /// The last tier for a query of several words: the texts of the query word whose matching
    /// words occur in the fewest texts are the candidates, taken in id order and kept when every
    /// query word pairs with a different word of the text.
    ///
    /// - Complexity: the word lookups of each query word, then O(C log C) for the C candidate
    ///   texts and a pairing test for each until `places` new nodes are found.
    func recordSimilar(_ pairing: WordPairing, places: Int, isKept: (Int32) -> Bool, in found: inout MatchTable) {
        var rarest: [Int] = [], rarestCount = Int.max
        for query in pairing.words {
            var matching: [Int] = []
            if query.forgivesTypos { words.forEachWord(within: WordPairing.typoEdits, of: query.scalars) { matching.append($0) } }
            matching += words.words(withPrefix: query.scalars)
            let count = matching.reduce(0) { $0 + words.texts(of: $1).count }
            if count == 0 { return }
            if count < rarestCount { (rarest, rarestCount) = (matching, count) }
        }
        var candidates = rarest.flatMap { words.texts(of: $0) }
        candidates.sort()
        let similar = Int64(Rank.similar.rawValue) << 32
        var taken = 0, previous: Int32 = -1
        for textIndex in candidates where textIndex != previous {
            previous = textIndex
            let node = textNodes[Int(textIndex)]
            guard isKept(node), found.value(of: node) == nil else { continue }
            guard pairing.pairsEveryWord(with: wordScalars(ofText: textIndex)) else { continue }
            if found.record(node, similar | Int64(textIndex)) {
                taken += 1
                if taken >= places { return }
            }
        }
    }

    /// The words of folded text `textIndex`, as scalars.
    private func wordScalars(ofText textIndex: Int32) -> [ArraySlice<UInt32>] {
        var scalars: [UInt32] = [], ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { bytes in
            TextFolding.forEachWord(in: bytes, from: Int(offsets[Int(textIndex)]), to: Int(offsets[Int(textIndex) + 1])) { start, end in
                let first = scalars.count
                var position = start
                while position < end {
                    let (scalar, width) = TextFolding.decode(bytes, at: position)
                    scalars.append(scalar.value)
                    position += width
                }
                ranges.append(first..<scalars.count)
            }
        }
        return ranges.map { scalars[$0] }
    }
}
