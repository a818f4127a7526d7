import ArgumentParser
import RelGraph
import RelGraphGraphviz

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph through Graphviz, in process, as SVG, PNG, PDF or laid-out DOT.",
        discussion: """
            The format follows --format, else the extension of -o, else SVG; when both are given they must agree. \
            Without -o (or with -o -) the drawing goes to standard output. --focus draws the nodes within --depth \
            hops of a node; --highlight draws the whole graph with the shortest path between two nodes emphasised.

            Without --layout the engine is chosen by size: dot up to 1,100 nodes and edges (with edge labels up to \
            450), sfdp up to 8,000; larger drawings are refused. Large drawings keep relation labels in tooltips \
            and bound Graphviz's iterations, so that every accepted drawing takes seconds, not minutes.
            """)

    @OptionGroup var input: GraphFileOptions
    @Option(name: .shortAndLong, help: "Where to write the drawing (- for standard output).") var output: String?
    @Option(name: [.long, .customShort("T", allowingJoined: true)], help: "svg, png, pdf, dot, xdot or html (the interactive page); -Tsvg as in Graphviz.")
    var format: OutputFormat?
    @Option(
        name: [.long, .customShort("K", allowingJoined: true)], help: "dot, neato, fdp, sfdp, circo or twopi (default: chosen by size); -Kneato as in Graphviz."
    )
    var layout: LayoutEngine?
    @Option(help: "Language of labels.") var lang = "en"
    @Option(help: "Draw only the nodes near this one (id or label).") var focus: String?
    @Option(help: "With --focus: how many hops around it (default 1).") var depth: Int?
    @Option(parsing: .upToNextOption, help: "FROM TO: emphasise the shortest path between two nodes.") var highlight: [String] = []
    @Option(name: .customLong("kind"), help: "Draw only nodes of this kind (repeatable).") var kinds: [String] = []
    @Option(help: "Draw only the nodes, relationships and paths this Cypher query returns.") var query: String?
    @OptionGroup var filter: FilterOptions
    @Flag(help: "Group nodes into one box per kind.") var clusters = false
    @Flag(inversion: .prefixedNo, help: "Draw a legend of the kinds.") var legend = true
    @Flag(help: "Draw every node and edge in RelGraph's style, ignoring the look a DOT file gave them (shape, colours, style, arrows).") var relgraphStyle =
        false
    @Flag(help: "Keep nodes that --kind, --relation or --as-of leave without edges.") var keepIsolated = false
    @Option(help: "Resolution of PNG output, in dots per inch (default 96).") var dpi: Int?
    @Option(
        help:
            "auto (labels where the drawing stays readable, else each relation its own line colour and dash), always or never: the relation and dates as text on each line."
    )
    var edgeLabels: DOTDrawing.EdgeLabels = .automatic

    func validate() throws {
        guard highlight.isEmpty || highlight.count == 2 else { throw ValidationError("--highlight takes two nodes: FROM TO") }
        if let depth {
            guard focus != nil else { throw ValidationError("--depth goes with --focus NODE: it says how many hops around NODE to draw") }
            guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
        }
        if let dpi, !(24...1200).contains(dpi) { throw ValidationError("--dpi must be between 24 and 1200") }
        if let format, let fileExtension = Output.fileExtension(output), let named = OutputFormat(fileExtension: fileExtension), named != format {
            throw ValidationError("--format \(format.rawValue) does not match -o's extension .\(fileExtension); use one or make them agree")
        }
    }

    func run() throws {
        try CommandFailure.reporting(progress: input.progress) {
            let format = try resolvedFormat()
            let scope = try QueryScope(input: input, filter: filter, kinds: kinds)
            let graph = scope.graph
            var view = scope.view
            if let query {
                let result = try CypherRunner.run(query, on: view, language: lang, limits: QueryLimitOptions.defaults)
                guard !result.rows.isEmpty else { throw CommandFailure("the query matches nothing to draw", code: CommandFailure.nothingFound) }
                view = view.restricted(to: result)
            }
            var drawing = DOTDrawing(language: lang)
            drawing.clustersByKind = clusters
            drawing.showsLegend = legend
            drawing.keepsOwnStyle = !relgraphStyle
            drawing.edgeLabels = edgeLabels
            if format == .png { drawing.dpi = dpi }
            if let focus {
                let center = try scope.node(focus)
                drawing.focus = center
                var traversal = Traversal(view)
                view = view.restricted(to: traversal.reach(from: center, depth: depth ?? 1).map(\.node))
            }
            if !keepIsolated { view = view.droppingNodesIsolatedByFilter(keeping: Set(drawing.focus.map { [$0] } ?? [])) }
            if highlight.count == 2 {
                let from = try scope.node(highlight[0]), to = try scope.node(highlight[1])
                var traversal = Traversal(view)
                guard let path = traversal.shortestPath(from: from, to: to) else {
                    throw CommandFailure(
                        "no path from '\(graph.id(ofNode: from))' to '\(graph.id(ofNode: to))' to highlight", code: CommandFailure.nothingFound)
                }
                drawing.highlight = path
            }
            do throws(LayoutBudgetError) {
                try drawing.plan(for: view, requested: layout)
            } catch {
                throw CommandFailure(error)
            }
            let rendering = try ProgressLine.tracking("drawing with \(drawing.layout.rawValue)", counting: false) {
                do throws(GraphvizError) {
                    return format == .html
                        ? try page(of: view, drawing: drawing)
                        : try GraphvizRenderer().render(view, drawing: drawing, format: format)
                } catch {
                    throw CommandFailure(error)
                }
            }
            if edgeLabels == .always, !drawing.showsEdgeLabels {
                Console.error(
                    "warning: \(view.nodeIndices.count + view.edgeIndices.count) nodes and edges are too many to label every edge (at most \(LayoutBudget.labelledLimit)); relations are told by line colour and dash"
                )
            }
            for warning in rendering.warnings { Console.error("warning: graphviz: \(warning)") }
            Self.warn(missingGlyphs: rendering.missingGlyphs)
            try Output.write(bytes: rendering.data, to: output)
        }
    }

    /// One warning per text with characters no installed font draws (the first few texts, then
    /// how many more), naming the Debian package whose fonts draw them.
    static func warn(missingGlyphs: [MissingGlyphs], shown: Int = 8) {
        for missing in missingGlyphs.prefix(shown) {
            let codes = missing.characters.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
            Console.error(
                "warning: no installed font draws \"\(missing.characters)\" (\(codes)) in \"\(missing.text)\": it shows as empty boxes; install \(missing.fontPackage) (apt-get install \(missing.fontPackage))"
            )
        }
        if missingGlyphs.count > shown {
            let packages = Set(missingGlyphs.map(\.fontPackage)).sorted().joined(separator: " ")
            Console.error("warning: and \(missingGlyphs.count - shown) more texts no installed font draws; install \(packages)")
        }
    }

    private func resolvedFormat() throws -> OutputFormat {
        if let format { return format }
        guard let fileExtension = Output.fileExtension(output) else { return .svg }
        guard let format = OutputFormat(fileExtension: fileExtension) else {
            throw CommandFailure(
                "error: cannot tell the format from '.\(fileExtension)'; use --format svg, png, pdf, dot, xdot or html", code: CommandFailure.usage)
        }
        return format
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension DOTDrawing.EdgeLabels: ExpressibleByArgument {}
