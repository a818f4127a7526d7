import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Regressions for issue 10: inputs and situations that crashed RelGraph, lost a file or
/// misled a user, each checked through the command line as a user meets it.
@Suite("Never crash, never lose a file")
struct NeverCrashTests {
    let graph = RelGraphCLI.graph

    // MARK: Graphviz's own defects

    @Test("render --clusters draws the bundled graph in every format (Graphviz's dot double free)", arguments: ["svg", "png", "pdf", "dot", "xdot"])
    func clustersRender(format: String) throws {
        let result = try RelGraphCLI.run("render", graph, "--clusters", "--format", format)
        #expect(result.status == 0, "\(result.errors)")
        let signature = ["svg": "<?xml", "png": "\u{89}PNG", "pdf": "%PDF", "dot": "digraph", "xdot": "digraph"][format]!
        #expect(result.output.starts(with: signature.unicodeScalars.map { UInt8($0.value) }), "a \(format) file")
        if format == "svg" {
            #expect(result.text.contains("class=\"cluster kind&#45;cluster kind&#45;actor\""), "the clusters are drawn")
        }
    }

    /// Graphviz's own reading of a drawing's DOT: each cluster's node names (`dot -Tjson0`).
    static func clusters(ofDOT dot: Data) throws -> [Set<String>] {
        let file = try RelGraphCLI.temporaryFolder().appendingPathComponent("drawing.dot")
        try dot.write(to: file)
        let output = try Python.run(
            """
            import json, subprocess, sys
            graph = json.loads(subprocess.run(["dot", "-Tjson0", sys.argv[1]], check=True, capture_output=True).stdout)
            objects = graph.get("objects", [])
            names = [o["name"] for o in objects]
            clusters = [sorted(names[i] for i in o.get("nodes", [])) for o in objects if o["name"].startswith("cluster")]
            print(json.dumps(clusters, ensure_ascii=False))
            """, arguments: [file.path])
        return try (JSONSerialization.jsonObject(with: Data(output.utf8)) as! [[String]]).map(Set.init)
    }

    @Test(
        "render --clusters --format dot or xdot puts the nodes of each kind, and only those, in one cluster, as Graphviz reads it", arguments: ["dot", "xdot"])
    func clustersGroupNodesByKind(format: String) throws {
        let result = try RelGraphCLI.run("render", graph, "--clusters", "--format", format)
        #expect(result.status == 0, "\(result.errors)")
        let byKind = Dictionary(grouping: Fixtures.indiaRussia.nodes, by: \.kind).values.map { Set($0.map(\.id)) }
        #expect(try Set(Self.clusters(ofDOT: result.output)) == Set(byKind))
    }

    @Test("render --clusters --format xdot carries Graphviz's drawing operations for every node and cluster")
    func clustersXDOTDraws() throws {
        let result = try RelGraphCLI.run("render", graph, "--clusters", "--format", "xdot")
        #expect(result.status == 0, "\(result.errors)")
        let kinds = Set(Fixtures.indiaRussia.nodes.map(\.kind)).count
        #expect(result.text.components(separatedBy: "_draw_=").count - 1 >= Fixtures.indiaRussia.nodeCount + kinds)
    }

    /// The width and height of the layout `render --clusters --format dot` (or without clusters) makes, in points.
    func layoutBox(clusters: Bool) throws -> (width: Double, height: Double) {
        let result = try RelGraphCLI.run(["render", graph, "--format", "dot"] + (clusters ? ["--clusters"] : []))
        let box = try #require(result.text.firstMatch(of: /bb="0,0,([0-9.]+),([0-9.]+)"/))
        return (Double(box.1)!, Double(box.2)!)
    }

