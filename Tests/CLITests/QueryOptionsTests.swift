import Foundation
import RelGraphTestSupport
import Testing

/// A five-node graph small enough to work every answer out by hand:
///
///     a ──knows──→ b ──signed (2000)──→ c ──knows──→ e ──signed (since 2010)──→ a
///     a ──ally (symmetric)── d ──knows (1992)──→ e
///
/// `c` is a treaty dated 2000; `d` a place that exists 1990–1995; `a` and `b` have Hindi labels.
enum SmallGraph {
    static let yaml = """
        relgraph: 1
        relations:
          - {id: ally, label: {en: ally of, hi: मित्र}, symmetric: true}
        nodes:
          - {id: a, kind: actor, label: {en: Alpha, hi: अल्फ़ा}}
          - {id: b, kind: actor, label: {en: Beta, hi: बीटा}}
          - {id: c, kind: treaty, label: Gamma, date: 2000}
          - {id: d, kind: place, label: Delta, start: 1990, end: 1995}
          - {id: e, kind: project, label: Epsilon}
        edges:
          - {from: a, to: b, relation: knows}
          - {from: b, to: c, relation: signed, date: 2000}
          - {from: c, to: e, relation: knows}
          - {from: a, to: d, relation: ally}
          - {from: d, to: e, relation: knows, date: 1992}
          - {from: e, to: a, relation: signed, start: 2010}

        """

    static let path: String = {
        do { return try RelGraphCLI.file(named: "small.yaml", yaml) } catch { fatalError("cannot write the small graph: \(error)") }
    }()

    /// Runs `relgraph COMMAND small.yaml ARGUMENTS... --json` and returns the exit status and the JSON object.
    static func json(_ command: String, _ arguments: String...) throws -> (status: Int32, object: [String: Any]) {
        try json(command, arguments)
    }

    /// `reach --json` as "id:distance", in output order.
    static func reach(_ arguments: String...) throws -> [String] {
        let (status, object) = try json("reach", arguments)
        #expect(status == 0)
        return try #require(object["nodes"] as? [[String: Any]]).map { "\($0["id"]!):\($0["distance"]!)" }
    }

    /// `paths --json` as node-id sequences, in output order.
    static func paths(_ arguments: String...) throws -> [[String]] {
        let (_, object) = try json("paths", arguments)
        return try #require(object["paths"] as? [[String: Any]]).map { $0["nodes"] as! [String] }
    }

    /// `neighbors --json` as "id relation direction", in output order.
    static func neighbors(_ arguments: String...) throws -> [String] {
        let (_, object) = try json("neighbors", arguments)
        return try #require(object["neighbors"] as? [[String: String]]).map { "\($0["id"]!) \($0["relation"]!) \($0["direction"]!)" }
    }

    /// `path --json` as its node ids, or nil when the object has none.
    static func path(_ arguments: String...) throws -> [String]? {
        let (_, object) = try json("path", arguments)
        return object["nodes"] as? [String]
    }

    private static func json(_ command: String, _ arguments: [String]) throws -> (status: Int32, object: [String: Any]) {
        let result = try RelGraphCLI.run([command, path] + arguments + ["--json"])
        return (result.status, try #require(result.json as? [String: Any], "\(result.errors)"))
    }
}

@Suite("reach's options, end to end")
struct ReachOptionsTests {
    @Test("reach --depth defaults to 2 and stops where it says")
    func depth() throws {
        #expect(try SmallGraph.reach("c") == ["c:0", "b:1", "e:1", "a:2", "d:2"])
        #expect(try SmallGraph.reach("c", "--depth", "0") == ["c:0"])
        #expect(try SmallGraph.reach("c", "--depth", "1") == ["c:0", "b:1", "e:1"])
    }

    @Test("reach --direction out follows edges forward and symmetric ones both ways")
    func directionOut() throws {
        #expect(try SmallGraph.reach("a", "--direction", "out") == ["a:0", "b:1", "d:1", "c:2", "e:2"])
    }

