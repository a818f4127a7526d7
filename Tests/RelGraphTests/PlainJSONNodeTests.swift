import Foundation
import RelGraphTestSupport
import Testing

@_spi(Testing) @testable import RelGraphDocument

/// Nodes of the common shape (one line, strings without escapes) are read straight from a
/// document's bytes when its `nodes` list is read in ranges; every other node, by the general
/// path. Either way, the graph and every message (what, where: line and column) must be those
/// of reading the document whole, element by element.
@Suite("JSON nodes read straight from the bytes")
struct PlainJSONNodeTests {
    /// Each key's values: those of the plain path, and those it leaves to the general path or
    /// that make a problem (reported where the general path reports it).
    private static let variants: [(key: String, values: [String])] = [
        ("id", ["\"n#\"", "\"n#\"", "\"भारत#\"", "\"bad id#\"", "#", "\"n0\"", "\"a\\u0062#\""]),
        ("kind", ["\"actor\"", "\"treaty\"", "\"mine\"", "\"undeclared\"", "\"Bad Kind\"", "5", "null"]),
        (
            "label",
            [
                "\"Plain\"", "\"\"", "{\"en\": \"A\", \"hi\": \"कर्ता\"}", "{\"hi\": \"कर्ता\",\"en\":\"A\"}", "{\"en\": \"A\", \"en\": \"B\"}",
                "{\"not a language\": \"a\"}", "{\"hi\": \"\"}", "{}", "{ }", "\"tab\\there\"", "[\"list\"]", "{\"en\": 5}",
            ]
        ),
        ("type", ["\"country\"", "\"देश\"", "null", "\"\""]),
        ("date", ["\"1991\"", "\"1991-02-03\"", "\"1991-13\"", "\"१९९१\"", "1991"]),
        ("start", ["\"1990\"", "\"2040\""]),
        ("end", ["\"2030\"", "\"1980\""]),
        (
            "attributes",
            [
                "{\"w\": 39}", "{\"w\": -0, \"s\": \"x\", \"b\": true, \"f\": false}", "{\"w\": 1.5}", "{\"w\":1e3}", "{\"bad name\": 1}",
                "{\"w\": 1, \"w\": 2}", "{\"l\": [1]}", "{\"n\": null}", "{\"big\": 123456789012345678901}", "{}", "{\"t\": \"भारत\"}",
                "{\"n\": -12}", "{\"z\": 0}",
            ]
        ),
        ("source", ["\"gen\"", "\"undeclared\"", "\"bad source\"", "\"भारत\""]),
        ("bogus", ["1"]),
    ]

    /// A node of randomly chosen keys (id and kind mostly there), values and spacing.
    private static func node(_ index: Int, using random: inout SeededRandom) -> String {
        var entries: [String] = []
        for (position, (key, values)) in variants.enumerated() {
            let odds = position < 2 ? 20 : key == "bogus" ? 1 : 8
            guard Int.random(in: 0..<10, using: &random) < odds else { continue }
            let value = values.randomElement(using: &random)!.replacingOccurrences(of: "#", with: "\(index)")
            entries.append("\"\(key)\"\([":", ": ", " : ", ":\t"].randomElement(using: &random)!)\(value)")
        }
        entries.shuffle(using: &random)
        // Now and then a line break inside the node (the general path reads it).
        let separator = Int.random(in: 0..<30, using: &random) == 0 ? ",\n      " : [",", ", ", " ,\t"].randomElement(using: &random)!
        return "{" + ["", " "].randomElement(using: &random)! + entries.joined(separator: separator) + "}"
    }

    private static func document(seed: UInt64, count: Int) -> String {
        var random = SeededRandom(seed: seed)
        let nodes = (0..<count).map { node($0, using: &random) }
        return """
            {
              "relgraph": 1,
              "kinds": [{"id": "mine", "label": "Mine"}],
              "sources": [{"id": "gen", "title": "Generator"}],
              "nodes": [
                \(nodes.joined(separator: ",\n    "))
              ],
              "edges": []
            }

            """
    }

    private static func read(_ text: String, rangeBytes: Int?) -> String {
        do throws(DocumentError) {
            let graph =
                if let rangeBytes {
                    try GraphDocument.decodeJSON(Array(text.utf8), fileName: "doc.json", rangeBytes: rangeBytes)
                } else {
                    try GraphDocument.decode(Array(text.utf8), syntax: .json, fileName: "doc.json")
                }
            return DocumentWriter(syntax: .json).document(for: graph)
        } catch {
            return error.description
        }
    }

    @Test("plain nodes give the nodes and messages (lines and columns) of the general path, in ranges of any size", arguments: UInt64(1)...12)
    func plainNodesMatchGeneralPath(seed: UInt64) {
        let text = Self.document(seed: seed, count: 150)
        let whole = Self.read(text, rangeBytes: nil)
        for rangeBytes in [1, 97, 1 << 20] {
            let ranged = Self.read(text, rangeBytes: rangeBytes)
            #expect(ranged == whole, "seed \(seed), ranges of \(rangeBytes) bytes")
        }
    }

    @Test("a number JSON refuses (a leading zero) is left to the general path, which reports it where it is")
    func leadingZero() {
        let text = Self.document(seed: 99, count: 40).replacingOccurrences(
            of: "\"nodes\": [\n", with: "\"nodes\": [\n{\"id\": \"z\", \"kind\": \"actor\", \"attributes\": {\"w\": 007}},\n")
        let whole = Self.read(text, rangeBytes: nil)
        #expect(whole.contains("doc.json:6:"), "\(whole)")
        for rangeBytes in [1, 97, 1 << 20] {
            #expect(Self.read(text, rangeBytes: rangeBytes) == whole)
        }
    }

    @Test("a document of only plain nodes loads, with Devanagari before the keys whose positions are kept")
    func onlyPlainNodes() throws {
        var nodes: [String] = []
        for index in 0..<200 {
            nodes.append(
                "{\"id\": \"n\(index)\", \"label\": {\"hi\": \"कर्ता \(index)\", \"en\": \"Actor \(index)\"}, \"kind\": \"\(index % 2 == 0 ? "actor" : "mine")\", "
                    + "\"attributes\": {\"w\": \(index), \"ok\": true}, \"source\": \"gen\", \"start\": \"19\(10 + index % 80)\"}")
        }
        // The last node repeats an id: the message names where it was first given, by column.
        nodes.append("{\"label\": \"भारत\", \"id\": \"n7\", \"kind\": \"actor\"}")
        let text =
            "{\"relgraph\": 1, \"kinds\": [{\"id\": \"mine\"}], \"sources\": [{\"id\": \"gen\", \"title\": \"G\"}],\n\"nodes\": [\n"
            + nodes.joined(separator: ",\n") + "\n], \"edges\": []}\n"
        let whole = Self.read(text, rangeBytes: nil)
        #expect(whole.contains("doc.json:203:25: error: node id 'n7' is used twice"), "\(whole)")
        for rangeBytes in [1, 500, 1 << 20] {
            #expect(Self.read(text, rangeBytes: rangeBytes) == whole)
        }
    }
}
