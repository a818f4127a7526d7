// libFuzzer target: GraphML import (the streaming XML tokenizer and the GraphML reader). A file
// that reads must be a valid graph whose canonical document reads back the same, and whose own
// GraphML export reads back as the same graph. Built only by `make fuzz` (see Fuzz/README.md).
import RelGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let imported = try? GraphMLReader().read(bytes, fileName: "fuzz.graphml") else { return 0 }
    let graph = imported.graph
    let text = DocumentWriter(syntax: .json).document(for: graph)
    guard let again = try? GraphDocument.decode(text, syntax: .json, fileName: "canonical") else {
        fatalError("a graph read from GraphML has a document that does not decode:\n\(text)")
    }
    precondition(again == graph, "a graph read from GraphML has a document that decodes to another graph:\n\(text)")
    let exported = GraphMLWriter().document(for: graph)
    let reread: ImportedGraph
    do throws(GraphLoadError) {
        reread = try GraphMLReader().read(Array(exported.utf8), fileName: "exported.graphml")
    } catch {
        fatalError("RelGraph's GraphML export of a graph read from GraphML does not read back: \(error)\n\(exported)")
    }
    precondition(reread.graph == graph, "RelGraph's GraphML export reads back as another graph:\n\(exported)\nfrom\n\(text)")
    return 0
}
