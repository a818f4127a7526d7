import ArgumentParser
import RelGraph
import RelGraphGraphviz

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph through Graphviz, in process, as SVG, PNG, PDF or laid-out DOT.",
        discussion: """
            The format follows --format, else the extension of -o, else SVG. Without -o (or with -o -) the drawing
            goes to standard output. --focus draws the nodes within --depth hops of a node; --highlight draws the
            whole graph with the shortest path between two nodes emphasised.
            """)

    @Argument(help: "The graph.") var file: String
    @Option(name: .shortAndLong, help: "Where to write the drawing (- for standard output).") var output: String?
    @Option(help: "svg, png, pdf, dot, xdot or html (the interactive page).") var format: OutputFormat?
    @Option(help: "dot, neato, fdp, sfdp, circo or twopi.") var layout: LayoutEngine = .dot
    @Option(help: "Language of labels.") var lang = "en"
    @Option(help: "Draw only the nodes near this one (id or label).") var focus: String?
    @Option(help: "With --focus: how many hops around it.") var depth = 1
    @Option(parsing: .upToNextOption, help: "FROM TO: emphasise the shortest path between two nodes.") var highlight: [String] = []
    @Option(name: .customLong("kind"), help: "Draw only nodes of this kind (repeatable).") var kinds: [String] = []
    @OptionGroup var filter: FilterOptions
    @Flag(help: "Group nodes into one box per kind.") var clusters = false
    @Flag(inversion: .prefixedNo, help: "Draw a legend of the kinds.") var legend = true
    @Flag(help: "Keep nodes that --kind, --relation or --as-of leave without edges.") var keepIsolated = false
    @Option(help: "Resolution of PNG output, in dots per inch (default 96).") var dpi: Int?

    /// More nodes than this make a layout engine slow beyond use (dot takes 40 s at 1,000 nodes).
    static let nodeLimits: [LayoutEngine: Int] = [.dot: 1_500, .circo: 3_000, .twopi: 10_000, .neato: 5_000, .fdp: 5_000, .sfdp: 100_000]

    func validate() throws {
        guard highlight.isEmpty || highlight.count == 2 else { throw ValidationError("--highlight takes two nodes: FROM TO") }
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
        if let dpi, !(24...1200).contains(dpi) { throw ValidationError("--dpi must be between 24 and 1200") }
    }

    func run() throws {
        try CommandFailure.reporting {
            let format = try resolvedFormat()
            let graph = try GraphInput.load(file)
            var view = graph.view(filter.filter(kinds: kinds))
            if !keepIsolated { view = view.droppingNodesIsolatedByFilter() }
            var drawing = DOTDrawing(language: lang)
            drawing.clustersByKind = clusters
            drawing.showsLegend = legend
            drawing.layout = layout.rawValue
            if format == .png { drawing.dpi = dpi }
            if let focus {
                let center = try GraphInput.resolve(focus, in: graph)
                drawing.focus = center
                var traversal = Traversal(view)
                view = view.restricted(to: traversal.reach(from: center, depth: depth).map(\.node))
            }
            if highlight.count == 2 {
                let from = try GraphInput.resolve(highlight[0], in: graph), to = try GraphInput.resolve(highlight[1], in: graph)
                var traversal = Traversal(view)
                guard let path = traversal.shortestPath(from: from, to: to) else {
                    throw CommandFailure("no path from '\(graph.id(ofNode: from))' to '\(graph.id(ofNode: to))' to highlight", code: CommandFailure.nothingFound)
                }
                drawing.highlight = path
            }
            let nodes = view.nodeIndices.count
            if let limit = Self.nodeLimits[layout], nodes > limit {
                throw CommandFailure(
                    "error: \(nodes) nodes are too many for the \(layout.rawValue) layout (at most \(limit)); draw less with --focus, --kind, --relation or --as-of, or use --layout sfdp",
                    code: CommandFailure.usage)
            }
            let rendering: Rendering
            do throws(GraphvizError) {
                rendering = format == .html
                    ? try page(of: view, drawing: drawing)
                    : try GraphvizRenderer().render(drawing.dot(for: view), layout: layout, format: format)
            } catch {
                throw CommandFailure(error)
            }
            for warning in rendering.warnings { Console.error("warning: graphviz: \(warning)") }
            try Output.write(bytes: rendering.data, to: output)
        }
    }

    private func resolvedFormat() throws -> OutputFormat {
        if let format { return format }
        guard let fileExtension = Output.fileExtension(output) else { return .svg }
        guard let format = OutputFormat(fileExtension: fileExtension) else {
            throw CommandFailure("error: cannot tell the format from '.\(fileExtension)'; use --format svg, png, pdf, dot, xdot or html", code: CommandFailure.usage)
        }
        return format
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
