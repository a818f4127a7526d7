import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

/// Reading the FILE argument and resolving NODE arguments.
enum GraphInput {
    /// The formats FILE may be in; `--from` names one where the file's name does not.
    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case yaml, json, dot, graphml
        case neo4jCSV = "neo4j-csv"
        case rgpack

        /// The format a path's extension names, if any.
        init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "yaml", "yml": self = .yaml
            case "json": self = .json
            case "dot", "gv": self = .dot
            case "graphml", "xml": self = .graphml
            case "rgpack": self = .rgpack
            default: return nil
            }
        }
    }

    /// Reads a graph document, DOT file, GraphML file or neo4j-csv folder; `-` is standard
    /// input and needs `format`. Warnings go to stderr; a long read shows its progress.
    static func load(_ path: String, from format: Format? = nil, dot: DOTImporter = DOTImporter()) throws -> Graph {
        let name = path == "-" ? "standard input" : path
        // Graphviz reads DOT itself: only the time can be shown.
        let counting = format ?? Format(path: path) != .dot
        return try ProgressLine.tracking("reading \(name)", total: path == "-" ? nil : byteCount(of: path), counting: counting) {
            try loadShowingNoProgress(path, from: format, dot: dot)
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

    private static func loadShowingNoProgress(_ path: String, from format: Format?, dot: DOTImporter) throws -> Graph {
        if path == "-" {
            guard let format else {
                throw CommandFailure("error: FILE '-' reads standard input; name its format with --from yaml, json, dot, graphml or rgpack", code: CommandFailure.usage)
            }
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            return try decode(bytes, format: format, fileName: "<stdin>", dot: dot)
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard exists else { throw CommandFailure(GraphLoadError.fileNotFound(path: path)) }
        let resolved: Format
        if let format {
            resolved = format
        } else if isDirectory.boolValue {
            resolved = .neo4jCSV
        } else if GraphDocument.isSnapshot(path) {
            // A snapshot is known by its first bytes whatever its name.
            resolved = .rgpack
        } else if let known = Format(path: path) {
            resolved = known
        } else {
            throw CommandFailure(
                "\(path): error: unknown file type; RelGraph reads .yaml, .yml and .json documents, .dot and .gv files, .graphml files, .rgpack snapshots and neo4j-csv folders; name the format with --from",
                code: CommandFailure.usage)
        }
        switch resolved {
        case .rgpack:
            do {
                return try GraphDocument.readSnapshot(path)
            } catch {
                throw CommandFailure(error)
            }
        case .dot:
            do throws(DOTImportError) {
                let imported = try dot.importing(contentsOf: path)
                for warning in imported.warnings { Console.error(warning) }
                return imported.graph
            } catch {
                throw CommandFailure(error)
            }
        case .graphml:
            do throws(GraphLoadError) {
                let imported = try GraphMLReader().importing(contentsOf: path)
                for warning in imported.warnings { Console.error(warning) }
                return imported.graph
            } catch {
                throw CommandFailure(error)
            }
        case .neo4jCSV:
            guard isDirectory.boolValue else {
                throw CommandFailure("\(path): error: neo4j-csv is a folder; for single files use 'relgraph import --nodes FILES --relationships FILES'", code: CommandFailure.usage)
            }
            do throws(GraphLoadError) {
                let imported = try Neo4jCSV.importing(folder: path)
                for warning in imported.warnings { Console.error(warning) }
                return imported.graph
            } catch {
                throw CommandFailure(error)
            }
        case .yaml, .json:
            if format != nil, Format(path: path) != resolved {
                // A document under another name: read its bytes with the named syntax.
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure(GraphLoadError.unreadable(path: path, reason: "cannot read it"))
                }
                return try decode([UInt8](data), format: resolved, fileName: path, dot: dot)
            }
            do {
                return try GraphDocument.read(contentsOf: path)
            } catch {
                throw CommandFailure(error)
            }
        }
    }

    /// Decodes bytes already in memory (standard input, or a file named with `--from`).
    private static func decode(_ bytes: [UInt8], format: Format, fileName: String, dot: DOTImporter) throws -> Graph {
        switch format {
        case .rgpack:
            do throws(SnapshotError) {
                return try Graph(snapshot: bytes, name: fileName)
            } catch {
                throw CommandFailure(error.description, code: CommandFailure.invalidInput)
            }
        case .yaml, .json:
            do throws(DocumentError) {
                return try GraphDocument.decode(bytes, syntax: format == .json ? .json : .yaml, fileName: fileName)
            } catch {
                throw CommandFailure(GraphLoadError.invalidDocument(error))
            }
        case .dot:
            do throws(DOTImportError) {
                let imported = try dot.importing(bytes, fileName: fileName)
                for warning in imported.warnings { Console.error(warning) }
                return imported.graph
            } catch {
                throw CommandFailure(error)
            }
        case .graphml:
            do throws(GraphLoadError) {
                let imported = try GraphMLReader().importing(bytes, fileName: fileName)
                for warning in imported.warnings { Console.error(warning) }
                return imported.graph
            } catch {
                throw CommandFailure(error)
            }
        case .neo4jCSV:
            throw CommandFailure("error: neo4j-csv is a folder of files and cannot come from standard input; name the folder, or use 'relgraph import --nodes FILES --relationships FILES'", code: CommandFailure.usage)
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

extension CommandFailure {
    init(_ error: DOTImportError) {
        switch error {
        case .unreadable: self.init(error.description, code: Self.missingInput)
        case .invalid: self.init(error.description, code: Self.invalidInput)
        }
    }

    /// 73 when the output cannot be created, 74 when writing it failed; a closed pipe ends
    /// the program quietly, as the contract says.
    init(_ error: OutputError) {
        switch error {
        case .cannotCreate: self.init(error.description, code: Self.cannotCreate)
        case .cannotWrite: self.init(error.description, code: Self.cannotWrite)
        case .closedPipe: Console.exit(after: error)
        }
    }

    init(_ error: GraphvizError) {
        self.init(error.description, code: Self.graphvizFailure)
    }
}

extension PartialDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Direction: ExpressibleByArgument {}
