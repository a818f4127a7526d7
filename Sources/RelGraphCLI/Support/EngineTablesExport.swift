import ArgumentParser
import Foundation
import RelGraph

/// `export --to jsonl|parquet -o FOLDER`: the engine tables. JSON Lines are written here
/// (``JSONLinesWriter``); Parquet by `relgraph-spark convert`, which turns such a folder into
/// Parquet part files with pyarrow (typed columns, dates as dates).
struct EngineTablesExport {
    var folder: String
    var language: String

    func write(_ graph: Graph, parquet: Bool) throws {
        let writer = JSONLinesWriter(language: language)
        guard parquet else {
            do throws(OutputError) {
                try writer.write(graph, toFolder: folder)
            } catch {
                throw CommandFailure(error)
            }
            return
        }
        guard let engine = SparkEngine.locate() else {
            throw CommandFailure(
                SparkEngine.missingMessage.replacingOccurrences(of: "--engine spark needs", with: "--to parquet needs"),
                code: ExitCode(SparkEngine.unavailable))
        }
        let url = URL(fileURLWithPath: folder)
        let staging = "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).relgraph-jsonl-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: staging) }
        do throws(OutputError) {
            try writer.write(graph, toFolder: staging)
        } catch {
            throw CommandFailure(error)
        }
        let status = SparkEngine.run(engine, ["convert", staging, "--to", "parquet", "-o", folder])
        guard status == 0 else { throw ExitCode(status) }
    }
}
