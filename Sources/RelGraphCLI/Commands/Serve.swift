import ArgumentParser
import FlyingFox
import Foundation
import RelGraph

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Show the interactive page of FILE in a browser, redrawn whenever FILE changes.",
        discussion: """
            Serves the page of 'render --format html' on http://127.0.0.1:PORT/ (this computer only) and \
            watches FILE: a browser showing the page redraws it when FILE is saved, keeping what it \
            focused on. While FILE is invalid the page lists its problems (FILE:LINE:COLUMN: error: …) \
            instead of a drawing that is no longer the file's. Ctrl-C stops the server. A port that \
            another program holds is an error (exit 73): choose another with --port (0: any free port).
            """)

    @OptionGroup var input: GraphFileOptions
    @Option(help: "The port on 127.0.0.1 (0: any free port).") var port = 8000
    @Option(help: "Language the page opens in.") var lang = "en"
    @OptionGroup var time: AsOfOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard input.file != "-" else { throw ValidationError("serve watches a file; FILE cannot be standard input") }
    }

    func run() throws {
        try CommandFailure.reporting {
            // A file that is not there, or of no known format, is an error now (as every command
            // reports it), not a page of problems.
            do throws(GraphLoadError) {
                if input.format == nil {
                    _ = try GraphFormats.relgraph.format(ofContentAt: input.file)
                } else if !FileManager.default.fileExists(atPath: input.file) {
                    throw .fileNotFound(path: input.file)
                }
            } catch {
                throw CommandFailure(error)
            }
            let page = LivePage(.init(file: input.file, format: input.format, language: lang, asOf: time.asOf))
            page.rebuild()
            let server = try ServerRun.start(page: page, port: port)
            Console.output("Serving \(input.file) at http://127.0.0.1:\(server.port)/ — open it in a browser; it redraws when the file changes. Ctrl-C stops.")
            server.handler.versions.announce(page.current.version)
            FileWatcher(path: input.file) {
                if page.rebuild() { server.handler.versions.announce(page.current.version) }
            }.start()
            ServerRun.waitForInterrupt()
            server.stop()
            Console.error("relgraph serve: stopped")
        }
    }
}
