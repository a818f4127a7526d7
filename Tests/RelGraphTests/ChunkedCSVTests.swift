import Foundation
import RelGraphTestSupport
import Testing

@_spi(Testing) @testable import RelGraph
@_spi(Testing) @testable import RelGraphCore
@_spi(Testing) @testable import RelGraphCypher
@_spi(Testing) @testable import RelGraphDocument
@_spi(Testing) @testable import RelGraphInterchange
@_spi(Testing) @testable import RelGraphSearch

/// Neo4j CSV files are cut into ranges at line feeds and the ranges parsed on every core; a cut
/// may fall inside a quoted field. Whatever the cuts, the graph, its order and every message must
/// be those of reading the file from start to end.
@Suite("Neo4j CSV read in ranges")
struct ChunkedCSVTests {
    /// Every record (fields and position) or the error that stopped reading, as a string.
    private static func streamed(_ bytes: [UInt8], dialect: CSVDialect) -> [String] {
        var reader = CSVReader(input: ByteInput(bytes: bytes), dialect: dialect)
        var fields: [CSVScanner.Field] = []
        var out: [String] = []
        do {
            while try reader.nextRecord(into: &fields) {
                out.append("\(reader.recordPosition) \(fields.map { "\($0.wasQuoted ? "q" : "u")[\($0.text)]" })")
            }
        } catch {
            out.append("error \(error.position) \(error.problem)")
        }
        return out
    }

