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
    static func write(to option: String?, _ body: (inout any TextSink) -> Void) throws {
        guard let path = path(option) else {
            var sink: any TextSink = StandardOutput()
            body(&sink)
            (sink as? StandardOutput)?.flush()
            return
        }
        do {
            let file = try OutputFile(path: path)
            var sink: any TextSink = file
            body(&sink)
            try file.commit()
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Writes bytes to `-o` or standard output.
    static func write(bytes: [UInt8], to option: String?) throws {
        guard let path = path(option) else {
            StandardOutput().write(bytes: bytes)
            return
        }
        do {
            let file = try OutputFile(path: path)
            file.write(bytes: bytes)
            try file.commit()
        } catch {
            throw CommandFailure(error)
        }
    }
}
