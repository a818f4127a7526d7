import Foundation
import RelGraphTestSupport
import Testing

/// The README's examples run as printed, its links and those of `docs/` lead somewhere, and it
/// starts with what the project promises: the two commands, where the binary is, how to install it.
///
/// How the README is read (``MarkdownPage``, ``ShellWords``):
/// - A ```` ```yaml ```` block whose first line is a comment naming a file (`# ecsc.yaml: …`) is
///   that file: it is written into the working folder before any command runs.
/// - A ```` ```sh ```` block holds commands, one a line (a line ending in `\` goes on to the next).
///   A ```` ```console ```` block holds `$ COMMAND` lines, each followed by what the command prints:
///   its standard output, then its standard error, exactly (blank lines before the next `$` line
///   only separate the two).
/// - Words are split as the shell splits them (single and double quotes, backslashes, `#`
///   comments). The shell's expansions (`$`, backquotes, `~`, globs) and pipes or redirections are
///   not emulated: a `relgraph` line using one fails the test, so the README keeps to what is run.
/// - A command whose first word is `relgraph` runs the built binary in one working folder, shared by
///   every block in the README's order. The folder holds copies of `Graphs/` and `Tests/Fixtures/`
///   and the files above, as the RelGraph folder does, where the README says its examples run. The
///   command must exit 0, or with the status its comment states (`# exit 1`).
/// - Lines whose first word is `make` or `export` are set-up, installation and the shell's `PATH`,
///   and are not run here: `make demo` and `make test` are what CI runs, and `make install` is
///   checked by ``makeInstall()``. Any other first word fails the test.
/// - `relgraph serve FILE` serves until it is stopped: it runs on a free port (`--port 0`), must
///   answer with the page, and must stop cleanly on Ctrl-C.
/// - `--engine spark` and `export --to parquet` need the Spark engine, `relgraph-spark`; where it is
///   not installed they must exit 69 and name it, as the README says.
///
/// The pages in `docs/` are reference, whose `sh` blocks name files of the reader's (`big.json`);
/// only their `console` blocks, which show output, are run, each page in a folder of its own.
@Suite("The README's examples and links", .serialized)
struct ReadmeExampleTests {
    static let readme = Fixtures.root.appendingPathComponent("README.md")
    static let docs = Fixtures.root.appendingPathComponent("docs")

