import Foundation
import RelGraphTestSupport
import Testing

@Suite("relgraph search, components and query")
struct SearchComponentsQueryCommandTests {
    let graph = RelGraphCLI.graph

    @Test("search --json has the contract's fields, best match first")
    func searchJSON() throws {
        let result = try RelGraphCLI.run("search", graph, "Putin", "--json")
        #expect(result.status == 0)
        let json = try #require(result.json as? [String: Any])
        #expect(json["query"] as? String == "Putin")
        let nodes = try #require(json["nodes"] as? [[String: String]])
        #expect(nodes.map { $0["id"]! } == ["putin-visit-2000", "putin-visit-2021", "vladimir-putin"])
        #expect(nodes[2] == ["id": "vladimir-putin", "kind": "actor", "label": "Vladimir Putin", "matched": "vladimir-putin"])
    }

    @Test("search finds boris and पुतिन; nothing found exits 1 and still prints JSON")
    func searchFindsAndMisses() throws {
        #expect(try RelGraphCLI.run("search", graph, "boris").text.contains("boris-yeltsin"))
        #expect(try RelGraphCLI.run("search", graph, "पुतिन", "--lang", "hi").text.contains("व्लादिमीर पुतिन"))
        let missing = try RelGraphCLI.run("search", graph, "xyzzy", "--json")
        #expect(missing.status == 1)
        #expect((missing.json as? [String: Any])?["nodes"] as? [Any] != nil)
    }

    @Test("components --json lists members largest first; --relation narrows them")
    func components() throws {
        let result = try RelGraphCLI.run("components", graph, "--json")
        #expect(result.status == 0)
        let components = try #require((result.json as? [String: Any])?["components"] as? [[String: Any]])
        #expect(components.count == 1)
        #expect(components[0]["size"] as? Int == 44)
        let signed = try #require(
            (try RelGraphCLI.run("components", graph, "--relation", "signed", "--json").json as? [String: Any])?["components"] as? [[String: Any]])
        let sizes = signed.map { $0["size"] as! Int }
        #expect(sizes == sizes.sorted(by: >))
        #expect((signed[0]["nodes"] as? [String])?.contains("india") == true)
    }

    @Test("search --limit keeps the best matches, in rank order")
    func searchLimit() throws {
        let all = try #require((try RelGraphCLI.run("search", graph, "ru", "--json").json as? [String: Any])?["nodes"] as? [[String: String]])
        let two = try #require((try RelGraphCLI.run("search", graph, "ru", "--limit", "2", "--json").json as? [String: Any])?["nodes"] as? [[String: String]])
        #expect(all.count > 2)
        #expect(two == Array(all.prefix(2)))
    }

    @Test("search --kind keeps only matches of that kind")
    func searchKind() throws {
        let all = try #require((try RelGraphCLI.run("search", graph, "ind", "--json").json as? [String: Any])?["nodes"] as? [[String: String]])
        let events = try #require(
            (try RelGraphCLI.run("search", graph, "ind", "--kind", "event", "--json").json as? [String: Any])?["nodes"] as? [[String: String]])
        #expect(!events.isEmpty && events.count < all.count)
        #expect(events == all.filter { $0["kind"] == "event" })
        #expect(try RelGraphCLI.run("search", graph, "ind", "--kind", "evnet").status == 64)
    }

    @Test("components --as-of splits the graph among exactly the nodes that exist then")
    func componentsAsOf() throws {
        let components = try #require(
            (try RelGraphCLI.run("components", graph, "--as-of", "1995", "--json").json as? [String: Any])?["components"] as? [[String: Any]])
        let members = components.flatMap { $0["nodes"] as? [String] ?? [] }
        let existing = try #require(
            (try RelGraphCLI.run("query", graph, "MATCH (n) RETURN n.id", "--as-of", "1995", "--json").json as? [String: Any])?["rows"] as? [[String]])
        #expect(members.count == Set(members).count, "every node in one component")
        #expect(Set(members) == Set(existing.map { $0[0] }))
        #expect(!members.contains("soviet-union") && members.contains("russia"))
        #expect(components.map { $0["size"] as! Int } == components.map { ($0["nodes"] as! [String]).count })
    }

    @Test("components --lang hi labels nodes and kinds in Hindi")
    func componentsInHindi() throws {
        let result = try RelGraphCLI.run("components", graph, "--lang", "hi")
        #expect(result.status == 0)
        let line = try #require(result.text.split(separator: "\n").first { $0.hasPrefix("amethi ") })
        #expect(line.contains("अमेठी") && line.contains("स्थान"), "\(line)")
        #expect(!result.text.contains(" place\n") && !result.text.contains(" actor\n"))
    }

    @Test("query prints an aligned table, in Hindi with --lang hi")
    func queryTable() throws {
        let result = try RelGraphCLI.run(
            "query", graph, "MATCH (a:actor {id: 'india'})-[:signed]->(t:treaty) RETURN a, t.date ORDER BY t.date LIMIT 1", "--lang", "hi")
        #expect(result.status == 0)
        let lines = result.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("a ") && lines[0].hasSuffix("t.date"))
        #expect(lines[1].hasPrefix("भारत ") && lines[1].hasSuffix("1993"))
    }

    @Test("query --json has columns and rows; --as-of composes; no rows exits 1")
    func queryJSON() throws {
        let result = try RelGraphCLI.run("query", graph, "MATCH (t:treaty) RETURN count(*) AS n", "--as-of", "1995", "--json")
        let json = try #require(result.json as? [String: Any])
        #expect(json["columns"] as? [String] == ["n"])
        #expect((json["rows"] as? [[Int]])?.first?.first == 1)
        let none = try RelGraphCLI.run("query", graph, "MATCH (n {id: 'nobody'}) RETURN n", "--json")
        #expect(none.status == 1)
        #expect(none.text.contains("\"rows\": []"))
    }

    @Test("--param gives $name its value")
    func parameters() throws {
        let result = try RelGraphCLI.run("query", graph, "MATCH (n {id: $who}) RETURN n.label", "--param", "who='russia'")
        #expect(result.text.contains("Russia"))
    }

    @Test("a syntax error exits 65 with line, column and caret; a write exits 64")
    func errors() throws {
        let bad = try RelGraphCLI.run("query", graph, "MATCH (a RETURN a")
        #expect(bad.status == 65)
        #expect(bad.errors == "QUERY:1:10: error: expected ')' to close the node pattern, found RETURN\nMATCH (a RETURN a\n         ^\n")
        let write = try RelGraphCLI.run("query", graph, "CREATE (n:actor {id: 'x'}) RETURN n")
        #expect(write.status == 64)
        #expect(write.errors.contains("read-only"))
    }

    @Test("an unknown kind is a warning naming the nearest")
    func warning() throws {
        let result = try RelGraphCLI.run("query", graph, "MATCH (a:actr) RETURN a")
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("QUERY:1:10: warning: no node has the kind 'actr'; did you mean 'actor'?"))
    }
}

