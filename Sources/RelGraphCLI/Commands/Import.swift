import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read DOT, GraphML, GEXF, a neo4j-csv folder or Neo4j bulk-import CSV and write a graph document.",
        discussion: """
            relgraph import FILE -o OUT reads any FILE format (a document, .dot/.gv, .graphml, .gexf, a neo4j-csv folder; \
            - with --from for standard input). relgraph import --nodes ... --relationships ... -o OUT reads Neo4j \
            bulk-import CSV exactly as 'neo4j-admin database import full' takes it: --nodes [LABEL[:LABEL]...=]FILES and \
            --relationships [TYPE=]FILES repeat, FILES is a comma-separated list whose first file's first line is the \
            header (it may be a header-only file). DOT nodes without a 'kind' get --default-kind, edges without a \
            'relation' get --default-relation (symmetric in an undirected graph). The document's syntax follows the extension of -o (.yaml, .yml or .json); \
            without -o, YAML goes to standard output.
            """)

    @Argument(help: "A document, DOT, GraphML or GEXF file, or a neo4j-csv folder (- for standard input).") var file: String?
    @Option(help: "The format of FILE where its name does not say: \(ReadableFormat.names).") var from: ReadableFormat?
    @Option(name: .shortAndLong, help: "The document to write (- for standard output).") var output: String?
    @Option(help: "The kind of DOT nodes without one.") var defaultKind = NodeKind.actor.rawValue
    @Option(help: "The relation of DOT edges without one.") var defaultRelation = "linked-to"
    @Option(parsing: .singleValue, help: "Neo4j node files: [LABEL[:LABEL]...=]FILE[,FILE]... (repeatable).") var nodes: [String] = []
    @Option(parsing: .singleValue, help: "Neo4j relationship files: [TYPE=]FILE[,FILE]... (repeatable).") var relationships: [String] = []
    @Option(help: "Field delimiter of the CSV files (also of a neo4j-csv FILE folder): one character, \\t / TAB, or U+XXXX (default ,).") var delimiter: String?
    @Option(help: "Delimiter of array elements: one character or U+XXXX (default ;).") var arrayDelimiter: String?
    @Option(help: "Quote character: one character or U+XXXX (default \").") var quote: String?
    @Option(help: "string or integer (any case): how node ids compare (default string).") var idType = "string"
    @Flag(help: "Keep the first of nodes with the same id instead of failing (=true/=false as neo4j-admin).") var skipDuplicateNodes = false
    @Flag(help: "Leave out relationships to missing nodes instead of failing (=true/=false as neo4j-admin).") var skipBadRelationships = false
    @Flag(help: "Accepted as neo4j-admin takes it: quoted fields may always span lines.") var multilineFields = false
    @OptionGroup var time: AsOfOptions

    func validate() throws {
        guard Identifier.isValid(defaultKind) else { throw ValidationError("--default-kind '\(defaultKind)' is not an id") }
        guard Identifier.isValid(defaultRelation) else { throw ValidationError("--default-relation '\(defaultRelation)' is not an id") }
        if nodes.isEmpty {
            guard file != nil else { throw ValidationError("name a FILE to import, or Neo4j CSV files with --nodes (and --relationships)") }
            guard relationships.isEmpty else { throw ValidationError("--relationships needs --nodes: neo4j-admin reads nodes first") }
        } else if file != nil {
            throw ValidationError("give either FILE or --nodes/--relationships, not both")
        }
        for (name, value) in [("--delimiter", delimiter), ("--array-delimiter", arrayDelimiter), ("--quote", quote)] {
            if let value, CSVDialect.character(value) == nil {
                throw ValidationError("\(name) '\(value)' is not one character (use \\t or TAB for a tab, U+XXXX for a code point)")
            }
        }
        guard ["string", "integer", "actual"].contains(idType.lowercased()) else {
            throw ValidationError("--id-type is string or integer, not '\(idType)'")
        }
    }

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try CommandFailure.reporting(progress: progress) {
            let documents: [GraphFormat] = [.yaml, .json]
            var document = GraphFormat.yaml
            if let fileExtension = Output.fileExtension(output) {
                guard let named = GraphFormats.relgraph.format(forExtension: fileExtension, among: documents) else {
                    throw CommandFailure("error: write the document as .yaml, .yml or .json, not .\(fileExtension)", code: CommandFailure.usage)
                }
                document = named
            }
            var graph: Graph
            if let file {
                var options = ReadOptions()
                options.defaultKind = NodeKind(defaultKind)
                options.defaultRelation = defaultRelation
                graph = try neo4jSettingsGiven && isFolder(file) ? neo4jImport(folder: file) : GraphInput.load(file, from: from, options: options)
            } else {
                graph = try neo4jImport()
            }
            graph = try time.graph(graph)
            guard case .file(let write)? = document.writer else { preconditionFailure("documents are written as files") }
            try Output.write(to: output) { file in _ = write(graph, WriteOptions(), &file) }
        }
    }

    /// Whether a neo4j-admin setting (delimiter, quote, id type, what to skip) was given.
    private var neo4jSettingsGiven: Bool {
        delimiter != nil || arrayDelimiter != nil || quote != nil || idType.lowercased() != "string" || skipDuplicateNodes || skipBadRelationships
    }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return (from == nil || from?.format.name == GraphFormat.neo4jCSV.name) && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// neo4j-admin writes its boolean options `--skip-bad-relationships=true` too; ArgumentParser's
    /// flags take no value, so for `import`, `--FLAG=true` becomes `--FLAG` and `--FLAG=false` goes.
    static func neo4jAdminForms(_ arguments: [String]) -> [String] {
        guard arguments.first == "import" else { return arguments }
        let flags = ["--skip-bad-relationships", "--skip-duplicate-nodes", "--multiline-fields"]
        return arguments.compactMap { argument in
            guard let flag = flags.first(where: { argument.hasPrefix($0 + "=") }) else { return argument }
            switch argument.dropFirst(flag.count + 1).lowercased() {
            case "true": return flag
            case "false": return nil
            default: return argument
            }
        }
    }

    private func neo4jImport(folder: String? = nil) throws -> Graph {
        var request = Neo4jImport()
        request.nodeGroups = nodes.map(Neo4jImport.NodeGroup.init(argument:))
        request.relationshipGroups = relationships.map(Neo4jImport.RelationshipGroup.init(argument:))
        if let delimiter { request.dialect.delimiter = CSVDialect.character(delimiter)! }
        if let arrayDelimiter { request.dialect.arrayDelimiter = CSVDialect.character(arrayDelimiter)! }
        if let quote { request.dialect.quote = CSVDialect.character(quote)! }
        request.integerIDs = idType.lowercased() == "integer"
        request.skipDuplicateNodes = skipDuplicateNodes
        request.skipBadRelationships = skipBadRelationships
        do throws(GraphLoadError) {
            let result = if let folder { try Neo4jCSV.read(folder: folder, settings: request) } else { try request.read() }
            for warning in result.warnings { Console.error(Phrasing.diagnostic(warning)) }
            return result.graph
        } catch {
            throw CommandFailure(error)
        }
    }
}