    @Test("render --clusters --format png and pdf draw the clustered layout: its box with an even margin round it", arguments: ["png", "pdf"])
    func clustersImageSize(format: String) throws {
        let result = try RelGraphCLI.run("render", graph, "--clusters", "--format", format)
        #expect(result.status == 0, "\(result.errors)")
        let bytes = [UInt8](result.output)
        let size: (width: Double, height: Double), scale: Double
        if format == "png" {
            // The IHDR chunk: width and height as big-endian 32-bit integers at bytes 16–23; 96 pixels an inch.
            func word(_ at: Int) -> Double { Double(bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }) }
            size = (word(16), word(20))
            scale = 96.0 / 72
        } else {
            let box = try #require(result.text.firstMatch(of: /MediaBox \[ ?0 0 ([0-9.]+) ([0-9.]+) ?\]/))
            size = (Double(box.1)!, Double(box.2)!)
            scale = 1
        }
        let clustered = try layoutBox(clusters: true), plain = try layoutBox(clusters: false)
        #expect(clustered != plain, "the test can tell the two layouts apart")
        let margins = (size.width - clustered.width * scale, size.height - clustered.height * scale)
        #expect(abs(margins.0 - margins.1) <= 2 && margins.0 >= 0, "\(format) \(size) for a layout of \(clustered)")
    }

    @Test("render --clusters --no-legend draws the clusters and the title, without the legend")
    func clustersWithoutLegend() throws {
        let result = try RelGraphCLI.run("render", graph, "--clusters", "--no-legend")
        #expect(result.status == 0, "\(result.errors)")
        let kinds = Set(Fixtures.indiaRussia.nodes.map(\.kind.rawValue))
        for kind in kinds { #expect(result.text.contains("class=\"cluster kind&#45;cluster kind&#45;\(kind)\""), "cluster of \(kind)") }
        #expect(result.text.contains(Fixtures.indiaRussia.title.text(in: "en")!))
        #expect(!result.text.contains(">Legend<"))
        #expect(try RelGraphCLI.run("render", graph, "--clusters").text.contains(">Legend<"), "with the legend, its heading is there")
    }

    @Test("a DOT token of 1,100 characters is read, not a crash (Graphviz's long-message bug)")
    func longTokenWarning() throws {
        let path = try RelGraphCLI.file(named: "long.dot", "digraph{" + String(repeating: "1", count: 1_100) + "q}\n")
        let result = try RelGraphCLI.run("validate", path)
        #expect(result.status == 0)
        #expect(result.errors.contains("badly delimited number '111"), "the warning keeps its text: \(result.errors.prefix(200))")
        #expect(!result.errors.contains("(null)"))
    }

    @Test("a DOT token of one megabyte is read by every command, its warning cut to a readable length", arguments: ["validate", "stats", "import", "render"])
    func megabyteToken(command: String) throws {
        let path = try RelGraphCLI.file(named: "huge.dot", "digraph{" + String(repeating: "1", count: 1_000_000) + "q}\n")
        let result = try RelGraphCLI.run(command, path)
        #expect(result.status == 0, "\(result.errors.prefix(300))")
        let warning = try #require(result.errors.split(separator: "\n").first { $0.contains("badly delimited number") })
        #expect(warning.count < 1_300)
        #expect(warning.contains("more characters)"))
    }

    @Test("a node name of 3,000 characters comes back in the message, not '(null)'")
    func longNameMessage() throws {
        let path = try RelGraphCLI.file(named: "name.dot", "digraph{" + String(repeating: "a", count: 3_000) + " -> b; c -> }\n")
        let result = try RelGraphCLI.run("validate", path)
        #expect(result.status == 65)
        #expect(!result.errors.contains("(null)"))
        #expect(result.errors.contains("syntax error"))
    }

    // MARK: Where output goes

    @Test("-o onto a character device writes into it and leaves it a device")
    func outputToDevice() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let device = folder.appendingPathComponent("null").path
        // /dev/null is device 1:3 (makedev(1, 3) is 0x103 on Linux).
        #expect(mknod(device, S_IFCHR | 0o666, 0x103) == 0, "tests run as root")
        #expect(try RelGraphCLI.run("export", graph, "--to", "json", "-o", device).status == 0)
        var status = stat()
        #expect(stat(device, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    /// The test reads the FIFO itself, without blocking, while relgraph runs: a reader on
    /// another task could wait for a thread of Swift's two-thread pool that tests blocked in
    /// `waitUntilExit` hold, while relgraph waits for a reader (a hang seen on 2 cores).
    @Test("-o onto a FIFO writes into it")
    func outputToFIFO() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let process = Process()
        process.executableURL = RelGraphCLI.binary
        process.arguments = ["export", graph, "--to", "json", "-o", fifo]
        process.standardError = FileHandle.nullDevice
        try process.run()
        var data = Data(), buffer = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = ContinuousClock.now + TimeLimit.scaled(.seconds(30))
        while true {
            let exited = !process.isRunning
            // Data, or nothing yet (EAGAIN while relgraph holds the FIFO open, 0 before it opens
            // it and after it closes it): read until relgraph has ended and the FIFO is empty.
            let count = read(reader, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if exited {
                break
            } else if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("relgraph did not finish writing into the FIFO")
                break
            } else {
                Thread.sleep(forTimeInterval: 0.005)
            }
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("{\n  \"relgraph\": 1"))
        var status = stat()
        #expect(stat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test("-o /dev/stdout writes to standard output")
    func outputToDevStdout() throws {
        let direct = try RelGraphCLI.run("export", graph, "--to", "json")
        let named = try RelGraphCLI.run("export", graph, "--to", "json", "-o", "/dev/stdout")
        #expect(named.status == 0)
        #expect(named.output == direct.output)
    }

    @Test("replacing a regular file keeps its mode")
    func replacementKeepsMode() throws {
        let path = try RelGraphCLI.temporaryFolder().appendingPathComponent("private.json").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        #expect(try RelGraphCLI.run("export", graph, "--to", "json", "-o", path).status == 0)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{"))
    }

    @Test("-o through a symbolic link replaces the file it points to and keeps the link")
    func outputThroughLink() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let target = folder.appendingPathComponent("target.json").path, link = folder.appendingPathComponent("link.json").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(symlink(target, link) == 0)
        #expect(try RelGraphCLI.run("export", graph, "--to", "json", "-o", link).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"))
    }

    @Test(
        "a full disk is exit 74 with one line, for every printing command",
        arguments: [
            ["stats"], ["neighbors", "amethi"], ["path", "usa", "amethi"], ["paths", "usa", "amethi"], ["reach", "amethi"],
            ["export", "--to", "json"], ["render", "--format", "svg"],
        ])
    func diskFull(arguments: [String]) throws {
        let result = try RelGraphCLI.run([arguments[0], graph] + arguments.dropFirst(), standardOutput: "/dev/full")
        #expect(result.status == 74)
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(result.errors.contains("No space left on device"))
        #expect(!result.errors.contains("Fatal error"))
    }

    @Test("an error message that cannot be written is exit 74, not a crash")
    func errorToFullDisk() throws {
        let result = try RelGraphCLI.run(["stats", "/nonexistent.yaml"], standardError: "/dev/full")
        #expect(result.status == 74)
    }

    @Test("a pipe closed by its reader ends the program quietly")
    func closedPipe() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(RelGraphCLI.binary.path)' export '\(graph)' --to json | head -c 1 >/dev/null; echo ${PIPESTATUS:-}"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.isEmpty, "nothing on stderr: \(text)")
        #expect(process.terminationStatus == 0)
    }

    @Test("a neo4j-csv export that cannot write one file leaves the old folder as it was")
    func folderWrittenWhole() throws {
        let folder = try RelGraphCLI.temporaryFolder().appendingPathComponent("csv")
        #expect(try RelGraphCLI.run("export", graph, "--to", "neo4j-csv", "-o", folder.path).status == 0)
        let old = try Data(contentsOf: folder.appendingPathComponent("nodes.csv"))
        // relationships.csv cannot be replaced: a folder of that name stands in its way.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("relationships.csv"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("relationships.csv"), withIntermediateDirectories: false)
        let small = try RelGraphCLI.file(named: "small.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor}]\n")
        let result = try RelGraphCLI.run("export", small, "--to", "neo4j-csv", "-o", folder.path)
        #expect(result.status == 73)
        #expect(try Data(contentsOf: folder.appendingPathComponent("nodes.csv")) == old, "nodes.csv was not replaced")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(leftovers == ["csv"], "no temporary folder is left: \(leftovers)")
    }

    @Test("an interrupted export removes its temporary file", arguments: [SIGINT, SIGTERM])
    func interruptedExport(signal: Int32) throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let big = folder.appendingPathComponent("big.json").path
        try Self.largeDocument(nodes: 6_000, edges: 60_000).write(toFile: big, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = RelGraphCLI.binary
        process.arguments = ["export", big, "--to", "graphml", "-o", folder.appendingPathComponent("out.graphml").path]
        try process.run()
        // Wait until the temporary output exists, then interrupt. Loading comes first and takes
        // most of the time: under AddressSanitizer with full stacks, minutes.
        var sawTemporary = false
        let deadline = Date().addingTimeInterval(120 * Double(TimeLimit.scale))
        while process.isRunning, Date() < deadline {
            if try FileManager.default.contentsOfDirectory(atPath: folder.path).contains(where: { $0.hasSuffix(".tmp") }) {
                sawTemporary = true
                break
            }
            usleep(2_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(sawTemporary, "the export was interrupted while writing")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["big.json"])
        #expect(process.terminationReason == .uncaughtSignal)
    }

    static func largeDocument(nodes: Int, edges: Int) -> String {
        var text = "{\"relgraph\": 1, \"nodes\": [\n"
        text += (0..<nodes).map { "{\"id\": \"n\($0)\", \"kind\": \"actor\", \"label\": \"Node \($0)\"}" }.joined(separator: ",\n")
        text += "], \"edges\": [\n"
        // Distinct (from, to, relation) triples, spread over the nodes without a random generator.
        text += (0..<edges).map { index in
            "{\"from\": \"n\(index % nodes)\", \"to\": \"n\((index * 7_919 + index / nodes + 1) % nodes)\", \"relation\": \"r\(index / nodes)\", \"date\": \(1900 + index % 120)}"
        }.joined(separator: ",\n")
        return text + "]}\n"
    }

    // MARK: Hostile text

    @Test("a control character in a label is a located error, exit 65")
    func controlCharacterInLabel() throws {
        let path = try RelGraphCLI.file(named: "control.yaml", "relgraph: 1\nnodes:\n  - {id: a, kind: actor, label: \"x\\u0001y\"}\n")
        let result = try RelGraphCLI.run("validate", path)
        #expect(result.status == 65)
        #expect(result.errors.contains("control.yaml:3:"))
        #expect(result.errors.contains("U+0001"))
    }

    @Test("a control character in a JSON attribute is a located error, exit 65")
    func controlCharacterInAttribute() throws {
        let path = try RelGraphCLI.file(
            named: "control.json", #"{"relgraph": 1, "nodes": [{"id": "a", "kind": "actor", "attributes": {"note": "\u001b[31mred"}}]}"#)
        let result = try RelGraphCLI.run("validate", path)
        #expect(result.status == 65)
        #expect(result.errors.contains("U+001B"))
    }

    @Test("tables never print raw control characters")
    func tablesEscapeControls() throws {
        // DOT import keeps what Graphviz reads; the table shows it escaped.
        let path = try RelGraphCLI.file(named: "escape.dot", "digraph { a -> b [relation=\"r\\u{1b}\"]; a [label=\"A\u{7}\"] }\n")
        let result = try RelGraphCLI.run("neighbors", path, "b")
        #expect(!result.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    // MARK: The command line's rough edges

    @Test("an unknown --kind is exit 64 with the nearest kind suggested")
    func unknownKind() throws {
        let result = try RelGraphCLI.run("neighbors", graph, "russia", "--kind", "treatty")
        #expect(result.status == 64)
        #expect(result.errors.contains("did you mean 'treaty'?"))
        #expect(try RelGraphCLI.run("render", graph, "--kind", "treatty").status == 64)
    }

    @Test("an unknown --relation is exit 64 with the nearest relation suggested")
    func unknownRelation() throws {
        let result = try RelGraphCLI.run("neighbors", graph, "russia", "--relation", "partnr-in")
        #expect(result.status == 64)
        #expect(result.errors.contains("did you mean 'partner-in'?"))
        #expect(try RelGraphCLI.run("render", graph, "--relation", "partnr-in").status == 64)
        #expect(try RelGraphCLI.run("path", graph, "usa", "amethi", "--relation", "partnr-in").status == 64)
    }

    @Test("a relation's label is accepted as its id")
    func relationByLabel() throws {
        let byLabel = try RelGraphCLI.run("neighbors", graph, "russia", "--relation", "partner in", "--json")
        let byID = try RelGraphCLI.run("neighbors", graph, "russia", "--relation", "partner-in", "--json")
        #expect(byLabel.status == 0)
        #expect(byLabel.output == byID.output)
    }

    @Test(
        "a node dropped by --as-of gets one message and exit 1 everywhere",
        arguments: [
            ["neighbors", "soviet-union"], ["path", "soviet-union", "india"], ["paths", "india", "soviet-union"],
            ["reach", "soviet-union"], ["render", "--focus", "soviet-union"], ["render", "--highlight", "soviet-union", "india"],
        ])
    func droppedByAsOf(arguments: [String]) throws {
        let result = try RelGraphCLI.run([arguments[0], graph] + arguments.dropFirst() + ["--as-of", "1995"])
        #expect(result.status == 1)
        #expect(result.errors == "'soviet-union' does not exist as of 1995\n")
        #expect(result.output.isEmpty)
    }

    @Test(
        "with --json, a node dropped by --as-of still gets the query's empty object, the message and exit 1",
        arguments: [
            (["neighbors", "soviet-union"], "\"neighbors\": []"), (["path", "soviet-union", "india"], "\"length\": null"),
            (["paths", "india", "soviet-union"], "\"paths\": []"), (["reach", "soviet-union"], "\"nodes\": []"),
        ])
    func droppedByAsOfWithJSON(arguments: [String], emptyList: String) throws {
        let result = try RelGraphCLI.run([arguments[0], graph] + arguments.dropFirst() + ["--as-of", "1995", "--json"])
        #expect(result.status == 1)
        #expect(result.errors == "'soviet-union' does not exist as of 1995\n")
        #expect(result.json is [String: Any], "\(result.text)")
        #expect(result.text.contains(emptyList), "\(result.text)")
    }

    @Test("path --json prints its object when there is no path, and exits 1")
    func pathJSONWhenNothingFound() throws {
        let result = try RelGraphCLI.run("path", graph, "usa", "amethi", "--relation", "signed", "--json")
        #expect(result.status == 1)
        #expect(result.text == "{\n  \"from\": \"usa\",\n  \"to\": \"amethi\",\n  \"length\": null,\n  \"nodes\": [],\n  \"edges\": []\n}\n")
    }

    @Test("paths --json prints its object when there is no path, and exits 1")
    func pathsJSONWhenNothingFound() throws {
        let result = try RelGraphCLI.run("paths", graph, "usa", "amethi", "--relation", "signed", "--json")
        #expect(result.status == 1)
        #expect(result.text == "{\n  \"paths\": []\n}\n")
    }

    @Test("JSON carries the dates of neighbours' edges and path edges, and reach's kinds and labels")
    func jsonCarriesWhatTablesShow() throws {
        let neighbors = try #require(try RelGraphCLI.run("neighbors", graph, "strategic-partnership-declaration", "--json").json as? [String: Any])
        let entries = try #require(neighbors["neighbors"] as? [[String: Any]])
        #expect(entries.contains { $0["id"] as? String == "russia" && $0["date"] as? String == "2000-10" })
        let path = try #require(try RelGraphCLI.run("path", graph, "russia", "strategic-partnership-declaration", "--json").json as? [String: Any])
        let edges = try #require(path["edges"] as? [[String: Any]])
        #expect(edges.first?["date"] as? String == "2000-10")
        let reach = try #require(try RelGraphCLI.run("reach", graph, "amethi", "--depth", "1", "--lang", "hi", "--json").json as? [String: Any])
        let nodes = try #require(reach["nodes"] as? [[String: Any]])
        #expect(nodes.first?["kind"] as? String == "place")
        #expect(nodes.first?["label"] as? String == "अमेठी")
    }

    @Test("Hindi tables line up by terminal columns, with kinds in Hindi")
    func hindiTablesAlign() throws {
        let result = try RelGraphCLI.run("neighbors", graph, "amethi", "--lang", "hi")
        #expect(result.status == 0)
        let lines = result.text.split(separator: "\n").map(String.init)
        // Amethi's neighbours are a project (परियोजना) and a place (स्थान): the KIND column,
        // in Hindi, starts at the same terminal column on every line, the header's too.
        let kindColumns = try zip(lines, ["KIND", "परियोजना", "स्थान"]).map { line, kind in
            let start = try #require(line.range(of: kind), "\(kind) in \(line)")
            return TerminalWidth.of(String(line[..<start.lowerBound]))
        }
        #expect(kindColumns.count == 3)
        #expect(Set(kindColumns).count == 1, "\(lines)")
    }

    @Test("a misspelt command gets a suggestion; 'neighbours' is an alias")
    func commandTypos() throws {
        let stat = try RelGraphCLI.run("stat", graph)
        #expect(stat.status == 64)
        #expect(stat.errors.hasPrefix("error: unknown command 'stat'; did you mean 'stats'?"))
        #expect(try RelGraphCLI.run("neighbours", graph, "amethi").status == 0)
    }

    @Test("render --depth without --focus is a usage error")
    func depthWithoutFocus() throws {
        let result = try RelGraphCLI.run("render", graph, "--depth", "3")
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: --depth goes with --focus"))
    }

    @Test("--format and -o's extension must agree")
    func formatAndExtensionDisagree() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let result = try RelGraphCLI.run("render", graph, "--format", "svg", "-o", folder.appendingPathComponent("x.png").path)
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("every error message starts with 'error:'")
    func errorPrefix() throws {
        for arguments in [["stats"], ["stats", graph, "--bogus"], ["render", graph, "--depth", "x", "--focus", "a"]] {
            let result = try RelGraphCLI.run(arguments)
            #expect(result.status == 64)
            #expect(result.errors.hasPrefix("error: "), "\(arguments): \(result.errors)")
        }
    }

    @Test("--help lists exit codes 73 and 74, in paragraphs without hard line breaks")
    func helpText() throws {
        let help = try RelGraphCLI.run("--help")
        #expect(help.status == 0)
        let words = help.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("73 output cannot be created"))
        #expect(words.contains("74 output cannot be written"))
        let commands = ["validate", "stats", "neighbors", "path", "paths", "reach", "render", "export", "import", "search", "components", "query"]
        for arguments in [["--help"]] + commands.map({ [$0, "--help"] }) {
            let text = try RelGraphCLI.run(arguments).text
            let broken = text.split(separator: "\n").filter { $0.hasSuffix("\\") }
            #expect(broken.isEmpty, "\(arguments): a line ends with a backslash: \(broken)")
        }
    }

    // MARK: Bounded rendering

    @Test("the default layout is chosen by size: dot for the bundled graph unlabelled, neato labelled, sfdp for a large one")
    func layoutChosenBySize() throws {
        let small = try RelGraphCLI.run("render", graph, "--edge-labels", "never", "--format", "dot")
        #expect(small.text.contains("rankdir=LR"))
        let labelled = try RelGraphCLI.run("render", graph, "--format", "dot")
        #expect(!labelled.text.contains("rankdir"), "neato, with a node on every edge's way")
        let path = try RelGraphCLI.file(named: "large.json", Self.largeDocument(nodes: 1_500, edges: 2_500))
        let large = try RelGraphCLI.run("render", path, "--format", "dot")
        #expect(large.status == 0, "\(large.errors)")
        #expect(large.text.contains("overlap=scale"))
        #expect(!large.text.contains("rankdir"))
    }

    @Test("circo draws a graph at its size limit within seconds: its edges are curved only in small drawings")
    func circoAtItsLimit() throws {
        let path = try RelGraphCLI.file(named: "circo.yaml", GeneratedGraph.yaml(nodes: 150, extraEdges: 101))
        let started = ContinuousClock.now
        let result = try RelGraphCLI.run("render", path, "--layout", "circo", "--format", "dot")
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.text.contains("splines=true"), "routing curves around 150 nodes took circo up to 37 s")
        // 2-4 s on a quiet core; the margin is for a test run sharing two loaded cores.
        #expect(elapsed < TimeLimit.scaled(.seconds(20)), "took \(elapsed)")
        let small = try RelGraphCLI.file(named: "small.yaml", GeneratedGraph.yaml(nodes: 40, extraEdges: 20))
        #expect(try RelGraphCLI.run("render", small, "--layout", "circo", "--format", "dot").text.contains("splines=true"))
    }

    @Test("a drawing beyond every engine's budget is refused with advice, exit 64")
    func drawingTooLarge() throws {
        let path = try RelGraphCLI.file(named: "huge.json", Self.largeDocument(nodes: 3_000, edges: 6_000))
        let result = try RelGraphCLI.run("render", path)
        #expect(result.status == 64)
        #expect(result.errors.contains("--focus"))
        #expect(try RelGraphCLI.run("render", path, "--layout", "circo").status == 64)
    }
}

/// Columns a text takes on a terminal, written here independently of the product: combining
/// marks and format characters none, wide East Asian characters two.
enum TerminalWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return sum
            default:
                return sum
                    + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value) ? 2 : 1)
            }
        }
    }
}
