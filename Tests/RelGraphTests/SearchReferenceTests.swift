import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// The indexed search (sorted word starts, trigram buckets, a trie walk for typos) must answer
/// exactly what contract §4 says, which this file spells out the slow, plain way: fold every
/// text, compare it with the query in every way, keep each node's best text, sort.
@Suite("Search against a plain reference")
struct SearchReferenceTests {
    @Test("random graphs and queries: the index ranks exactly as the reference does")
    func randomGraphs() throws {
        var random = SeededRandom(seed: 0x5EA2C4)
        var checked = 0, nonEmpty = 0, typos = 0, wordByWord = 0
        for round in 0..<60 {
            let graph = try RandomTexts.graph(nodes: Int.random(in: 1...(round % 4 == 0 ? 600 : 60), using: &random), using: &random)
            let index = SearchIndex(graph)
            let reference = ReferenceSearch(graph)
            for _ in 0..<40 {
                let query = RandomTexts.query(in: graph, using: &random)
                let limit = [nil, 1, 3, 10, 20].randomElement(using: &random)!
                let kinds: Set<NodeKind>? = Bool.random(using: &random) ? nil : [[.actor], [.treaty], [.actor, .place]].randomElement(using: &random)!
                let expected = reference.search(query, kinds: kinds, limit: limit)
                let actual = index.search(query, kinds: kinds, limit: limit).map {
                    ReferenceSearch.Hit(id: graph.id(ofNode: $0.node), rank: $0.rank.rawValue, matched: $0.matched)
                }
                #expect(
                    actual == expected,
                    "round \(round), query \(query.debugDescription), limit \(String(describing: limit)), kinds \(String(describing: kinds))")
                if actual != expected { return }
                checked += 1
                if !expected.isEmpty { nonEmpty += 1 }
                if expected.contains(where: { $0.rank == SearchIndex.Rank.similar.rawValue }) {
                    typos += 1
                    if ReferenceSearch.words(ReferenceSearch.fold(query)).count > 1 { wordByWord += 1 }
                }
            }
        }
        // The generator must reach every tier, or the comparison proves little.
        #expect(checked == 2400)
        #expect(nonEmpty > 1200)
        #expect(typos > 150)
        #expect(wordByWord > 100, "queries of several words reach the typo tier")
    }

    @Test("a graph large enough to be indexed in two parts ranks as the reference does")
    func twoParts() throws {
        var random = SeededRandom(seed: 0x7A27)
        let graph = try RandomTexts.graph(nodes: 12_000, using: &random)
        let index = SearchIndex(graph)
        let reference = ReferenceSearch(graph)
        for _ in 0..<12 {
            let query = RandomTexts.query(in: graph, using: &random)
            let expected = reference.search(query, kinds: nil, limit: 20)
            let actual = index.search(query, limit: 20).map {
                ReferenceSearch.Hit(id: graph.id(ofNode: $0.node), rank: $0.rank.rawValue, matched: $0.matched)
            }
            #expect(actual == expected, "query \(query.debugDescription)")
        }
    }

    @Test("every rank is reached by the random queries")
    func everyRankIsReached() throws {
        var random = SeededRandom(seed: 7)
        var ranks = Set<Int>()
        for _ in 0..<10 {
            let graph = try RandomTexts.graph(nodes: 50, using: &random)
            let reference = ReferenceSearch(graph)
            for _ in 0..<40 { ranks.formUnion(reference.search(RandomTexts.query(in: graph, using: &random), kinds: nil, limit: nil).map(\.rank)) }
        }
        #expect(ranks == Set(0...4))
    }
}

/// Contract §4 written plainly, for comparison.
struct ReferenceSearch {
    struct Hit: Equatable, CustomStringConvertible {
        let id: String
        let rank: Int
        let matched: String
        var description: String { "\(id) \(rank) \(matched.debugDescription)" }
    }

    let graph: Graph

    init(_ graph: Graph) { self.graph = graph }

