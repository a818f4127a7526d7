import Foundation
import RelGraphTestSupport
import Testing

@Suite("relgraph neighbors, path, paths and reach")
struct QueryCommandTests {
    let graph = RelGraphCLI.graph

    @Test("path --json has the contract's fields; walked-against edges keep their from and to")
    func pathJSON() throws {
        let result = try RelGraphCLI.run("path", graph, "Boris Yeltsin", "amethi", "--json")
        #expect(result.status == 0)
        let json = try #require(result.json as? [String: Any])
        #expect(json["from"] as? String == "boris-yeltsin")
        #expect(json["to"] as? String == "amethi")
        #expect(json["length"] as? Int == 3)
        #expect(json["nodes"] as? [String] == ["boris-yeltsin", "india", "ak-203-joint-venture", "amethi"])
        let edges = try #require(json["edges"] as? [[String: String]])
        #expect(edges.first == ["from": "boris-yeltsin", "to": "india", "relation": "stressed-renewal-with"])
        let back = try #require(try RelGraphCLI.run("path", graph, "amethi", "boris-yeltsin", "--json").json as? [String: Any])
        #expect((back["edges"] as? [[String: String]])?.last == ["from": "boris-yeltsin", "to": "india", "relation": "stressed-renewal-with"])
    }

    @Test("path --directed follows edges; no path exits 1")
    func directedPath() throws {
        let result = try RelGraphCLI.run("path", graph, "amethi", "boris-yeltsin", "--directed")
        #expect(result.status == 1)
        #expect(result.errors.contains("no path from 'amethi' to 'boris-yeltsin'"))
        #expect(try RelGraphCLI.run("path", graph, "boris-yeltsin", "amethi", "--directed").status == 0)
        let directed = try #require(try RelGraphCLI.run("path", graph, "s-jaishankar", "russia", "--directed", "--json").json as? [String: Any])
        #expect(directed["nodes"] as? [String] == ["s-jaishankar", "jaishankar-visit-2021", "russia"])
    }

    @Test("path --as-of and --relation filter what is walked")
    func filteredPath() throws {
        #expect(try RelGraphCLI.run("path", graph, "usa", "soviet-dissolution", "--as-of", "1995").status == 1)
        let before = try #require(try RelGraphCLI.run("path", graph, "usa", "soviet-dissolution", "--as-of", "1991", "--json").json as? [String: Any])
        #expect(before["nodes"] as? [String] == ["usa", "boris-yeltsin", "india", "treaty-1971", "soviet-union", "soviet-dissolution"])
        // Of the five treaties both signed, the smallest id.
        let signed = try #require(try RelGraphCLI.run("path", graph, "india", "russia", "--relation", "signed", "--json").json as? [String: Any])
        #expect(signed["nodes"] as? [String] == ["india", "agreements-2021-12", "russia"])
    }

    @Test("NODE accepts labels in any language; unknown names exit 65 with a suggestion; ambiguous ones list candidates")
    func nodeNames() throws {
        #expect(try RelGraphCLI.run("reach", graph, "भारत", "--depth", "0", "--json").text.contains("\"india\""))
        let unknown = try RelGraphCLI.run("reach", graph, "Rusia")
        #expect(unknown.status == 65)
        #expect(unknown.errors.contains("did you mean 'Russia'?"))
        let twins = try RelGraphCLI.file(
            named: "twins.yaml", "relgraph: 1\nnodes: [{id: a, kind: actor, label: Delhi}, {id: b, kind: place, label: {en: delhi}}]\n")
        let ambiguous = try RelGraphCLI.run("reach", twins, "DELHI")
        #expect(ambiguous.status == 65)
        #expect(ambiguous.errors.contains("  a\tDelhi") && ambiguous.errors.contains("  b\tdelhi"))
    }

    @Test("neighbors --json is ordered by id, relation and direction, with labels in --lang")
    func neighborsJSON() throws {
        let result = try RelGraphCLI.run("neighbors", graph, "s-jaishankar", "--json", "--lang", "hi")
        let json = try #require(result.json as? [String: Any])
        #expect(json["node"] as? String == "s-jaishankar")
        let neighbors = try #require(json["neighbors"] as? [[String: String]])
        #expect(neighbors.map { $0["id"]! } == ["india-foreign-minister", "jaishankar-visit-2021", "sergey-lavrov", "sergey-lavrov"])
        #expect(neighbors[2] == ["id": "sergey-lavrov", "kind": "actor", "label": "सर्गेई लावरोव", "relation": "counterpart-of", "direction": "out"])
        #expect(Set(neighbors[0].keys) == ["id", "kind", "label", "relation", "direction"])
    }

