// libFuzzer target: the rgpack snapshot opener. Built only by `make fuzz` (see Fuzz/README.md).
//
// The first byte picks how the rest is read: odd, its checksums are recomputed first (as a
// forged file would have them), so mutations reach the structural checks and the lazily
// decoded records; even, it is opened as it is. A snapshot that opens is read whole, queried,
// and written again: the new snapshot must open as an equal graph.
import RelGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    var bytes = [UInt8](UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 1 { bytes = SnapshotFormat.resealed(bytes) }
    guard let graph = try? Graph(snapshot: bytes, name: "fuzz.rgpack") else { return 0 }
    // Every value decodes, every id is found, every query runs.
    var traversal = Traversal(graph)
    for node in graph.nodeIndices {
        _ = graph.node(at: node)
        _ = graph.index(ofNode: graph.id(ofNode: node))
        _ = traversal.neighbors(of: node)
        _ = traversal.reach(from: node, depth: 2)
        _ = traversal.shortestPath(from: node, to: NodeIndex(graph.nodeCount - 1 - node.position))
    }
    for edge in graph.edgeIndices { _ = graph.edge(at: edge) }
    _ = GraphView(graph).weakComponents().members
    _ = GraphView(graph).statistics()
    let again = SnapshotWriter().bytes(for: graph)
    guard let reopened = try? Graph(snapshot: again, name: "again.rgpack") else {
        fatalError("a snapshot written from an opened snapshot does not open")
    }
    precondition(reopened == graph, "a snapshot written from an opened snapshot opens as another graph")
    return 0
}
