import Foundation
import PackagePlugin

/// Embeds the interactive page's script and style sheet (`Page/*.js`, `Page/*.css` in the
/// target's folder under `Sources/`) into the target as Swift string constants, at build
/// time, so the `relgraph` binary needs no resource bundle and works wherever it is copied.
@main
struct PageAssetsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Sources/\(target.name)/Page")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".js") || $0.hasSuffix(".css") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "PageAssets.swift")
        return [
            .buildCommand(
                displayName: "Embedding the page's script and style in \(target.name)",
                executable: try context.tool(named: "EmbedPageAssets").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
