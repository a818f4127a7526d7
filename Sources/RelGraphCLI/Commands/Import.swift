import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read DOT (.dot, .gv) or a neo4j-csv folder and write a graph document.",
        discussion: """
            DOT is parsed by Graphviz itself. Nodes without a 'kind' get --default-kind, edges without a \
            'relation' get --default-relation (symmetric in an undirected graph). The document's syntax follows \
            the extension of -o (.yaml, .yml or .json); without -o, YAML goes to standard output.
            """)

    @Argument(help: "A DOT file or a neo4j-csv folder.") var file: String
    @Option(name: .shortAndLong, help: "The document to write (- for standard output).") var output: String?
    @Option(help: "The kind of DOT nodes without one.") var defaultKind = NodeKind.actor.rawValue
    @Option(help: "The relation of DOT edges without one.") var defaultRelation = "linked-to"

    func validate() throws {
        guard Identifier.isValid(defaultKind) else { throw ValidationError("--default-kind '\(defaultKind)' is not an id") }
        guard Identifier.isValid(defaultRelation) else { throw ValidationError("--default-relation '\(defaultRelation)' is not an id") }
    }

    func run() throws {
        try CommandFailure.reporting {
            let syntax: GraphDocument.Syntax
            if let fileExtension = Output.fileExtension(output) {
                guard let known = GraphDocument.Syntax(fileExtension: fileExtension) else {
                    throw CommandFailure("error: write the document as .yaml, .yml or .json, not .\(fileExtension)", code: CommandFailure.usage)
                }
                syntax = known
            } else {
                syntax = .yaml
            }
            let graph: Graph
            let fileExtension = (file as NSString).pathExtension.lowercased()
            if fileExtension == "dot" || fileExtension == "gv" {
                var importer = DOTImporter()
                importer.defaultKind = NodeKind(defaultKind)
                importer.defaultRelation = defaultRelation
                do throws(DOTImportError) {
                    let imported = try importer.importing(contentsOf: file)
                    for warning in imported.warnings { Console.error(warning) }
                    graph = imported.graph
                } catch {
                    throw CommandFailure(error)
                }
            } else {
                graph = try GraphInput.load(file)
            }
            try Output.write(to: output) { sink in DocumentWriter(syntax: syntax).write(graph, to: &sink) }
        }
    }
}
