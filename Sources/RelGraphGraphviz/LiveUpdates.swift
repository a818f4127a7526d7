import RelGraphInterchange

/// What `relgraph serve` adds to a page: the version of the file the page shows, a security
/// policy that lets it reach the server it came from (and nothing else), the script that reloads
/// it when the file changes (`Page/live.js`), and the page shown instead of a drawing while the
/// file is invalid.
public enum LiveUpdates {
    /// ` data-live-version="V"` for the `<html>` element, or nothing.
    static func versionAttribute(_ version: String?) -> String {
        version.map { " data-live-version=\"\(XMLText.escaped($0))\"" } ?? ""
    }

    /// `; connect-src 'self'` for a served page (its WebSocket), or nothing: a page written to
    /// a file reaches nothing.
    static func connectPolicy(_ version: String?) -> String {
        version == nil ? "" : "; connect-src 'self'"
    }

    /// The page shown while the file is invalid: each problem as `FILE:LINE:COLUMN: error: …`,
    /// in place of a drawing that would no longer be the file's; it reloads like a drawing when
    /// the file changes.
    ///
    /// - Parameters:
    ///   - file: the file served, for the heading.
    ///   - problems: the messages, one per line, as the command line prints them.
    ///   - version: the version of the file they are about.
    /// - Complexity: O(length of the messages).
    public static func problemsPage(file: String, problems: [String], version: String) -> String {
        let items = problems.map { "<li>\(XMLText.escaped($0))</li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"\(versionAttribute(version))>
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\(connectPolicy(version))">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="relgraph">
            <title>\(XMLText.escaped(file)): problems</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #222; }
            h1 { font-size: 1.3rem; color: #a4262c; }
            #rg-problems { font: 14px/1.6 ui-monospace, monospace; background: #fdf3f4; border-left: 4px solid #a4262c; padding: 1rem 1rem 1rem 2rem; white-space: pre-wrap; }
            #rg-live { color: #666; }
            </style>
            </head>
            <body data-ready="true">
            <h1>\(XMLText.escaped(file)) has problems; the drawing comes back when they are fixed</h1>
            <ol id="rg-problems">
            \(items)
            </ol>
            <p id="rg-live"></p>
            <script>
            \(PageAssets.liveJS)</script>
            </body>
            </html>

            """
    }
}