    private static func scanned(_ bytes: [UInt8], dialect: CSVDialect) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, dialect: dialect)
            var fields: [CSVScanner.Field] = []
            var out: [String] = []
            do throws(ReadError) {
                try scanner.skipByteOrderMark()
                while try scanner.nextRecord(into: &fields, before: buffer.count) {
                    out.append("\(scanner.recordPosition) \(fields.map { "\($0.wasQuoted ? "q" : "u")[\($0.text)]" })")
                }
            } catch {
                out.append("error \(error.position) \(error.problem)")
            }
            return out
        }
    }

    @Test("the scanner reads what the streaming reader reads: fields, positions and errors, on random bytes")
    func scannerMatchesReader() {
        var random = SeededRandom(seed: 14)
        let pieces: [[UInt8]] =
            ["a", "bc", "é", "न", ",", ",", "\"", "\"", "\n", "\r\n", "\r", " ", "\t", "¿", "x", "1"].map { Array($0.utf8) }
            + [[0xFF], [0xC2], [0xEF, 0xBB, 0xBF]]
        let dialects = [CSVDialect(), CSVDialect(delimiter: "¿"), CSVDialect(delimiter: "\t", quote: "'"), CSVDialect(delimiter: "|")]
        for round in 0..<4000 {
            var bytes: [UInt8] = round % 7 == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                // Invalid bytes now and then; mostly text, delimiters, quotes and line breaks.
                let piece = Int.random(in: 0..<(round % 5 == 0 ? pieces.count : pieces.count - 3), using: &random)
                bytes += pieces[piece]
            }
            let dialect = dialects[round % dialects.count]
            let expected = Self.streamed(bytes, dialect: dialect)
            let actual = Self.scanned(bytes, dialect: dialect)
            if expected != actual {
                Issue.record("\(String(decoding: bytes, as: UTF8.self).debugDescription) (\(bytes)) with \(dialect):\n\(expected)\n\(actual)")
                return
            }
        }
    }

    /// A node file whose labels span lines, hold doubled quotes, commas and Devanagari, with
    /// CRLF or LF line ends; relationships with dates, sources and a property column now and then.
    private static func folder(lineEnd: String, count: Int, badLine: Int? = nil) throws -> String {
        let folder = Scratch.root.appendingPathComponent("relgraph-chunks-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var nodes = "id:ID,kind:LABEL,label,note,date,source\(lineEnd)"
        for index in 0..<count {
            let label: String
            switch index % 5 {
            // Line feeds inside fields (a carriage return is a control character RelGraph refuses).
            case 0: label = "\"line one\nline two, with \"\"quotes\"\"\n\nand a blank line\""
            case 1: label = "plain \(index)"
            case 2: label = "\"comma, inside\""
            case 3: label = "\"\(String(repeating: "\n", count: index % 7 + 1))\""
            default: label = ""
            }
            nodes +=
                "n\(index),\(index % 3 == 0 ? "actor" : "treaty"),\(label),भारत \(index),\(index % 4 == 0 ? "19\(10 + index % 90)" : ""),\(index % 6 == 0 ? "gen" : "")\(lineEnd)"
            if index % 9 == 0 { nodes += lineEnd }  // blank lines
        }
        var relationships = ":START_ID,:END_ID,:TYPE,date,start,end,source,note\(lineEnd)"
        for index in 0..<(count * 3) {
            var line = "n\(index % count),n\((index * 7 + 1) % count),\(index % 4 == 0 ? "signed" : "partner-of"),"
            line += index % 5 == 0 ? "2001-0\(1 + index % 9)," : ","
            line += index % 11 == 0 ? "1999,2003," : ",,"
            line += index % 3 == 0 ? "gen," : ","
            line += index % 13 == 0 ? "\"a note\nover lines\"" : ""
            if let badLine, index == badLine { line = "n1,n2,r,\"x\"y" }
            relationships += line + lineEnd
        }
        try nodes.write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
        try relationships.write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
        try #"{"relgraph": 1, "sources": [{"id": "gen", "title": "Generator"}], "nodes": [], "edges": []}"#
            .write(toFile: "\(folder)/declarations.json", atomically: true, encoding: .utf8)
        return folder
    }

    /// The import of a folder holding nodes.csv, relationships.csv and declarations.json.
    private static func request(_ folder: String, chunkBytes: Int, plain: Bool) -> Neo4jImport {
        var request = Neo4jImport()
        request.nodeGroups = [.init(files: ["\(folder)/nodes.csv"])]
        request.relationshipGroups = [.init(files: ["\(folder)/relationships.csv"])]
        request.declarations = "\(folder)/declarations.json"
        request.chunkBytes = chunkBytes
        request.readsPlainRecordsDirectly = plain
        return request
    }

    private static func load(_ folder: String, chunkBytes: Int, plain: Bool = true) -> Result<Graph, GraphLoadError> {
        let request = request(folder, chunkBytes: chunkBytes, plain: plain)
        do throws(GraphLoadError) {
            return .success(try request.read().graph)
        } catch {
            return .failure(error)
        }
    }

    private static func graph(_ result: Result<Graph, GraphLoadError>) -> Graph? {
        if case .success(let graph) = result { return graph }
        Issue.record("the folder did not load: \(result)")
        return nil
    }

    @Test(
        "ranges cut inside multi-line quoted fields and between CR and LF give the graph of one range, in the same order",
        arguments: ["\n", "\r\n"])
    func tinyRangesGiveTheSameGraph(lineEnd: String) throws {
        let folder = try Self.folder(lineEnd: lineEnd, count: 300)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard let whole = Self.graph(Self.load(folder, chunkBytes: 1 << 30)) else { return }
        #expect(whole.nodeCount == 300 && whole.edgeCount == 900)
        #expect(whole.node(at: NodeIndex(0)).label.entries.map(\.text).contains("line one\nline two, with \"quotes\"\n\nand a blank line"))
        // Every cut size from one byte up: cuts land inside quotes, on CR, on LF and on blank lines.
        for chunkBytes in [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 1000, 4096] {
            guard let cut = Self.graph(Self.load(folder, chunkBytes: chunkBytes)) else { return }
            #expect(cut == whole, "ranges of \(chunkBytes) bytes")
            #expect(cut.nodes.map(\.id) == whole.nodes.map(\.id))
            #expect(Array(cut.edges) == Array(whole.edges))
        }
    }

    @Test("plain relationship records made from their bytes equal those made through the general path")
    func plainRecordsMatchGeneralPath() throws {
        let folder = try Self.folder(lineEnd: "\n", count: 200)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard let general = Self.graph(Self.load(folder, chunkBytes: 1 << 30, plain: false)),
            let plain = Self.graph(Self.load(folder, chunkBytes: 64, plain: true))
        else { return }
        #expect(plain == general)
        #expect(plain.storage.relations == general.storage.relations, "relations coded in the same order")
        #expect(Array(plain.edges) == Array(general.edges))
    }

    @Test("an error in a later range is reported at its line, with the records before it, as when read whole")
    func errorInLaterRange() throws {
        let folder = try Self.folder(lineEnd: "\n", count: 200, badLine: 450)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let whole = Self.load(folder, chunkBytes: 1 << 30)
        guard case .failure(let error) = whole else {
            Issue.record("an unclosed quote loaded")
            return
        }
        let message = "\(error)"
        // 450 records after the header; the notes before it span two lines each.
        let notes = (0..<450).filter { $0 % 13 == 0 }.count
        #expect(message.contains("relationships.csv:\(450 + 2 + notes):12"), "\(message)")
        #expect(message.contains("unexpected 'y' after a quoted field"))
        for chunkBytes in [1, 7, 100, 999] {
            guard case .failure(let cut) = Self.load(folder, chunkBytes: chunkBytes) else {
                Issue.record("an unclosed quote loaded with ranges of \(chunkBytes) bytes")
                continue
            }
            #expect("\(cut)" == message, "ranges of \(chunkBytes) bytes")
        }
    }

    @Test("records with problems in many ranges are reported in file order, each at its line")
    func problemsInFileOrder() throws {
        let folder = Scratch.root.appendingPathComponent("relgraph-chunks-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var nodes = "id:ID,label,count:long\n"
        for index in 0..<60 { nodes += index % 10 == 3 ? "n\(index),\"two\nlines\",many\n" : "n\(index),x,\(index)\n" }
        try nodes.write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
        try ":START_ID,:END_ID,:TYPE\nn1,n2,r\nn2,missing,r\n".write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
        var request = Neo4jImport()
        request.nodeGroups = [.init(files: ["\(folder)/nodes.csv"])]
        request.relationshipGroups = [.init(files: ["\(folder)/relationships.csv"])]
        var messages: [String] = []
        for chunkBytes in [1 << 30, 1, 16, 50] {
            request.chunkBytes = chunkBytes
            do throws(GraphLoadError) {
                _ = try request.read()
                Issue.record("bad counts loaded")
            } catch {
                messages.append("\(error)")
            }
        }
        #expect(Set(messages).count == 1, "\(messages)")
        let message = messages[0]
        // Lines: header 1; record k on line k + 2 plus one per two-line label before it.
        #expect(message.contains("nodes.csv:5:"), "\(message)")
        #expect(message.contains("nodes.csv:16:"), "\(message)")
        #expect(message.contains("relationships.csv:3:"), "\(message)")
        let first = message.range(of: "nodes.csv:5:")!, second = message.range(of: "nodes.csv:16:")!
        #expect(first.lowerBound < second.lowerBound)
    }
}

extension ChunkedCSVTests {
    @Test("line feeds are counted eight bytes at a time exactly, whatever the bytes around them")
    func lineFeedCount() {
        var random = SeededRandom(seed: 7)
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in [0x0A, 0x0B, 0x09, 0x8A, 0xFF, 0x00, 0x41][Int.random(in: 0..<7, using: &random)] as UInt8 }
            let counted = bytes.withUnsafeBufferPointer { LineRanges.lineFeeds(in: $0) }
            #expect(counted == bytes.filter { $0 == 0x0A }.count)
        }
    }
}

