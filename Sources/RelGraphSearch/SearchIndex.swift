import RelGraphCore

/// Finds nodes by what people type: an id or a label in any language, whole or in part,
/// ignoring case, normalisation form and Latin accents, forgiving small typos (contract §4).
///
/// Built once per graph (on every core); each search then touches only the texts that can match:
/// - every word start of every folded text is a key in one sorted array, so exact matches,
///   prefixes and word prefixes are one binary search and a walk over the matching block;
/// - substrings come from a trigram index (the bucket of the query's rarest trigram, then a check);
/// - typos walk the sorted distinct words as a trie, computing the edit-distance table once per
///   shared prefix and skipping every word under a prefix already more than 2 edits away.
///
/// ```swift
/// let index = SearchIndex(graph)
/// let matches = index.search("putin", limit: 10)
/// ```
public struct SearchIndex: Sendable {
    /// How well a text matches, best first (contract §4).
    public enum Rank: Int, Comparable, Sendable, CustomStringConvertible {
        case exact, prefix, wordPrefix, substring, similar

        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .exact: return "exact"
            case .prefix: return "prefix"
            case .wordPrefix: return "word prefix"
            case .substring: return "substring"
            case .similar: return "similar"
            }
        }
    }

    /// One node found: how well it matched, and the id or label text that matched best.
    public struct Match: Hashable, Sendable {
        /// The node found.
        public let node: NodeIndex
        public let rank: Rank
        /// The id or label text (as written in the document) that matched.
        public let matched: String
    }

    /// The graph searched.
    public let graph: Graph
    /// `textNodes[t]`: the node text `t` belongs to. Texts are numbered in the order of their
    /// nodes' ids (contract §4's tie order), each node's id first, then its label entries.
    let textNodes: [Int32]
    /// `textEntries[t]`: -1 for the node's id, else the index of the label entry.
    private let textEntries: [Int32]
    /// The folded texts, back to back; text `t` is `bytes[offsets[t] ..< offsets[t + 1]]`.
    let bytes: [UInt8]
    let offsets: [Int32]
    /// Word starts, sorted by the folded text from there to the end: `(text, start)`.
    private let keyTexts: [Int32]
    private let keyStarts: [Int32]
    private let trigrams: TrigramIndex
    let words: WordIndex

    /// Indexes every node's id and label entries.
    ///
    /// - Complexity: O(L) expected in the total length L of ids and labels, split over the cores.
    public init(_ graph: Graph) {
        self.graph = graph
        let built = SearchIndexBuilder(graph).build()
        textNodes = built.textNodes
        textEntries = built.textEntries
        bytes = built.bytes
        offsets = built.offsets
        keyTexts = built.keyTexts
        keyStarts = built.keyStarts
        trigrams = built.trigrams
        words = built.words
    }

    /// The nodes whose id or label matches `text`, best first, then by id (contract §4).
    ///
    /// - Parameters:
    ///   - text: what to look for: an id, or a label or part of one, in any language.
    ///   - kinds: keep only nodes of these kinds (`nil`: every kind).
    ///   - view: keep only nodes this view of the graph keeps (`--as-of`; `nil`: every node).
    ///   - limit: at most this many matches (`nil`: all of them).
    /// - Complexity: O(log K + M) for exact, prefix and word-prefix matches, where M is the
    ///   number of texts matching; substrings add the texts in the bucket of the query's
    ///   rarest trigram (every text for a query under three bytes); typos (only when the
    ///   better tiers do not fill `limit`) add the word prefixes within 2 edits of the query's
    ///   words, and, for a query of several words, the texts of its rarest word's matches.
    public func search(_ text: String, kinds: Set<NodeKind>? = nil, in view: GraphView? = nil, limit: Int? = nil) -> [Match] {
        let query = TextFolding.fold(text)
        guard !query.isEmpty, limit.map({ $0 > 0 }) ?? true else { return [] }
        let keptKinds = kinds.map { kinds in graph.storage.kinds.values.map { kinds.contains($0) } }
        let nodeKinds = graph.storage.nodeKinds
        @inline(__always) func isKept(_ node: Int32) -> Bool {
            (keptKinds.map { $0[Int(nodeKinds[Int(node)])] } ?? true) && (view.map { $0.contains(node: NodeIndex(Int(node))) } ?? true)
        }
        @inline(__always) func value(_ rank: Rank, _ textIndex: Int32) -> Int64 { Int64(rank.rawValue) << 32 | Int64(textIndex) }
        var found = MatchTable(nodeCount: graph.nodeCount)

        // Exact, prefix and word prefix: the block of keys that start with the query.
        bytes.withUnsafeBufferPointer { bytes in
            for key in keyBlock(startingWith: query, in: bytes) {
                let textIndex = keyTexts[key], start = Int(keyStarts[key])
                let node = textNodes[Int(textIndex)]
                guard isKept(node) else { continue }
                let isWhole = start == Int(offsets[Int(textIndex)])
                let isExact = isWhole && Int(offsets[Int(textIndex) + 1]) - start == query.count
                found.record(node, value(isExact ? .exact : isWhole ? .prefix : .wordPrefix, textIndex))
            }
        }
        // Substrings and typos can only fill places the better tiers left. Texts are numbered
        // in id order, so candidates come in id order: the first places left are final.
        if let limit, found.count >= limit { return ranked(found, limit: limit) }
        let candidates = trigrams.candidates(for: query) ?? ArraySlice(0..<Int32(textNodes.count))
        var previous: Int32 = -1
        for textIndex in candidates where textIndex != previous {
            previous = textIndex
            let node = textNodes[Int(textIndex)]
            guard isKept(node), contains(textIndex, query) else { continue }
            if found.record(node, value(.substring, textIndex)), let limit, found.count >= limit { return ranked(found, limit: limit) }
        }
        // Typos: each word of the query pairs with a word of the text (``WordPairing``).
        guard text.count >= WordPairing.typoLength else { return ranked(found, limit: limit) }
        let pairing = WordPairing(query: query)
        // Past the first `places` nodes that only this tier finds, no node can make the answer.
        let places = limit.map { $0 - found.count } ?? Int.max
        if pairing.words.count == 1 {
            recordSimilar(pairing.words[0], places: places, isKept: isKept, in: &found)
        } else if pairing.words.count > 1 {
            recordSimilar(pairing, places: places, isKept: isKept, in: &found)
        }
        return ranked(found, limit: limit)
    }

    private func ranked(_ found: MatchTable, limit: Int?) -> [Match] {
        let ranks = graph.idRanks
        // (rank, id rank): one integer per node, so the order is one comparison.
        var keyed = zip(found.nodes, found.values).map { node, value in
            (key: (value >> 32) << 32 | Int64(ranks[Int(node)]), node: node, value: value)
        }
        if let limit, keyed.count > 4 * limit {
            // The best `limit` of many: keep a sorted window, most candidates fail one comparison.
            var window: [(key: Int64, node: Int32, value: Int64)] = []
            window.reserveCapacity(limit + 1)
            for candidate in keyed {
                if window.count == limit, candidate.key >= window[limit - 1].key { continue }
                var position = window.count
                while position > 0, window[position - 1].key > candidate.key { position -= 1 }
                window.insert(candidate, at: position)
                if window.count > limit { window.removeLast() }
            }
            keyed = window
        } else {
            keyed.sort { $0.key < $1.key }
            if let limit, keyed.count > limit { keyed.removeLast(keyed.count - limit) }
        }
        return keyed.map { match in
            Match(
                node: NodeIndex(Int(match.node)), rank: Rank(rawValue: Int(match.value >> 32))!,
                matched: originalText(Int32(truncatingIfNeeded: match.value)))
        }
    }

    /// The text as the document writes it.
    private func originalText(_ textIndex: Int32) -> String {
        let node = Int(textNodes[Int(textIndex)]), entry = Int(textEntries[Int(textIndex)])
        return entry < 0 ? graph.storage.nodeIDs[node] : graph.storage.nodeLabels[node].entries[entry].text
    }

    /// The keys whose text (from the word start on) begins with `query`.
    private func keyBlock(startingWith query: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func order(_ key: Int) -> Int {
            let start = Int(keyStarts[key]), end = Int(offsets[Int(keyTexts[key]) + 1])
            for position in 0..<query.count {
                guard start + position < end else { return -1 }
                let byte = bytes[start + position]
                if byte != query[position] { return byte < query[position] ? -1 : 1 }
            }
            return 0
        }
        var low = 0, high = keyTexts.count
        while low < high {
            let middle = (low + high) / 2
            if order(middle) < 0 { low = middle + 1 } else { high = middle }
        }
        let lower = low
        high = keyTexts.count
        while low < high {
            let middle = (low + high) / 2
            if order(middle) <= 0 { low = middle + 1 } else { high = middle }
        }
        return lower..<low
    }

    private func contains(_ textIndex: Int32, _ query: [UInt8]) -> Bool {
        let start = Int(offsets[Int(textIndex)]), end = Int(offsets[Int(textIndex) + 1])
        guard end - start >= query.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            outer: for origin in start...(end - query.count) {
                for position in 0..<query.count where bytes[origin + position] != query[position] { continue outer }
                return true
            }
            return false
        }
    }
}
