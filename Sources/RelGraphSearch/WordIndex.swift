/// The distinct words of every indexed text, sorted, with the texts each occurs in; finds the
/// words within a few edits of a query (search's typo tier, contract §4).
///
/// The sorted words are walked as a trie: the edit-distance table's row for a prefix is
/// computed once for all words sharing that prefix, and as soon as every entry of a row
/// exceeds the bound, every word with that prefix is skipped at once (a galloping search
/// finds the next prefix). A query thus touches the prefixes near it, not every word.
struct WordIndex: Sendable {
    /// Word `w`'s Unicode scalars are `scalars[wordStarts[w] ..< wordStarts[w + 1]]`; words
    /// are distinct and in ascending scalar order.
    private let scalars: [UInt32]
    private let wordStarts: [Int32]
    /// Word `w` occurs in texts `texts[textStarts[w] ..< textStarts[w + 1]]`, ascending.
    private let textStarts: [Int32]
    private let texts: [Int32]

    var count: Int { wordStarts.count - 1 }

    /// Indexes the word occurrences `bytes[starts[i] ..< ends[i]]` (folded UTF-8), each in text
    /// `occurrenceTexts[i]`, given in ascending text order.
    ///
    /// - Complexity: O(L) expected for total word length L.
    init(bytes: [UInt8], starts: [Int32], ends: [Int32], occurrenceTexts: [Int32]) {
        // Distinct words, by hashing their bytes where they lie (no string per word).
        let distinct = WordIndex.distinctWords(bytes: bytes, starts: starts, ends: ends)
        let order = ByteStringOrder.order(starts: distinct.starts, ends: distinct.ends, in: bytes)
        var rankOfWord = [Int32](repeating: 0, count: order.count)
        for (rank, word) in order.enumerated() { rankOfWord[Int(word)] = Int32(rank) }

        // Postings by counting sort on the word's rank; texts stay ascending within a word.
        var textStarts = [Int32](repeating: 0, count: order.count + 1)
        for word in distinct.ofOccurrence { textStarts[Int(rankOfWord[Int(word)]) + 1] += 1 }
        for rank in 0..<order.count { textStarts[rank + 1] += textStarts[rank] }
        var next = textStarts
        var texts = [Int32](repeating: 0, count: starts.count)
        for (occurrence, word) in distinct.ofOccurrence.enumerated() {
            let rank = Int(rankOfWord[Int(word)])
            texts[Int(next[rank])] = occurrenceTexts[occurrence]
            next[rank] += 1
        }
        // A word twice in one text is listed once.
        var kept = 0
        var compacted = [Int32](repeating: 0, count: order.count + 1)
        for rank in 0..<order.count {
            for slot in Int(textStarts[rank])..<Int(textStarts[rank + 1]) where kept == compacted[rank] || texts[kept - 1] != texts[slot] {
                texts[kept] = texts[slot]
                kept += 1
            }
            compacted[rank + 1] = Int32(kept)
        }
        texts.removeLast(texts.count - kept)

        var scalars: [UInt32] = []
        scalars.reserveCapacity(distinct.totalBytes)
        var wordStarts: [Int32] = [0]
        wordStarts.reserveCapacity(order.count + 1)
        bytes.withUnsafeBufferPointer { bytes in
            for word in order {
                var position = Int(distinct.starts[Int(word)])
                let end = Int(distinct.ends[Int(word)])
                while position < end {
                    let (scalar, width) = TextFolding.decode(bytes, at: position)
                    scalars.append(scalar.value)
                    position += width
                }
                wordStarts.append(Int32(scalars.count))
            }
        }
        self.scalars = scalars
        self.wordStarts = wordStarts
        self.textStarts = compacted
        self.texts = texts
    }

    /// The texts word `word` occurs in, ascending.
    func texts(of word: Int) -> ArraySlice<Int32> {
        texts[Int(textStarts[word])..<Int(textStarts[word + 1])]
    }

