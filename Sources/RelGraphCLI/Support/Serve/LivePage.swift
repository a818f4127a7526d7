import Foundation
import RelGraph
import RelGraphGraphviz
import Synchronization

/// The page `relgraph serve` shows: the interactive page of the file as it is now, or, while the
/// file is invalid, its problems (`FILE:LINE:COLUMN: error: …`). Each rebuild that finds the
/// file changed gives a new version, which open pages compare with their own.
final class LivePage: Sendable {
    struct Settings: Sendable {
        var file: String
        var format: ReadableFormat?
        var language: String
        var asOf: PartialDate?
    }

    let settings: Settings
    private let state = Mutex<(version: Int, html: [UInt8], input: [UInt8]?)>((0, [], nil))

    init(_ settings: Settings) {
        self.settings = settings
    }

    /// The version shown now, and its page.
    var current: (version: Int, html: [UInt8]) {
        state.withLock { ($0.version, $0.html) }
    }

    /// Reads and draws the file again, unless its bytes are the ones drawn last; true when the
    /// page changed (a new version).
    ///
    /// - Complexity: a read of the file and, when it changed, one Graphviz layout per language.
    @discardableResult
    func rebuild() -> Bool {
        let input = Self.bytes(of: settings.file)
        let (unchanged, version) = state.withLock { state in (input != nil && input == state.input, state.version + 1) }
        if unchanged { return false }
        let html = page(version: String(version))
        state.withLock { $0 = (version, html, input) }
        return true
    }

    /// The page of the file as it is now, or of its problems.
    private func page(version: String) -> [UInt8] {
        let problems: [String]
        do {
            let graph = try GraphInput.load(settings.file, from: settings.format)
            var view = graph.view(GraphFilter(asOf: settings.asOf))
            if settings.asOf != nil { view = view.droppingNodesIsolatedByFilter(keeping: []) }
            var drawing = DOTDrawing(language: settings.language)
            try drawing.plan(for: view)
            var page = InteractivePage(view: view, drawing: drawing)
            page.liveVersion = version
            return try page.render().data
        } catch let failure as CommandFailure {
            problems = failure.message.split(separator: "\n").map(String.init)
        } catch let error as LayoutBudgetError {
            problems = [Phrasing.diagnostic(error.diagnostic)]
        } catch {
            problems = ["error: \(error)"]
        }
        return Array(LiveUpdates.problemsPage(file: settings.file, problems: problems, version: version).utf8)
    }

    /// A regular file's bytes (nil for a folder or a file that cannot be read: always redrawn).
    private static func bytes(of path: String) -> [UInt8]? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