    @Test("reach --direction in follows edges backward and symmetric ones both ways")
    func directionIn() throws {
        #expect(try SmallGraph.reach("a", "--direction", "in") == ["a:0", "d:1", "e:1", "c:2"])
    }

    @Test("reach --relation walks only the named relations")
    func relation() throws {
        #expect(try SmallGraph.reach("a", "--relation", "knows", "--depth", "3") == ["a:0", "b:1"])
        #expect(try SmallGraph.reach("a", "--relation", "knows", "--relation", "ally", "--depth", "3") == ["a:0", "b:1", "d:1", "e:2", "c:3"])
    }

    @Test("reach prints distance, id, label and kind for people, nearest first")
    func humanOutput() throws {
        let result = try RelGraphCLI.run("reach", SmallGraph.path, "c")
        #expect(result.status == 0)
        #expect(
            result.text == """
                DISTANCE  ID  LABEL    KIND
                0         c   Gamma    treaty
                1         b   Beta     actor
                1         e   Epsilon  project
                2         a   Alpha    actor
                2         d   Delta    place

                """)
    }

    @Test("reach --as-of drops what does not exist then: c (2000) and the edge since 2010")
    func asOf() throws {
        #expect(try SmallGraph.reach("a", "--as-of", "1993", "--depth", "3") == ["a:0", "b:1", "d:1", "e:2"])
    }
}

@Suite("paths' options, end to end")
struct PathsOptionsTests {
    @Test("paths lists every simple path, shortest first, ignoring direction")
    func undirected() throws {
        #expect(try SmallGraph.paths("a", "e") == [["a", "e"], ["a", "d", "e"], ["a", "b", "c", "e"]])
    }

    @Test("paths --directed walks edges forward only (symmetric ones both ways)")
    func directed() throws {
        #expect(try SmallGraph.paths("a", "e", "--directed") == [["a", "d", "e"], ["a", "b", "c", "e"]])
    }

    @Test("paths --max-hops drops longer paths")
    func maxHops() throws {
        #expect(try SmallGraph.paths("a", "e", "--max-hops", "2") == [["a", "e"], ["a", "d", "e"]])
    }

    @Test("paths --limit keeps the first N of the full order")
    func limit() throws {
        #expect(try SmallGraph.paths("a", "e", "--limit", "2") == [["a", "e"], ["a", "d", "e"]])
        #expect(try SmallGraph.paths("a", "e", "--limit", "1") == [["a", "e"]])
    }

    @Test("paths --relation walks only the named relations")
    func relation() throws {
        #expect(try SmallGraph.paths("a", "e", "--relation", "knows", "--relation", "ally") == [["a", "d", "e"]])
    }

    @Test("paths --as-of drops d (1990–1995) in 2011 and keeps the edge since 2010")
    func asOf() throws {
        #expect(try SmallGraph.paths("a", "e", "--as-of", "2011") == [["a", "e"], ["a", "b", "c", "e"]])
    }

    @Test("paths --json gives each path's edges with their own from and to")
    func edges() throws {
        let (status, object) = try SmallGraph.json("paths", "a", "e", "--max-hops", "2")
        #expect(status == 0)
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(
            paths.map { ($0["edges"] as! [[String: String]]).map { "\($0["from"]!) \($0["relation"]!) \($0["to"]!)" } } == [
                ["e signed a"], ["a ally d", "d knows e"],
            ])
        #expect(paths.map { $0["length"] as? Int } == [1, 2])
    }
}

@Suite("neighbors' options, end to end")
struct NeighborsOptionsTests {
    @Test("neighbors lists every edge of the node by neighbour id, with the end the node is")
    func both() throws {
        #expect(try SmallGraph.neighbors("a") == ["b knows out", "d ally out", "e signed in"])
    }

