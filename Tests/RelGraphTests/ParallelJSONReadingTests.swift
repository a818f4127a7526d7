import Foundation
import RelGraphTestSupport
import Testing

@_spi(Testing) @testable import RelGraph
@_spi(Testing) @testable import RelGraphCore
@_spi(Testing) @testable import RelGraphCypher
@_spi(Testing) @testable import RelGraphDocument
@_spi(Testing) @testable import RelGraphInterchange
@_spi(Testing) @testable import RelGraphSearch

/// A large JSON document is cut into ranges at line feeds and the elements of its `nodes` and
/// `edges` lists read on every core; a range's first element is a guess. Whatever the cuts, the
/// graph, its order and every message (file, line, column) must be those of reading the
/// document from start to end.
@Suite("JSON read in ranges")
struct ParallelJSONReadingTests {
    /// The graph, or every message, of reading `text` whole.
    private static func whole(_ text: String) -> Result<Graph, DocumentError> {
        do throws(DocumentError) { return .success(try GraphDocument.decode(Array(text.utf8), syntax: .json, fileName: "doc.json")) } catch {
            return .failure(error)
        }
    }

    private static func ranged(_ text: String, rangeBytes: Int) -> Result<Graph, DocumentError> {
        do throws(DocumentError) { return .success(try GraphDocument.decodeJSON(Array(text.utf8), fileName: "doc.json", rangeBytes: rangeBytes)) } catch {
            return .failure(error)
        }
    }

