// What every libFuzzer target shares: handing the process to libFuzzer's driver, and the
// round-trip check of the document decoders.
import RelGraph

/// Runs libFuzzer's driver over `argc`/`argv`, calling `body` with each input. SwiftPM links an
/// executable's `main` to `<module>_main`, so libFuzzer's own `main` never runs: each target's
/// `<module>_main` calls this instead.
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, body)
}

/// libFuzzer's driver (compiler-rt FuzzerDriver.cpp, `extern "C"`), linked by `-sanitize=fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Decodes `bytes`; a document that decodes must survive its own canonical form unchanged
/// in both syntaxes (a decoder bug that loses or invents data shows up as a crash here).
public func checkDocumentDecoding(_ bytes: UnsafeBufferPointer<UInt8>, syntax: GraphDocument.Syntax) {
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
