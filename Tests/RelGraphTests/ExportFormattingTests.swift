import RelGraphTestSupport
import Testing

@testable import RelGraph
@testable import RelGraphCore
@testable import RelGraphCypher
@testable import RelGraphDocument
@testable import RelGraphInterchange
@testable import RelGraphSearch

/// The pieces the GEXF and Cypher writers format with: edges grouped for Cypher in one counting
/// sort, literals and numbers written byte by byte, fragments made once and copied.
@Suite("Export formatting pieces")
struct ExportFormattingTests {
    static let graphs: [(name: String, graph: Graph)] = [
        ("tricky", TrickyGraph.graph), ("india-russia", Fixtures.indiaRussia), ("large", ParallelExportTests.large),
    ]

    @Test("Cypher's edge groups are the edges grouped by relation, then by the kinds of their ends, each in storage order")
    func edgeGroupsAreTheNaiveGrouping() {
        for (name, graph) in Self.graphs {
            let storage = graph.storage
            let kind = { (node: Int32) in storage.kinds.values[Int(storage.nodeKinds[Int(node)])].rawValue }
            // What the groups must be, by dictionary and sort.
            let key = { (edge: Int) in
                [storage.relations.values[Int(storage.edgeRelations[edge])], kind(storage.edgeFrom[edge]), kind(storage.edgeTo[edge])]
            }
            let expected = Dictionary(grouping: 0..<graph.edgeCount, by: key)
                .sorted { $0.key.lexicographicallyPrecedes($1.key) { $0.precedesInScalarOrder($1) } }
            let groups = CypherEdgeGroups(storage)
            #expect(
                groups.groups.map {
                    [storage.relations.values[Int($0.relation)], storage.kinds.values[Int($0.from)].rawValue, storage.kinds.values[Int($0.to)].rawValue]
                }
                    == expected.map(\.key), "\(name)")
            #expect(groups.groups.map { groups.edges[$0.positions].map(Int.init) } == expected.map(\.value), "\(name)")
            #expect(groups.groups.last?.positions.upperBound ?? 0 == graph.edgeCount)
        }
    }

    @Test("Cypher's edge groups hold each edge's ends, timing, source and whether it has attributes at its position")
    func edgeGroupsGatherColumns() {
        for (name, graph) in Self.graphs {
            let storage = graph.storage
            let groups = CypherEdgeGroups(storage)
            for position in 0..<graph.edgeCount {
                let edge = Int(groups.edges[position])
                #expect(groups.from[position] == storage.edgeFrom[edge] && groups.to[position] == storage.edgeTo[edge], "\(name)")
                #expect(groups.timings[position] == storage.edgeTimings[edge] && groups.sources[position] == storage.edgeSources[edge], "\(name)")
                #expect(groups.hasAttributes[position] == !storage.edgeAttributes[edge].isEmpty, "\(name)")
            }
        }
    }

    @Test("a Cypher literal written byte by byte is the literal built as a string")
    func literalsWrittenAsBytes() {
        for text in TrickyGraph.labels + ["", "'", "\\", "\r\n", "a\tb'c\\d\ne", "भारत'स"] {
            var buffer = TextBuffer()
            CypherWriter.writeLiteral(text, to: &buffer)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == CypherWriter.literal(text))
        }
    }

    @Test("a date's Cypher literal is its text as documents write it, quoted")
    func dateLiterals() throws {
        for text in ["1993", "0001", "2021-07", "9999-12-31", "2024-02-29", "0987-01"] {
            var buffer = TextBuffer()
            CypherWriter.writeLiteral(try PartialDate(parsing: text), to: &buffer)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == "'\(text)'")
        }
    }

    @Test("numbers are written in decimal, zero-padded to a width")
    func decimals() {
        var buffer = TextBuffer()
        for (value, width) in [(0, 1), (7, 1), (7, 2), (42, 4), (1993, 4), (123_456_789, 1), (Int.max, 1), (5, 20)] {
            buffer.write(decimal: value, width: width)
            buffer.write(byte: UInt8(ascii: " "))
        }
        #expect(
            String(decoding: buffer.bytes, as: UTF8.self)
                == "0 7 07 0042 1993 123456789 \(Int.max) 00000000000000000005 ")
    }

    @Test("fragments are written back by index, across chunks made on different cores")
    func fragments() {
        let count = 40_000
        let fragments = TextFragments(count: count) { index, text in
            if index % 3 != 0 { text.write(index % 2 == 0 ? "n\(index)" : "नोड \(index)") }
        }
        #expect(fragments.count == count)
        for index in [0, 1, 2, 3, 16_383, 16_384, 16_385, 32_768, count - 1] {
            var text = TextBuffer()
            fragments.write(index, to: &text)
            #expect(String(decoding: text.bytes, as: UTF8.self) == (index % 3 == 0 ? "" : index % 2 == 0 ? "n\(index)" : "नोड \(index)"))
        }
    }

    @Test("fragments of any length, short ones kept in their slots and long ones apart, are written back whole")
    func fragmentLengths() {
        // Lengths from 0 to 21 bytes (ASCII and Devanagari): 15 bytes is the longest held in a slot.
        let count = 50_000
        let text: @Sendable (Int) -> String = { index in String(repeating: "x", count: index % 41 % 7) + String(repeating: "क", count: index % 41 / 7) }
        let fragments = TextFragments(count: count) { index, buffer in buffer.write(text(index)) }
        #expect(fragments.count == count)
        var all = TextBuffer(), expected = ""
        for index in 0..<count {
            fragments.write(index, to: &all)
            expected += text(index)
        }
        #expect(String(decoding: all.bytes, as: UTF8.self) == expected)
        for index in [14, 15, 16, 17, 16_383, 16_384, 32_800, count - 1] {
            var one = TextBuffer()
            fragments.write(index, to: &one)
            #expect(String(decoding: one.bytes, as: UTF8.self) == text(index))
        }
    }

    @Test("fragments gathered at scattered indices are written as the fragments themselves")
    func gatheredFragments() {
        let count = 40_000
        // Short ids and long Devanagari labels, as an edge's ends would read them.
        let text: @Sendable (Int) -> String = { index in index % 5 == 0 ? "\"नोड संख्या \(index)\"" : "\"n\(index)\"" }
        let fragments = TextFragments(count: count) { index, buffer in buffer.write(text(index)) }
        var gathered = TextFragments.Gathered()
        for round in 0..<3 {
            // Rounds of different sizes reuse one gathered buffer.
            let indices = (0..<(64 >> round)).map { ($0 * 7_919 + round * 13) % count }
            fragments.gather(indices.count, into: &gathered) { indices[$0] }
            for (position, index) in indices.enumerated() {
                var one = TextBuffer()
                fragments.write(gathered: position, of: gathered, to: &one)
                #expect(String(decoding: one.bytes, as: UTF8.self) == text(index))
            }
        }
    }
}
