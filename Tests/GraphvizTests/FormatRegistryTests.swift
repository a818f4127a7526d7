import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

/// The registry is the one place that picks a reader or a writer: these tests go through it
/// only, as the command line does.
@Suite("The format registry")
struct FormatRegistryTests {
    static let formats = GraphFormats.library.adding(.dot)
    static let readAndWritten = formats.all.filter { $0.reader != nil && $0.writer != nil }.map(\.name)

    /// A fresh path in the scratch folder, named for `format`.
    static func path(for format: GraphFormat) -> String {
        let name = "registry-\(UUID().uuidString)" + (format.fileExtensions.first.map { "." + $0 } ?? "")
        return Scratch.root.appendingPathComponent(name).path
    }

    /// Writes `graph` in `format` through its registry entry.
    static func write(_ graph: Graph, as format: GraphFormat, to path: String) throws {
        switch format.writer {
        case .file(let write)?:
            var file = try OutputFile(path: path)
            _ = write(graph, WriteOptions(), &file)
            try file.commit()
        case .folder(let write)?:
            _ = try write(graph, WriteOptions(), path)
        case nil:
            Issue.record("\(format.name) has no writer")
        }
    }

    @Test("every format read and written gives back the graph it wrote, found by its file's name or content", arguments: readAndWritten)
    func roundTrip(name: String) throws {
        let format = try #require(Self.formats[name])
        let path = Self.path(for: format)
        try Self.write(Fixtures.indiaRussia, as: format, to: path)
        #expect(try Self.formats.format(ofContentAt: path).name == name)
        #expect(try Self.formats.read(path: path).graph == Fixtures.indiaRussia)
    }

    @Test("the formats of one file read bytes in memory as they read the file", arguments: readAndWritten)
    func bytesInMemory(name: String) throws {
        let format = try #require(Self.formats[name])
        guard format.layout == .file else { return }
        let path = Self.path(for: format)
        try Self.write(Fixtures.indiaRussia, as: format, to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try Self.formats.read(bytes: bytes, as: format, fileName: "<stdin>").graph == Fixtures.indiaRussia)
    }

    @Test("a snapshot is known by its first bytes whatever its name")
    func snapshotByContent() throws {
        let path = Scratch.root.appendingPathComponent("snapshot-\(UUID().uuidString).yaml").path
        try Self.write(Fixtures.indiaRussia, as: .rgpack, to: path)
        #expect(try Self.formats.format(ofContentAt: path).name == "rgpack")
    }

    @Test("a file of no known name or content is refused, listing the formats read")
    func unknownType() throws {
        let path = Scratch.root.appendingPathComponent("notes-\(UUID().uuidString).txt").path
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try Self.formats.format(ofContentAt: path)
        } throws: { error in
            guard let error = error as? GraphLoadError, error.code == .unknownFormat else { return false }
            let message = error.diagnostics.first?.message ?? ""
            return Self.formats.readable.allSatisfy { message.contains($0.name) } && error.diagnostics.first?.remedy == .nameTheFormat
        }
    }

    @Test("a format added under a name the registry has takes that one's place")
    func replacingByName() {
        let replacement = GraphFormat(name: "gexf", summary: "a test's GEXF", fileExtensions: ["gexf"], reader: nil, writer: nil)
        let formats = GraphFormats.library.adding(replacement)
        #expect(formats.all.count == GraphFormats.library.all.count)
        #expect(formats["gexf"]?.summary == "a test's GEXF")
    }

    @Test("a folder format named for a file is refused with the way to read single files")
    func folderFormatForAFile() throws {
        let path = Scratch.root.appendingPathComponent("nodes-\(UUID().uuidString).csv").path
        try "id:ID\na\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try Self.formats.read(path: path, as: .neo4jCSV)
        } throws: { error in
            (error as? GraphLoadError)?.diagnostics.first?.remedy == .readNeo4jFilesByName
        }
    }
}
