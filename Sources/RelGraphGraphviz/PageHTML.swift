import RelGraphCore
import RelGraphInterchange

/// The interactive page's HTML (contract §5): its words in the language it opens in, its
/// style and fonts, the first drawing shown and the others in templates (by language and
/// labelling), the graph's data, and its script.
struct PageHTML {
    /// One drawing of the page: its language, how its edges are labelled (`auto`, `always`,
    /// `never`), and its annotated SVG (``PageDrawing``).
    struct Drawing {
        var language: String
        var labels: String
        var svg: String
    }

    var title: String
    /// The page's words in the language it opens in.
    var words: Wording
    /// The drawings, the one shown first.
    var drawings: [Drawing]
    /// The `#relgraph-data` JSON (``PageData``).
    var data: JSONValue
    /// For `relgraph serve`: the version of the file the page shows (``LiveUpdates``).
    var liveVersion: String?
    /// The `@font-face` rules of the page's fonts (``PageFonts``).
    var fontsCSS = ""

    /// The page: the first drawing shown, the others kept in templates.
    ///
    /// - Complexity: O(size of the page).
    func html() -> String {
        // The page's own words in the language it opens in (its script sets them again on a
        // change of language, from the data's `words`: the keys are the `data-text` names).
        func word(_ word: UIWord) -> String { XMLText.escaped(words[word]) }
        var html = """
            <!DOCTYPE html>
            <html lang="\(XMLText.escaped(words.language))" dir="\(words.isRightToLeft ? "rtl" : "ltr")"\(LiveUpdates.versionAttribute(liveVersion))>
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:\(LiveUpdates.connectPolicy(liveVersion))">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="relgraph">
            <title>\(XMLText.escaped(title))</title>
            <style>
            \(fontsCSS)\(PageAssets.pageCSS)</style>
            </head>
            <body>
            <header class="rg-bar">
            <h1 id="rg-title">\(XMLText.escaped(title))</h1>
            <div class="rg-controls">
            <div class="rg-search"><label for="relgraph-search" data-text="search">\(word(.search))</label> <input id="relgraph-search" type="search" autocomplete="off" spellcheck="false" aria-controls="rg-results"><ul id="rg-results" role="listbox" hidden></ul></div>
            <div class="rg-time"><label for="relgraph-time" data-text="asOf">\(word(.asOf))</label> <input id="relgraph-time" type="range" min="0" max="0" step="1" value="0"> <output id="rg-time-value" for="relgraph-time"></output></div>
            <div class="rg-depth"><label for="rg-depth" data-text="depth">\(word(.depth))</label> <select id="rg-depth"><option>1</option><option>2</option><option>3</option></select></div>
            <div class="rg-lang"><label for="relgraph-lang" data-text="language">\(word(.language))</label> <select id="relgraph-lang"></select></div>
            <div class="rg-edge-labels" hidden><label><input type="checkbox" id="rg-edge-labels"> <span data-text="edgeLabels">\(word(.edgeLabels))</span></label></div>
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
                html +=
                    "<template class=\"rg-drawing-template\" data-lang=\"\(XMLText.escaped(drawing.language))\" data-labels=\"\(drawing.labels)\">\n\(drawing.svg)</template>\n"
            }
        }
        html += "<script type=\"application/json\" id=\"relgraph-data\">"
        html += Self.scriptSafe(data.serialized(indented: false))
        html += "</script>\n<script>\n"
        html += PageAssets.searchJS
        html += PageAssets.relgraphJS
        if liveVersion != nil { html += PageAssets.liveJS }
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
