import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

extension GraphFormats {
    /// The formats `relgraph` reads and writes: the library's, DOT through Graphviz, and the
    /// engine tables (`jsonl`, and `parquet` through relgraph-spark's converter).
    static let relgraph = GraphFormats.library.adding(.dot).adding(.jsonl).adding(.parquet)
}

/// A format `--from` names: one `relgraph` reads.
struct ReadableFormat: ExpressibleByArgument, Sendable {
    let format: GraphFormat

    init?(argument: String) {
        guard let format = GraphFormats.relgraph[argument], format.reader != nil else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { GraphFormats.relgraph.readable.map(\.name) }
    /// "yaml, json, …, neo4j-csv or rgpack", for help texts.
    static var names: String { TerminalText.list(allValueStrings, conjunction: "or") }
}

/// A format `--to` names: one `relgraph` writes.
struct WritableFormat: ExpressibleByArgument, Sendable {
    let format: GraphFormat

    init?(argument: String) {
        guard let format = GraphFormats.relgraph[argument], format.writer != nil else { return nil }
        self.format = format
    }

    init(_ format: GraphFormat) { self.format = format }

    static var allValueStrings: [String] { GraphFormats.relgraph.writable.map(\.name) }
    static var names: String { TerminalText.list(allValueStrings, conjunction: "or") }
}

/// Reading the FILE argument and resolving NODE arguments.
enum GraphInput {
    /// Reads FILE in the format `--from` names, else in the one its content or name shows;
    /// `-` is standard input and needs `--from`. Warnings go to stderr; a long read shows
    /// its progress.
    static func load(_ path: String, from named: ReadableFormat? = nil, options: ReadOptions = ReadOptions()) throws -> Graph {
        let formats = GraphFormats.relgraph
        if path == "-" {
            guard let format = named?.format else {
                throw CommandFailure("error: FILE '-' reads standard input; name its format with --from \(ReadableFormat.names)", code: CommandFailure.usage)
            }
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            return try graph { () throws(GraphLoadError) in try formats.read(bytes: bytes, as: format, fileName: "<stdin>", options: options) }
        }
        var format: GraphFormat
        if let named {
            format = named.format
        } else {
            do throws(GraphLoadError) {
                format = try formats.format(ofContentAt: path)
            } catch {
                throw CommandFailure(error)
            }
        }
        return try ProgressLine.tracking("reading \(path)", total: byteCount(of: path), counting: format.reader?.countsProgress ?? false) {
            try graph { () throws(GraphLoadError) in try formats.read(path: path, as: format, options: options) }
        }
    }

    /// The graph `read` imports, its warnings on stderr; its failure as a command's.
    private static func graph(_ read: () throws(GraphLoadError) -> ImportedGraph) throws -> Graph {
        do throws(GraphLoadError) {
            let imported = try read()
            for warning in imported.warnings { Console.error(Phrasing.diagnostic(warning)) }
            return imported.graph
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The bytes in a file, or in the files of a folder.
    private static func byteCount(of path: String) -> Int? {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: path) else { return nil }
        guard attributes[.type] as? FileAttributeType == .typeDirectory else { return (attributes[.size] as? NSNumber)?.intValue }
        let files = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        return files.reduce(0) { total, file in
            total + (((try? manager.attributesOfItem(atPath: path + "/" + file))?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    /// The node a user means by `name`; unknown or ambiguous names fail with exit code 65.
    static func resolve(_ name: String, in graph: Graph) throws -> NodeIndex {
        switch graph.lookUpNode(name) {
        case .found(let node):
            return node
        case .ambiguous(let nodes):
            let candidates = nodes.map { "  \(graph.id(ofNode: $0))\t\(graph.displayName(ofNode: $0, in: "en"))" }
            throw CommandFailure(
                "error: '\(name)' is the label of \(nodes.count) nodes; name one by its id:\n" + candidates.joined(separator: "\n"),
                code: CommandFailure.invalidInput)
        case .notFound(let suggestion):
            throw CommandFailure(
                "error: no node has the id or label '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                code: CommandFailure.invalidInput)
        }
    }
}

extension PartialDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Direction: ExpressibleByArgument {}