@Suite("relgraph render --query")
struct RenderQueryTests {
    @Test("render --query draws only the matched nodes and edges")
    func renderQuery() throws {
        let result = try RelGraphCLI.run(
            "render", RelGraphCLI.graph, "--format", "svg",
            "--query", "MATCH p = (a:actor {id: 'india'})-[:signed]->(t:treaty)-[:`in-sector`]->(s) RETURN p")
        #expect(result.status == 0)
        #expect(result.text.contains("node&#45;india"))
        #expect(result.text.contains("node&#45;military&#45;technical&#45;cooperation&#45;agreement"))
        #expect(!result.text.contains("node&#45;russia"))
        #expect(result.text.components(separatedBy: "relation&#45;in&#45;sector").count - 1 == 1)
        let nothing = try RelGraphCLI.run("render", RelGraphCLI.graph, "--format", "svg", "--query", "MATCH (n {id: 'nobody'}) RETURN n")
        #expect(nothing.status == 1)
    }

    @Test("render --query --format html makes the page of exactly what the drawing shows")
    func renderQueryPage() throws {
        let query = "MATCH p = (a:actor {id: 'india'})-[:signed]->(t:treaty) RETURN p"
        let svg = try RelGraphCLI.run("render", RelGraphCLI.graph, "--format", "svg", "--query", query)
        let page = try RelGraphCLI.run("render", RelGraphCLI.graph, "--format", "html", "--query", query)
        #expect(page.status == 0)
        let drawn = PageBrowser.nodeIDs(inSVG: svg.text)
        #expect(drawn.contains("india") && !drawn.contains("russia") && drawn.count > 2)
        #expect(PageBrowser.nodeIDs(inSVG: page.text) == drawn)
    }
}
