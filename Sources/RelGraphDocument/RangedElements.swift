import Foundation
import RelGraphCore

/// A JSON document in memory, cut at line feeds so that the elements of its `nodes` and `edges`
/// lists are read on every core (see ``DocumentDecoder/decodeInRanges(_:of:from:)``).
///
/// A raw line feed never occurs inside a JSON string or any other token, so a range that starts
/// right after one starts between tokens, and can be read on its own from the first line that
/// opens a map (`{`, maybe after a `,`): a guess at its first element, used only if the range
/// before ended exactly there (its last element was followed by one starting at that very byte),
/// and read again from where that one ended otherwise. Lines are counted by line feeds, which
/// no token holds, so every position is that of reading the document from start to end.
package struct RangedElements: Sendable {
    let file: FileBytes
    /// The file cut at line feeds every megabyte or so, with each range's first line.
    let ranges: LineRanges

    /// How many bytes a thread reads at a time.
    static let chunkBytes = 1 << 20

    /// How many problems a range read from a guessed start may find before it gives up.
    static let problemsBeforeGivingUp = 64

    /// `file` cut at line feeds every `chunkBytes` or so.
    package init(file: FileBytes, chunkBytes: Int = Self.chunkBytes) {
        self.file = file
        ranges = LineRanges(file: file, from: LinePosition(offset: 0, line: 1, lineStart: 0), chunkBytes: chunkBytes)
    }

    /// Whether the file has line feeds to cut it at (a document written on one line has none,
    /// and is read as a stream on two threads instead).
    var isCut: Bool { ranges.count > 1 }

    /// Which list's elements are read.
    enum Kind: Sendable { case nodes, edges }

    /// An element read, or nil when it adds nothing (not a map, or lacking a key: its problems
    /// say why), and how many of the range's problems were found up to its end.
    struct Element<Item: Sendable>: Sendable {
        var item: Item?
        var problemsEnd: Int
    }

    /// Why a range's reading stopped.
    enum Stop: Sendable {
        /// At an element that starts at `offset` (on the line of `position`), past the range's end.
        case next(offset: Int, position: TextPosition)
        /// After the list's `]`.
        case listEnd(ByteInput.Mark)
        /// At an error after which the document cannot be read.
        case fatal(ReadError)
    }

    /// The elements that start in one range, and where reading began (nil: no line opened a map).
    struct ParsedRange<Item: Sendable>: Sendable {
        var start: Int? = nil
        var elements: [Element<Item>] = []
        var problems: [LocatedProblem] = []
        var stop: Stop
        /// The texts the range's plain elements name by place.
        var texts = RangeTexts()
    }

    /// A list whose `[` a reader has just read: where its elements begin, and how deep in the
    /// document it is (a reader of its elements refuses the same nesting).
    struct List: Sendable {
        var mark: ByteInput.Mark
        var depth: Int
    }

    /// The range holding the first byte after the list's `[` is its first; the ranges that
    /// follow it are the list's next ones (an element past the list's end is never used).
    func firstRange(after offset: Int) -> Int {
        var low = 0, high = ranges.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if ranges.start(of: middle).offset <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Where a range's first element is guessed to start: the first line that opens a map, or
    /// nil when no line of the range does.
    func guessedStart(of range: Int) -> ByteInput.Mark? {
        let bytes = file.buffer
        let start = ranges.start(of: range)
        let end = ranges.end(of: range)
        var line = start.line, offset = start.offset
        while offset < end {
            var index = offset
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
            if index < end, bytes[index] == UInt8(ascii: ",") {
                index += 1
                while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
            }
            if index < end, bytes[index] == UInt8(ascii: "{") {
                return ByteInput.Mark(offset: index, line: line, lineStart: offset, continuationBytes: 0)
            }
            guard let feed = UnsafeBufferPointer(rebasing: bytes[index..<end]).firstIndex(of: 0x0A) else { return nil }
            offset = index + feed + 1
            line += 1
        }
        return nil
    }

    /// Reads the elements of a list that start before `end`, from `mark` on (an element's first
    /// byte, or right after the list's `[`), as the document's reader would read them.
    ///
    /// A range read from a guessed start gives up at an element once it has found many problems
    /// (stopping as if that element were past its end, so that it is read again from there if the
    /// guess was right): a wrong guess, such as a range past the list's end, costs little.
    static func parse<Reading: ListReading>(
        _ file: FileBytes, from mark: ByteInput.Mark, depth: Int, before end: Int, as _: Reading.Type, nodes: IDIndex?, guessed: Bool = false
    ) -> ParsedRange<Reading.Item> {
        var decoder = DocumentDecoder(reader: JSONTokenReader(input: ByteInput(file: file, at: mark), insideListAtDepth: depth))
        var elements: [Element<Reading.Item>] = []
        elements.reserveCapacity(min(max(min(end, file.buffer.count) - mark.offset, 0) / 64, 1 << 15))
        var reading = Reading(nodes: nodes)
        var stop: Stop
        do throws(ReadError) {
            while true {
                let before = decoder.problems.count
                let token = try decoder.nextToken()
                if token.kind == .sequenceEnd {
                    stop = .listEnd(decoder.reader.mark)
                    break
                }
                let offset = decoder.reader.tokenStart
                if offset >= end || (guessed && decoder.problems.count > Self.problemsBeforeGivingUp) {
                    // The next range's: what reading its first token found is found there again.
                    decoder.problems.removeSubrange(before...)
                    stop = .next(offset: offset, position: token.position)
                    break
                }
                let item = try reading.item(from: token, decoder: &decoder)
                elements.append(Element(item: item, problemsEnd: decoder.problems.count))
            }
        } catch {
            stop = .fatal(error)
        }
        return ParsedRange(start: mark.offset, elements: elements, problems: decoder.problems, stop: stop, texts: reading.texts)
    }
}

/// How the elements of one list are read on the reading threads, a value per range (which keeps
/// what the range has seen), and added in order on the building thread.
protocol ListReading {
    /// What a reading thread makes of one element.
    associatedtype Item: Sendable

    /// Whether its items look the nodes added so far up (none is added while they are read).
    static var looksUpNodes: Bool { get }

    /// Reading a range, looking edges' ends up in `nodes` (the nodes added, none being added
    /// meanwhile) if given.
    init(nodes: IDIndex?)

    /// Reads the element whose first token is `token`: nil when it adds nothing (its problems
    /// say why).
    mutating func item(from token: Token, decoder: inout DocumentDecoder<JSONTokenReader>) throws(ReadError) -> Item?

    /// The texts the items read so far name by place.
    var texts: RangeTexts { get }

    /// Adds an item of a range whose texts are `texts`, reporting what the builder refuses.
    static func add<Reader>(_ item: consuming Item, texts: inout RangeTexts, to decoder: inout DocumentDecoder<Reader>)
}

/// The elements of `nodes`: plain ones read straight from the bytes (``PlainNodes``).
struct NodeListReading: ListReading {
    private var plain = PlainNodes()

    static var looksUpNodes: Bool { false }

    init(nodes: IDIndex?) {}

    mutating func item(from token: Token, decoder: inout DocumentDecoder<JSONTokenReader>) throws(ReadError) -> DecodedNode? {
        if token.kind == .mappingStart, let node = decoder.reader.plainNode(at: token.position, plain: &plain) {
            decoder.openContainers -= 1
            return node
        }
        return try decoder.nodeElement(token)
    }

    var texts: RangeTexts { RangeTexts(labels: plain.labels) }

    static func add<Reader>(_ item: consuming DecodedNode, texts: inout RangeTexts, to decoder: inout DocumentDecoder<Reader>) {
        decoder.add(item, labels: texts.labels)
    }
}

/// What a reading thread makes of one element of `edges`.
enum EdgeItem: Sendable {
    /// An edge read straight from its bytes (``PlainEdges``), and where its map begins.
    case plain(PlainEdge, start: TextPosition)
    /// An edge read by the general path. (Boxed: it is large, and rare in big documents.)
    indirect case decoded(DecodedEdge)
}

/// The elements of `edges`: plain ones read straight from the bytes (``PlainEdges``).
struct EdgeListReading: ListReading {
    private let nodes: IDIndex?
    private var plain = PlainEdges()

    static var looksUpNodes: Bool { true }

    init(nodes: IDIndex?) { self.nodes = nodes }

    mutating func item(from token: Token, decoder: inout DocumentDecoder<JSONTokenReader>) throws(ReadError) -> EdgeItem? {
        if token.kind == .mappingStart, let nodes, let edge = decoder.reader.plainEdge(nodes: nodes, plain: &plain) {
            decoder.openContainers -= 1
            return .plain(edge, start: token.position)
        }
        return try decoder.edgeElement(token, nodes: nodes).map(EdgeItem.decoded)
    }

    var texts: RangeTexts { RangeTexts(relations: plain.relationTexts) }

    static func add<Reader>(_ item: consuming EdgeItem, texts: inout RangeTexts, to decoder: inout DocumentDecoder<Reader>) {
        switch consume item {
        case .plain(let edge, let start): decoder.add(edge, at: start, texts: &texts)
        case .decoded(let edge): decoder.add(edge)
        }
    }
}

extension DocumentDecoder {
    /// Reads the elements of the list whose `[` the reader has just read (the value of `nodes`
    /// or `edges`) on every core, cut into ranges at line feeds: the ranges are read on other
    /// threads a little ahead while this one adds each range's elements in order. Reads, adds
    /// and reports exactly what reading the elements one after the other does, then lets the
    /// reader go on after the list's `]`.
    mutating func decodeInRanges<Reading: ListReading>(_ list: RangedElements.List, _: Reading.Type, from ranged: RangedElements) throws(ReadError) {
        let file = ranged.file, ranges = ranged.ranges
        // No node is added while edges are read: their ends are looked up on the reading threads.
        let nodes: IDIndex? = Reading.looksUpNodes ? addedNodes : nil
        let first = ranged.firstRange(after: list.mark.offset)
        let count = ranges.count - first
        let depth = list.depth
        let progress = ProgressCounter.current
        var counted = list.mark.offset
        var released = 0
        /// The first byte of the next element to add (or where the list's end is awaited).
        var expected = list.mark
        var finished: RangedElements.Stop?
        // The end of the list's range `index`; the last one reads to the list's end (or an error).
        func end(of index: Int) -> Int { index == count - 1 ? Int.max : ranges.end(of: first + index) }

        /// Adds a parsed range's elements, in order, checking the range's start.
        func consume(_ parsed: inout RangedElements.ParsedRange<Reading.Item>, index: Int, decoder: inout Self) {
            if parsed.start != expected.offset {
                // The guess was wrong (or there was none): read again from where the last element ended.
                guard expected.offset < end(of: index) else { return }
                parsed = RangedElements.parse(file, from: expected, depth: depth, before: end(of: index), as: Reading.self, nodes: nodes)
            }
            var reported = 0
            for index in parsed.elements.indices {
                // Taken out of the range, not copied: a copy retains every text of the element.
                var element = RangedElements.Element<Reading.Item>(item: nil, problemsEnd: 0)
                swap(&element, &parsed.elements[index])
                while reported < element.problemsEnd {
                    decoder.report(parsed.problems[reported].problem, at: parsed.problems[reported].position)
                    reported += 1
                }
                if let item = (consume element).item { Reading.add(item, texts: &parsed.texts, to: &decoder) }
            }
            for problem in parsed.problems[reported...] { decoder.report(problem.problem, at: problem.position) }
            switch parsed.stop {
            case .next(let offset, let position):
                expected = ByteInput.Mark(offset: offset, line: position.line, in: file.buffer)
            case .listEnd, .fatal:
                finished = parsed.stop
            }
            let reached = if case .listEnd(let mark) = parsed.stop { mark.offset } else { min(end(of: index), expected.offset) }
            if reached > counted { progress?.add(reached - counted); counted = reached }
            // What was read is not read again: its pages leave resident memory.
            released = file.release(released..<counted)
        }

        Parallel.mapInOrder(
            count,
            { index in
                let end = index == count - 1 ? Int.max : ranges.end(of: first + index)
                if index == 0 {
                    return RangedElements.parse(file, from: list.mark, depth: depth, before: end, as: Reading.self, nodes: nodes)
                }
                guard let guess = ranged.guessedStart(of: first + index) else {
                    return RangedElements.ParsedRange<Reading.Item>(stop: .next(offset: end, position: .start))
                }
                return RangedElements.parse(file, from: guess, depth: depth, before: end, as: Reading.self, nodes: nodes, guessed: true)
            },
            consume: { index, parsed in
                consume(&parsed, index: index, decoder: &self)
                return finished == nil
            })
        switch finished {
        case .listEnd(let mark):
            reader.takeBackList(endingAt: mark)
            openContainers -= 1
        case .fatal(let error):
            throw error
        case .next, nil:
            preconditionFailure("the last range of a list reads to its end or to an error")
        }
    }
}
