import ArgumentParser
import Foundation
import RelGraph

/// A failure a command reports on stderr before exiting with the contract's code.
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

    init(_ error: GraphLoadError) {
        switch error {
        case .fileNotFound, .unreadable: self.init(error.description, code: Self.missingInput)
        case .unsupportedFileType, .notNeo4jFolder: self.init(error.description, code: Self.usage)
        case .invalidDocument: self.init(Self.limited(error.description), code: Self.invalidInput)
        case .invalidSnapshot: self.init(error.description, code: Self.invalidInput)
        }
    }

    /// At most 200 lines of diagnostics, then how many more there were.
    private static func limited(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 200 else { return text }
        return lines.prefix(200).joined(separator: "\n") + "\n… and \(lines.count - 200) more problems"
    }
}
