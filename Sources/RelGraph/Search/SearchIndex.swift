/// Finds nodes by what people type: an id or a label in any language, whole or in part,
/// ignoring case, normalisation form and Latin accents, forgiving small typos (contract §4).
///
/// Built once per graph; each search then touches only the texts that can match:
/// - every word start of every folded text is a key in one sorted array, so exact matches,
///   prefixes and word prefixes are one binary search and a walk over the matching block;
/// - substrings come from a trigram index (the rarest trigram of the query, then a check);
/// - typos compare the query with each distinct word whose length is within 2 and whose
///   letters could be reached in 2 edits (a 64-bit letter mask rules out most words at once).
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
        public let node: Int
        public let rank: Rank
        /// The id or label text (as written in the document) that matched.
        public let matched: String
    }

    /// The graph searched.
    public let graph: Graph
    /// `textNodes[t]`: the node text `t` belongs to; its id comes first, then its label entries.
    private let textNodes: [Int32]
    /// `textEntries[t]`: -1 for the node's id, else the index of the label entry.
    private let textEntries: [Int32]
    /// The folded texts, back to back; text `t` is `bytes[offsets[t] ..< offsets[t + 1]]`.
    private let bytes: [UInt8]
    private let offsets: [Int32]
    /// Word starts, sorted by the folded text from there to the end: `(text, start)`.
    private let keyTexts: [Int32]
    private let keyStarts: [Int32]
    /// `trigram << 32 | text` for every distinct three-byte run of every text, sorted.
    private let trigrams: [UInt64]
    /// Distinct folded words, their letter masks, and the texts each occurs in.
    private let words: [[Unicode.Scalar]]
    private let wordMasks: [UInt64]
    /// Each distinct word's length in scalars (capped at 255).
    private let wordLengths: [UInt8]
    private let wordTextOffsets: [Int32]
    private let wordTexts: [Int32]

    /// Indexes every node's id and label entries.
    ///
    /// - Complexity: O(L log L) in the total length L of ids and labels.
    public init(_ graph: Graph) {
        self.graph = graph
        let storage = graph.storage
        var textNodes: [Int32] = [], textEntries: [Int32] = [], bytes: [UInt8] = [], offsets: [Int32] = [0]
        textNodes.reserveCapacity(graph.nodeCount * 3)
        textEntries.reserveCapacity(graph.nodeCount * 3)
        offsets.reserveCapacity(graph.nodeCount * 3 + 1)
        var sortKeys: [(prefix: UInt64, text: Int32, start: Int32)] = []
        var trigramKeys: [UInt64] = []
        var wordIDs: [[UInt8]: Int32] = [:]
        var wordBytes: [[UInt8]] = []
        var occurrences: [(word: Int32, text: Int32)] = []

        func add(_ text: String, node: Int, entry: Int32) {
            let textIndex = Int32(textNodes.count)
            let folded = TextFolding.fold(text)
            let base = bytes.count
            textNodes.append(Int32(node))
            textEntries.append(entry)
            bytes += folded
            offsets.append(Int32(bytes.count))
            var starts = [0]
            for word in TextFolding.words(in: folded) {
                if word.lowerBound > 0 { starts.append(word.lowerBound) }
                let key = Array(folded[word])
                let id: Int32
                if let known = wordIDs[key] { id = known } else {
                    id = Int32(wordBytes.count)
                    wordIDs[key] = id
                    wordBytes.append(key)
                }
                occurrences.append((id, textIndex))
            }
            for start in starts {
                var prefix: UInt64 = 0
                for position in 0..<8 {
                    prefix <<= 8
                    if start + position < folded.count { prefix |= UInt64(folded[start + position]) }
                }
                sortKeys.append((prefix, textIndex, Int32(base + start)))
            }
            if folded.count >= 3 {
                for position in 0...(folded.count - 3) {
                    let trigram = UInt64(folded[position]) << 16 | UInt64(folded[position + 1]) << 8 | UInt64(folded[position + 2])
                    trigramKeys.append(trigram << 32 | UInt64(textIndex))
                }
            }
        }

        for node in 0..<graph.nodeCount {
            add(storage.nodeIDs[node], node: node, entry: -1)
            for (entry, label) in storage.nodeLabels[node].entries.enumerated() {
                add(label.text, node: node, entry: Int32(entry))
            }
        }

        // Word starts by the text that follows them: the first 8 bytes decide most comparisons.
        sortKeys.withUnsafeMutableBufferPointer { keys in
            bytes.withUnsafeBufferPointer { bytes in
                keys.sort { lhs, rhs in
                    if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
                    let order = SearchIndex.compare(bytes, from: Int(lhs.start), to: Int(offsets[Int(lhs.text) + 1]),
                                                    withSuffixFrom: Int(rhs.start), to: Int(offsets[Int(rhs.text) + 1]))
                    return order != 0 ? order < 0 : lhs.text < rhs.text
                }
            }
        }
        var payloads = [UInt32](repeating: 0, count: trigramKeys.count)
        RadixSort.sort(&trigramKeys, &payloads)
        var distinct: [UInt64] = []
        distinct.reserveCapacity(trigramKeys.count)
        for key in trigramKeys where distinct.last != key { distinct.append(key) }

        occurrences.sort { ($0.word, $0.text) < ($1.word, $1.text) }
        var wordTextOffsets = [Int32](repeating: 0, count: wordBytes.count + 1)
        for occurrence in occurrences { wordTextOffsets[Int(occurrence.word) + 1] += 1 }
        for word in 0..<wordBytes.count { wordTextOffsets[word + 1] += wordTextOffsets[word] }

        self.textNodes = textNodes
        self.textEntries = textEntries
        self.bytes = bytes
        self.offsets = offsets
        keyTexts = sortKeys.map(\.text)
        keyStarts = sortKeys.map(\.start)
        trigrams = distinct
        words = wordBytes.map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
        wordMasks = words.map(SearchIndex.mask(of:))
        wordLengths = words.map { UInt8(min($0.count, 255)) }
        self.wordTextOffsets = wordTextOffsets
        wordTexts = occurrences.map(\.text)
    }

    /// The nodes whose id or label matches `text`, best first, then by id (contract §4).
    ///
    /// - Parameters:
    ///   - text: what to look for: an id, or a label or part of one, in any language.
    ///   - kinds: keep only nodes of these kinds (`nil`: every kind).
    ///   - limit: at most this many matches (`nil`: all of them).
    /// - Complexity: O(log K + M) for exact, prefix and word-prefix matches, where M is the
    ///   number of texts matching; substrings add the postings of the query's rarest trigram;
    ///   typos (only when the better tiers do not fill `limit`) add a pass over distinct words.
    public func search(_ text: String, kinds: Set<NodeKind>? = nil, limit: Int? = nil) -> [Match] {
        let query = TextFolding.fold(text)
        guard !query.isEmpty, limit.map({ $0 > 0 }) ?? true else { return [] }
        let keptKinds = kinds.map { kinds in graph.storage.kinds.values.map { kinds.contains($0) } }
        var best = [Int64](repeating: -1, count: graph.nodeCount)
        var found: [Int32] = []

        func record(_ textIndex: Int32, _ rank: Rank) {
            let node = Int(textNodes[Int(textIndex)])
            if let keptKinds, !keptKinds[Int(graph.storage.nodeKinds[node])] { return }
            let value = Int64(rank.rawValue) << 32 | Int64(textIndex)
            if best[node] < 0 { found.append(Int32(node)); best[node] = value } else if value < best[node] { best[node] = value }
        }

        // Exact, prefix and word prefix: the block of keys that start with the query.
        bytes.withUnsafeBufferPointer { bytes in
            let block = keyBlock(startingWith: query, in: bytes)
            for key in block {
                let textIndex = keyTexts[key], start = Int(keyStarts[key])
                let isWhole = start == Int(offsets[Int(textIndex)])
                let isExact = isWhole && Int(offsets[Int(textIndex) + 1]) - start == query.count
                record(textIndex, isExact ? .exact : isWhole ? .prefix : .wordPrefix)
            }
        }
        // Substrings and typos can only fill places the better tiers left.
        if let limit, found.count >= limit { return ranked(found, best, limit: limit) }
        for textIndex in substringCandidates(of: query) where contains(textIndex, query) {
            record(textIndex, .substring)
        }
        if let limit, found.count >= limit { return ranked(found, best, limit: limit) }
        let scalars = Array(String(decoding: query, as: UTF8.self).unicodeScalars)
        // Typos are looked for in one word at a time: a query of several words matched none
        // of the better ways, and comparing it with single words could not succeed.
        if text.count >= 4, TextFolding.words(in: query).count == 1 {
            let mask = SearchIndex.mask(of: scalars)
            let length = scalars.count
            for word in 0..<wordLengths.count {
                // Length and letters first, on flat arrays; the distance only for survivors.
                guard abs(Int(wordLengths[word]) - length) <= 2, (mask & ~wordMasks[word]).nonzeroBitCount <= 2,
                    NearestName.distance(scalars, words[word], atMost: 2) != nil
                else { continue }
                for slot in Int(wordTextOffsets[word])..<Int(wordTextOffsets[word + 1]) { record(wordTexts[slot], .similar) }
            }
        }
        return ranked(found, best, limit: limit)
    }

    private func ranked(_ found: [Int32], _ best: [Int64], limit: Int?) -> [Match] {
        let ranks = graph.idRanks
        // (rank, id rank): one integer per node, so the order is one comparison.
        @inline(__always) func key(_ node: Int32) -> Int64 { (best[Int(node)] >> 32) << 32 | Int64(ranks[Int(node)]) }
        var order: [Int32]
        if let limit, found.count > 4 * limit {
            // The best `limit` of many: keep a sorted window, most candidates fail one comparison.
            var window: [(Int64, Int32)] = []
            window.reserveCapacity(limit + 1)
            for node in found {
                let value = key(node)
                if window.count == limit, value >= window[limit - 1].0 { continue }
                var position = window.count
                while position > 0, window[position - 1].0 > value { position -= 1 }
                window.insert((value, node), at: position)
                if window.count > limit { window.removeLast() }
            }
            order = window.map(\.1)
        } else {
            order = found.sorted { key($0) < key($1) }
            if let limit, order.count > limit { order.removeLast(order.count - limit) }
        }
        return order.map { node in
            let value = best[Int(node)]
            return Match(node: Int(node), rank: Rank(rawValue: Int(value >> 32))!, matched: originalText(Int32(truncatingIfNeeded: value)))
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

    /// Texts that may contain `query`: those holding its rarest trigram (or every text, for a
    /// query shorter than three bytes).
    private func substringCandidates(of query: [UInt8]) -> [Int32] {
        guard query.count >= 3 else { return Array(0..<Int32(textNodes.count)) }
        var rarest: Range<Int>?
        for position in 0...(query.count - 3) {
            let trigram = UInt64(query[position]) << 16 | UInt64(query[position + 1]) << 8 | UInt64(query[position + 2])
            let range = postings(of: trigram)
            if rarest == nil || range.count < rarest!.count { rarest = range }
            if range.isEmpty { break }
        }
        return rarest!.map { Int32(truncatingIfNeeded: trigrams[$0]) }
    }

    private func postings(of trigram: UInt64) -> Range<Int> {
        func lowerBound(_ key: UInt64) -> Int {
            var low = 0, high = trigrams.count
            while low < high {
                let middle = (low + high) / 2
                if trigrams[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return lowerBound(trigram << 32)..<lowerBound((trigram + 1) << 32)
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

    /// Three-way comparison of two byte runs of `bytes`.
    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, from a: Int, to aEnd: Int, withSuffixFrom b: Int, to bEnd: Int) -> Int {
        var i = a, j = b
        while i < aEnd, j < bEnd {
            if bytes[i] != bytes[j] { return bytes[i] < bytes[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        return (aEnd - i) - (bEnd - j) == 0 ? 0 : (i == aEnd ? -1 : 1)
    }

    /// One bit per letter (by scalar value modulo 64): a word lacking 3 of the query's letters
    /// is more than 2 edits away, since each edit brings in at most one letter.
    private static func mask(of scalars: [Unicode.Scalar]) -> UInt64 {
        scalars.reduce(0) { $0 | 1 << UInt64($1.value % 64) }
    }
}
