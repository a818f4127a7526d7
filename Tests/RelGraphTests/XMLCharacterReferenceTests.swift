import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Characters written as references in GraphML (XML 1.0 §4.1): decimal `&#N;`, hexadecimal
/// `&#xH;`, and the five entities XML predefines, in element text and in attribute values.
/// RelGraph's own XML writers use `&#10;`, `&#9;` and `&#13;`; other tools write any of them.
@Suite("XML character references in GraphML")
struct XMLCharacterReferenceTests {
    /// A GraphML file with one node whose id (an attribute), label and `note` (element text) are given.
    static func graphML(id: String, label: String, note: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="label" attr.type="string"/>
              <key id="d1" for="node" attr.name="note" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="\(id)"><data key="d0">\(label)</data><data key="d1">\(note)</data></node>
              </graph>
            </graphml>
            """.utf8)
    }

    static func node(id: String = "n1", label: String = "x", note: String = "x") throws -> Node {
        let graph = try GraphMLReader().read(graphML(id: id, label: label, note: note), fileName: "refs.graphml").graph
        return graph.node(at: NodeIndex(0))
    }

    @Test("decimal references read as their characters: one, four and six digits")
    func decimal() throws {
        #expect(try Self.node(label: "&#65;&#2349;&#128640;").label == LocalizedText("Aभ🚀"))
    }

    @Test("decimal references to a line break and a tab, as RelGraph writes them, read as a line break and a tab")
    func decimalLineBreakAndTab() throws {
        #expect(try Self.node(note: "line&#10;break&#9;tab").attributes["note"] == .string("line\nbreak\ttab"))
    }

    @Test("a decimal reference in an attribute value reads as its character")
    func decimalInAttribute() throws {
        #expect(try Self.node(id: "n&#49;&#50;").id == "n12")
    }

    @Test("hexadecimal references read as their characters, with x or X and digits in either case")
    func hexadecimal() throws {
        #expect(try Self.node(label: "&#x41;&#X92d;&#x1F680;&#xe9;").label == LocalizedText("Aभ🚀é"))
        #expect(try Self.node(note: "a&#xA;b&#x9;c").attributes["note"] == .string("a\nb\tc"))
    }

    @Test("the five entities XML predefines read as < > & \" '")
    func predefinedEntities() throws {
        #expect(try Self.node(label: "&lt;&gt;&amp;&quot;&apos;").label == LocalizedText("<>&\"'"))
    }

    @Test(
        "a reference to no character (zero, a surrogate, past U+10FFFF) is refused at its line and column",
        arguments: ["&#0;", "&#xD800;", "&#1114112;", "&#x110000;", "&#;", "&#x;"])
    func invalidReference(reference: String) throws {
        do {
            _ = try Self.node(label: reference)
            Issue.record("\(reference) was read")
        } catch {
            #expect("\(error)".hasPrefix("refs.graphml:6:"), "\(error)")
        }
    }
}

/// GEXF carries labels in attribute values, where XML readers turn a raw line break or tab into
/// a space: RelGraph writes them as references, and an XML parser reads the texts back.
@Suite("GEXF texts read by an XML parser")
struct GEXFTextTests {
    @Test("every tricky label and attribute text comes back from GEXF through Python's XML parser")
    func textsThroughXMLParser() throws {
        let file = Scratch.root.appendingPathComponent("tricky-\(UUID()).gexf").path
        try GEXFWriter().document(for: TrickyGraph.escaping).write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Python.run(
            """
            import json, sys, xml.etree.ElementTree as ET
            ns = {"g": "http://gexf.net/1.3"}
            root = ET.parse(sys.argv[1]).getroot()
            titles = {a.get("id"): a.get("title") for a in root.iter("{http://gexf.net/1.3}attribute")}
            nodes = {}
            for node in root.iter("{http://gexf.net/1.3}node"):
                values = {titles[v.get("for")]: v.get("value") for v in node.iter("{http://gexf.net/1.3}attvalue")}
                nodes[node.get("id")] = {"label": node.get("label"), "text": values.get("text")}
            print(json.dumps(nodes, ensure_ascii=False))
            """, arguments: [file])
        let nodes = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: String]])
        let graph = TrickyGraph.escaping
        for node in graph.nodes {
            #expect(nodes[node.id]?["label"] == node.label.text(in: "en"), "label of \(node.id)")
            #expect(nodes[node.id]?["text"].map(AttributeValue.string) == node.attributes["text"], "text of \(node.id)")
        }
    }
}
