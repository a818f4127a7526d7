import Foundation
import RelGraphTestSupport
import Testing

@testable import RelGraph
@testable import RelGraphCore
@testable import RelGraphCypher
@testable import RelGraphDocument
@testable import RelGraphInterchange
@testable import RelGraphSearch

/// The `.rgpack` snapshot in the library: what goes in comes back, queries answer the same on
/// the mapped columns, bytes are deterministic, and no damaged file is ever used.
@Suite("Snapshots")
struct SnapshotTests {
    static func reopened(_ graph: Graph) throws -> Graph {
        try Graph(snapshot: SnapshotWriter().bytes(for: graph), name: "test.rgpack")
    }

    static let fixtures: [(String, Graph)] = [
        ("India–Russia", Fixtures.indiaRussia), ("tricky texts", TrickyGraph.graph), ("small", Fixtures.smallGraph),
        ("empty", Graph()),
    ]

    @Test("a snapshot reopens as the same graph", arguments: fixtures.map(\.0))
    func roundTrip(name: String) throws {
        let graph = try #require(Self.fixtures.first { $0.0 == name }).1
        let reopened = try Self.reopened(graph)
        #expect(reopened == graph)
        #expect(reopened.relationTypes == graph.relationTypes && reopened.kindDeclarations == graph.kindDeclarations)
        #expect(reopened.sources == graph.sources && reopened.title == graph.title && reopened.graphAttributes == graph.graphAttributes)
        #expect(reopened.relationsInUse == graph.relationsInUse)
    }

    @Test("random graphs with Devanagari and combining-mark ids reopen as the same graph", arguments: 0..<20)
    func randomRoundTrip(seed: UInt64) throws {
        let graph = try RawGraph(seed: seed, maximumNodes: 30).graph()
        #expect(try Self.reopened(graph) == graph)
    }

