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

    public init(view: GraphView, drawing: DOTDrawing) {
        self.view = view
        self.drawing = drawing
    }

    /// The page's bytes, and Graphviz's warnings (each once).
    ///
    /// - Complexity: one Graphviz layout per language, plus O(size of the drawings).
    public func render(using renderer: GraphvizRenderer = GraphvizRenderer()) throws(GraphvizError) -> Rendering {
        let language = drawing.language
        let languages = self.languages ?? PageData.languages(of: view.graph, including: language)
        var warnings: [String] = []
        var drawings: [(String, String)] = []
        for drawn in [language] + languages.filter({ $0 != language }) {
            var page = drawing
            page.language = drawn
            page.showsLegend = false
            let rendering = try renderer.render(view, drawing: page, format: .svg)
            for warning in rendering.warnings where !warnings.contains(warning) { warnings.append(warning) }
            drawings.append((drawn, PageDrawing(view: view, language: drawn).annotate(String(decoding: rendering.data, as: UTF8.self))))
        }
        var data = PageData(view: view, languages: languages, language: language)
        data.keepsIsolated = keepsIsolated
        data.relationStyles = drawing.relationStyles(for: view)
        let html = Self.html(title: view.graph.title.text(in: language) ?? "RelGraph", words: view.graph.words(in: language), drawings: drawings, data: data.json())
        return Rendering(data: Array(html.utf8), warnings: warnings)
    }

    /// Assembles the page: the first drawing shown, the others kept in templates.
    static func html(title: String, words: Wording, drawings: [(language: String, svg: String)], data: JSONValue) -> String {
        // The page's own words in the language it opens in (its script sets them again on a
        // change of language, from the data's `words`: the keys are the `data-text` names).
        func word(_ word: UIWord) -> String { XMLText.escaped(words[word]) }
        var html = """
            <!DOCTYPE html>
            <html lang="\(XMLText.escaped(words.language))" dir="\(words.isRightToLeft ? "rtl" : "ltr")">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="relgraph">
            <title>\(XMLText.escaped(title))</title>
            <style>
            \(PageAssets.fontsCSS)\(PageAssets.pageCSS)</style>
            </head>
            <body>
            <header class="rg-bar">
            <h1 id="rg-title">\(XMLText.escaped(title))</h1>
            <div class="rg-controls">
            <div class="rg-search"><label for="relgraph-search" data-text="search">\(word(.search))</label> <input id="relgraph-search" type="search" autocomplete="off" spellcheck="false" aria-controls="rg-results"><ul id="rg-results" role="listbox" hidden></ul></div>
            <div class="rg-time"><label for="relgraph-time" data-text="asOf">\(word(.asOf))</label> <input id="relgraph-time" type="range" min="0" max="0" step="1" value="0"> <output id="rg-time-value" for="relgraph-time"></output></div>
            <div class="rg-depth"><label for="rg-depth" data-text="depth">\(word(.depth))</label> <select id="rg-depth"><option>1</option><option>2</option><option>3</option></select></div>
            <div class="rg-lang"><label for="relgraph-lang" data-text="language">\(word(.language))</label> <select id="relgraph-lang"></select></div>
            <div class="rg-zoom"><button type="button" id="rg-zoom-in" data-label="zoomIn" aria-label="\(word(.zoomIn))">+</button><button type="button" id="rg-zoom-out" data-label="zoomOut" aria-label="\(word(.zoomOut))">−</button><button type="button" id="rg-fit" data-text="fit">\(word(.fit))</button><button type="button" id="rg-clear" data-text="clear">\(word(.clear))</button></div>
            </div>
            </header>
            <main class="rg-main">
            <div id="rg-canvas" tabindex="0" data-label="canvas" aria-label="\(word(.canvas))">

            """
        for (index, drawing) in drawings.enumerated() {
            if index == 0 {
                html += drawing.svg
                html += "</div>\n<aside class=\"rg-side\">\n"
                html += """
                    <section id="rg-details" aria-live="polite"><p class="rg-hint" data-text="hint">\(word(.hint))</p></section>
                    <section id="rg-path"><h2 data-text="path">\(word(.path))</h2><p><span data-text="from">\(word(.from))</span>: <b id="rg-path-from">–</b> <span data-text="to">\(word(.to))</span>: <b id="rg-path-to">–</b></p><ol id="rg-path-result"></ol></section>
                    <section id="rg-legend"><h2 data-text="legend">\(word(.legend))</h2><div id="rg-legend-kinds"></div><div id="rg-legend-relations"></div><div id="rg-legend-notes"></div></section>
                    </aside>
                    </main>

                    """
            } else {
                html += "<template class=\"rg-drawing-template\" data-lang=\"\(XMLText.escaped(drawing.language))\">\n\(drawing.svg)</template>\n"
            }
        }
        html += "<script type=\"application/json\" id=\"relgraph-data\">"
        html += Self.scriptSafe(data.serialized(indented: false))
        html += "</script>\n<script>\n"
        html += PageAssets.relgraphJS
        html += "</script>\n</body>\n</html>\n"
        return html
    }

    /// JSON that cannot end its `<script>` element early: `<`, `>` and `&` as `\u` escapes
    /// (they only occur inside strings, where the escapes mean the same).
    static func scriptSafe(_ json: String) -> String {
        var output = ""
        output.reserveCapacity(json.utf8.count)
        for character in json {
            switch character {
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default: output.append(character)
            }
        }
        return output
    }
}