    /// Lower case, canonical decomposition, Latin combining accents dropped; as UTF-8 bytes.
    /// Lower case, NFD, and each Latin letter's combining accents dropped: a character whose
    /// first scalar Unicode names "LATIN …" loses its U+0300–U+036F scalars.
    static func fold(_ text: String) -> [UInt8] {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var folded = String.UnicodeScalarView()
        for character in decomposed {
            let scalars = character.unicodeScalars
            let latin = scalars.first?.properties.name?.hasPrefix("LATIN ") == true
            folded.append(contentsOf: scalars.filter { !(latin && (0x300...0x36F).contains($0.value)) })
        }
        return Array(String(folded).utf8)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The words of a folded text: (byte offset, scalars).
    static func words(_ folded: [UInt8]) -> [(start: Int, scalars: [Unicode.Scalar])] {
        var words: [(start: Int, scalars: [Unicode.Scalar])] = []
        var offset = 0
        var current: (start: Int, scalars: [Unicode.Scalar])?
        for scalar in String(decoding: folded, as: UTF8.self).unicodeScalars {
            if isWordScalar(scalar) {
                if current == nil { current = (offset, []) }
                current!.scalars.append(scalar)
            } else if let word = current {
                words.append(word)
                current = nil
            }
            offset += String(scalar).utf8.count
        }
        if let word = current { words.append(word) }
        return words
    }

    /// Levenshtein distance with adjacent transpositions (optimal string alignment), the whole table.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    static func hasPrefix(_ text: ArraySlice<UInt8>, _ query: [UInt8]) -> Bool {
        text.count >= query.count && Array(text.prefix(query.count)) == query
    }

    /// 0 exact, 1 prefix, 2 word prefix, 3 substring, 4 within two edits of a word; nil: no match.
    static func rank(of text: String, query: [UInt8], queryCharacters: Int) -> Int? {
        let folded = fold(text)
        if folded == query { return 0 }
        if hasPrefix(folded[...], query) { return 1 }
        let words = words(folded)
        if words.contains(where: { $0.start > 0 && hasPrefix(folded[$0.start...], query) }) { return 2 }
        if folded.count >= query.count, (0...(folded.count - query.count)).contains(where: { Array(folded[$0..<($0 + query.count)]) == query }) {
            return 3
        }
        if queryCharacters >= 4, pairsEveryWord(self.words(query).map(\.scalars), words.map(\.scalars)) { return 4 }
        return nil
    }

    /// Whether a query word pairs with a text's word: it begins the word, or (4+ characters) is
    /// within 2 edits of it.
    static func pairs(_ query: [Unicode.Scalar], _ word: [Unicode.Scalar]) -> Bool {
        word.starts(with: query) || (String(String.UnicodeScalarView(query)).count >= 4 && distance(query, word) <= 2)
    }

    /// Whether each query word pairs with a different word of the text: every way of giving
    /// them out is tried (queries here have few words).
    static func pairsEveryWord(_ queries: [[Unicode.Scalar]], _ words: [[Unicode.Scalar]]) -> Bool {
        guard !queries.isEmpty else { return false }
        func place(_ index: Int, _ used: Set<Int>) -> Bool {
            if index == queries.count { return true }
            return words.indices.contains { !used.contains($0) && pairs(queries[index], words[$0]) && place(index + 1, used.union([$0])) }
        }
        return place(0, [])
    }

    func search(_ text: String, kinds: Set<NodeKind>?, limit: Int?) -> [Hit] {
        let query = ReferenceSearch.fold(text)
        guard !query.isEmpty else { return [] }
        var hits: [Hit] = []
        for node in graph.nodeIndices where kinds?.contains(graph.kind(ofNode: node)) ?? true {
            let texts = [graph.id(ofNode: node)] + graph.label(ofNode: node).entries.map(\.text)
            var best: (rank: Int, text: String)?
            for candidate in texts {
                if let rank = ReferenceSearch.rank(of: candidate, query: query, queryCharacters: text.count), rank < best?.rank ?? 5 {
                    best = (rank, candidate)
                }
            }
            if let best { hits.append(Hit(id: graph.id(ofNode: node), rank: best.rank, matched: best.text)) }
        }
        hits.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
        return limit.map { Array(hits.prefix($0)) } ?? hits
    }
}

/// Random ids, labels and queries made of pieces that collide often: shared syllables, case,
/// precomposed and combining accents (on Latin and Cyrillic letters), Devanagari with and without nukta letters, separators.
enum RandomTexts {
    static let syllables = [
        "pu", "tin", "ka", "la", "m", "an", "na", "Bo", "ris", "e\u{301}", "é", "É", "ß", "Σ", "ς", "İ", "й", "и\u{306}", "и", "ё",
        "भा", "रत", "ज़", "ज\u{93C}", "क्", "षि", "1", "20", "0", "x",
    ]
    static let separators = [" ", "-", "_", ".", ":", " ", "·", "/"]
    static let kinds: [NodeKind] = [.actor, .treaty, .place, .sector]

