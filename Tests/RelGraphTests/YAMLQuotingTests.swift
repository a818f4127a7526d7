import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// The YAML RelGraph writes is read by other YAML readers too: a text that YAML 1.1 or YAML
/// 1.2's core schema would resolve as a number, a boolean, null, a date or a time is written
/// in quotes, so that every reader takes it for the text it is.
@Suite("YAML quoting of texts that look like other types")
struct YAMLQuotingTests {
    /// What YAML resolves as something other than a string: the core schema's null, bool, int
    /// and float (YAML 1.2.2 §10.3.2) and YAML 1.1's bool, int (with `_`, octal, binary,
    /// sexagesimal), float and timestamp types (yaml.org/type).
    static let otherTypes = [
        #"null|Null|NULL|~|"#,
        #"true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"#,
        #"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"#,
        #"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"#,
        #"[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"#,
        #"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*"#,
        #"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?(([ \t]*)Z|[-+][0-9]{1,2}(:[0-9]{2})?)?"#,
    ]

    static func looksLikeAnotherType(_ text: String) -> Bool {
        otherTypes.contains { pattern in (try? Regex(pattern).wholeMatch(in: text)) != nil }
    }

    static let lookalikes = [
        "071", "1e3", "0x1F", "0xff", "0xAB", "0o17", "0b101", "1_000", "-1", "+1", ".5", "-.5", ".inf", "-.Inf", ".NaN",
        "12:30", "1:30:45", "2021-07-07", "2021-7-7 10:00:00", "True", "NO", "yes", "Off", "y", "N", "null", "Null", "~", "",
    ]

    /// `text` as the value of an attribute, and the document line written for it.
    static func written(_ text: String) throws -> (document: String, graph: Graph) {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "a", kind: .actor, attributes: ["value": .string(text)]))
        let graph = try builder.build()
        return (DocumentWriter(syntax: .yaml).document(for: graph), graph)
    }

    @Test("a text YAML would read as a number, boolean, null, date or time is written in double quotes", arguments: lookalikes)
    func quoted(text: String) throws {
        #expect(Self.looksLikeAnotherType(text), "the reference calls \(text) another type")
        let (document, _) = try Self.written(text)
        var literal = ""
        JSONValue.appendQuoted(text, to: &literal)
        #expect(document.contains("attributes: {value: \(literal)}"), "\(document)")
    }

    @Test("a text YAML would read as another type comes back from RelGraph's YAML as that text", arguments: lookalikes)
    func readsBack(text: String) throws {
        let (document, graph) = try Self.written(text)
        #expect(try GraphDocument.decode(document, syntax: .yaml, fileName: "lookalike.yaml") == graph)
    }

    @Test("texts no YAML reader takes for another type stay plain", arguments: ["India", "New Delhi", "भारत", "Treaty of 1993", "1abc-x"])
    func plain(text: String) throws {
        #expect(!Self.looksLikeAnotherType(text))
        #expect(try Self.written(text).document.contains("attributes: {value: \(text)}"))
    }

    /// Found by the fuzz smoke run: a JSON label holding DEL (valid JSON) was written raw into
    /// the YAML, which then did not read back.
    @Test(
        "a character YAML may not hold raw, or reads as a line break, is escaped and comes back",
        arguments: ["\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}"])
    func escaped(character: String) throws {
        let text = "a" + character + "b"
        let (document, graph) = try Self.written(text)
        let hex = String(character.unicodeScalars.first!.value, radix: 16, uppercase: true)
        #expect(document.contains(#"attributes: {value: "a\u"# + String(repeating: "0", count: 4 - hex.count) + hex + #"b"}"#), "\(document)")
        #expect(!document.unicodeScalars.contains(character.unicodeScalars.first!))
        #expect(try GraphDocument.decode(document, syntax: .yaml, fileName: "escaped.yaml") == graph)
    }
}