    /// README.md and every Markdown page in docs/, as paths from the package's root.
    static let pages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }()

    /// The docs/ pages that hold `console` blocks.
    static let pagesWithSessions: [String] = pages.filter { page in
        page != "README.md"
            && ((try? MarkdownPage(Fixtures.root.appendingPathComponent(page))).map { !$0.blocks(in: "console").isEmpty } ?? false)
    }

    @Test("the README starts with the two commands: make demo, then make test")
    func startsWithTheTwoCommands() throws {
        let lines = try String(contentsOf: Self.readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count > 6)
        #expect(lines[0].hasPrefix("# "), "a title first")
        #expect(lines[1].isEmpty && lines[2] == "```sh", "then the commands' block")
        #expect(lines[3].hasPrefix("make demo "), "\(lines[3])")
        #expect(lines[4].hasPrefix("make test "), "\(lines[4])")
        #expect(lines[5] == "```")
    }

    @Test("every relgraph command of the README runs as shown, in order, from the README's first graph on")
    func readmeCommandsRun() throws {
        let page = try MarkdownPage(Self.readme)
        #expect(page.blocks(in: "yaml").contains { $0.namedFile == "ecsc.yaml" }, "Getting started writes its graph from scratch")
        let folder = try Self.workingFolder()
        var ran = 0
        for block in page.blocks {
            switch block.language {
            case "yaml":
                if let name = block.namedFile {
                    try block.text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
                }
            case "sh", "console":
                for command in try block.commands() {
                    ran += try Self.check(command, in: folder, page: "README.md") ? 1 : 0
                }
            default:
                continue
            }
        }
        #expect(ran >= 30, "the README's relgraph commands were found and run (\(ran))")
    }

    @Test("the console blocks of docs/ print what they show", arguments: pagesWithSessions)
    func docsSessionsRun(page: String) throws {
        let markdown = try MarkdownPage(Fixtures.root.appendingPathComponent(page))
        let folder = try Self.workingFolder()
        for block in markdown.blocks(in: "console") {
            for command in try block.commands() { try Self.check(command, in: folder, page: page) }
        }
    }

    @Test("every relative link and image reaches a file, and every #anchor a heading", arguments: pages)
    func linksResolve(page: String) throws {
        let file = Fixtures.root.appendingPathComponent(page)
        let markdown = try MarkdownPage(file)
        if page == "README.md" { #expect(markdown.links.count >= 20, "the README's links were found") }
        for link in markdown.links where !link.contains("://") && !link.hasPrefix("mailto:") {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let target = parts[0].isEmpty ? file : file.deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
            guard FileManager.default.fileExists(atPath: target.path) else {
                Issue.record("\(page): \(link) leads to no file (\(target.path))")
                continue
            }
            guard parts.count == 2 else { continue }
            guard target.pathExtension == "md" else {
                Issue.record("\(page): \(link) names an anchor in a file that is not Markdown")
                continue
            }
            let anchors = try MarkdownPage(target).anchors
            #expect(anchors.contains(parts[1]), "\(page): \(link) names no heading of \(target.lastPathComponent) (\(anchors))")
        }
    }

    @Test("the README says where make puts the binary and how to install it")
    func saysWhereTheBinaryIs() throws {
        let makefile = try String(contentsOf: Fixtures.root.appendingPathComponent("Makefile"), encoding: .utf8)
        let binary = try #require(makefile.split(separator: "\n").first { $0.hasPrefix("RELGRAPH = ") }).dropFirst("RELGRAPH = ".count)
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(text.contains("`\(binary)`"), "the README names \(binary), where `make release` and `make demo` put relgraph")
        #expect(text.contains("make install PREFIX="))
        #expect(makefile.contains("\ninstall: release\n"), "make install builds the release binary first")
    }

    /// `make install` builds the release binary first (`make release`, which `make demo` and CI's
    /// builds exercise); here that step is taken as done (`make -o release`) and the binary these
    /// tests run stands in for it, so what is checked is the install recipe and PREFIX.
    @Test("make install PREFIX=… puts a relgraph that runs into PREFIX/bin")
    func makeInstall() throws {
        let prefix = try RelGraphCLI.temporaryFolder().appendingPathComponent("prefix with space")
        let make = try RelGraphCLI.run(
            ["make", "-C", Fixtures.root.path, "-o", "release", "install", "PREFIX=\(prefix.path)", "RELGRAPH=\(RelGraphCLI.binary.path)"],
            binary: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(make.status == 0, "\(make.text) \(make.errors)")
        let installed = prefix.appendingPathComponent("bin/relgraph")
        #expect(FileManager.default.isExecutableFile(atPath: installed.path))
        let version = try RelGraphCLI.run(["--version"], binary: installed)
        let built = try RelGraphCLI.run("--version")
        #expect(version.status == 0 && version.text == built.text)
        let answer = try RelGraphCLI.run(["path", RelGraphCLI.graph, "russia", "amethi", "--json"], binary: installed)
        #expect(answer.status == 0, "the installed binary answers: \(answer.errors)")
    }

    // MARK: - Running commands

    /// A fresh folder laid out as the RelGraph folder is for the README's paths.
    static func workingFolder() throws -> URL {
        let folder = try RelGraphCLI.temporaryFolder()
        let manager = FileManager.default
        try manager.copyItem(at: Fixtures.root.appendingPathComponent("Graphs"), to: folder.appendingPathComponent("Graphs"))
        try manager.createDirectory(at: folder.appendingPathComponent("Tests"), withIntermediateDirectories: true)
        try manager.copyItem(at: Fixtures.root.appendingPathComponent("Tests/Fixtures"), to: folder.appendingPathComponent("Tests/Fixtures"))
        return folder
    }

    /// Runs one command of a page as the rules above say; returns whether it ran relgraph.
    @discardableResult
    static func check(_ command: ShellCommand, in folder: URL, page: String) throws -> Bool {
        let where_ = "\(page): \(command.line)"
        switch command.firstWord {
        case "relgraph":
            break
        case "make", "export":
            return false
        default:
            Issue.record("\(where_): only relgraph, make and export lines may appear in a sh or console block")
            return false
        }
        let words: ShellWords
        do {
            words = try ShellWords(command.line)
        } catch {
            Issue.record("\(where_): \(error)")
            return false
        }
        let arguments = Array(words.words.dropFirst())
        if arguments.first == "serve" {
            try checkServe(arguments, in: folder, where: where_)
            return true
        }
        let result = try RelGraphCLI.run(arguments, in: folder)
        let needsSpark = arguments.contains("--engine") || arguments.contains("parquet")
        if needsSpark, !sparkEngineInstalled {
            #expect(
                result.status == 69 && result.errors.contains("relgraph-spark"),
                "\(where_): without the Spark engine, exit 69 naming it: \(result.status) \(result.errors)")
            return true
        }
        #expect(result.status == words.statedExit ?? 0, "\(where_): exit \(result.status): \(result.errors)")
        if let shown = command.output {
            #expect(result.text + result.errors == shown, "\(where_) printed\n\(result.text)\(result.errors)")
        }
        return true
    }

    /// `relgraph serve FILE …`: on a free port, the page answers, Ctrl-C stops it with status 0.
    static func checkServe(_ arguments: [String], in folder: URL, where where_: String) throws {
        var rest = Array(arguments.dropFirst())
        if let port = rest.firstIndex(of: "--port"), port + 1 < rest.count { rest.removeSubrange(port...(port + 1)) }
        guard let file = rest.firstIndex(where: { !$0.hasPrefix("-") }) else {
            Issue.record("\(where_): serve names no FILE")
            return
        }
        rest[file] = folder.appendingPathComponent(rest[file]).path
        let server = try ServeProcess(rest + ["--port", "0"])
        var stopped: (status: Int32, errors: String)?
        defer { if stopped == nil { _ = server.stop() } }
        let page = try Python.run("import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())", arguments: [server.url])
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("relgraph-data"), "\(where_): \(server.url) serves the page")
        stopped = server.stop()
        #expect(stopped?.status == 0, "\(where_): Ctrl-C stops it cleanly: \(stopped?.errors ?? "")")
    }

    /// Whether `--engine spark` finds `relgraph-spark` as relgraph looks for it: `$RELGRAPH_SPARK`,
    /// the PATH, or the `.venv` of the folder the binary was built in.
    static let sparkEngineInstalled: Bool = {
        let manager = FileManager.default
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["RELGRAPH_SPARK"] { return manager.isExecutableFile(atPath: named) }
        let onPath = (environment["PATH"] ?? "").split(separator: ":").contains { manager.isExecutableFile(atPath: "\($0)/relgraph-spark") }
        var folder = RelGraphCLI.binary.deletingLastPathComponent()
        while !onPath, folder.path != "/" {
            if manager.isExecutableFile(atPath: folder.appendingPathComponent(".venv/bin/relgraph-spark").path) { return true }
            folder = folder.deletingLastPathComponent()
        }
        return onPath
    }()
}

