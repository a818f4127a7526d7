import Foundation
import RelGraph

/// Writing to standard output and standard error, with the contract's answers to failure:
/// output that cannot be written (disk full, I/O error) ends the program with exit 74 and one
/// line on stderr; a pipe closed by its reader (`relgraph … | head -1`) ends it quietly.
enum Console {
    static func output(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: STDOUT_FILENO)
    }

    static func output(_ json: JSONValue) {
        output(json.serialized())
    }

    static func error(_ message: String) {
        // Over the progress line, if one may be showing (it is redrawn below).
        let start = ProgressLine.isEnabled ? "\r\u{1B}[K" : ""
        write(start + (message.hasSuffix("\n") ? message : message + "\n"), to: STDERR_FILENO)
    }

    /// Draws (or with an empty text, wipes) the progress line on stderr, a terminal.
    static func progress(_ text: String) {
        write("\r\u{1B}[K" + text, to: STDERR_FILENO)
    }

    /// Ends the program as the contract says for `failure`.
    static func exit(after failure: OutputError) -> Never {
        switch failure.code {
        case .closedPipe:
            Foundation.exit(0)
        case .cannotCreate:
            error(Phrasing.diagnostic(failure.diagnostic))
            Foundation.exit(CommandFailure.cannotCreate.rawValue)
        default:
            error(Phrasing.diagnostic(failure.diagnostic))
            Foundation.exit(CommandFailure.cannotWrite.rawValue)
        }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        let failure = text.withUTF8 { FileDescriptorWriting.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        guard let failure else { return }
        if failure == EPIPE { Foundation.exit(0) }
        if descriptor == STDOUT_FILENO {
            exit(after: .cannotWrite(path: "standard output", reason: String(cString: strerror(failure))))
        }
        // Standard error itself cannot be written: nothing more can be said.
        Foundation.exit(CommandFailure.cannotWrite.rawValue)
    }
}
