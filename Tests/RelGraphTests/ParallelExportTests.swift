import RelGraphTestSupport
import Testing

@testable import RelGraph
@testable import RelGraphCore
@testable import RelGraphCypher
@testable import RelGraphDocument
@testable import RelGraphInterchange
@testable import RelGraphSearch

/// Exports are formatted on every core in ranges of lines and written in order: their bytes
/// are the bytes of formatting every line one after another on one thread.
@Suite("Exports written on every core")
struct ParallelExportTests {
    /// A seeded graph large enough that nodes and edges split into several ranges (and Cypher
    /// statements into several rounds), with everything a line can hold: labels in two
    /// languages or none, texts to escape, types, dates, edge ids, sources and attributes of
    /// every type on some elements.
    static let large: Graph = {
        var random = SeededRandom(seed: 14)
        var builder = GraphBuilder()
        do {
            try builder.addSource(Source(id: "archive", title: "Archive, \"quoted\""))
            try builder.declareRelation(RelationType(id: "met", label: ["en": "met", "hi": "मिले"], isSymmetric: true))
            let nodes = OrderedFormatting.rangeSize * 2 + 1_234
            let kinds = NodeKind.builtIn
            for index in 0..<nodes {
                let label: LocalizedText =
                    switch index % 5 {
                    case 0: LocalizedText()
                    case 1: LocalizedText("plain \(index)")
                    case 2: ["hi": "नोड \(index)", "en": "node, \"\(index)\""]
                    default: ["en": "node \(index) <&>", "hi": "नोड \(index)"]
                    }
                let timing: Timing =
                    switch index % 4 {
                    case 0: .on(try PartialDate(parsing: "\(1950 + index % 70)"))
                    case 1: try Timing(date: nil, start: PartialDate(parsing: "1991-12"), end: PartialDate(parsing: "2031"))
                    default: .undated
                    }
                var attributes: Attributes = [:]
                if index % 7 == 0 {
                    attributes = [
                        "count": .integer(index), "ratio": .number(Double(index) / 8), "flag": .boolean(index % 2 == 0),
                        "note": .string("line\nbreak, \(index)"), "tags": .list([.string("a"), .string("b;c")]),
                    ]
                }
                try builder.addNode(
                    Node(
                        id: "n\(index)", kind: kinds[index % kinds.count], type: index % 11 == 0 ? "type \(index)" : nil,
                        label: label, timing: timing, attributes: attributes, source: index % 13 == 0 ? "archive" : nil))
            }
            let relations = ["met", "signed", "partner-of"]
            for index in 0..<(nodes * 3 / 2) {
                let from = Int(random.next() % UInt64(nodes)), to = Int(random.next() % UInt64(nodes))
                try builder.addEdge(
                    Edge(
                        id: index % 17 == 0 ? "e\(index)" : nil, from: "n\(from)", to: "n\(to)", relation: relations[index % 3],
                        timing: index % 3 == 0 ? .on(try PartialDate(parsing: "2001-0\(1 + index % 9)")) : .undated,
                        attributes: index % 9 == 0 ? ["weight": .integer(index % 100)] : [:], source: index % 5 == 0 ? "archive" : nil))
            }
            return try builder.build()
        } catch {
            fatalError("the large graph must build: \(error)")
        }
    }()

    static let writers: [(name: String, writer: any GraphWriter)] = [
        ("dot", DOTWriter()), ("graphml", GraphMLWriter()), ("json", DocumentWriter(syntax: .json)),
        ("yaml", DocumentWriter(syntax: .yaml)), ("gexf", GEXFWriter()), ("cypher", CypherWriter()),
        ("neo4j-csv nodes", CSVNodes()), ("neo4j-csv relationships", CSVRelationships()),
    ]

    struct CSVNodes: GraphWriter {
        func write(_ graph: Graph, to sink: inout some TextSink) { Neo4jCSV.writeNodes(of: graph, to: &sink) }
    }

    struct CSVRelationships: GraphWriter {
        func write(_ graph: Graph, to sink: inout some TextSink) { Neo4jCSV.writeRelationships(of: graph, to: &sink) }
    }

    @Test("the large graph spans several ranges of lines")
    func largeGraphSpansSeveralRanges() {
        #expect(Self.large.nodeCount > 2 * OrderedFormatting.rangeSize)
        #expect(Self.large.edgeCount > 3 * OrderedFormatting.rangeSize)
    }

    @Test("each export has the same bytes written on every core as written line after line", arguments: writers.map(\.name))
    func sameBytesAsSequential(format: String) throws {
        let writer = try #require(Self.writers.first { $0.name == format }).writer
        for graph in [TrickyGraph.graph, Fixtures.indiaRussia, Self.large] {
            let parallel = writer.document(for: graph)
            let sequential = OrderedFormatting.$isSequential.withValue(true) { writer.document(for: graph) }
            #expect(!parallel.isEmpty)
            #expect(parallel == sequential, "\(format) differs on \(graph)")
        }
    }

    @Test("the JSON and YAML exports read back into the graph they were written from")
    func documentsRoundTrip() throws {
        for syntax in [GraphDocument.Syntax.json, .yaml] {
            let text = DocumentWriter(syntax: syntax).document(for: Self.large)
            let read = try GraphDocument.decode(text, syntax: syntax)
            #expect(read == Self.large, "\(syntax)")
        }
    }
}
