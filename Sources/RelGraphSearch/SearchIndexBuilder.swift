import RelGraphCore

/// Builds a ``SearchIndex``'s arrays: folds and splits the texts of each half of the nodes on
/// its own core, then sorts the word starts on one core while the other builds the trigram and
/// word indexes. Texts are folded straight into one byte buffer; no string is made per text or
/// per word.
struct SearchIndexBuilder {
    let graph: Graph

    init(_ graph: Graph) { self.graph = graph }

    /// What a ``SearchIndex`` holds.
    struct Built: Sendable {
        var textNodes: [Int32], textEntries: [Int32]
        var bytes: [UInt8], offsets: [Int32]
        var keyTexts: [Int32], keyStarts: [Int32]
        var trigrams: TrigramIndex
        var words: WordIndex
    }

    /// The texts of a run of nodes in id order, folded: positions are within this part.
    private struct Part: Sendable {
        var bytes: [UInt8] = []
        /// Where each text starts in `bytes`.
        var textStarts: [Int32] = []
        var textNodes: [Int32] = []
        var textEntries: [Int32] = []
        /// Each text's start and each later word start, with the text it is in.
        var keyStarts: [Int32] = []
        var keyTexts: [Int32] = []
        /// Every word occurrence, in text order.
        var wordStarts: [Int32] = []
        var wordEnds: [Int32] = []
        var wordTexts: [Int32] = []
    }

    /// - Complexity: O(L) expected in the total length L of ids and labels.
    package func build() -> Built {
        let graph = self.graph
        let nodeCount = graph.nodeCount
        let partCount = nodeCount < 10_000 ? 1 : 2
        let parts = Parallel.map(partCount) { part in
            SearchIndexBuilder.fold(graph, ranks: nodeCount * part / partCount..<nodeCount * (part + 1) / partCount)
        }
        // One buffer for all texts; positions shifted by what came before each part.
        var bytes: [UInt8] = [], offsets: [Int32] = [], textNodes: [Int32] = [], textEntries: [Int32] = []
        var keyStarts: [Int32] = [], keyTexts: [Int32] = []
        var wordStarts: [Int32] = [], wordEnds: [Int32] = [], wordTexts: [Int32] = []
        for part in parts {
            let byteShift = Int32(bytes.count), textShift = Int32(textNodes.count)
            bytes += part.bytes
            offsets += part.textStarts.lazy.map { $0 + byteShift }
            textNodes += part.textNodes
            textEntries += part.textEntries
            keyStarts += part.keyStarts.lazy.map { $0 + byteShift }
            keyTexts += part.keyTexts.lazy.map { $0 + textShift }
            wordStarts += part.wordStarts.lazy.map { $0 + byteShift }
            wordEnds += part.wordEnds.lazy.map { $0 + byteShift }
            wordTexts += part.wordTexts.lazy.map { $0 + textShift }
        }
        offsets.append(Int32(bytes.count))
        return sorted(
            bytes: bytes, offsets: offsets, textNodes: textNodes, textEntries: textEntries,
            keyStarts: keyStarts, keyTexts: keyTexts, wordStarts: wordStarts, wordEnds: wordEnds, wordTexts: wordTexts)
    }

    /// Sorts the word starts on one core while the other indexes trigrams and words.
    private func sorted(
        bytes: [UInt8], offsets: [Int32], textNodes: [Int32], textEntries: [Int32],
        keyStarts: [Int32], keyTexts: [Int32], wordStarts: [Int32], wordEnds: [Int32], wordTexts: [Int32]
    ) -> Built {
        let keyEnds = keyTexts.map { offsets[Int($0) + 1] }
        let (keyOrder, (trigrams, words)) = Parallel.both(
            { ByteStringOrder.order(starts: keyStarts, ends: keyEnds, in: bytes) },
            {
                (
                    TrigramIndex(bytes: bytes, offsets: offsets),
                    WordIndex(bytes: bytes, starts: wordStarts, ends: wordEnds, occurrenceTexts: wordTexts)
                )
            })
        return Built(
            textNodes: textNodes, textEntries: textEntries, bytes: bytes, offsets: offsets,
            keyTexts: keyOrder.map { keyTexts[Int($0)] }, keyStarts: keyOrder.map { keyStarts[Int($0)] },
            trigrams: trigrams, words: words)
    }

    /// Folds the id and label entries of the nodes whose ids have these ranks and finds their words.
    private static func fold(_ graph: Graph, ranks: Range<Int>) -> Part {
        let storage = graph.storage
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ranks.count * 32)
        var part = Part()
        var keyStarts: [Int32] = [], keyTexts: [Int32] = []
        var wordStarts: [Int32] = [], wordEnds: [Int32] = [], wordTexts: [Int32] = []
        func add(_ text: String, node: Int, entry: Int32) {
            let textIndex = Int32(part.textNodes.count)
            let start = bytes.count
            TextFolding.appendFolded(text, to: &bytes)
            part.textStarts.append(Int32(start))
            part.textNodes.append(Int32(node))
            part.textEntries.append(entry)
            keyStarts.append(Int32(start))
            keyTexts.append(textIndex)
            bytes.withUnsafeBufferPointer { buffer in
                TextFolding.forEachWord(in: buffer, from: start, to: buffer.count) { wordStart, wordEnd in
                    if wordStart > start {
                        keyStarts.append(Int32(wordStart))
                        keyTexts.append(textIndex)
                    }
                    wordStarts.append(Int32(wordStart))
                    wordEnds.append(Int32(wordEnd))
                    wordTexts.append(textIndex)
                }
            }
        }
        for rank in ranks {
            let node = Int(graph.nodesByRank[rank])
            add(storage.nodeIDs[node], node: node, entry: -1)
            for (entry, label) in storage.nodeLabels[node].entries.enumerated() {
                add(label.text, node: node, entry: Int32(entry))
            }
        }
        part.bytes = bytes
        part.keyStarts = keyStarts
        part.keyTexts = keyTexts
        part.wordStarts = wordStarts
        part.wordEnds = wordEnds
        part.wordTexts = wordTexts
        return part
    }
}
