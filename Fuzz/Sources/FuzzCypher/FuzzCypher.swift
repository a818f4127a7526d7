// libFuzzer target: Cypher queries. Each input is the text of a query, asked of an empty graph
// and of the bundled India–Russia graph under a budget of one second and 100,000 rows. A
// query must answer (every row as wide as its columns, the same rows when asked again, JSON
// and text that render) or fail with a located error; a crash, or a query that runs past the
// budget without stopping (libFuzzer's per-input timeout), is a failure. Built only by
// `make fuzz` (see Fuzz/README.md).
import Foundation
import RelGraph

let graphs: [(name: String, graph: Graph)] = {
    var graphs: [(String, Graph)] = [("empty", Graph())]
    if let bundled = try? Graph(contentsOf: "Graphs/india-russia.yaml") { graphs.append(("india-russia", bundled)) }
    return graphs
}()

let limits = QueryLimits(timeLimit: .seconds(1), maximumRows: 100_000)

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= 4096, let query = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    let lines = query.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    for (name, graph) in graphs {
        do {
            let result = try graph.query(query, parameters: ["param": .integer(1)], limits: limits)
            for row in result.rows {
                check(row.count == result.columns.count, "\(name): a row of \(row.count) values for \(result.columns.count) columns: \(query)")
            }
            _ = result.json().serialized(indented: false)
            for row in result.rows { for value in row { _ = result.text(value) } }
            if let again = try? graph.query(query, parameters: ["param": .integer(1)], limits: limits) {
                check(again.rows == result.rows && again.columns == result.columns, "\(name): two runs differ: \(query)")
            }
        } catch {
            check(
                error.line >= 1 && error.line <= max(lines, 1) + 1 && error.column >= 1,
                "\(name): error outside the query (\(error.line):\(error.column)): \(query)")
            check(!error.message.isEmpty, "\(name): an error without a message: \(query)")
            _ = error.report(for: query)
        }
    }
    return 0
}
