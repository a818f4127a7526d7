import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

/// Reading the FILE argument and resolving NODE arguments.
enum GraphInput {
    /// Reads a graph document, DOT file or neo4j-csv folder.
    static func load(_ path: String) throws -> Graph {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if fileExtension == "dot" || fileExtension == "gv" {
            do throws(DOTImportError) {
                let imported = try DOTImporter().importing(contentsOf: path)
                for warning in imported.warnings { Console.error(warning) }
                return imported.graph
            } catch {
                throw CommandFailure(error)
            }
        }
        do {
            return try GraphDocument.read(contentsOf: path)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The node a user means by `name`; unknown or ambiguous names fail with exit code 65.
    static func resolve(_ name: String, in graph: Graph) throws -> Int {
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