    @Test("neighbors --direction out lists edges leaving the node and symmetric ones")
    func directionOut() throws {
        #expect(try SmallGraph.neighbors("a", "--direction", "out") == ["b knows out", "d ally out"])
    }

    @Test("neighbors --direction in lists edges entering the node and symmetric ones")
    func directionIn() throws {
        #expect(try SmallGraph.neighbors("a", "--direction", "in") == ["d ally out", "e signed in"])
        #expect(try SmallGraph.neighbors("d", "--direction", "in") == ["a ally in"])
    }

    @Test("neighbors --relation keeps the named relations")
    func relation() throws {
        #expect(try SmallGraph.neighbors("a", "--relation", "signed") == ["e signed in"])
        #expect(try SmallGraph.neighbors("e", "--relation", "knows", "--relation", "signed") == ["a signed out", "c knows in", "d knows in"])
    }

    @Test("neighbors --kind keeps neighbours of the named kinds")
    func kind() throws {
        #expect(try SmallGraph.neighbors("a", "--kind", "place") == ["d ally out"])
        #expect(try SmallGraph.neighbors("e", "--kind", "treaty", "--kind", "place") == ["c knows in", "d knows in"])
    }

    @Test("neighbors --as-of drops the edge that starts later and the node that no longer exists")
    func asOf() throws {
        #expect(try SmallGraph.neighbors("a", "--as-of", "1993") == ["b knows out", "d ally out"])
        #expect(try SmallGraph.neighbors("a", "--as-of", "2011") == ["b knows out", "e signed in"])
    }

    @Test("neighbors --lang picks the labels' language, falling back to the only label")
    func language() throws {
        let (_, object) = try SmallGraph.json("neighbors", "a", "--lang", "hi")
        let neighbors = try #require(object["neighbors"] as? [[String: String]])
        #expect(neighbors.map { $0["label"]! } == ["बीटा", "Delta", "Epsilon"])
        let english = try RelGraphCLI.run("neighbors", SmallGraph.path, "d", "--lang", "en")
        #expect(
            english.text == """
                ID  LABEL    KIND     RELATION  DIRECTION  DATE
                a   Alpha    actor    ally of   in
                e   Epsilon  project  knows     out        1992

                """)
    }
}

@Suite("path's options, end to end")
struct PathOptionsTests {
    @Test("path ignores direction and picks the smallest id sequence among shortest paths")
    func undirected() throws {
        #expect(try SmallGraph.path("c", "a") == ["c", "b", "a"])
    }

    @Test("path --directed walks edges forward only")
    func directed() throws {
        #expect(try SmallGraph.path("c", "a", "--directed") == ["c", "e", "a"])
        // b's only knows-edge enters it: forward along knows, nothing leaves b.
        let none = try RelGraphCLI.run("path", SmallGraph.path, "b", "a", "--directed", "--relation", "knows")
        #expect(none.status == 1)
        #expect(none.errors.contains("no path from 'b' to 'a'"))
        #expect(try SmallGraph.path("a", "b", "--directed", "--relation", "knows") == ["a", "b"])
    }

    @Test("path --relation walks only the named relations")
    func relation() throws {
        #expect(try SmallGraph.path("c", "a", "--relation", "knows", "--relation", "ally") == ["c", "e", "d", "a"])
    }

    @Test("path --as-of walks only what exists then")
    func asOf() throws {
        #expect(try SmallGraph.path("a", "e", "--as-of", "1993") == ["a", "d", "e"])
        #expect(try SmallGraph.path("a", "e", "--as-of", "2011") == ["a", "e"])
    }

    @Test("path prints the hops for people, with arrows for the edges' directions and their dates")
    func humanOutput() throws {
        let result = try RelGraphCLI.run("path", SmallGraph.path, "c", "a")
        #expect(result.status == 0)
        #expect(
            result.text == """
                c → a: 2 hops
                  c  Gamma
                  ←─[signed, 2000]──
                  b  Beta
                  ←─[knows]──
                  a  Alpha

                """)
    }
}
