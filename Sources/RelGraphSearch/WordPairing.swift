/// How search's last tier (contract §4, "within edit distance 2 of a word") forgives each word
/// of a query: every query word must pair with a different word of the text, where a query word
/// pairs with a word it begins, or, when it has 4 or more characters, with a word within 2 edits
/// of it (Levenshtein distance with transpositions of adjacent scalars, the optimal string
/// alignment variant). So `xi jingping` finds "Xi Jinping" and `von der layen` finds
/// "Ursula von der Leyen", in any order of the words; one query word is the single-word case.
///
/// The page's search box (`Page/search.js`) implements the same rule; the shared cases in
/// `Tests/Fixtures/search/cases.json` hold both to it.
struct WordPairing {
    /// One query word: its Unicode scalars and whether it is long enough to forgive typos.
    struct QueryWord {
        let scalars: [UInt32]
        let forgivesTypos: Bool

        /// - Parameter folded: one word of a folded query.
        init(_ folded: some StringProtocol) {
            scalars = folded.unicodeScalars.map(\.value)
            forgivesTypos = folded.count >= WordPairing.typoLength
        }
    }

    /// A query word of this many characters or more may be within 2 edits of a text's word.
    static let typoLength = 4
    /// The most edits a typo may have.
    static let typoEdits = 2

    let words: [QueryWord]

    /// The words of a folded query (separators and punctuation dropped).
    init(query: [UInt8]) {
        words = TextFolding.words(in: query).map { QueryWord(String(decoding: query[$0], as: UTF8.self)) }
    }

    /// Whether `query` pairs with `word` (a word of a text, as scalars).
    ///
    /// - Complexity: O(q · w) at worst; O(q) for a prefix.
    static func pairs(_ query: QueryWord, with word: ArraySlice<UInt32>) -> Bool {
        if word.count >= query.scalars.count, word.prefix(query.scalars.count).elementsEqual(query.scalars) { return true }
        return query.forgivesTypos && EditDistance.isWithin(typoEdits, query.scalars[...], word)
    }

    /// Whether every query word pairs with a different word of `textWords`: a bipartite
    /// matching, found by augmenting paths (queries have a few words, texts a few more).
    ///
    /// - Complexity: O(k² · m) pair tests for k query words and m text words.
    func pairsEveryWord(with textWords: [ArraySlice<UInt32>]) -> Bool {
        guard !words.isEmpty, textWords.count >= words.count else { return false }
        let candidates = words.map { query in textWords.indices.filter { Self.pairs(query, with: textWords[$0]) } }
        if candidates.contains(where: \.isEmpty) { return false }
        var owner = [Int](repeating: -1, count: textWords.count)
        func augment(_ word: Int, _ visited: inout [Bool]) -> Bool {
            for textWord in candidates[word] where !visited[textWord] {
                visited[textWord] = true
                if owner[textWord] < 0 || augment(owner[textWord], &visited) {
                    owner[textWord] = word
                    return true
                }
            }
            return false
        }
        for word in words.indices {
            var visited = [Bool](repeating: false, count: textWords.count)
            if !augment(word, &visited) { return false }
        }
        return true
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment), bounded.
enum EditDistance {
    /// Whether `a` and `b` are at most `bound` edits apart.
    ///
    /// - Complexity: O(|a| · |b|), skipped when the lengths alone differ by more than `bound`.
    static func isWithin(_ bound: Int, _ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Bool {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= bound else { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= bound }
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for j in 0...b.count { table[j] = j }
        for i in 1...a.count {
            table[i * width] = i
            var rowMinimum = i
            for j in 1...b.count {
                var value = min(
                    table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1,
                    table[(i - 1) * width + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[(i - 2) * width + j - 2] + 1)
                }
                table[i * width + j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return false }
        }
        return table[a.count * width + b.count] <= bound
    }
}
