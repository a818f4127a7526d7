// libFuzzer target: reading a neo4j-csv folder. The input is split at the first line
// `=====` into nodes.csv and relationships.csv, written into a private folder, and read with
// `Neo4jCSV.read(folder:)` as the CLI does; then read again cut into ranges of a few bytes (the
// input's length decides how many) and through the general path only, which must give the same
// graph or the same messages. Built only by `make fuzz` (see Fuzz/README.md).
import Foundation
import RelGraph
@_spi(Testing) import RelGraphInterchange

/// One folder per fuzzing process, reused for every input and removed when the process exits.
nonisolated(unsafe) let folder: String = {
    var template = Array("\(NSTemporaryDirectory())/relgraph-fuzz-neo4j-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
    atexit { try? FileManager.default.removeItem(atPath: folder) }
    return String(cString: made)
}()

let separator = Array("\n=====\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var cut = bytes.count
    if bytes.count >= separator.count {
        for start in 0...(bytes.count - separator.count) where bytes[start..<start + separator.count].elementsEqual(separator) {
            cut = start
            break
        }
    }
    let nodes = Data(bytes[..<cut]), relationships = Data(bytes[min(cut + separator.count, bytes.count)...])
    guard FileManager.default.createFile(atPath: "\(folder)/\(Neo4jCSV.nodesFile)", contents: nodes),
        FileManager.default.createFile(atPath: "\(folder)/\(Neo4jCSV.relationshipsFile)", contents: relationships)
    else { fatalError("cannot write into \(folder)") }
    let whole: Result<Graph, GraphLoadError>
    do throws(GraphLoadError) { whole = .success(try Neo4jCSV.read(folder: folder).graph) } catch { whole = .failure(error) }
    // Ranges cut anywhere (inside quoted fields, between CR and LF) read as the whole file does.
    var request = Neo4jImport()
    request.nodeGroups = [.init(files: ["\(folder)/\(Neo4jCSV.nodesFile)"])]
    request.relationshipGroups = [.init(files: ["\(folder)/\(Neo4jCSV.relationshipsFile)"])]
    request.chunkBytes = 1 + size % 13
    request.readsPlainRecordsDirectly = size % 2 == 0
    let ranged: Result<Graph, GraphLoadError>
    do throws(GraphLoadError) { ranged = .success(try request.read().graph) } catch { ranged = .failure(error) }
    switch (whole, ranged) {
    case (.success(let a), .success(let b)): precondition(a == b, "ranges of \(request.chunkBytes) bytes read another graph")
    case (.failure(let a), .failure(let b)): precondition("\(a)" == "\(b)", "ranges of \(request.chunkBytes) bytes report otherwise:\n\(a)\n\(b)")
    default: preconditionFailure("ranges of \(request.chunkBytes) bytes: \(whole) but \(ranged)")
    }
    guard case .success(let graph) = whole else { return 0 }
    // A graph read from CSV is valid: its canonical document must read back the same.
    let text = DocumentWriter(syntax: .json).document(for: graph)
    guard let again = try? GraphDocument.decode(text, syntax: .json, fileName: "canonical") else {
        fatalError("a graph read from CSV has a document that does not decode:\n\(text)")
    }
    precondition(again == graph, "a graph read from CSV has a document that decodes to another graph:\n\(text)")
    return 0
}