    @Test("neighbors --direction, --relation and --kind filter; none found exits 1")
    func neighborFilters() throws {
        let incoming = try #require(try RelGraphCLI.run("neighbors", graph, "amethi", "--direction", "in", "--json").json as? [String: Any])
        #expect((incoming["neighbors"] as? [[String: String]])?.map { $0["id"]! } == ["ak-203-joint-venture"])
        let kinds = try RelGraphCLI.run("neighbors", graph, "india", "--kind", "sector", "--relation", "cooperates-on", "--json")
        #expect(
            (kinds.json as? [String: Any]).flatMap { $0["neighbors"] as? [[String: String]] }?.map { $0["id"]! } == ["defence", "energy", "nuclear", "space"])
        let none = try RelGraphCLI.run("neighbors", graph, "amethi", "--kind", "treaty")
        #expect(none.status == 1)
    }

    @Test("paths --json lists every path within --max-hops, shortest first, then by node ids")
    func pathsJSON() throws {
        // Worked out by hand from the note's facts (NetworkX's all_simple_paths agrees).
        let result = try RelGraphCLI.run("paths", graph, "kudankulam", "s-400", "--max-hops", "3", "--json")
        #expect(result.status == 0)
        let paths = try #require((result.json as? [String: Any])?["paths"] as? [[String: Any]])
        #expect(
            paths.map { $0["nodes"] as! [String] } == [
                ["kudankulam", "india", "s-400"],
                ["kudankulam", "russia", "s-400"],
                ["kudankulam", "energy", "india", "s-400"],
                ["kudankulam", "energy", "russia", "s-400"],
                ["kudankulam", "india", "defence", "s-400"],
                ["kudankulam", "india", "russia", "s-400"],
                ["kudankulam", "nuclear", "india", "s-400"],
                ["kudankulam", "nuclear", "russia", "s-400"],
                ["kudankulam", "russia", "defence", "s-400"],
                ["kudankulam", "russia", "india", "s-400"],
            ])
        #expect(paths.map { $0["length"] as! Int } == [2, 2, 3, 3, 3, 3, 3, 3, 3, 3])
        #expect(try RelGraphCLI.run("paths", graph, "tamil-nadu", "amethi", "--max-hops", "1").status == 1)
    }

    @Test("paths --limit keeps the first paths of the full order, not any of them")
    func pathsLimit() throws {
        let limited = try RelGraphCLI.run("paths", graph, "kudankulam", "s-400", "--limit", "3", "--json")
        #expect(limited.status == 0)
        let paths = try #require((limited.json as? [String: Any])?["paths"] as? [[String: Any]])
        #expect(
            paths.map { $0["nodes"] as! [String] } == [
                ["kudankulam", "india", "s-400"], ["kudankulam", "russia", "s-400"], ["kudankulam", "energy", "india", "s-400"],
            ])
    }

    @Test("reach --json lists the start at 0, then by distance and id")
    func reachJSON() throws {
        let json = try #require(try RelGraphCLI.run("reach", graph, "amethi", "--depth", "2", "--json").json as? [String: Any])
        #expect(json["node"] as? String == "amethi" && json["depth"] as? Int == 2)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(
            nodes.map { "\($0["id"]!):\($0["distance"]!)" } == [
                "amethi:0", "ak-203-joint-venture:1", "uttar-pradesh:1", "ak-203-contracts:2", "defence:2", "india:2", "russia:2",
            ])
    }

    @Test(
        "the same query twice gives byte-identical output",
        arguments: [
            ["path", "s-jaishankar", "amethi", "--json"], ["paths", "india", "amethi", "--json"],
            ["neighbors", "russia", "--json"], ["reach", "india", "--depth", "3", "--json"], ["neighbors", "india"],
        ])
    func deterministic(arguments: [String]) throws {
        let command = [arguments[0], graph] + arguments.dropFirst()
        let first = try RelGraphCLI.run(command), second = try RelGraphCLI.run(command)
        #expect(first.status == 0)
        #expect(first.output == second.output)
    }

    @Test("people's output aligns columns and shows labels and dates")
    func humanOutput() throws {
        let text = try RelGraphCLI.run("neighbors", graph, "s-jaishankar", "--lang", "hi").text
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(text.contains("मिले") && text.contains("2021-07-07 – 2021-07-09"))
        // Every row's label starts where the header's LABEL does.
        let column = lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "LABEL")!.lowerBound)
        for line in lines.dropFirst() {
            let characters = Array(line)
            #expect(characters[column - 1] == " " && characters[column] != " ", "\(line)")
        }
    }

    @Test("path --lang prints node and relation labels in that language")
    func pathLanguage() throws {
        let result = try RelGraphCLI.run("path", graph, "Boris Yeltsin", "अमेठी", "--lang", "hi")
        #expect(result.status == 0)
        #expect(
            result.text == """
                boris-yeltsin → amethi: 3 hops
                  boris-yeltsin         बोरिस यैल्तसिन
                  ──[व्यावहारिक नवीनीकरण पर जोर]─→
                  india                 भारत
                  ──[भागीदार]─→
                  ak-203-joint-venture  एके-203 (AK-203) राइफल्स संयुक्त उद्यम
                  ──[में स्थित]─→
                  amethi                अमेठी

                """)
    }

    @Test("paths --lang prints every path's labels in that language")
    func pathsLanguage() throws {
        let result = try RelGraphCLI.run("paths", graph, "amethi", "uttar-pradesh", "--max-hops", "1", "--lang", "hi")
        #expect(result.status == 0)
        #expect(
            result.text == """
                amethi → uttar-pradesh: 1 hop
                  amethi         अमेठी
                  ──[में स्थित]─→
                  uttar-pradesh  उत्तर प्रदेश

                """)
    }

    @Test("reach --lang prints labels in that language")
    func reachLanguage() throws {
        let result = try RelGraphCLI.run("reach", graph, "amethi", "--depth", "1", "--lang", "hi")
        #expect(result.status == 0)
        let rows = result.text.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.map { $0.prefix(2).joined(separator: " ") } == ["0 amethi", "1 ak-203-joint-venture", "1 uttar-pradesh"])
        #expect(result.text.contains("अमेठी") && result.text.contains("एके-203 (AK-203) राइफल्स संयुक्त उद्यम") && result.text.contains("उत्तर प्रदेश"))
        #expect(!result.text.contains("Amethi"))
    }
}
