import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// A JSON file of a megabyte or more is mapped and its lists read on every core: through the
/// command line, it must read as the same text does in memory, messages and all.
@Suite("relgraph on a large JSON file")
struct LargeJSONCommandTests {
    /// `count` nodes and twice as many edges, one per line, with the given lines replaced.
    private static func document(count: Int, replacing replacements: [String: String] = [:]) -> String {
        var lines = ["{", "  \"relgraph\": 1,", "  \"nodes\": ["]
        for index in 0..<count {
            lines.append("    {\"id\": \"n\(index)\", \"kind\": \"actor\", \"label\": {\"en\": \"Node \(index)\", \"hi\": \"नोड \(index)\"}},")
        }
        lines[lines.count - 1].removeLast()
        lines += ["  ],", "  \"edges\": ["]
        for index in 0..<2 * count {
            lines.append(
                "    {\"from\": \"n\(index % count)\", \"to\": \"n\((index * 7 + 3) % count)\", \"relation\": \"r\(index % 3)\", \"date\": \"19\(10 + index % 90)\"},"
            )
        }
        lines[lines.count - 1].removeLast()
        lines += ["  ]", "}", ""]
        var text = lines.joined(separator: "\n")
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    @Test("stats of a large JSON file counts what the document holds")
    func statsOfLargeFile() throws {
        let text = Self.document(count: 12_000)
        #expect(text.utf8.count > 2 << 20)
        let path = try RelGraphCLI.file(named: "large.json", text)
        let result = try RelGraphCLI.run("stats", path, "--json")
        #expect(result.status == 0, "\(result.errors)")
        let stats = try #require(result.json as? [String: Any])
        #expect(stats["nodes"] as? Int == 12_000)
        #expect(stats["edges"] as? Int == 24_000)
    }

    @Test("problems late in a large JSON file exit 65 with the messages of reading the same text in memory")
    func problemsLateInLargeFile() throws {
        let text = Self.document(
            count: 12_000,
            replacing: [
                "{\"id\": \"n11000\", \"kind\": \"actor\"": "{\"id\": \"n5\", \"kind\": \"actor\"",
                "{\"from\": \"n23\", \"to\": \"n164\", \"relation\": \"r2\", \"date\": \"1933\"}":
                    "{\"from\": \"n23\", \"to\": \"nobody\", \"relation\": \"r2\", \"date\": \"1933-13\"}",
                "\"to\": \"n11990\"": "\"to\": \"n11990\", \"weight\": 2",
            ])
        let path = try RelGraphCLI.file(named: "late.json", text)
        let result = try RelGraphCLI.run("validate", path)
        #expect(result.status == 65)
        var expected: [String] = []
        do {
            _ = try GraphDocument.decode(text, syntax: .json, fileName: path)
        } catch {
            expected = error.diagnostics.map(\.description)
        }
        #expect(expected.count >= 4)
        for message in expected { #expect(result.errors.contains(message), "\(message) missing from:\n\(result.errors.prefix(2000))") }
    }
}
