import Foundation
import RelGraphTestSupport
import Testing

@testable import RelGraph
@testable import RelGraphCore

/// Each table a snapshot's columns index into (sources, kinds, relations) has N entries: index
/// N is one past the last, and a file that uses it (checksums recomputed, as a hostile file
/// would) is refused when it opens, not read until a command runs off the end of the table.
@Suite("Snapshot indices at the edge of their tables")
struct SnapshotBoundsTests {
    static let graph = Fixtures.indiaRussia
    static let bytes = SnapshotWriter().bytes(for: graph)

    /// The problem opening `bytes` reports, if it is refused as malformed.
    static func malformation(_ bytes: [UInt8]) -> String? {
        do {
            _ = try Graph(snapshot: bytes, name: "g.rgpack")
            return nil
        } catch {
            guard case .malformed(_, let problem) = error.reason else { return "not refused as malformed: \(error)" }
            return problem
        }
    }

    /// A node and an edge that name a source, so that changing theirs changes a real entry.
    static let sourcedNode = graph.nodeIndices.first { graph.node(at: $0).source != nil }!.position
    static let sourcedEdge = graph.edgeIndices.first { graph.edge(at: $0).source != nil }!.position

    @Test("a node whose source index is the number of sources is refused as malformed")
    func nodeSourcePastTheEnd() {
        let forged = SnapshotSurgery.setting("NSRC", element: Self.sourcedNode, to: Int32(Self.graph.sources.count), in: Self.bytes)
        #expect(Self.malformation(forged) == "a node's source is not among its sources")
    }

    @Test("an edge whose source index is the number of sources is refused as malformed")
    func edgeSourcePastTheEnd() {
        let forged = SnapshotSurgery.setting("ESRC", element: Self.sourcedEdge, to: Int32(Self.graph.sources.count), in: Self.bytes)
        #expect(Self.malformation(forged) == "an edge's source is not among its sources")
    }

    @Test("a node whose kind index is the number of kinds is refused as malformed")
    func kindPastTheEnd() {
        let forged = SnapshotSurgery.setting("NKND", element: 0, to: Int32(Self.graph.storage.kinds.count), in: Self.bytes)
        #expect(Self.malformation(forged) == "a node's kind is not in its table of kinds")
    }

    @Test("an edge whose relation index is the number of relations is refused as malformed")
    func relationPastTheEnd() {
        let forged = SnapshotSurgery.setting("EREL", element: 0, to: Int32(Self.graph.storage.relations.count), in: Self.bytes)
        #expect(Self.malformation(forged) == "an edge's end or relation is not in the graph")
    }

    @Test("a source index of -2 is refused; -1 means no source and opens")
    func sourceBelowTheStart() throws {
        #expect(
            Self.malformation(SnapshotSurgery.setting("NSRC", element: Self.sourcedNode, to: -2, in: Self.bytes)) == "a node's source is not among its sources")
        let unsourced = try Graph(snapshot: SnapshotSurgery.setting("NSRC", element: Self.sourcedNode, to: -1, in: Self.bytes), name: "g.rgpack")
        #expect(unsourced.node(at: NodeIndex(Self.sourcedNode)).source == nil)
    }

    @Test("the last source, kind and relation are valid indices: a file that uses them opens and reads them")
    func lastEntriesOpen() throws {
        let lastSource = Self.graph.sources.count - 1, lastKind = Self.graph.storage.kinds.count - 1
        var bytes = SnapshotSurgery.setting("NSRC", element: Self.sourcedNode, to: Int32(lastSource), in: Self.bytes)
        bytes = SnapshotSurgery.setting("NKND", element: 0, to: Int32(lastKind), in: bytes)
        let graph = try Graph(snapshot: bytes, name: "g.rgpack")
        #expect(graph.node(at: NodeIndex(Self.sourcedNode)).source == Self.graph.sources[lastSource].id)
        #expect(graph.node(at: NodeIndex(0)).kind == Self.graph.storage.kinds.values[lastKind])
    }
}
