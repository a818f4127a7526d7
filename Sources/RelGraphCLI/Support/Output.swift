import Foundation
import RelGraph

/// Where a command writes: standard output (no `-o`, or `-o -`) or a file, written
/// atomically so that a failure leaves no partial file behind.
enum Output {
    /// The path `-o` named, or nil for standard output.
    static func path(_ option: String?) -> String? {
        guard let option, option != "-" else { return nil }
        return option
    }

    /// The extension of `-o`'s file, lowercased, if there is a file.
    static func fileExtension(_ option: String?) -> String? {
        path(option).map { ($0 as NSString).pathExtension.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Writes text produced by `body` to `-o` or standard output.
    static func write(to option: String?, _ body: (inout OutputFile) -> Void) throws {
        try ProgressLine.tracking("writing \(path(option) ?? "standard output")") {
            do throws(OutputError) {
                var file = try path(option).map { path throws(OutputError) in try OutputFile(path: path) } ?? OutputFile()
                body(&file)
                try file.commit()
            } catch {
                throw CommandFailure(error)
            }
        }
    }

    /// Writes bytes to `-o` or standard output.
    static func write(bytes: [UInt8], to option: String?) throws {
        try write(to: option) { $0.write(bytes: bytes) }
    }
}