// MARK: - Reading Markdown

/// A Markdown page's fenced code blocks, links and heading anchors.
struct MarkdownPage {
    struct Block {
        var language: String
        var text: String

        /// The file a `yaml` block stands for: its first line is `# NAME.yaml…`.
        var namedFile: String? {
            guard let first = text.split(separator: "\n").first, first.hasPrefix("# ") else { return nil }
            let name = first.dropFirst(2).prefix { !$0.isWhitespace && $0 != ":" }
            return name.hasSuffix(".yaml") || name.hasSuffix(".json") ? String(name) : nil
        }

        /// The commands of a `sh` block, or the `$` commands and their output of a `console` block.
        func commands() throws -> [ShellCommand] {
            let joined = text.replacingOccurrences(of: "\\\n", with: "")
            let lines = joined.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
            if language == "sh" {
                return lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
                    .map { ShellCommand(line: $0, output: nil) }
            }
            var commands: [ShellCommand] = []
            for line in lines {
                if line.hasPrefix("$ ") {
                    commands.append(ShellCommand(line: String(line.dropFirst(2)), output: ""))
                } else if !commands.isEmpty {
                    commands[commands.count - 1].output! += line + "\n"
                } else {
                    throw MarkdownError(message: "a console block starts with output, not a $ command: \(line)")
                }
            }
            for index in commands.indices {
                while commands[index].output!.hasSuffix("\n\n") { commands[index].output!.removeLast() }
                if commands[index].output == "\n" { commands[index].output = "" }
            }
            return commands
        }
    }

