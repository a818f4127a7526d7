import RelGraphCore
import RelGraphInterchange

/// The interactive page of contract §5: one self-contained HTML file holding the Graphviz
/// drawing of a view (inline SVG, one per language of the document, each laid out as
/// `render --format svg --lang L` lays it out), the graph's data as JSON, and the project's
/// own script and style sheet (embedded in the binary at build time from `Page/`).
///
/// The page refers to no other file or address: a content security policy of
/// `default-src 'none'` makes the browser refuse any request the page might try.
public struct InteractivePage: Sendable {
    /// The part of the graph drawn.
    public var view: GraphView
    /// How it is drawn (engine included); its language is the one the page opens in.
    public var drawing: DOTDrawing
    /// The languages offered (default: every language the document's texts use).
    public var languages: [String]?
    /// Keep nodes that the page's own filters (time slider, legend) leave without edges.
    public var keepsIsolated = false
    /// The layout engine asked for (nil: chosen by size), for the drawings the page makes
    /// beside the one given: those of its switch between names on every line and not.
    public var requestedLayout: LayoutEngine?
    /// For `relgraph serve`: the version of the file this page shows. The page then listens to
    /// the server it came from (a WebSocket, the one connection its security policy allows) and
    /// reloads when the server has another version (see ``LiveUpdates``).
    public var liveVersion: String?

    public init(view: GraphView, drawing: DOTDrawing) {
        self.view = view
        self.drawing = drawing
    }

    /// The page's bytes, Graphviz's warnings and the texts no installed font draws (each once).
    /// The page embeds the fonts that draw its text, cut down to its characters (`PageFonts`).
    ///
    /// - Complexity: one Graphviz layout per language and labelling (`labelVariants()`),
    ///   plus O(size of the drawings).
    public func render(using renderer: GraphvizRenderer = GraphvizRenderer()) throws(GraphvizError) -> Rendering {
        let language = drawing.language
        let languages = self.languages ?? PageData.languages(of: view.graph, including: language)
        let variants = labelVariants()
        var warnings: [String] = []
        var missingGlyphs: [MissingGlyphs] = []
        var drawings: [PageHTML.Drawing] = []
        for variant in variants {
            for drawn in [language] + languages.filter({ $0 != language }) {
                var page = variant
                page.language = drawn
                page.showsLegend = false
                let rendering = try renderer.render(view, drawing: page, format: .svg)
                for warning in rendering.warnings where !warnings.contains(warning) { warnings.append(warning) }
                for missing in rendering.missingGlyphs where !missingGlyphs.contains(missing) { missingGlyphs.append(missing) }
                let svg = PageDrawing(view: view, language: drawn).annotate(String(decoding: rendering.data, as: UTF8.self))
                drawings.append(PageHTML.Drawing(language: drawn, labels: variant.edgeLabels.rawValue, svg: svg))
            }
        }
        var data = PageData(view: view, languages: languages, language: language)
        data.keepsIsolated = keepsIsolated
        data.relationStyles = drawing.relationStyles(for: view)
        data.labelModes = variants.map { ($0.edgeLabels.rawValue, !$0.relationStyles(for: view).isEmpty) }
        var page = PageHTML(
            title: view.graph.title.text(in: language) ?? "RelGraph", words: view.graph.words(in: language), drawings: drawings, data: data.json())
        page.liveVersion = liveVersion
        // The page's fonts: cut to exactly the characters the rest of the page holds.
        page.fontsCSS = ""
        page.fontsCSS = PageFonts(family: drawing.fontName, language: language).css(for: XMLText.unescaped(page.html())).css
        return Rendering(data: Array(page.html().utf8), warnings: warnings, missingGlyphs: missingGlyphs)
    }

    /// The drawings the page's switch between names on every line and not goes between: the
    /// one given, then, where it labels differently, the other (every edge labelled, or as
    /// `auto` labels them when the one given labels every edge), laid out by the engine
    /// ``LayoutBudget`` plans for it.
    func labelVariants() -> [DOTDrawing] {
        var other = drawing
        other.edgeLabels = drawing.edgeLabels == .always ? .automatic : .always
        do { try other.plan(for: view, requested: requestedLayout) } catch { return [drawing] }
        return other.relationStyles(for: view) == drawing.relationStyles(for: view) ? [drawing] : [drawing, other]
    }
}
