import RelGraph
import RelGraphTestSupport
import Testing

/// The fields RelGraph writes into neo4j-csv are quoted where a reader could take them apart
/// or change them (RFC 4180; importers that trim unquoted fields, such as neo4j-admin with
/// `--trim-strings`): quotes, delimiters, line breaks, and spaces at either end.
@Suite("neo4j-csv quoting")
struct Neo4jCSVQuotingTests {
    /// The `label` field of `nodes.csv` for a node labelled `text`.
    static func labelField(_ text: String) throws -> Substring {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "a", kind: .actor, label: LocalizedText(text)))
        var nodes = ""
        Neo4jCSV.writeNodes(of: try builder.build(), to: &nodes)
        let record = nodes.drop { $0 != "\n" }.dropFirst()
        return record.dropFirst("a,actor,".count).prefix(text.count + 2 + text.filter { $0 == "\"" }.count)
    }

    @Test("a text with a space at its end is quoted")
    func trailingSpace() throws {
        #expect(try Self.labelField("trailing ") == "\"trailing \"")
    }

    @Test("a text with a space at its start is quoted")
    func leadingSpace() throws {
        #expect(try Self.labelField(" leading") == "\" leading\"")
    }

    @Test("a text with a quote is quoted, the quote doubled")
    func quote() throws {
        #expect(try Self.labelField(#"say "hi""#) == #""say ""hi""""#)
    }

    @Test("a text with a comma or a line break is quoted")
    func commaAndLineBreak() throws {
        #expect(try Self.labelField("a,b") == "\"a,b\"")
        #expect(try Self.labelField("two\nlines") == "\"two\nlines\"")
    }

    @Test("a text with a space inside only is not quoted")
    func innerSpace() throws {
        #expect(try Self.labelField("New Delhi").hasPrefix("New Delhi,"))
    }
}