    var blocks: [Block] = []
    /// Link and image targets outside code, as written.
    var links: [String] = []
    /// The anchors GitHub gives the page's headings.
    var anchors: [String] = []

    init(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var open: Block?
        var prose = ""
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = open {
                    blocks.append(block)
                    open = nil
                } else {
                    open = Block(language: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), text: "")
                }
                continue
            }
            if open != nil {
                open!.text += line + "\n"
                continue
            }
            prose += line + "\n"
            if line.hasPrefix("#"), let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" }) {
                let slug = Self.anchor(line[space...])
                let seen = counts[slug, default: 0]
                counts[slug] = seen + 1
                anchors.append(seen == 0 ? slug : "\(slug)-\(seen)")
            }
        }
        links = Self.linkTargets(Self.withoutCodeSpans(prose))
    }

    func blocks(in language: String) -> [Block] { blocks.filter { $0.language == language } }

    /// GitHub's anchor for a heading: lower-cased; letters, marks, digits, `_`, `-` and spaces kept;
    /// spaces made `-`.
    static func anchor(_ heading: Substring) -> String {
        var slug = ""
        for scalar in heading.trimmingCharacters(in: .whitespaces).lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                .connectorPunctuation:
                slug.unicodeScalars.append(scalar)
            default:
                if scalar == "-" { slug += "-" } else if scalar == " " { slug += "-" }
            }
        }
        return slug
    }

    static func withoutCodeSpans(_ text: String) -> String {
        var result = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle(); continue }
            if !inCode { result.append(character) }
        }
        return result
    }

    /// The targets of `[text](target)` and `![alt](target)`.
    static func linkTargets(_ text: String) -> [String] {
        var targets: [String] = []
        var rest = text[...]
        while let marker = rest.range(of: "](") {
            let after = rest[marker.upperBound...]
            let end = after.firstIndex { $0 == ")" || $0.isWhitespace } ?? after.endIndex
            if end < after.endIndex, after[end] == ")" { targets.append(String(after[..<end])) }
            rest = after[end...]
        }
        return targets
    }

    struct MarkdownError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// One command line of a block, and what a `console` block shows it printing.
struct ShellCommand {
    var line: String
    var output: String?

    var firstWord: String { String(line.drop { $0 == " " }.prefix { !$0.isWhitespace }) }
}

/// A command line split into words as the shell splits it; refuses what the shell would expand.
struct ShellWords {
    var words: [String] = []
    /// `# exit N` in the line's comment.
    var statedExit: Int32?

    init(_ line: String) throws {
        var word: String?
        var quote: Character?
        var characters = Array(line)[...]
        func unsupported(_ what: String) -> ShellError { ShellError(message: "the shell would \(what) here; the test does not") }
        while let character = characters.popFirst() {
            switch quote {
            case "'":
                if character == "'" { quote = nil } else { word!.append(character) }
            case "\"":
                if character == "\"" {
                    quote = nil
                } else if character == "\\", let next = characters.first, "$`\"\\".contains(next) {
                    word!.append(characters.removeFirst())
                } else if character == "$" || character == "`" {
                    throw unsupported("expand \(character)")
                } else {
                    word!.append(character)
                }
            default:
                if character.isWhitespace {
                    if let finished = word { words.append(finished) }
                    word = nil
                } else if character == "#", word == nil {
                    let comment = String(characters)
                    if let range = comment.range(of: #"exit (\d+)"#, options: .regularExpression) {
                        statedExit = Int32(comment[range].dropFirst(5))
                    }
                    characters = []
                } else if character == "'" || character == "\"" {
                    quote = character
                    word = word ?? ""
                } else if character == "\\" {
                    word = (word ?? "") + String(characters.popFirst() ?? "\\")
                } else if "$`|&;<>(){}*?[".contains(character) || (character == "~" && word == nil) {
                    throw unsupported("read '\(character)'")
                } else {
                    word = (word ?? "") + String(character)
                }
            }
        }
        if quote != nil { throw ShellError(message: "a quote is not closed") }
        if let finished = word { words.append(finished) }
    }

    struct ShellError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
