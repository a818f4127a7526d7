import Foundation
import RelGraphTestSupport

/// Runs `Tests/Browser/page_driver.py` (Selenium, headless Chromium) on a page and returns its
/// report: what the page showed after each step, the requests it made, its console.
enum PageBrowser {
    struct Report {
        var raw: [String: Any]
        var steps: [[String: Any]] { raw["steps"] as? [[String: Any]] ?? [] }
        var requests: [String] { raw["requests"] as? [String] ?? [] }
        var resources: [String] { raw["resources"] as? [String] ?? [] }
        var console: [String] { raw["console"] as? [String] ?? [] }
        var load: [String: Any] { raw["load"] as? [String: Any] ?? [:] }
        /// Milliseconds from navigation to the page's script having drawn its first state.
        var readyMilliseconds: Double { load["ready"] as? Double ?? .infinity }

        func step(_ index: Int) -> [String: Any] { steps[index] }
        func strings(_ index: Int, _ key: String) -> [String] { steps[index][key] as? [String] ?? [] }
    }

    /// Where the tests leave their screenshots, to be looked at.
    static let screenshots: URL = {
        let folder = Fixtures.root.appendingPathComponent(".build/page-screenshots")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    static func drive(_ page: String, name: String, _ steps: [[String: Any]]) throws -> Report {
        let script = try String(contentsOf: Fixtures.root.appendingPathComponent("Tests/Browser/page_driver.py"), encoding: .utf8)
        let stepsJSON = String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)
        let output = try Python.run(script, arguments: [page, screenshots.appendingPathComponent(name + "-").path, stepsJSON])
        let raw = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
        return Report(raw: raw)
    }

    /// The node ids a drawing (SVG) holds: `id="node-ID"`, as Graphviz escapes it.
    static func nodeIDs(inSVG svg: String) -> Set<String> {
        var ids: Set<String> = []
        for part in svg.components(separatedBy: "<g id=\"node").dropFirst() {
            guard let end = part.firstIndex(of: "\"") else { continue }
            let id = part[..<end].replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&amp;", with: "&")
            if id.hasPrefix("-") { ids.insert(String(id.dropFirst())) }
        }
        return ids
    }
}