    /// Reads `text` cut into ranges of every size in `sizes` and compares with reading it whole;
    /// returns what reading it whole gave.
    @discardableResult
    private static func expectSameInRanges(_ text: String, sizes: some Sequence<Int>, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Result<
        Graph, DocumentError
    > {
        let expected = whole(text)
        for size in sizes {
            let actual = ranged(text, rangeBytes: size)
            switch (expected, actual) {
            case (.success(let a), .success(let b)):
                // Graphs are equal when their nodes and edges are, in order.
                guard a == b else {
                    Issue.record("ranges of \(size) bytes read another graph", sourceLocation: sourceLocation)
                    return expected
                }
            case (.failure(let a), .failure(let b)):
                guard a.description == b.description else {
                    Issue.record("ranges of \(size) bytes report otherwise:\n\(a)\n---\n\(b)", sourceLocation: sourceLocation)
                    return expected
                }
            default:
                Issue.record("ranges of \(size) bytes: \(expected) but \(actual)", sourceLocation: sourceLocation)
                return expected
            }
        }
        return expected
    }

    /// Python's `json.dump(indent=2)` of a document: every element spread over many lines.
    private static func indented(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-ranged-\(UUID()).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Python.run("import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=2, ensure_ascii=False))", arguments: [path])
    }

    private static let bundledJSON = DocumentWriter(syntax: .json).document(for: Fixtures.indiaRussia)
    private static let trickyJSON = DocumentWriter(syntax: .json).document(for: TrickyGraph.graph)

    @Test("the bundled graph as JSON reads the same for every range size from 1 byte to 4 KiB")
    func bundledGraph() throws {
        let result = Self.expectSameInRanges(Self.bundledJSON, sizes: Array(1...300) + stride(from: 301, through: 4096, by: 37))
        #expect(try result.get() == Fixtures.indiaRussia)
    }

    @Test("the tricky graph (Devanagari, escapes, lists, attributes) reads the same in ranges of any size")
    func trickyGraph() throws {
        let result = Self.expectSameInRanges(Self.trickyJSON, sizes: Array(1...200) + stride(from: 201, through: 4096, by: 61))
        #expect(try result.get() == TrickyGraph.graph)
    }

    @Test("a json.dump(indent=2) document, each element on many lines, reads the same in ranges")
    func indentedDocument() throws {
        let text = try Self.indented(Self.bundledJSON)
        #expect(text.split(separator: "\n").count > 1000)
        Self.expectSameInRanges(text, sizes: Array(1...120) + stride(from: 121, through: 4096, by: 53))
    }

    @Test("a minified document on one line reads the same (there is nothing to cut)")
    func minifiedDocument() throws {
        let text = try Python.run(
            "import json,sys; print(json.dumps(json.loads(sys.argv[1]), separators=(',', ':'), ensure_ascii=False), end='')", arguments: [Self.bundledJSON])
        #expect(!text.contains("\n"))
        let result = Self.expectSameInRanges(text, sizes: [1, 7, 64, 4096])
        #expect(try result.get() == Fixtures.indiaRussia)
    }

    /// The bundled graph's JSON with `replacement` in place of the line holding `marker`, the
    /// `count`-th from the end.
    private static func bundled(replacingLineWith marker: String, fromEnd count: Int = 1, by replacement: (String) -> String) -> String {
        var lines = bundledJSON.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let matches = lines.indices.filter { lines[$0].contains(marker) }
        let index = matches[matches.count - count]
        lines[index] = replacement(lines[index])
        return lines.joined(separator: "\n")
    }

    @Test("a syntax error in a late range is reported at its line and column, after the problems before it")
    func syntaxErrorLate() throws {
        var text = Self.bundled(replacingLineWith: "\"from\"", fromEnd: 3) { $0.replacingOccurrences(of: "\"relation\": ", with: "\"relation\" ") }
        text = text.replacingOccurrences(of: "\"kind\": \"actor\"", with: "\"kind\": \"actr\"")
        let result = Self.expectSameInRanges(text, sizes: Array(1...64) + [200, 1000, 4096])
        guard case .failure(let error) = result else { Issue.record("the document was read"); return }
        #expect(error.description.contains("expected ':' after the key"))
    }

    @Test("problems in many ranges (unknown keys, bad dates, control characters, wrong shapes) are reported in file order")
    func problemsInManyRanges() throws {
        var text = Self.bundled(replacingLineWith: "\"from\"", fromEnd: 2) { $0.replacingOccurrences(of: "\"from\"", with: "\"frm\": 1, \"from\"") }
        text = text.replacingOccurrences(of: "\"date\": \"1991", with: "\"date\": \"1991-13")
        text = Self.bundledReplacing(text, lineWith: "\"from\"", fromEnd: 10) { _ in "    \"a string, not a map\\u0001\"," }
        text = Self.bundledReplacing(text, lineWith: "\"kind\"", fromEnd: 5) {
            $0.replacingOccurrences(of: "\"id\": ", with: "\"id\": 12, \"label\": [], \"x\": ")
        }
        let result = Self.expectSameInRanges(text, sizes: Array(1...80) + stride(from: 81, through: 4096, by: 97))
        guard case .failure(let error) = result else { Issue.record("the document was read"); return }
        #expect(error.diagnostics.count > 5)
    }

    private static func bundledReplacing(_ text: String, lineWith marker: String, fromEnd count: Int, by replacement: (String) -> String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let matches = lines.indices.filter { lines[$0].contains(marker) }
        lines[matches[matches.count - count]] = replacement(lines[matches[matches.count - count]])
        return lines.joined(separator: "\n")
    }

    /// A generated document: `count` nodes and edges, some of whose ends name nodes that come
    /// later (edges first), ids repeated far apart, and the top-level keys in the given order.
    private static func generated(count: Int, keys: [String], repeatNodeAt repeated: Int? = nil, repeatEdgeID: Bool = false) -> String {
        var nodes: [String] = [], edges: [String] = []
        for index in 0..<count {
            let id = repeated == index ? "n0" : "n\(index)"
            nodes.append(
                "{\"id\": \"\(id)\", \"kind\": \"actor\", \"label\": {\"en\": \"Node \(index)\", \"hi\": \"नोड \(index)\"}\(index % 3 == 0 ? ", \"date\": \"19\(10 + index % 90)\"" : "")}"
            )
            let edgeID = repeatEdgeID && (index == 1 || index == count - 2) ? "\"id\": \"twice\", " : ""
            // Dates, and now and then an end before its start (refused).
            let dates = [
                "", ", \"date\": \"19\(10 + index % 90)-0\(1 + index % 9)\"", ", \"start\": \"1990\", \"end\": \"20\(10 + index % 10)\"",
                index % 29 == 0 ? ", \"end\": \"1950\",\t\"start\": \"1960\"" : "",
            ][index % 4]
            edges.append(
                "{\(edgeID)\"from\": \"n\(index)\", \"to\": \"n\((index * 7 + 1) % count)\", \"relation\": \"r\(index % 4)\"\(dates)\(index % 5 == 0 ? ", \"attributes\": {\"w\": \(index), \"tags\": [\"a\", 2]}" : "")}"
            )
        }
        let parts: [String: String] = [
            "relgraph": "\"relgraph\": 1",
            "relations": "\"relations\": [{\"id\": \"r0\"}, {\"id\": \"r1\", \"symmetric\": true}]",
            "nodes": "\"nodes\": [\n    " + nodes.joined(separator: ",\n    ") + "\n  ]",
            "edges": "\"edges\": [\n    " + edges.joined(separator: ",\n    ") + "\n  ]",
        ]
        return "{\n  " + keys.map { parts[$0]! }.joined(separator: ",\n  ") + "\n}\n"
    }

    /// `text` (made by `generated`) without its ends before starts.
    private static func withValidDates(_ text: String) -> String {
        text.replacingOccurrences(of: ", \"end\": \"1950\",\t\"start\": \"1960\"", with: ",\t\"start\": \"1950\"")
    }

    @Test("plain edges (ends, relation and dates only) read straight from the bytes give what the general path gives")
    func plainEdges() throws {
        let text = Self.generated(count: 120, keys: ["relgraph", "relations", "nodes", "edges"])
        Self.expectSameInRanges(text, sizes: Array(1...100) + [300, 1000, 4096])
        let valid = Self.withValidDates(text)
        let graph = try #require(try? Self.expectSameInRanges(valid, sizes: [1, 64, 4096]).get())
        #expect(graph.edges.filter { $0.timing != .undated }.count > 50)
    }

    @Test("a range with many problems gives up and is read again from there, with the same messages")
    func rangeWithManyProblems() throws {
        let text = Self.generated(count: 400, keys: ["relgraph", "relations", "nodes", "edges"])
            .replacingOccurrences(of: "\"kind\": \"actor\"", with: "\"kindd\": \"actor\"")
        let result = Self.expectSameInRanges(text, sizes: [500, 4096, 20_000, 1 << 20])
        guard case .failure(let error) = result else { Issue.record("the document was read"); return }
        #expect(error.diagnostics.count >= 800)
    }

    @Test("edges before nodes (their ends come later in the file) read the same in ranges")
    func edgesBeforeNodes() throws {
        let text = Self.generated(count: 60, keys: ["edges", "relgraph", "nodes", "relations"])
        let result = Self.expectSameInRanges(text, sizes: Array(1...150) + [500, 4096])
        #expect(try result.get().edgeCount == 60)
    }

    @Test("a node id used twice, ranges apart, is reported with where it was first given")
    func duplicateNodeAcrossRanges() throws {
        let text = Self.generated(count: 80, keys: ["relgraph", "relations", "nodes", "edges"], repeatNodeAt: 70)
        let result = Self.expectSameInRanges(text, sizes: Array(1...150) + [700, 4096])
        guard case .failure(let error) = result else { Issue.record("the document was read"); return }
        #expect(error.description.contains("n0"))
    }

    @Test("an edge id used twice, ranges apart, is reported with where it was first given")
    func duplicateEdgeIDAcrossRanges() throws {
        let text = Self.generated(count: 80, keys: ["relgraph", "nodes", "relations", "edges"], repeatEdgeID: true)
        let result = Self.expectSameInRanges(text, sizes: Array(1...150) + [700, 4096])
        guard case .failure(let error) = result else { Issue.record("the document was read"); return }
        #expect(error.description.contains("twice"))
    }

    @Test("elements that never end, lists that never close and trailing text fail as when read whole")
    func truncatedDocuments() throws {
        let text = Self.generated(count: 30, keys: ["relgraph", "nodes", "edges"])
        for cut in stride(from: text.utf8.count - 1, to: text.utf8.count / 2, by: -7) {
            let truncated = String(decoding: Array(text.utf8)[..<cut], as: UTF8.self)
            Self.expectSameInRanges(truncated, sizes: [1, 2, 5, 17, 64, 300])
        }
        Self.expectSameInRanges(text + "\n]\n", sizes: [1, 3, 40])
    }

    @Test("random documents (shapes, nesting, line breaks anywhere between tokens) read the same in ranges")
    func randomDocuments() throws {
        var random = SeededRandom(seed: 1402)
        let scalars = ["\"n1\"", "\"n2\"", "\"r\"", "\"\"", "12", "null", "true", "\"१९९१\"", "\"1991-02\"", "\"a\\u0007b\"", "[]", "{}", "\"x\\ny\""]
        let keys = ["id", "kind", "from", "to", "relation", "label", "date", "start", "attributes", "source", "type", "bogus"]
        func value(_ depth: Int) -> String {
            switch Int.random(in: 0..<(depth > 2 ? 1 : 4), using: &random) {
            case 1: return "[" + (0..<Int.random(in: 0..<3, using: &random)).map { _ in value(depth + 1) }.joined(separator: ",\n") + "]"
            case 2, 3: return element(depth + 1)
            default: return scalars.randomElement(using: &random)!
            }
        }
        func element(_ depth: Int) -> String {
            let breakAfter = { Bool.random(using: &random) ? "\n " : " " }
            return "{"
                + (0..<Int.random(in: 0..<5, using: &random)).map { _ in
                    "\"\(keys.randomElement(using: &random)!)\":\(breakAfter())\(value(depth))"
                }.joined(separator: ",\(breakAfter())") + "}"
        }
        for round in 0..<150 {
            let nodes = (0..<Int.random(in: 0..<12, using: &random)).map { index in
                Bool.random(using: &random) ? "{\"id\": \"n\(index)\", \"kind\": \"actor\"}" : element(0)
            }
            let edges = (0..<Int.random(in: 0..<12, using: &random)).map { _ in
                Bool.random(using: &random) ? "{\"from\": \"n\(Int.random(in: 0..<9, using: &random))\", \"to\": \"n1\", \"relation\": \"r\"}" : element(0)
            }
            var text = "{\"relgraph\": 1,\n\"nodes\": [\n" + nodes.joined(separator: ",\n") + "\n],\n\"edges\": [" + edges.joined(separator: ",\n") + "]}"
            if round % 10 == 0, !text.isEmpty {
                // Now and then a stray byte somewhere.
                var bytes = Array(text.utf8)
                bytes.insert(
                    [UInt8(ascii: ","), UInt8(ascii: "}"), 0x0A, UInt8(ascii: "\"")].randomElement(using: &random)!,
                    at: Int.random(in: 0..<bytes.count, using: &random))
                text = String(decoding: bytes, as: UTF8.self)
            }
            Self.expectSameInRanges(text, sizes: [1, 2, 3, 5, 8, 13, 30, 100])
        }
    }

    @Test("a large JSON file loads through ranges as the same graph as when read whole")
    func largeFileThroughRanges() throws {
        let text = Self.withValidDates(Self.generated(count: 40_000, keys: ["relgraph", "relations", "nodes", "edges"]))
        #expect(text.utf8.count > 2 * GraphDocument.pipelineThreshold)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-ranged-\(UUID()).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try Graph(contentsOf: path)
        #expect(loaded == (try Self.whole(text).get()))
        #expect(loaded.edgeCount == 40_000)
    }
}
