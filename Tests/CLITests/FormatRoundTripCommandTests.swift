import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// `relgraph export` to every format RelGraph both writes and reads, and back through `import`,
/// on a graph whose ids, labels and attributes hold what escaping gets wrong
/// (``TrickyGraph/escaping``: quotes, backslashes, `<&>`, line breaks, tabs, Devanagari, Hebrew,
/// Arabic, emoji, number-like texts). The graphs are compared, not only the exit codes.
@Suite("relgraph export and import of tricky texts in every format")
struct FormatRoundTripCommandTests {
    /// Every format `export --to` writes and `import` reads back: the library registry's formats
    /// with both a reader and a writer (any added later included), and DOT, which the command
    /// line reads through Graphviz.
    static let formats = GraphFormats.library.all.filter { $0.reader != nil && $0.writer != nil }.map(\.name) + ["dot"]

    @Test("the formats round-tripped include every one RelGraph both wrote and read when this was written")
    func formatsCovered() {
        #expect(Set(Self.formats).isSuperset(of: ["json", "yaml", "graphml", "dot", "neo4j-csv", "rgpack"]))
    }

    /// The tricky graph as a YAML document.
    static func document() throws -> String {
        try RelGraphCLI.file(named: "escaping.yaml", DocumentWriter(syntax: .yaml).document(for: TrickyGraph.escaping))
    }

    /// `document` exported to `format` in a fresh folder (a folder itself for neo4j-csv).
    static func exported(_ document: String, to format: String) throws -> String {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent(format == "neo4j-csv" ? "csv" : "escaping.\(format)").path
        let result = try RelGraphCLI.run("export", document, "--to", format, "-o", path)
        #expect(result.status == 0 && result.errors.isEmpty, "export --to \(format): \(result.errors)")
        return path
    }

    @Test("export to each format and import back gives the same graph", arguments: formats)
    func importGivesTheSameGraph(format: String) throws {
        let exported = try Self.exported(try Self.document(), to: format)
        let back = try RelGraphCLI.temporaryFolder().appendingPathComponent("back.yaml").path
        let result = try RelGraphCLI.run("import", exported, "-o", back)
        #expect(result.status == 0, "\(result.errors)")
        let graph = try Graph(contentsOf: back)
        #expect(graph == TrickyGraph.escaping, "\(graph.differences(from: TrickyGraph.escaping).joined(separator: "\n"))")
    }

    @Test("export to each format and back to YAML gives the canonical YAML byte for byte", arguments: formats)
    func exportBackGivesTheSameBytes(format: String) throws {
        let document = try Self.document()
        let exported = try Self.exported(document, to: format)
        let canonical = try RelGraphCLI.run("export", document, "--to", "yaml")
        let back = try RelGraphCLI.run("export", exported, "--to", "yaml")
        #expect(back.status == 0, "\(back.errors)")
        #expect(back.text == canonical.text)
    }

    /// Commands whose answers name tricky ids and labels, after FILE.
    static let commands: [[String]] = [
        ["stats", "--json"],
        ["neighbors", "שלום", "--json"],
        ["path", "node", "مرحبا", "--json"],
        ["search", "मित्रता", "--json"],
        ["components", "--json"],
        ["query", "MATCH (n)-[r]->(m) RETURN n.id, type(r), r.note, m.label ORDER BY n.id, m.id, r.note", "--json"],
    ]

    @Test("each format read as FILE answers every query command as the YAML document does", arguments: formats)
    func queriesAnswerTheSame(format: String) throws {
        let document = try Self.document()
        let exported = try Self.exported(document, to: format)
        for command in Self.commands {
            var arguments = command
            arguments.insert(document, at: 1)
            let expected = try RelGraphCLI.run(arguments)
            arguments[1] = exported
            let answer = try RelGraphCLI.run(arguments)
            #expect(expected.status == 0 && answer.status == 0, "\(command): \(answer.errors)")
            #expect(answer.text == expected.text, "\(command)")
        }
    }
}
