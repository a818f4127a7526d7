import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

/// A failure a command reports on stderr before exiting with the contract's code: the one
/// place that turns the library's errors into messages and exit codes.
struct CommandFailure: Error {
    var message: String
    var code: ExitCode

    static let nothingFound = ExitCode(1)
    static let usage = ExitCode(64)
    static let invalidInput = ExitCode(65)
    static let missingInput = ExitCode(66)
    static let graphvizFailure = ExitCode(70)
    static let cannotCreate = ExitCode(73)
    static let cannotWrite = ExitCode(74)

    /// Runs `body`, with the progress line where `progress` allows it (see ``ProgressLine``),
    /// turning failures into a message on stderr and an exit code.
    static func reporting(progress: ProgressOptions? = nil, _ body: () throws -> Void) throws {
        do {
            let shown = progress.map { !$0.quiet && isatty(STDERR_FILENO) == 1 } ?? false
            try ProgressLine.$isEnabled.withValue(shown) { try body() }
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { Console.error(failure.message) }
            throw failure.code
        }
    }

    init(_ message: String, code: ExitCode) {
        self.message = message
        self.code = code
    }

    /// 66 for a missing or unreadable input, 64 for one of no known format, 65 for invalid content.
    init(_ error: GraphLoadError) {
        let code: ExitCode
        switch error.code {
        case .fileNotFound, .unreadable: code = Self.missingInput
        case .unknownFormat: code = Self.usage
        default: code = Self.invalidInput
        }
        self.init(Phrasing.diagnostics(error.diagnostics), code: code)
    }

    /// 73 when the output cannot be created, 74 when writing it failed; a closed pipe ends
    /// the program quietly, as the contract says.
    init(_ error: OutputError) {
        switch error.code {
        case .cannotCreate: self.init(Phrasing.diagnostic(error.diagnostic), code: Self.cannotCreate)
        case .closedPipe: Console.exit(after: error)
        default: self.init(Phrasing.diagnostic(error.diagnostic), code: Self.cannotWrite)
        }
    }

    init(_ error: GraphvizError) {
        self.init(error.description, code: Self.graphvizFailure)
    }

    /// A drawing too large to lay out is a usage error: the command asks for too much.
    init(_ error: LayoutBudgetError) {
        self.init(Phrasing.diagnostic(error.diagnostic), code: Self.usage)
    }
}