    static func word<R: RandomNumberGenerator>(using random: inout R) -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
    }

    static func text<R: RandomNumberGenerator>(words count: Int, using random: inout R) -> String {
        var text = word(using: &random)
        for _ in 1..<max(count, 1) { text += separators.randomElement(using: &random)! + word(using: &random) }
        return text
    }

    static func graph<R: RandomNumberGenerator>(nodes: Int, using random: inout R) throws -> Graph {
        var builder = GraphBuilder()
        var used = Set<String>()
        for number in 0..<nodes {
            var id = text(words: Int.random(in: 1...2, using: &random), using: &random)
            id = String(String.UnicodeScalarView(id.unicodeScalars.map { " ·/".unicodeScalars.contains($0) ? "-" : $0 }))
            if !Identifier.isValid(id) || used.contains(id) { id = "n\(number)" + (Bool.random(using: &random) ? "-" + id.filter(\.isLetter) : "") }
            if !Identifier.isValid(id) { id = "n\(number)" }
            used.insert(id)
            var entries: [LocalizedText.Entry] = []
            if Int.random(in: 0..<4, using: &random) > 0 {
                entries.append(.init(language: "en", text: text(words: Int.random(in: 1...3, using: &random), using: &random)))
            }
            if Bool.random(using: &random) {
                entries.append(.init(language: "hi", text: text(words: Int.random(in: 1...3, using: &random), using: &random)))
            }
            try builder.addNode(Node(id: id, kind: kinds.randomElement(using: &random)!, label: LocalizedText(entries)))
        }
        return try builder.build()
    }

    /// A node's text whole, cut, re-cased or with one or two edits; or fresh pieces.
    static func query<R: RandomNumberGenerator>(in graph: Graph, using random: inout R) -> String {
        let node = NodeIndex(Int.random(in: 0..<graph.nodeCount, using: &random))
        let texts = [graph.id(ofNode: node)] + graph.label(ofNode: node).entries.map(\.text)
        var scalars = Array(texts.randomElement(using: &random)!.unicodeScalars)
        switch Int.random(in: 0..<9, using: &random) {
        case 0: break
        case 1: scalars = Array(scalars.prefix(Int.random(in: 1...scalars.count, using: &random)))
        case 2:
            let start = Int.random(in: 0..<scalars.count, using: &random)
            scalars = Array(scalars[start..<Int.random(in: (start + 1)...scalars.count, using: &random)])
        case 3: scalars = Array(String(String.UnicodeScalarView(scalars)).uppercased().unicodeScalars)
        case 4: return word(using: &random)
        case 7, 8:
            // Several words of the text, some cut or mistyped, in any order: word-by-word typos.
            var words = String(String.UnicodeScalarView(scalars)).split { !$0.unicodeScalars.allSatisfy(ReferenceSearch.isWordScalar) }
                .map { Array($0.unicodeScalars) }
            if words.count < 2 { words.append(Array(word(using: &random).unicodeScalars)) }
            words.shuffle(using: &random)
            let taken = words.prefix(Int.random(in: 2...min(3, words.count), using: &random)).map { word -> [Unicode.Scalar] in
                switch Int.random(in: 0..<3, using: &random) {
                case 0: return word
                case 1: return Array(word.prefix(Int.random(in: 1...word.count, using: &random)))
                default: return mistyped(word, using: &random)
                }
            }
            return taken.map { String(String.UnicodeScalarView($0)) }.joined(separator: [" ", " ", "-", ", "].randomElement(using: &random)!)
        default:
            // One word, then one or two edits: a typo.
            let words = String(String.UnicodeScalarView(scalars)).split { !$0.unicodeScalars.allSatisfy(ReferenceSearch.isWordScalar) }
            scalars = mistyped(Array((words.randomElement(using: &random).map(String.init) ?? word(using: &random)).unicodeScalars), using: &random)
        }
        return scalars.isEmpty ? word(using: &random) : String(String.UnicodeScalarView(scalars))
    }

    /// `scalars` with one or two edits: a removal, an insertion, a replacement or a swap.
    static func mistyped<R: RandomNumberGenerator>(_ scalars: [Unicode.Scalar], using random: inout R) -> [Unicode.Scalar] {
        var scalars = scalars
        for _ in 0..<Int.random(in: 1...2, using: &random) where !scalars.isEmpty {
            let position = Int.random(in: 0..<scalars.count, using: &random)
            let piece = syllables.randomElement(using: &random)!.unicodeScalars.first!
            switch Int.random(in: 0..<4, using: &random) {
            case 0: scalars.remove(at: position)
            case 1: scalars.insert(piece, at: position)
            case 2: scalars[position] = piece
            default: if position + 1 < scalars.count { scalars.swapAt(position, position + 1) }
            }
        }
        return scalars
    }
}
