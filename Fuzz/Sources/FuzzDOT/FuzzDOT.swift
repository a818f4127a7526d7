// libFuzzer target: DOT import through the Graphviz bridge (cgraph's parser, under the lock,
// then the mapping to RelGraph's model). Built only by `make fuzz` (see Fuzz/README.md).
import RelGraph
import RelGraphGraphviz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let imported = try? DOTImporter().read(bytes, fileName: "fuzz.dot") else { return 0 }
    // What was imported is a valid graph: its canonical document must read back the same.
    let text = DocumentWriter(syntax: .json).document(for: imported.graph)
    guard let again = try? GraphDocument.decode(text, syntax: .json, fileName: "canonical") else {
        fatalError("an imported graph's document does not decode:\n\(text)")
    }
    precondition(again == imported.graph, "an imported graph's document decodes to another graph:\n\(text)")
    return 0
}
