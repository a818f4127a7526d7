import Foundation
import RelGraphTestSupport
import Testing

/// The getting-started program is the documentation's: it runs, and the DocC article and the
/// README show it unchanged.
@Suite("The getting-started example")
struct GettingStartedTests {
    static let program = Fixtures.root.appendingPathComponent("Examples/GettingStarted/main.swift")

    @Test("the example builds, runs and prints what the article says")
    func runs() throws {
        let result = try RelGraphCLI.run([], binary: RelGraphCLI.builtProduct("GettingStarted"))
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.text == "india → russia → kudankulam\n[\"india\", \"kudankulam\"]\n[\"russia\", \"india\", \"kudankulam\", \"treaty-1993\"]\ndrawn\ntrue\n")
    }

    @Test(
        "the DocC article shows the example's code unchanged",
        arguments: [
            "Sources/RelGraph/RelGraph.docc/GettingStarted.md", "README.md",
        ])
    func documentationShowsTheCode(page: String) throws {
        let code = try String(contentsOf: Self.program, encoding: .utf8)
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent(page), encoding: .utf8)
        #expect(text.contains("```swift\n" + code + "```"))
    }
}