    /// The words that begin with `prefix` (every word, for an empty one): a block, since words
    /// are sorted by their scalars.
    ///
    /// - Complexity: O(log W · |prefix|).
    func words(withPrefix prefix: [UInt32]) -> Range<Int> {
        // -1: the word sorts before every word with the prefix; 0: it has the prefix; 1: after.
        func order(_ word: Int) -> Int {
            let start = Int(wordStarts[word]), end = Int(wordStarts[word + 1])
            for position in prefix.indices {
                guard start + position < end else { return -1 }
                let scalar = scalars[start + position]
                if scalar != prefix[position] { return scalar < prefix[position] ? -1 : 1 }
            }
            return 0
        }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if order(middle) < 0 { low = middle + 1 } else { high = middle }
        }
        let lower = low
        high = count
        while low < high {
            let middle = (low + high) / 2
            if order(middle) <= 0 { low = middle + 1 } else { high = middle }
        }
        return lower..<low
    }

    /// Calls `body` with each word within `bound` edits of `query` (Levenshtein distance with
    /// transpositions of adjacent scalars, the optimal-string-alignment variant), in word order.
    ///
    /// - Complexity: O(P · q) for a query of q scalars, where P is the number of word prefixes
    ///   within `bound` edits of some prefix of the query (and their children): far fewer than
    ///   the words.
    func forEachWord(within bound: Int, of query: [UInt32], _ body: (Int) -> Void) {
        let width = query.count + 1
        // A prefix longer than the query by more than `bound` is out of reach: the walk never
        // goes deeper than this.
        let depthLimit = query.count + bound + 1
        var rows = [Int32](repeating: 0, count: (depthLimit + 1) * width)
        for column in 0..<width { rows[column] = Int32(column) }
        let bound = Int32(bound)
        scalars.withUnsafeBufferPointer { scalars in
            wordStarts.withUnsafeBufferPointer { wordStarts in
                query.withUnsafeBufferPointer { query in
                    rows.withUnsafeMutableBufferPointer { rows in
                        let wordCount = wordStarts.count - 1
                        var word = 0, previous = -1, validDepth = 0
                        while word < wordCount {
                            let start = Int(wordStarts[word]), length = Int(wordStarts[word + 1]) - start
                            // Rows already computed for the prefix shared with the previous word.
                            var depth = 0
                            if previous >= 0 {
                                let previousStart = Int(wordStarts[previous])
                                let shared = min(validDepth, length)
                                while depth < shared, scalars[start + depth] == scalars[previousStart + depth] { depth += 1 }
                            }
                            var isOutOfReach = false
                            while depth < length {
                                depth += 1
                                let scalar = scalars[start + depth - 1]
                                let current = depth * width, above = current - width
                                rows[current] = Int32(depth)
                                var minimum = Int32(depth)
                                for column in 1..<width {
                                    var value = min(
                                        rows[above + column] + 1, rows[current + column - 1] + 1,
                                        rows[above + column - 1] + (scalar == query[column - 1] ? 0 : 1))
                                    if depth > 1, column > 1, scalar == query[column - 2], scalars[start + depth - 2] == query[column - 1] {
                                        value = min(value, rows[above - width + column - 2] + 1)
                                    }
                                    rows[current + column] = value
                                    minimum = min(minimum, value)
                                }
                                if minimum > bound {
                                    isOutOfReach = true
                                    break
                                }
                            }
                            previous = word
                            if isOutOfReach {
                                // Every word with this prefix is out of reach too.
                                validDepth = depth - 1
                                word = WordIndex.end(ofWordsSharing: depth, scalarsWith: word, scalars, wordStarts)
                            } else {
                                validDepth = length
                                if rows[length * width + width - 1] <= bound { body(word) }
                                word += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// The first word after `word` whose first `length` scalars differ from `word`'s
    /// (galloping, then binary search: the words sharing a prefix are consecutive).
    private static func end(
        ofWordsSharing length: Int, scalarsWith word: Int, _ scalars: UnsafeBufferPointer<UInt32>,
        _ wordStarts: UnsafeBufferPointer<Int32>
    ) -> Int {
        let wordCount = wordStarts.count - 1
        let prefixStart = Int(wordStarts[word])
        func sharesPrefix(_ other: Int) -> Bool {
            let start = Int(wordStarts[other])
            guard Int(wordStarts[other + 1]) - start >= length else { return false }
            for offset in 0..<length where scalars[start + offset] != scalars[prefixStart + offset] { return false }
            return true
        }
        var low = word, high = word + 1, step = 1
        while high < wordCount, sharesPrefix(high) {
            low = high
            step *= 2
            high = min(wordCount, word + step)
        }
        while high - low > 1 {
            let middle = (low + high) / 2
            if sharesPrefix(middle) { low = middle } else { high = middle }
        }
        return high
    }

    /// Each occurrence's distinct-word number, and one occurrence's bytes per distinct word.
    private static func distinctWords(bytes: [UInt8], starts: [Int32], ends: [Int32])
        -> (ofOccurrence: [Int32], starts: [Int32], ends: [Int32], totalBytes: Int)
    {
        var ofOccurrence = [Int32](repeating: 0, count: starts.count)
        var wordStarts: [Int32] = [], wordEnds: [Int32] = [], hashes: [UInt64] = []
        var totalBytes = 0
        var slots = [Int32](repeating: -1, count: 1024)
        bytes.withUnsafeBufferPointer { bytes in
            func hash(_ start: Int, _ end: Int) -> UInt64 {
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for position in start..<end { hash = (hash ^ UInt64(bytes[position])) &* 0x100_0000_01B3 }
                return hash ^ hash >> 29
            }
            func equal(_ word: Int, _ start: Int, _ end: Int) -> Bool {
                let wordStart = Int(wordStarts[word])
                guard Int(wordEnds[word]) - wordStart == end - start else { return false }
                for offset in 0..<(end - start) where bytes[wordStart + offset] != bytes[start + offset] { return false }
                return true
            }
            for occurrence in starts.indices {
                let start = Int(starts[occurrence]), end = Int(ends[occurrence])
                let hash = hash(start, end)
                var mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let word = Int(slots[slot])
                    if word < 0 {
                        ofOccurrence[occurrence] = Int32(wordStarts.count)
                        slots[slot] = Int32(wordStarts.count)
                        wordStarts.append(Int32(start))
                        wordEnds.append(Int32(end))
                        hashes.append(hash)
                        totalBytes += end - start
                        if wordStarts.count * 2 > slots.count {
                            // Grow: re-place every word by its stored hash.
                            slots = [Int32](repeating: -1, count: slots.count * 2)
                            mask = slots.count - 1
                            for (word, hash) in hashes.enumerated() {
                                var slot = Int(truncatingIfNeeded: hash) & mask
                                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                                slots[slot] = Int32(word)
                            }
                        }
                        break
                    }
                    if hashes[word] == hash, equal(word, start, end) {
                        ofOccurrence[occurrence] = Int32(word)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return (ofOccurrence, wordStarts, wordEnds, totalBytes)
    }
}
