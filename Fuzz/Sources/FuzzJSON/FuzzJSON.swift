// libFuzzer target: the JSON document decoder. The input is decoded whole (and its canonical
// forms checked, see checkDocumentDecoding), then again as a large file is: cut into ranges of
// a few bytes at line feeds (the input's length decides how many), its lists' elements read
// from guessed starts; that must give the same graph or the same messages. Built only by
// `make fuzz` (see Fuzz/README.md).
import FuzzSupport
import RelGraph
@_spi(Testing) import RelGraphDocument

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    checkDocumentDecoding(bytes, syntax: .json)
    let whole: Result<Graph, DocumentError>
    do throws(DocumentError) { whole = .success(try GraphDocument.decode(bytes, syntax: .json, fileName: "fuzz.json")) } catch { whole = .failure(error) }
    let rangeBytes = 1 + size % 13
    let ranged: Result<Graph, DocumentError>
    do throws(DocumentError) { ranged = .success(try GraphDocument.decodeJSON(bytes, fileName: "fuzz.json", rangeBytes: rangeBytes)) } catch {
        ranged = .failure(error)
    }
    switch (whole, ranged) {
    case (.success(let a), .success(let b)): precondition(a == b, "ranges of \(rangeBytes) bytes read another graph")
    case (.failure(let a), .failure(let b)): precondition(a.description == b.description, "ranges of \(rangeBytes) bytes report otherwise:\n\(a)\n\(b)")
    default: preconditionFailure("ranges of \(rangeBytes) bytes: \(whole) but \(ranged)")
    }
    return 0
}
