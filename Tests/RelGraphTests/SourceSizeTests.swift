import Foundation
import RelGraphTestSupport
import Testing

/// One concept per file: a source file that grows past 400 lines holds more than one, and is
/// split (issue 23's housekeeping).
@Suite("Source files stay small")
struct SourceSizeTests {
    @Test("no Swift file under Sources is over 400 lines")
    func noLongFiles() throws {
        let sources = Fixtures.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 100)
        for file in files.sorted() {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            #expect(lines <= 400, "Sources/\(file) has \(lines) lines")
        }
    }
}
