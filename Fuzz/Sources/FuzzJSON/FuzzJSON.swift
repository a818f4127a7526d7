// libFuzzer target: the JSON document decoder. Built only by `make fuzz` (see Fuzz/README.md).
import RelGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    checkDocumentDecoding(UnsafeBufferPointer(start: data, count: size), syntax: .json)
    return 0
}

/// Decodes `bytes`; a document that decodes must survive its own canonical form unchanged
/// in both syntaxes (a decoder bug that loses or invents data shows up as a crash here).
func checkDocumentDecoding(_ bytes: UnsafeBufferPointer<UInt8>, syntax: GraphDocument.Syntax) {
    guard let graph = try? GraphDocument.decode(bytes, syntax: syntax, fileName: "fuzz") else { return }
    for other in GraphDocument.Syntax.allCases {
        let text = DocumentWriter(syntax: other).document(for: graph)
        let again: Graph
        do {
            again = try GraphDocument.decode(text, syntax: other, fileName: "canonical")
        } catch {
            fatalError("the canonical \(other) form of a valid document does not decode: \(error)\n\(text)")
        }
        precondition(again == graph, "the canonical \(other) form decodes to another graph:\n\(text)")
    }
}