/// Node records made straight from their bytes (plain) must give what the general path gives:
/// the same nodes, kinds, labels, dates, properties and sources, the same warnings and the same
/// messages, whatever each field holds.
extension ChunkedCSVTests {
    /// Each column's values: those a plain record holds, and those that send a record to the
    /// general path (or make it a problem).
    private static let nodeFieldVariants: [(plain: [String], other: [String])] = [
        // id:ID(Space): valid ids (# is the record's number), a space (renamed), a made id, a repeat
        (["n#", "b.#", "भारत#", "c:#", "\"q#\""], ["x y", "", "x-y", "\"d\"\"q\"", "n7", "\"\""]),
        // kind:LABEL: one label, none
        (["actor", "treaty", "Movie", "", "\"sector\""], ["a;b", "bad label", "\"\"", "actor;actor", "\"x\ty\""]),
        // label
        (["Plain", "", "\"comma, inside\"", "कर्ता"], ["\"\"", "\"two\nlines\"", "a\u{01}b"]),
        // label_hi
        (["कर्ता 1", ""], ["\"\"", "x\u{01}y"]),
        // type
        (["", "country", "\"a, b\""], ["\"tab\there\"", "\"\""]),
        // date
        (["", "1999", "2001-05", "1987-02-03"], ["20x1", "2001-13"]),
        // start
        (["", "1950"], ["1950-1"]),
        // end
        (["", "1960"], ["1940"]),
        // source: declared, not declared
        (["", "gen", "other"], ["not an id", "\"\""]),
        // weight:long
        (["", "39", "-4"], [" 7 ", "x", "99999999999999999999", "+5"]),
        // ratio:double
        (["", "0.5", "1e3"], ["nan", "y", " 2.5"]),
        // flags:boolean[]
        (["", "true;false", "TRUE"], ["maybe", "true;;false"]),
        // note (string)
        (["", "n", "\"quoted, with a comma\""], ["\"a \"\"quoted\"\" note\""]),
    ]