    @Test("every node is found by its id in a reopened snapshot, and no other name is")
    func idTable() throws {
        let graph = try Self.reopened(Fixtures.indiaRussia)
        for node in graph.nodeIndices { #expect(graph.index(ofNode: graph.id(ofNode: node)) == node) }
        #expect(graph.index(ofNode: "indiaa") == nil && graph.index(ofNode: "") == nil)
    }

    @Test("queries on a reopened snapshot answer as on the graph built in memory")
    func queriesAgree() throws {
        let built = Fixtures.indiaRussia
        let mapped = try Self.reopened(built)
        var builtTraversal = Traversal(built), mappedTraversal = Traversal(mapped)
        for from in built.nodeIndices {
            #expect(mappedTraversal.reach(from: from, depth: 2).map(\.node) == builtTraversal.reach(from: from, depth: 2).map(\.node))
            #expect(mappedTraversal.neighbors(of: from).map(\.edge) == builtTraversal.neighbors(of: from).map(\.edge))
            for to in stride(from: 0, to: built.nodeCount, by: 3).map(NodeIndex.init) {
                #expect(mappedTraversal.shortestPath(from: from, to: to)?.edges == builtTraversal.shortestPath(from: from, to: to)?.edges)
            }
        }
        #expect(GraphView(mapped).weakComponents().members == GraphView(built).weakComponents().members)
        let asOf = try PartialDate(parsing: "2000")
        #expect(mapped.view(GraphFilter(asOf: asOf)).nodeIndices == built.view(GraphFilter(asOf: asOf)).nodeIndices)
    }

    @Test("the same graph always gives the same bytes, reopened or not")
    func deterministic() throws {
        let graph = TrickyGraph.graph
        let bytes = SnapshotWriter().bytes(for: graph)
        #expect(SnapshotWriter().bytes(for: graph) == bytes)
        #expect(SnapshotWriter().bytes(for: try Self.reopened(graph)) == bytes)
    }

    @Test("the checksum is XXH64, as its reference vectors give it")
    func checksumIsXXH64() {
        func xxh64(_ text: String, seed: UInt64 = 0) -> UInt64 { Array(text.utf8).withUnsafeBytes { SnapshotChecksum.xxh64($0, seed: seed) } }
        #expect(xxh64("") == 0xEF46_DB37_51D8_E999)
        #expect(xxh64("abc") == 0x44BC_2CF5_AD77_0999)
    }

    @Test("a checksum split into chunks does not depend on the number of cores")
    func chunkedChecksum() {
        let bytes = (0..<(3 * SnapshotChecksum.chunkSize + 17)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let first = bytes.withUnsafeBytes(SnapshotChecksum.of)
        #expect(bytes.withUnsafeBytes(SnapshotChecksum.of) == first)
        var changed = bytes
        changed[2 * SnapshotChecksum.chunkSize + 5] ^= 1
        #expect(changed.withUnsafeBytes(SnapshotChecksum.of) != first)
    }

    // MARK: Damaged files

    /// The section table of a snapshot's bytes: (tag, offset, length).
    static func sections(of bytes: [UInt8]) -> [(tag: String, offset: Int, length: Int)] {
        func word(_ at: Int) -> Int { Int(bytes[at..<at + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
        let count = Int(bytes[24]) | Int(bytes[25]) << 8
        return (0..<count).map { index in
            let at = 64 + index * 32
            return (String(decoding: bytes[at..<at + 4], as: UTF8.self), word(at + 8), word(at + 16))
        }
    }

    static func open(_ bytes: [UInt8]) -> SnapshotError? {
        do {
            _ = try Graph(snapshot: bytes, name: "g.rgpack")
            return nil
        } catch {
            return error
        }
    }

    @Test("a snapshot cut at any section boundary is reported as truncated")
    func truncatedAtEveryBoundary() {
        let bytes = SnapshotWriter().bytes(for: Fixtures.indiaRussia)
        let boundaries = Set([0, 4, 8, 63, 64] + Self.sections(of: bytes).flatMap { [$0.offset, $0.offset + $0.length / 2, $0.offset + $0.length] })
        for cut in boundaries.sorted() where cut < bytes.count {
            #expect(Self.open(Array(bytes.prefix(cut))) == .truncated(path: "g.rgpack", length: cut, expected: cut < 64 ? 64 : bytes.count), "cut at \(cut)")
        }
    }

    @Test("a flipped byte inside any section is caught by that section's checksum")
    func flippedByteInEverySection() {
        let bytes = SnapshotWriter().bytes(for: Fixtures.indiaRussia)
        for section in Self.sections(of: bytes) where section.length > 0 {
            var damaged = bytes
            damaged[section.offset + section.length / 2] ^= 0x40
            let name = SnapshotFormat.Section(rawValue: section.tag)!
            #expect(Self.open(damaged) == .checksumMismatch(path: "g.rgpack", section: "\(name.name) (section \(section.tag))"))
        }
    }

    @Test("a flipped byte in the header or the section table is caught by the header's checksum")
    func flippedHeaderByte() {
        let bytes = SnapshotWriter().bytes(for: Fixtures.smallGraph)
        for position in [16, 24, 40, 64 + 8, 64 + 32 * 3 + 16] {
            var damaged = bytes
            damaged[position] ^= 0x01
            let error = Self.open(damaged)
            #expect(
                error == .checksumMismatch(path: "g.rgpack", section: "header and section table") || error?.isTruncationOrMalformation == true,
                "byte \(position): \(String(describing: error))")
        }
    }

    @Test("a file from a newer format is refused with both versions named")
    func newerVersion() {
        var bytes = SnapshotWriter().bytes(for: Fixtures.smallGraph)
        bytes[8] = 3
        bytes[28] = 3
        let error = Self.open(bytes)
        #expect(error == .newerVersion(path: "g.rgpack", version: 3, readableBy: 3))
        #expect(error?.description.contains("written by a newer RelGraph (format 3; this one reads format 1)") == true)
    }

    @Test("a newer format that declares itself readable by this one opens")
    func newerButCompatible() throws {
        var bytes = SnapshotWriter().bytes(for: Fixtures.smallGraph)
        bytes[8] = 2
        Self.resealHeader(&bytes)
        #expect(try Graph(snapshot: bytes, name: "g.rgpack") == Fixtures.smallGraph)
    }

    @Test("a file that is not a snapshot, or from the other byte order, is named as such")
    func foreignFiles() {
        #expect(Self.open(Array("relgraph: 1\nnodes: []\n".utf8)) == .notASnapshot(path: "g.rgpack"))
        var swapped = SnapshotWriter().bytes(for: Fixtures.smallGraph)
        swapped[12..<16].reverse()
        #expect(Self.open(swapped) == .foreignByteOrder(path: "g.rgpack"))
    }

    /// Recomputes the header's checksum after a deliberate change.
    static func resealHeader(_ bytes: inout [UInt8]) {
        let end = 64 + sections(of: bytes).count * 32
        var header = Array(bytes[0..<end])
        header.replaceSubrange(32..<40, with: repeatElement(0, count: 8))
        let checksum = header.withUnsafeBytes(SnapshotChecksum.of)
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(32..<40, with: $0) }
    }

    /// Changes a section's bytes and recomputes every checksum, as a hostile file would.
    static func forged(_ bytes: [UInt8], section tag: String, _ change: (inout ArraySlice<UInt8>) -> Void) -> [UInt8] {
        var bytes = bytes
        let index = sections(of: bytes).firstIndex { $0.tag == tag }!
        let section = sections(of: bytes)[index]
        change(&bytes[section.offset..<section.offset + section.length])
        let checksum = bytes[section.offset..<section.offset + section.length].withUnsafeBytes(SnapshotChecksum.of)
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(64 + index * 32 + 24..<64 + index * 32 + 32, with: $0) }
        resealHeader(&bytes)
        return bytes
    }

    @Test(
        "a forged file with valid checksums but an inconsistent adjacency or index is refused",
        arguments: ["AOUT", "AINC", "EFRM", "EREL", "NKND", "RANK", "AOOF", "IDTB"])
    func forgedStructure(tag: String) {
        let bytes = SnapshotWriter().bytes(for: Fixtures.indiaRussia)
        let forged = Self.forged(bytes, section: tag) { section in
            // Swap two 4-byte values far apart, or push one out of range.
            let first = section.startIndex, second = section.startIndex + (section.count / 8) * 4
            if tag == "IDTB" {
                for index in section.indices { section[index] = 0xFF }
            } else if tag == "NKND" || tag == "EREL" {
                section[first] = 0x7F
            } else {
                for offset in 0..<4 { section.swapAt(first + offset, second + offset) }
            }
        }
        let error = Self.open(forged)
        #expect(error?.isTruncationOrMalformation == true, "\(tag): \(String(describing: error))")
    }

    @Test("a section table entry outside the file, even with every checksum recomputed, is refused naming the section")
    func sectionOutOfBounds() {
        var bytes = SnapshotWriter().bytes(for: Fixtures.indiaRussia)
        let index = Self.sections(of: bytes).firstIndex { $0.tag == "NLBB" }!
        bytes[64 + index * 32 + 16 + 5] = 0x01  // the length, now about a terabyte
        let error = Self.open(SnapshotFormat.resealed(bytes))
        guard case .malformed(_, let problem)? = error?.reason else { Issue.record("\(String(describing: error))"); return }
        #expect(problem.hasPrefix("its node labels section (NLBB) lies outside the file"), "\(problem)")
    }

    @Test("two sections that overlap, with every checksum recomputed, are refused")
    func overlappingSections() {
        var bytes = SnapshotWriter().bytes(for: Fixtures.indiaRussia)
        let sections = Self.sections(of: bytes)
        let index = sections.firstIndex { $0.tag == "NSRC" }!
        let earlier = sections[index - 1].offset
        withUnsafeBytes(of: UInt64(earlier).littleEndian) { bytes.replaceSubrange(64 + index * 32 + 8..<64 + index * 32 + 16, with: $0) }
        let error = Self.open(SnapshotFormat.resealed(bytes))
        #expect(error?.isTruncationOrMalformation == true && error?.description.contains("overlap") == true, "\(String(describing: error))")
    }

    @Test("Graph(contentsOf:) opens a snapshot by its extension, and by its signature under another name")
    func contentsOf() throws {
        let folder = Scratch.root.appendingPathComponent("snapshot-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["graph.rgpack", "graph.yaml", "graph"] {
            let path = folder.appendingPathComponent(name).path
            try Fixtures.indiaRussia.writeSnapshot(to: path)
            #expect(try Graph(contentsOf: path) == Fixtures.indiaRussia, "\(name)")
        }
    }

    @Test("record offsets out of range read as empty records, never a trap")
    func recordOffsetsOutOfRange() throws {
        let bytes = SnapshotWriter().bytes(for: Fixtures.indiaRussia)
        let forged = Self.forged(bytes, section: "NLBO") { section in
            for index in section.indices.dropFirst(8).prefix(16) { section[index] = 0xEE }
        }
        // The ends of the first two records now point far past the labels' bytes.
        let graph = try Graph(snapshot: forged, name: "g.rgpack")
        #expect(graph.label(ofNode: NodeIndex(0)).isEmpty && graph.label(ofNode: NodeIndex(1)).isEmpty)
        #expect(graph.label(ofNode: NodeIndex(5)) == Fixtures.indiaRussia.label(ofNode: NodeIndex(5)))
        #expect(graph.nodes.count == Fixtures.indiaRussia.nodeCount)
    }
}

extension SnapshotError {
    var isTruncationOrMalformation: Bool {
        switch reason {
        case .truncated, .malformed: return true
        default: return false
        }
    }
}
