import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// `relgraph export --to rgpack` and every command reading the snapshot, through the binary.
@Suite("rgpack snapshots on the command line")
struct SnapshotCommandTests {
    /// The bundled graph exported as a snapshot into a fresh folder.
    static func snapshot(of source: String = RelGraphCLI.graph, named name: String = "graph.rgpack") throws -> String {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent(name).path
        let result = try RelGraphCLI.run("export", source, "--to", "rgpack", "-o", path)
        #expect(result.status == 0 && result.errors.isEmpty, "\(result.errors)")
        return path
    }

    /// Every command, as arguments after FILE (FILE is put in second place).
    static let commands: [[String]] = [
        ["validate"], ["stats"], ["stats", "--json"],
        ["neighbors", "russia"], ["neighbors", "russia", "--direction", "out", "--json", "--lang", "hi"],
        ["neighbors", "india", "--relation", "signed", "--as-of", "2000"],
        ["path", "Boris Yeltsin", "अमेठी"], ["path", "usa", "amethi", "--json", "--directed"],
        ["paths", "india", "russia", "--max-hops", "3", "--limit", "20", "--json"],
        ["reach", "kudankulam", "--depth", "2", "--json"], ["reach", "india", "--direction", "in"],
        ["render", "--format", "dot"], ["render", "--format", "svg", "--focus", "s-jaishankar", "--depth", "1", "--lang", "hi"],
        ["export", "--to", "json"], ["export", "--to", "yaml"], ["export", "--to", "dot"], ["export", "--to", "graphml"],
        ["export", "--to", "gexf"], ["export", "--to", "cypher"],
        ["search", "putin", "--json"], ["search", "भारत"],
        ["components", "--json"], ["components", "--kind", "actor"],
        ["query", "MATCH (a:actor)-[:signed]->(t:treaty) WHERE t.date >= '2000' RETURN DISTINCT t, t.date ORDER BY t.date"],
        ["query", "MATCH (n) RETURN n.kind AS kind, count(*) AS nodes ORDER BY nodes DESC, kind LIMIT 3", "--json"],
    ]

    @Test("every command answers the same on the snapshot as on the YAML document", arguments: commands.indices)
    func sameOutput(index: Int) throws {
        let snapshot = try Self.snapshot()
        var arguments = Self.commands[index]
        arguments.insert("FILE", at: 1)
        let fromYAML = try RelGraphCLI.run(arguments.map { $0 == "FILE" ? RelGraphCLI.graph : $0 })
        let fromSnapshot = try RelGraphCLI.run(arguments.map { $0 == "FILE" ? snapshot : $0 })
        #expect((fromYAML.status == 0 || fromYAML.status == 1) && !(fromYAML.output.isEmpty && arguments[0] != "validate"), "\(arguments): \(fromYAML.errors)")
        #expect(fromSnapshot.status == fromYAML.status, "\(arguments): \(fromSnapshot.errors)")
        #expect(fromSnapshot.output == fromYAML.output, "\(arguments)")
        #expect(fromSnapshot.errors == fromYAML.errors)
    }

    @Test("import of a snapshot writes the same document as import of the YAML")
    func importSnapshot() throws {
        let snapshot = try Self.snapshot()
        let folder = try RelGraphCLI.temporaryFolder()
        let fromSnapshot = folder.appendingPathComponent("a.yaml").path, fromYAML = folder.appendingPathComponent("b.yaml").path
        #expect(try RelGraphCLI.run("import", snapshot, "-o", fromSnapshot).status == 0)
        #expect(try RelGraphCLI.run("import", RelGraphCLI.graph, "-o", fromYAML).status == 0)
        #expect(FileManager.default.contents(atPath: fromSnapshot) == FileManager.default.contents(atPath: fromYAML))
    }