    private static func nodeFile(seed: UInt64, count: Int) -> String {
        var random = SeededRandom(seed: seed)
        var text = "id:ID(Space),kind:LABEL,label,label_hi,type,date,start,end,source,weight:long,ratio:double,flags:boolean[],note\n"
        // Seeds differ in how often a value of the general path is drawn: some files have no
        // such record, some many.
        let odds = [4, 30, 200, 100_000][Int(seed % 4)]
        for index in 0..<count {
            let fields = nodeFieldVariants.enumerated().map { column, variants in
                let values = Int.random(in: 0..<odds, using: &random) == 0 ? variants.other : variants.plain
                let value = values[Int.random(in: 0..<values.count, using: &random)]
                return column == 0 ? value.replacingOccurrences(of: "#", with: "\(index)") : value
            }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    private static func importNodes(_ folder: String, chunkBytes: Int, plain: Bool, skipDuplicates: Bool) -> String {
        var request = request(folder, chunkBytes: chunkBytes, plain: plain)
        request.skipDuplicateNodes = skipDuplicates
        do throws(GraphLoadError) {
            let imported = try request.read()
            return DocumentWriter(syntax: .json).document(for: imported.graph) + imported.warnings.lines
        } catch {
            return "\(error)"
        }
    }

    @Test(
        "plain node records made from their bytes give the nodes, warnings and messages of the general path",
        arguments: [false, true])
    func plainNodesMatchGeneralPath(skipDuplicates: Bool) throws {
        var loaded = 0
        for seed in UInt64(1)...24 {
            let folder = Scratch.root.appendingPathComponent("relgraph-plain-nodes-\(UUID())").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Self.nodeFile(seed: seed, count: seed % 3 == 0 ? 400 : 40).write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
            try ":START_ID(Space),:END_ID(Space),:TYPE\n".write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
            try #"{"relgraph": 1, "sources": [{"id": "gen", "title": "Generator"}], "nodes": [], "edges": []}"#
                .write(toFile: "\(folder)/declarations.json", atomically: true, encoding: .utf8)
            let general = Self.importNodes(folder, chunkBytes: 1 << 30, plain: false, skipDuplicates: skipDuplicates)
            for chunkBytes in [1 << 30, 97] {
                let plain = Self.importNodes(folder, chunkBytes: chunkBytes, plain: true, skipDuplicates: skipDuplicates)
                #expect(plain == general, "seed \(seed), ranges of \(chunkBytes) bytes")
            }
            loaded += general.hasPrefix("{") ? 1 : 0
        }
        // Files that load and files that do not were both compared.
        #expect(loaded >= 6 && loaded <= 18, "\(loaded) of 24 files loaded")
    }

    @Test("a plain node file of valid records loads wholly through the plain path, as the general path reads it")
    func plainNodesOfTheExportedShape() throws {
        let folder = Scratch.root.appendingPathComponent("relgraph-plain-nodes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var nodes = "id:ID,kind:LABEL,label,label_en,label_hi,type,date,start,end,source,weight:long\n"
        for index in 0..<500 {
            nodes += "n\(index),\(["actor", "treaty", "sector"][index % 3]),Actor \(index),Actor \(index),कर्ता \(index),"
            nodes += "\(index % 5 == 0 ? "country" : ""),\(index % 2 == 0 ? "19\(10 + index % 90)" : ""),,\(index % 7 == 0 ? "2030" : ""),"
            nodes += "\(index % 3 == 0 ? "gen" : ""),\(index % 4 == 0 ? "\(index)" : "")\n"
        }
        try nodes.write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
        try ":START_ID,:END_ID,:TYPE\nn1,n2,r\n".write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
        try #"{"relgraph": 1, "sources": [{"id": "gen", "title": "Generator"}], "nodes": [], "edges": []}"#
            .write(toFile: "\(folder)/declarations.json", atomically: true, encoding: .utf8)
        let table = try CSVTable(
            header: ["id:ID", "kind:LABEL", "label", "label_en", "label_hi", "type", "date", "start", "end", "source", "weight:long"], file: "nodes.csv")
        #expect(table.allowsPlainNodes)
        let general = Self.importNodes(folder, chunkBytes: 1 << 30, plain: false, skipDuplicates: false)
        let plain = Self.importNodes(folder, chunkBytes: 1000, plain: true, skipDuplicates: false)
        #expect(plain == general)
        #expect(general.contains("\"n499\""))
        #expect(general.contains("कर्ता 499"))
    }

    @Test("control characters in unquoted lines are replaced and warned about on the plain path, as on the general path")
    func controlCharactersInPlainLines() throws {
        let folder = Scratch.root.appendingPathComponent("relgraph-plain-controls-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Lines the scanner splits eight bytes at a time (no quotes), a control character in
        // the first word, a later one, or none; a tab, which edges keep.
        var nodes = "id:ID,kind:LABEL,label\n"
        for index in 0..<60 {
            nodes += "n\(index),actor,\(["a\u{01}b", "plain \(index)", "longer label text \u{1F}\(index)", "कर्ता\u{02}"][index % 4])\n"
        }
        var relationships = ":START_ID,:END_ID,:TYPE,note\n"
        for index in 0..<60 { relationships += "n\(index),n\((index + 1) % 60),r,\(["x\u{03}y", "ok", "tab\there"][index % 3])\n" }
        try nodes.write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
        try relationships.write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
        try #"{"relgraph": 1, "nodes": [], "edges": []}"#.write(toFile: "\(folder)/declarations.json", atomically: true, encoding: .utf8)
        let general = Self.importNodes(folder, chunkBytes: 1 << 30, plain: false, skipDuplicates: false)
        #expect(general.contains("\u{FFFD}") && general.contains("control characters replaced"), "\(general)")
        for chunkBytes in [1 << 30, 200] {
            #expect(Self.importNodes(folder, chunkBytes: chunkBytes, plain: true, skipDuplicates: false) == general, "ranges of \(chunkBytes) bytes")
        }
    }

    @Test("a node file with two start columns reads alike through the plain path: no start date, the text kept as neo4j-start")
    func repeatedDateColumnsOnThePlainPath() throws {
        let folder = Scratch.root.appendingPathComponent("relgraph-plain-nodes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "id:ID,kind:LABEL,start,start:date\na,actor,2001,2002\nb,actor,2003,\n".write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
        try ":START_ID,:END_ID,:TYPE\n".write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
        try #"{"relgraph": 1, "nodes": [], "edges": []}"#.write(toFile: "\(folder)/declarations.json", atomically: true, encoding: .utf8)
        let general = Self.importNodes(folder, chunkBytes: 1 << 30, plain: false, skipDuplicates: false)
        let plain = Self.importNodes(folder, chunkBytes: 1 << 30, plain: true, skipDuplicates: false)
        #expect(plain == general)
        #expect(general.contains("\"neo4j-start\": \"2002\"") && !general.contains("\"start\": 2002"), "\(general)")
    }
}

extension ChunkedCSVTests {
    @Test("relationship records converted a few behind the scanner keep their order among records with too few fields, missing ends and a fatal error")
    func lookaheadKeepsOrder() throws {
        let folder = Scratch.root.appendingPathComponent("relgraph-lookahead-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ("id:ID\n" + (0..<30).map { "n\($0)\n" }.joined()).write(toFile: "\(folder)/nodes.csv", atomically: true, encoding: .utf8)
        for fatal in [false, true] {
            var relationships = ":START_ID,:END_ID,:TYPE,date\n"
            for index in 0..<60 {
                switch index % 11 {
                case 3: relationships += "n\(index % 30),n1\n"  // too few fields
                case 7: relationships += "n\(index % 30),missing\(index),r,\n"  // no such node
                case 9: relationships += "n\(index % 30),n2,r,20x\(index)\n"  // a date that is not one
                default: relationships += "n\(index % 30),n\((index * 7) % 30),r\(index % 3),\(index % 2 == 0 ? "1999" : "")\n"
                }
                if fatal, index == 51 { relationships += "n1,n2,\"r\"x,\n" }
            }
            try relationships.write(toFile: "\(folder)/relationships.csv", atomically: true, encoding: .utf8)
            var messages: [String] = []
            for (plain, chunkBytes) in [(false, 1 << 30), (true, 1 << 30), (true, 40), (true, 1)] {
                var request = Neo4jImport()
                request.nodeGroups = [.init(files: ["\(folder)/nodes.csv"])]
                request.relationshipGroups = [.init(files: ["\(folder)/relationships.csv"])]
                request.readsPlainRecordsDirectly = plain
                request.chunkBytes = chunkBytes
                do throws(GraphLoadError) {
                    _ = try request.read()
                    messages.append("loaded")
                } catch {
                    messages.append("\(error)")
                }
            }
            #expect(messages[0].contains("relationships.csv:5:") && messages[0].contains("relationships.csv:9:"), "\(messages[0])")
            #expect(messages[0].contains("unexpected 'x' after a quoted field") == fatal)
            #expect(Set(messages).count == 1, "\(messages)")
        }
    }
}
