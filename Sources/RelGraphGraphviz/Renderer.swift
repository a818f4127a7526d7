import CGraphviz
import RelGraphCore

#if canImport(Glibc)
    import Glibc
#endif

extension OutputFormat {
    /// The Graphviz format string, `format:renderer:device` style: SVG from Graphviz's core
    /// renderer (it keeps ids, classes and tooltips), PNG and PDF from cairo with pango (it
    /// shapes Devanagari), and DOT/xdot with layout coordinates. `html` is the interactive page
    /// (``InteractivePage``), which holds core SVG drawings; the renderer itself refuses it.
    var graphvizName: String {
        switch self {
        case .svg, .html: return "svg:svg:core"
        case .png: return "png:cairo:cairo"
        case .pdf: return "pdf:cairo:cairo"
        case .dot: return "dot:dot:core"
        case .xdot: return "xdot:xdot:core"
        }
    }
}

/// What Graphviz produced: the bytes, and any warnings it gave on the way.
public struct Rendering: Sendable {
    public var data: [UInt8]
    public var warnings: [String]
    /// Texts of the drawing with characters no installed font draws (they show as empty
    /// boxes), each once; for drawings of a view in SVG, PNG, PDF and on the page.
    public var missingGlyphs: [MissingGlyphs] = []

    public init(data: [UInt8], warnings: [String], missingGlyphs: [MissingGlyphs] = []) {
        self.data = data
        self.warnings = warnings
        self.missingGlyphs = missingGlyphs
    }
}

/// Lays out DOT and renders it, in this process, through Graphviz's libraries.
///
/// Every call is serialised behind the one Graphviz lock, so a renderer may be used from
/// any number of tasks at once. Everything Graphviz allocates for a job is freed before the
/// call returns; Graphviz's messages come back in ``Rendering/warnings`` or in the thrown
/// ``GraphvizError`` and never reach stderr.
public struct GraphvizRenderer: Sendable {
    public init() {}

    /// Renders `dot` with the `layout` engine into `format`.
    public func render(_ dot: String, layout: LayoutEngine = .dot, format: OutputFormat = .svg) throws(GraphvizError) -> Rendering {
        try GraphvizSession.withLock { session throws(GraphvizError) in
            try Self.requirePlugin(.layout, layout.rawValue, in: session)
            try Self.requirePlugin(.device, format.rawValue, in: session)
            guard let graph = session.parse(dot) else {
                throw .syntax(messages: GraphvizMessages.lines)
            }
            defer { agclose(graph) }
            // A parser stack overflow returns a partial graph: check the messages as well.
            if agerrors() > 0 { throw .syntax(messages: GraphvizMessages.lines) }
            let laidOut = gvLayout(session.context, graph, layout.rawValue) == 0
            if laidOut, layout == .dot { relgraph_repair_dot_rank_lists(graph) }
            if laidOut, agerrors() == 0 { ExternalEdgeLabels.place(in: graph) }
            // Freed whatever happens next, a layout that reported errors too (gvFreeLayout
            // does nothing where no layout was made).
            defer { gvFreeLayout(session.context, graph) }
            guard laidOut, agerrors() == 0 else {
                throw .layout(engine: layout.rawValue, messages: GraphvizMessages.lines)
            }
            var buffer: UnsafeMutablePointer<CChar>?
            var length = 0
            let status = relgraph_render_data(session.context, graph, format.graphvizName, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            // Some problems (a bad HTML label, an unknown colour) surface only while rendering.
            guard status == 0, agerrors() == 0, let buffer else {
                throw .render(format: format.rawValue, messages: GraphvizMessages.lines)
            }
            var data = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
            if format == .pdf { PDFStamp.fix(&data) }
            return Rendering(data: data, warnings: GraphvizMessages.lines)
        }
    }

    /// Draws what `view` keeps as `drawing` describes it, laid out by the drawing's engine.
    ///
    /// - Throws: ``GraphvizError`` with Graphviz's messages when it cannot lay out or render.
    /// - Complexity: Graphviz's layout dominates; see `LayoutBudget` for measured bounds.
    public func render(_ view: GraphView, drawing: DOTDrawing, format: OutputFormat = .svg) throws(GraphvizError) -> Rendering {
        var drawing = drawing
        drawing.outputFormat = format
        let dot = drawing.dot(for: view)
        var rendering = try render(dot, layout: drawing.layout, format: format)
        // An edge drawn through a way node comes out of Graphviz as three groups: one again.
        if format == .svg { rendering.data = Array(WayNodeSVG.merge(String(decoding: rendering.data, as: UTF8.self)).utf8) }
        if format != .dot, format != .xdot {
            // What fontconfig (and so Pango, for PNG and PDF) has no font for comes out as boxes.
            let drawn = DrawnTexts(dot: dot)
            if let fonts = FontFallbacks(family: drawn.fontNames.first ?? drawing.fontName, language: drawing.language) {
                rendering.missingGlyphs = MissingGlyphs.find(in: drawn.texts, fonts: fonts)
            }
        }
        return rendering
    }

    /// The names Graphviz has plugins of `kind` for.
    public func plugins(_ kind: GraphvizPlugin) -> [String] {
        (try? GraphvizSession.withLock { session throws(GraphvizError) in Self.pluginList(kind, in: session) }) ?? []
    }

    private static func requirePlugin(_ kind: GraphvizPlugin, _ name: String, in session: GraphvizSession) throws(GraphvizError) {
        let available = pluginList(kind, in: session)
        guard available.contains(name) else { throw .unavailable(kind: kind, name: name, available: available) }
    }

    private static func pluginList(_ kind: GraphvizPlugin, in session: GraphvizSession) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(session.context, kind.rawValue, &count, nil) else { return [] }
        defer { free(list) }
        var names: [String] = []
        for index in 0..<Int(count) {
            guard let name = list[index] else { continue }
            names.append(String(cString: name))
            free(name)
        }
        return names
    }
}

/// Cairo 1.16 stamps every PDF with the current time (and ignores SOURCE_DATE_EPOCH). Writing
/// a fixed date of the same length over it makes the same graph give the same PDF, and keeps
/// every byte offset in the file (its cross-reference table) valid.
enum PDFStamp {
    static let fixed = Array("19700101000000".utf8)

    static func fix(_ data: inout [UInt8]) {
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            guard let start = firstIndex(of: pattern, in: data) else { continue }
            let digits = start + pattern.count
            guard digits + fixed.count <= data.count,
                data[digits..<digits + fixed.count].allSatisfy({ (0x30...0x39).contains($0) })
            else { continue }
            data.replaceSubrange(digits..<digits + fixed.count, with: fixed)
        }
    }

    private static func firstIndex(of pattern: [UInt8], in data: [UInt8]) -> Int? {
        guard data.count >= pattern.count else { return nil }
        return (0...(data.count - pattern.count)).first { data[$0] == pattern[0] && Array(data[$0..<$0 + pattern.count]) == pattern }
    }
}