    @Test("the tricky graph and a generated graph survive YAML → rgpack → YAML and JSON → rgpack → JSON byte for byte")
    func textRoundTrips() throws {
        let tricky = try RelGraphCLI.file(named: "tricky.yaml", DocumentWriter(syntax: .yaml).document(for: TrickyGraph.graph))
        let generated = try RelGraphCLI.file(named: "generated.yaml", GeneratedGraph.yaml(nodes: 400, extraEdges: 600))
        for source in [tricky, generated, RelGraphCLI.graph] {
            for format in ["yaml", "json"] {
                let text = try RelGraphCLI.run("export", source, "--to", format)
                let document = try RelGraphCLI.file(named: "graph.\(format)", text.text)
                let snapshot = try Self.snapshot(of: document)
                let back = try RelGraphCLI.run("export", snapshot, "--to", format)
                #expect(back.status == 0 && back.output == text.output, "\(source) as \(format): \(back.errors)")
            }
        }
    }

    @Test("the same graph gives a byte-identical snapshot, from any text format and from a snapshot")
    func deterministicBytes() throws {
        let fromYAML = try Self.snapshot()
        let json = try RelGraphCLI.file(named: "graph.json", try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "json").text)
        let fromJSON = try Self.snapshot(of: json)
        let again = try Self.snapshot(of: fromYAML)
        let bytes = try #require(FileManager.default.contents(atPath: fromYAML))
        #expect(FileManager.default.contents(atPath: fromJSON) == bytes)
        #expect(FileManager.default.contents(atPath: again) == bytes)
        #expect(bytes.prefix(8) == Data([0x89, 0x52, 0x47, 0x50, 0x4B, 0x0D, 0x0A, 0x1A]))
    }

    @Test("a snapshot is known by its signature whatever its name, and by --from rgpack on standard input")
    func detection() throws {
        let snapshot = try Self.snapshot(named: "graph.bin")
        let expected = try RelGraphCLI.run("stats", "--json", RelGraphCLI.graph).output
        #expect(try RelGraphCLI.run("stats", "--json", snapshot).output == expected)
        #expect(try RelGraphCLI.run("stats", "--json", snapshot, "--from", "rgpack").output == expected)
        let piped = try RelGraphCLI.run(["stats", "--json", "-", "--from", "rgpack"], standardInput: snapshot)
        #expect(piped.status == 0 && piped.output == expected, "\(piped.errors)")
    }

    @Test(
        "a FIFO named like a document is read whole: the snapshot signature is looked for in regular files only (never opened, so its writer is not cut off)",
        arguments: ["json", "yaml"])
    func fifoNotSniffed(syntax: String) throws {
        let fifo = try RelGraphCLI.temporaryFolder().appendingPathComponent("graph.\(syntax)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let binary = RelGraphCLI.binary.path
        let command = "'\(binary)' export '\(RelGraphCLI.graph)' --to \(syntax) > '\(fifo)' & '\(binary)' stats --json '\(fifo)'"
        let result = try RelGraphCLI.run(["-c", command], binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == (try RelGraphCLI.run("stats", "--json", RelGraphCLI.graph)).output)
    }

    @Test("export --to rgpack writes standard output to a pipe, and an .rgpack name picks the format")
    func standardOutputAndExtension() throws {
        let snapshot = try Self.snapshot()
        let piped = try RelGraphCLI.run("export", RelGraphCLI.graph, "--to", "rgpack")
        #expect(piped.status == 0 && piped.output == FileManager.default.contents(atPath: snapshot))
        let named = try RelGraphCLI.temporaryFolder().appendingPathComponent("by-name.rgpack").path
        #expect(try RelGraphCLI.run("export", RelGraphCLI.graph, "-o", named).status == 0)
        #expect(FileManager.default.contents(atPath: named) == FileManager.default.contents(atPath: snapshot))
    }

    @Test("export --to rgpack refuses to write binary to a terminal, with a usage error")
    func refusesTerminal() throws {
        // `script` gives the command a pseudo-terminal as standard output.
        let command = "\(RelGraphCLI.binary.path) export \(RelGraphCLI.graph) --to rgpack; echo \"status=$?\""
        let result = try RelGraphCLI.run(["-qec", command, "/dev/null"], binary: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.text.contains("status=64"), "\(result.text)")
        #expect(result.text.contains("error: rgpack is binary and is not written to a terminal; name a file with -o FILE.rgpack"))
        #expect(!result.text.contains("RGPK"))
    }

    /// The section table of a snapshot file: (tag, offset, length).
    static func sections(of bytes: [UInt8]) -> [(tag: String, offset: Int, length: Int)] {
        func word(_ at: Int) -> Int { Int(bytes[at..<at + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
        return (0..<Int(bytes[24])).map { index in
            let at = 64 + index * 32
            return (String(decoding: bytes[at..<at + 4], as: UTF8.self), word(at + 8), word(at + 16))
        }
    }

    static func refused(_ bytes: [UInt8], in folder: URL) throws -> RelGraphCLI.Result {
        let path = folder.appendingPathComponent("damaged.rgpack").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return try RelGraphCLI.run("stats", path)
    }

    @Test("a snapshot cut at every section boundary exits 65 saying it is truncated")
    func truncation() throws {
        let bytes = try [UInt8](#require(FileManager.default.contents(atPath: try Self.snapshot())))
        let folder = try RelGraphCLI.temporaryFolder()
        let cuts = Set([0, 7, 40, 64] + Self.sections(of: bytes).flatMap { [$0.offset, $0.offset + $0.length - 1] })
        for cut in cuts.sorted() where cut < bytes.count {
            let result = try Self.refused(Array(bytes.prefix(cut)), in: folder)
            #expect(result.status == 65 && result.output.isEmpty, "cut at \(cut)")
            #expect(
                result.errors.hasPrefix(folder.path + "/damaged.rgpack: error: the snapshot is truncated: it has \(cut) bytes where "),
                "cut at \(cut): \(result.errors)")
            #expect(result.errors.split(separator: "\n").count == 1)
        }
    }

    @Test("a flipped byte inside every section exits 65 naming the section that no longer matches its checksum")
    func corruption() throws {
        let bytes = try [UInt8](#require(FileManager.default.contents(atPath: try Self.snapshot())))
        let folder = try RelGraphCLI.temporaryFolder()
        let sections = Self.sections(of: bytes)
        #expect(sections.count == 28)
        for section in sections where section.length > 0 {
            var damaged = bytes
            damaged[section.offset + section.length - 1] ^= 0x01
            let result = try Self.refused(damaged, in: folder)
            #expect(result.status == 65)
            #expect(
                result.errors.contains("error: the snapshot is corrupted: its ")
                    && result.errors.contains("(section \(section.tag)) do not match their checksum; re-export it"), "\(section.tag): \(result.errors)")
        }
    }

    @Test("a snapshot of a newer format exits 65 saying which format it is and which this RelGraph reads")
    func newerVersion() throws {
        var bytes = try [UInt8](#require(FileManager.default.contents(atPath: try Self.snapshot())))
        bytes[8] = 3
        bytes[28] = 3
        let result = try Self.refused(bytes, in: try RelGraphCLI.temporaryFolder())
        #expect(result.status == 65)
        #expect(result.errors.contains("damaged.rgpack: error: written by a newer RelGraph (format 3; this one reads format 1)"), "\(result.errors)")
    }

    @Test("a file named .rgpack that is not a snapshot exits 65 saying so")
    func foreignFile() throws {
        let path = try RelGraphCLI.file(named: "text.rgpack", "relgraph: 1\nnodes: []\n")
        let result = try RelGraphCLI.run("stats", path)
        #expect(result.status == 65)
        #expect(result.errors == "\(path): error: not a RelGraph snapshot (it does not begin with the rgpack signature); name the format with --from\n")
    }
}
