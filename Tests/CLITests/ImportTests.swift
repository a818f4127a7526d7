import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// Bringing data in: Neo4j bulk-import CSV, GraphML, DOT, standard input; parallel edges and
/// list attributes through every format.
@Suite("relgraph import: data from elsewhere")
struct ImportTests {
    static let fixtures = Fixtures.root.appendingPathComponent("Tests/Fixtures")

    /// `import` to YAML, then `export --to FORMAT`, then `import` again: the two documents match.
    func roundTrip(_ document: String, through format: String, suffix: String) throws -> (String, String) {
        let folder = try RelGraphCLI.temporaryFolder()
        let exported = folder.appendingPathComponent("out\(suffix)").path
        let first = try RelGraphCLI.run("export", document, "--to", format, "-o", exported)
        #expect(first.status == 0, "\(first.errors)")
        let again = try RelGraphCLI.run("import", exported, "-o", "-")
        #expect(again.status == 0, "\(again.errors)")
        return (try String(contentsOfFile: document, encoding: .utf8), again.text)
    }

    @Test("the Neo4j tutorial's command shape loads 6 nodes and 9 relationships, as neo4j-admin reports")
    func neo4jTutorial() throws {
        let folder = Self.fixtures.appendingPathComponent("neo4j-movies")
        let out = try RelGraphCLI.temporaryFolder().appendingPathComponent("movies.yaml").path
        let result = try RelGraphCLI.run(
            [
                "import", "--nodes=Movie=movies_header.csv,movies.csv", "--nodes=Actor=actors_header.csv,actors.csv",
                "--relationships=roles_header.csv,roles.csv", "-o", out,
            ], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let stats = try RelGraphCLI.run("stats", out, "--json").json as? [String: Any]
        #expect(stats?["nodes"] as? Int == 6)
        #expect(stats?["edges"] as? Int == 9)
        #expect((stats?["kinds"] as? [String: Int]) == ["Actor": 3, "Movie": 3])
        let graph = try Graph(contentsOf: out)
        // ID spaces: ids become Space:value and relationships find them there.
        #expect(graph.index(ofNode: "Movie-ID:tt0133093") != nil)
        let sequel = graph.node(at: graph.index(ofNode: "Movie-ID:tt0234215")!)
        #expect(sequel.attributes["labels"] == .list(["Movie", "Sequel"]))
        #expect(sequel.attributes["year"] == .integer(2003))
        #expect(sequel.label.text(in: "en") == "The Matrix Reloaded", "title becomes the label")
    }

    @Test("the tutorial's customizing-configuration command (--delimiter=\";\" --array-delimiter=\"U+007C\" --quote=\"'\") loads 6 nodes and 9 relationships")
    func neo4jTutorialCustomConfiguration() throws {
        let folder = Self.fixtures.appendingPathComponent("neo4j-movies")
        let out = try RelGraphCLI.temporaryFolder().appendingPathComponent("movies.yaml").path
        let result = try RelGraphCLI.run(
            [
                "import", "--nodes=movies4.csv", "--nodes=actors4.csv", "--relationships=roles4.csv",
                "--delimiter=;", "--array-delimiter=U+007C", "--quote='", "--multiline-fields=true",
                "--skip-bad-relationships=true", "--skip-duplicate-nodes=false", "--id-type=STRING", "-o", out,
            ], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let stats = try RelGraphCLI.run("stats", out, "--json").json as? [String: Any]
        #expect(stats?["nodes"] as? Int == 6)
        #expect(stats?["edges"] as? Int == 9)
        let graph = try Graph(contentsOf: out)
        let sequel = graph.node(at: try #require(graph.index(ofNode: "tt0234215")))
        #expect(sequel.attributes["labels"] == .list(["Movie", "Sequel"]), "U+007C is '|', the array delimiter")
        #expect(sequel.label.text(in: "en") == "The Matrix Reloaded", "' is the quote")
    }

    @Test("neo4j-admin's option forms: U+XXXX characters, =true/=false flags, --id-type in any case; bad ones exit 64")
    func neo4jAdminOptionForms() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "id:ID¿name\n1¿Ada\n1¿Again\n".write(to: folder.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        try ":START_ID¿:END_ID¿:TYPE\n01¿1¿SELF\n1¿9¿KNOWS\n".write(to: folder.appendingPathComponent("knows.csv"), atomically: true, encoding: .utf8)
        let arguments = ["import", "--nodes=Person=people.csv", "--relationships=knows.csv", "--delimiter=U+00BF", "--id-type=INTEGER"]
        let result = try RelGraphCLI.run(arguments + ["--skip-bad-relationships=true", "--skip-duplicate-nodes=TRUE", "-o", "-"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("{from: \"1\", to: \"1\", relation: SELF}"), "01 is the integer id 1: \(result.text)")
        #expect(!result.text.contains("Again"), "the repeated node was skipped")
        let strict = try RelGraphCLI.run(arguments + ["--skip-bad-relationships=false", "--skip-duplicate-nodes=true", "-o", "-"], in: folder)
        #expect(strict.status == 65, "=false leaves the flag off: \(strict.errors)")
        #expect(strict.errors.contains("no node has the id '9'"))
        for bad in ["--delimiter=U+ZZ", "--delimiter=U+000A", "--id-type=number", "--skip-bad-relationships=maybe"] {
            let usage = try RelGraphCLI.run(arguments + [bad, "-o", "-"], in: folder)
            #expect(usage.status == 64, "\(bad): \(usage.errors)")
        }
    }

    @Test("a FILE folder of '|'-delimited neo4j files reads with --delimiter '|'")
    func neo4jFolderWithDelimiter() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "id:ID|name|tags:string[]\nada|Ada Lovelace|red;blue\nbob|Bob|\n".write(
            to: folder.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        try ":START_ID|:END_ID|:TYPE\nada|bob|KNOWS\n".write(to: folder.appendingPathComponent("knows.csv"), atomically: true, encoding: .utf8)
        let plain = try RelGraphCLI.run("import", folder.path, "-o", "-")
        #expect(plain.status == 64)
        #expect(plain.errors.contains("is not a neo4j-csv folder"))
        let result = try RelGraphCLI.run("import", folder.path, "--delimiter", "|", "-o", "-")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("{from: ada, to: bob, relation: KNOWS}"))
        #expect(result.text.contains("tags: [red, blue]"))
    }

    @Test("arrays become lists, parallel relationships are kept with ids, a foreign date column is an attribute")
    func neo4jFolder() throws {
        let result = try RelGraphCLI.run("import", Self.fixtures.appendingPathComponent("neo4j-arrays").path, "-o", "-")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("{id: e1, from: keanu, to: tt0133093, relation: ACTED_IN, attributes: {roles: [Neo, The One]}}"))
        #expect(result.text.contains("{id: e2, from: keanu, to: tt0133093, relation: ACTED_IN, attributes: {roles: [Neo]}}"))
        #expect(result.text.contains("neo4j-date: last spring"))
        #expect(result.text.contains("born: \"1964-09-02\""))
    }

    @Test("Neo4j CSV import, export, import again is lossless (lists, ids, several labels)")
    func neo4jRoundTrip() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let first = folder.appendingPathComponent("first.yaml").path
        #expect(try RelGraphCLI.run("import", Self.fixtures.appendingPathComponent("neo4j-arrays").path, "-o", first).status == 0)
        for (format, suffix) in [("neo4j-csv", "-csv"), ("graphml", ".graphml"), ("dot", ".dot"), ("json", ".json")] {
            let (original, again) = try roundTrip(first, through: format, suffix: suffix)
            #expect(original == again, "through \(format)")
        }
    }

    @Test("delimiters, quotes, tabs, BOM, multiline fields and integer ids")
    func neo4jDialect() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "\u{FEFF}id:ID|name|tags:string[]\n1|'Ada\nLovelace'|a,b\n2|'Bob ''B'''|\n".write(
            to: folder.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        try ":START_ID\t:END_ID\n001\t2\n".write(to: folder.appendingPathComponent("knows.csv"), atomically: true, encoding: .utf8)
        let result = try RelGraphCLI.run(
            [
                "import", "--nodes=Person=people.csv", "--delimiter", "|", "--quote", "'", "--array-delimiter", ",", "--id-type", "integer",
                "-o", "-",
            ], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("label: \"Ada\\nLovelace\""))
        #expect(result.text.contains("tags: [a, b]"))
        #expect(result.text.contains("Bob 'B'"))
        let tabs = try RelGraphCLI.run(
            [
                "import", "--nodes=Person=people.csv", "--relationships=KNOWS=knows.csv", "--delimiter", "|", "--quote", "'",
                "--id-type", "integer", "-o", "-",
            ], in: folder)
        #expect(tabs.status == 65, "knows.csv uses tabs, not '|': its records have one field too few")
        try ":START_ID|:END_ID\n001|2\n".write(to: folder.appendingPathComponent("knows.csv"), atomically: true, encoding: .utf8)
        let joined = try RelGraphCLI.run(
            [
                "import", "--nodes=Person=people.csv", "--relationships=KNOWS=knows.csv", "--delimiter", "|", "--quote", "'",
                "--id-type", "integer", "-o", "-",
            ], in: folder)
        #expect(joined.status == 0, "\(joined.errors)")
        #expect(joined.text.contains("{from: \"1\", to: \"2\", relation: KNOWS}"), "001 and 1 are the same integer id")
    }

    @Test("malformed CSV is reported as FILE:LINE:COLUMN, nothing written")
    func neo4jErrors() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "id:ID,age:int\na,1\nb,old\n".write(to: folder.appendingPathComponent("n.csv"), atomically: true, encoding: .utf8)
        try ":START_ID,:END_ID,:TYPE\na,zz,KNOWS\n".write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out.yaml").path
        let bad = try RelGraphCLI.run(["import", "--nodes=n.csv", "-o", out], in: folder)
        #expect(bad.status == 65)
        #expect(bad.errors.contains("n.csv:3:3: error:"), "\(bad.errors)")
        try "id:ID,age:int\na,1\nb,2\n".write(to: folder.appendingPathComponent("n.csv"), atomically: true, encoding: .utf8)
        let dangling = try RelGraphCLI.run(["import", "--nodes=n.csv", "--relationships=r.csv", "-o", out], in: folder)
        #expect(dangling.status == 65)
        #expect(dangling.errors.contains("r.csv:2:3: error: no node has the id 'zz'"), "\(dangling.errors)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let skipped = try RelGraphCLI.run(["import", "--nodes=n.csv", "--relationships=r.csv", "--skip-bad-relationships", "-o", out], in: folder)
        #expect(skipped.status == 0)
        #expect(skipped.errors.contains("skipped 1 relationships"))
    }

    @Test("a plain folder that is not a neo4j-csv folder says so")
    func plainFolder() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "a,b\n1,2\n".write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let result = try RelGraphCLI.run("stats", folder.path)
        #expect(result.status == 64)
        #expect(result.errors.contains("is not a neo4j-csv folder"))
    }

    @Test("a foreign DOT file's edge labels become relations, clusters and escapes survive import, export, import")
    func dotFidelity() throws {
        let path = try RelGraphCLI.file(
            named: "f.dot",
            """
            digraph G {
              label="Services"; node [shape=box];
              subgraph cluster_db { a [label="line1\\lline2\\l"]; b }
              a -> b [label="depends on"];
              b -> c [xlabel="p\\lq"];
              a -> c:n; a -> c:s;
            }
            """)
        let folder = try RelGraphCLI.temporaryFolder()
        let first = folder.appendingPathComponent("f.yaml").path
        let imported = try RelGraphCLI.run("import", path, "-o", first)
        #expect(imported.status == 0, "\(imported.errors)")
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("{id: depends-on, label: depends on}"))
        #expect(text.contains("{from: a, to: b, relation: depends-on}"))
        #expect(text.contains("xlabel: \"p\\\\lq\""), "justification escapes kept as written: \(text)")
        #expect(text.contains("{id: e3, from: a, to: c"), "edges through different ports are parallel edges")
        let dot = try RelGraphCLI.run("export", first, "--to", "dot").text
        #expect(dot.contains("subgraph \"cluster_db\" { \"a\" \"b\" }"))
        #expect(dot.contains("relation=\"depends-on\" label=\"depends on\""))
        #expect(!dot.contains("\\\\"), "no backslash is doubled")
        let (original, again) = try roundTrip(first, through: "dot", suffix: ".dot")
        #expect(original == again)
    }

    @Test("DOT with content after the graph, or a NUL byte, is a located error; control characters are replaced")
    func dotRejects() throws {
        let trailing = try RelGraphCLI.file(named: "t.dot", "digraph{a->b} garbage")
        let result = try RelGraphCLI.run("stats", trailing)
        #expect(result.status == 65)
        #expect(result.errors.contains("t.dot:1:15: error: content after the graph"))
        let nul = try RelGraphCLI.file(named: "n.dot", "digraph{\na->b\u{0}}")
        let nulResult = try RelGraphCLI.run("stats", nul)
        #expect(nulResult.status == 65)
        #expect(nulResult.errors.contains("n.dot:2:5: error: a NUL byte"))
        let control = try RelGraphCLI.file(named: "c.dot", "digraph{a [label=\"x\u{1}y\"]}")
        let controlResult = try RelGraphCLI.run("import", control, "-o", "-")
        #expect(controlResult.status == 0)
        #expect(controlResult.text.contains("label: x\u{FFFD}y"))
        #expect(controlResult.errors.contains("warning: control characters replaced"))
        let csv = try RelGraphCLI.temporaryFolder()
        try "id:ID,name\na,\"x\u{7}y\"\n".write(to: csv.appendingPathComponent("n.csv"), atomically: true, encoding: .utf8)
        let csvResult = try RelGraphCLI.run(["import", "--nodes=n.csv", "-o", "-"], in: csv)
        #expect(csvResult.text.contains("label: x\u{FFFD}y"))
        #expect(csvResult.errors.contains("n.csv:2:1: warning: control characters replaced"))
    }

    @Test("render of a foreign DOT keeps its own look unless --relgraph-style; file-reading attributes never pass")
    func dotOwnLook() throws {
        let path = try RelGraphCLI.file(
            named: "look.dot",
            """
            digraph { node [shape=box style="filled,rounded" fillcolor="#ffcc00"]; a [color=red image="/etc/passwd" shapefile="/etc/passwd" fontpath="/tmp"]; b [shape=epsf]; a -> b [color=blue style=dashed arrowhead=vee] }
            """)
        let own = try RelGraphCLI.run("render", path, "--format", "dot")
        #expect(own.status == 0, "\(own.errors)")
        let laidOut = own.text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        #expect(laidOut.contains("shape=box") && laidOut.contains("fillcolor=\"#ffcc00\"") && laidOut.contains("arrowhead=vee"))
        // The tooltip lists every attribute as text; none reaches Graphviz as an attribute.
        #expect(!laidOut.contains("image=") && !laidOut.contains("shapefile=") && !laidOut.contains("fontpath=") && !laidOut.contains("shape=epsf"))
        let relgraph = try RelGraphCLI.run("render", path, "--format", "dot", "--relgraph-style").text
        #expect(!relgraph.contains("fillcolor=\"#ffcc00\"") && !relgraph.contains("arrowhead=vee"))
    }

    @Test("DOT → document → DOT keeps \\l and \\r as written, and a cluster's label and color")
    func dotEscapesAndClusters() throws {
        let path = try RelGraphCLI.file(
            named: "c.dot",
            #"""
            digraph G {
              label="Services"; rankdir=LR;
              subgraph cluster_db { label="Database"; color=blue; a [label="left\lright\rcentre"]; b }
              subgraph cluster_web { c }
              a -> b [xlabel="p\lq"]; b -> c;
            }
            """#)
        let folder = try RelGraphCLI.temporaryFolder()
        let document = folder.appendingPathComponent("c.yaml").path
        let imported = try RelGraphCLI.run("import", path, "-o", document)
        #expect(imported.status == 0, "\(imported.errors)")
        let graph = try Graph(contentsOf: document)
        #expect(graph.node(at: graph.index(ofNode: "a")!).label.text(in: "en") == #"left\lright\rcentre"#)
        #expect(graph.graphAttributes["cluster_db.label"] == .string("Database"))
        #expect(graph.graphAttributes["cluster_db.color"] == .string("blue"))
        #expect(graph.graphAttributes["cluster_web.label"] == nil, "a cluster inherits the graph's label; only its own look is kept")
        let dot = try RelGraphCLI.run("export", document, "--to", "dot").text
        #expect(dot.contains(#""label"="left\lright\rcentre""#), "\(dot)")
        #expect(dot.contains(#""xlabel"="p\lq""#))
        #expect(dot.contains(#"subgraph "cluster_db" { color="blue"; label="Database"; "a" "b" }"#))
        #expect(!dot.contains(#"\\"#), "no backslash is doubled")
        let (original, again) = try roundTrip(document, through: "dot", suffix: ".dot")
        #expect(original == again)
        // Graphviz itself reads the export: the cluster is drawn with its label.
        let exported = folder.appendingPathComponent("c.dot").path
        try dot.write(toFile: exported, atomically: true, encoding: .utf8)
        let drawn = Process()
        drawn.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        drawn.arguments = ["-Tsvg", exported]
        let pipe = Pipe()
        drawn.standardOutput = pipe
        try drawn.run()
        let svg = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        drawn.waitUntilExit()
        #expect(svg.contains(">Database</text>"))
        #expect(svg.contains("stroke=\"blue\""))
    }

    @Test("a DOT graph's attributes survive export to GraphML and neo4j-csv and import again; NetworkX sees them as graph data")
    func graphAttributesThroughOtherFormats() throws {
        let path = try RelGraphCLI.file(named: "g.dot", #"digraph { label="Services"; rankdir=LR; nodesep=0.5; subgraph cluster_x { label="X"; a } a -> b }"#)
        let folder = try RelGraphCLI.temporaryFolder()
        let document = folder.appendingPathComponent("g.yaml").path
        #expect(try RelGraphCLI.run("import", path, "-o", document).status == 0)
        #expect(try Graph(contentsOf: document).graphAttributes.count == 3)
        for (format, suffix) in [("graphml", ".graphml"), ("neo4j-csv", "-csv")] {
            let (original, again) = try roundTrip(document, through: format, suffix: suffix)
            #expect(original == again, "through \(format)")
        }
        let graphml = folder.appendingPathComponent("g.graphml").path
        #expect(try RelGraphCLI.run("export", document, "--to", "graphml", "-o", graphml).status == 0)
        let seen = try Python.run(
            """
            import sys, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            print(g.graph.get("rankdir"), g.graph.get("nodesep"), g.graph.get("cluster_x.label"))
            """, arguments: [graphml])
        #expect(seen.trimmingCharacters(in: .whitespacesAndNewlines) == "LR 0.5 X")
        // And a foreign GraphML's graph data (NetworkX's G.graph) become the graph's attributes.
        let foreign = folder.appendingPathComponent("nx.graphml").path
        _ = try Python.run(
            """
            import sys, networkx as nx
            g = nx.DiGraph(rankdir="TB", year=2024)
            g.add_edge("a", "b")
            nx.write_graphml(g, sys.argv[1])
            """, arguments: [foreign])
        let read = try RelGraphCLI.run("import", foreign, "-o", "-")
        #expect(read.status == 0, "\(read.errors)")
        #expect(read.text.contains("attributes: {rankdir: TB, year: 2024}"), "\(read.text)")
        // yEd's graph description is data; its resources (for="graphml") are drawings, not attributes.
        let yed = try RelGraphCLI.file(
            named: "y.graphml",
            """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
              <key for="graphml" id="d7" yfiles.type="resources"/>
              <graph edgedefault="directed" id="G"><data key="d0">My diagram</data><node id="n0"/></graph>
              <data key="d7"><y:Resources/></data>
            </graphml>
            """)
        let yedRead = try RelGraphCLI.run("import", yed, "-o", "-")
        #expect(yedRead.text.contains("attributes: {Description: My diagram}\n"), "\(yedRead.text)")
    }

    /// A pyreverse-style class diagram: record and Mrecord nodes, `\l` escapes, edges from ports.
    static let classDiagram = #"""
        digraph "classes" {
        rankdir=BT
        "pkg.Shape" [color="black", fontcolor="black", label="{Shape|name : str\l|area() : float\lmove(dx, dy)\l}", shape="record", style="solid"];
        "pkg.Circle" [color="black", fontcolor="black", label="{Circle|radius : float\l|area() : float\l}", shape="record", style="solid"];
        "pkg.Canvas" [label="<f0> left|<f1> mid|<f2> right", shape=Mrecord];
        "pkg.Circle" -> "pkg.Shape" [arrowhead="empty", arrowtail="none"];
        "pkg.Canvas":f0 -> "pkg.Circle" [arrowhead="diamond", style="solid"];
        "pkg.Canvas" -> "pkg.Shape" [tailport=f2 headport=s];
        }
        """#

    @Test("record and Mrecord nodes of a foreign DOT render as records, fields as Graphviz draws them, edges from their ports")
    func recordLabels() throws {
        let path = try RelGraphCLI.file(named: "classes.dot", Self.classDiagram)
        let result = try RelGraphCLI.run("render", path, "--format", "svg")
        #expect(result.status == 0, "\(result.errors)")
        let svg = try SVGDrawing(result.output)
        // Graphviz's own drawing of the same file has the same fields in each node.
        let dot = Process()
        dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        dot.arguments = ["-Tsvg", path]
        let pipe = Pipe()
        dot.standardOutput = pipe
        try dot.run()
        let reference = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        dot.waitUntilExit()
        func referenceTexts(_ node: String) -> [String] {
            guard let start = reference.range(of: "<title>\(node)</title>"), let end = reference.range(of: "</g>", range: start.upperBound..<reference.endIndex)
            else { return [] }
            let group = reference[start.upperBound..<end.lowerBound]
            return group.matches(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.1) }
        }
        #expect(svg.texts(ofNode: "pkg.Shape") == ["Shape", "name : str", "area() : float", "move(dx, dy)"])
        for node in ["pkg.Shape", "pkg.Circle", "pkg.Canvas"] {
            #expect(svg.texts(ofNode: node) == referenceTexts(node), "\(node)")
        }
        #expect(!svg.texts(ofNode: "pkg.Canvas").joined().contains("|"), "no raw record text in an ellipse")
        // Graphviz names an edge by its ports: tailport and headport reached the layout.
        let text = result.text
        #expect(text.contains("<title>pkg.Canvas:f0&#45;&gt;pkg.Circle</title>"))
        #expect(text.contains("<title>pkg.Canvas:f2&#45;&gt;pkg.Shape:s</title>"))
        // Import, export and import again keep the record label as written, escapes and all.
        let folder = try RelGraphCLI.temporaryFolder()
        let document = folder.appendingPathComponent("classes.yaml").path
        #expect(try RelGraphCLI.run("import", path, "-o", document).status == 0)
        let exported = try RelGraphCLI.run("export", document, "--to", "dot").text
        #expect(exported.contains(#""label"="{Shape|name : str\l|area() : float\lmove(dx, dy)\l}""#), "\(exported)")
        let (original, again) = try roundTrip(document, through: "dot", suffix: ".dot")
        #expect(original == again)
    }

    @Test("a malformed record label or a port that is not a name never reaches Graphviz")
    func badRecordLabels() throws {
        let path = try RelGraphCLI.file(
            named: "bad.dot", #"digraph { a [shape=record label="{x|<p y}"]; b [shape=Mrecord label="{open"]; a -> b [tailport="p;rm -rf" headport="q:up"] }"#)
        let result = try RelGraphCLI.run("render", path, "--format", "svg")
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.text.contains("<title>a:p"), "the bad port is dropped")
        #expect(result.errors.isEmpty, "Graphviz had nothing to complain about: \(result.errors)")
    }

    @Test("a DOT file's graph attributes survive import, export and render; crashers and unknown ones do not reach layout")
    func dotGraphAttributes() throws {
        let path = try RelGraphCLI.file(named: "g.dot", "digraph { rankdir=TB; nodesep=0.5; splines=ortho; concentrate=true; a -> b }")
        let folder = try RelGraphCLI.temporaryFolder()
        let document = folder.appendingPathComponent("g.yaml").path
        #expect(try RelGraphCLI.run("import", path, "-o", document).status == 0)
        let text = try String(contentsOfFile: document, encoding: .utf8)
        #expect(text.contains("attributes: {concentrate: true, nodesep: 0.5, rankdir: TB, splines: ortho}"), "\(text)")
        let dot = try RelGraphCLI.run("export", document, "--to", "dot").text
        #expect(dot.contains("\"rankdir\"=\"TB\""))
        let (original, again) = try roundTrip(document, through: "dot", suffix: ".dot")
        #expect(original == again)
        let drawn = try RelGraphCLI.run("render", document, "--format", "dot").text
        #expect(drawn.contains("rankdir=TB") && drawn.contains("nodesep=0.5"))
        #expect(!drawn.contains("ortho") && !drawn.contains("concentrate"))
    }

    @Test("an LDBC-shaped set (31 files, '|' delimiter, 8 ID spaces, datetime and array columns) loads every node and relationship")
    func ldbcShaped() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let types = ["Person": 150, "Forum": 150, "Post": 1200, "Comment": 1400, "Tag": 200, "TagClass": 10, "Place": 150, "Organisation": 240]
        var arguments = ["import", "--delimiter", "|"]
        for (type, count) in types.sorted(by: { $0.key < $1.key }) {
            var text = "id:ID(\(type))|name|creationDate:datetime|tags:string[]\n"
            for index in 0..<count { text += "\(index)|\(type) \(index)|2012-0\(1 + index % 9)-01T00:00:00|a;b\n" }
            try text.write(to: folder.appendingPathComponent("\(type.lowercased())_0_0.csv"), atomically: true, encoding: .utf8)
            arguments.append("--nodes=\(type)=\(type.lowercased())_0_0.csv")
        }
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let sorted = types.keys.sorted()
        var relationships = 0
        for file in 0..<23 {
            let from = sorted[file % sorted.count], to = sorted[(file * 3 + 1) % sorted.count]
            var text = ":START_ID(\(from))|:END_ID(\(to))|creationDate:datetime\n"
            for _ in 0..<300 { text += "\(next(types[from]!))|\(next(types[to]!))|2012-01-01T00:00:00\n" }
            relationships += 300
            let name = "rel\(file)_0_0.csv"
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            arguments.append("--relationships=R\(file)=\(name)")
        }
        arguments += ["-o", "out.json"]
        let result = try RelGraphCLI.run(arguments, in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let stats = try RelGraphCLI.run("stats", folder.appendingPathComponent("out.json").path, "--json").json as? [String: Any]
        #expect(stats?["nodes"] as? Int == types.values.reduce(0, +))
        #expect(stats?["edges"] as? Int == relationships, "parallel relationships are all kept")
        #expect((stats?["relations"] as? [String: Int])?.count == 23)
    }

    @Test("export to neo4j-csv warns about list strings holding ';', which Neo4j arrays cannot carry")
    func arrayDelimiterWarning() throws {
        let document = try RelGraphCLI.file(named: "l.yaml", "relgraph: 1\nnodes:\n  - {id: a, kind: actor, attributes: {x: [\"p;q\"], y: [r]}}\n")
        let folder = try RelGraphCLI.temporaryFolder().appendingPathComponent("csv").path
        let result = try RelGraphCLI.run("export", document, "--to", "neo4j-csv", "-o", folder)
        #expect(result.status == 0)
        #expect(
            result.errors
                == "\(folder): warning: list attribute 'x' has strings holding ';', Neo4j's array delimiter: they read back split there; GraphML, DOT and documents keep them whole\n"
        )
    }

    @Test("a multi-byte delimiter (¿) and several labels on the command line, as a published set uses them")
    func invertedQuestionMark() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        try "id:ID¿name¿:LABEL\na¿Ann B¿Person\nb¿\"x¿y\"¿Person;Author\nc¿¿\n".write(
            to: folder.appendingPathComponent("n.csv"), atomically: true, encoding: .utf8)
        try ":START_ID¿:END_ID\na¿b\n".write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let result = try RelGraphCLI.run(["import", "--nodes=Human:Being=n.csv", "--relationships=KNOWS=r.csv", "--delimiter", "¿", "-o", "-"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("{id: b, kind: Human, label: x¿y, attributes: {labels: [Human, Being, Person, Author], name: x¿y}}"))
        #expect(result.text.contains("{id: c, kind: Human, attributes: {labels: [Human, Being]}}"))
        #expect(result.text.contains("{from: a, to: b, relation: KNOWS}"))
    }

    @Test("query sees parallel edges by id and list attributes as lists")
    func queryParallelAndLists() throws {
        let document = try RelGraphCLI.file(
            named: "q.yaml",
            """
            relgraph: 1
            nodes:
              - {id: a, kind: actor, attributes: {roles: [Neo, The One]}}
              - {id: b, kind: actor}
            edges:
              - {id: r1, from: a, to: b, relation: knows}
              - {id: r2, from: a, to: b, relation: knows}
            """)
        let result = try RelGraphCLI.run("query", document, "MATCH (a)-[r]->(b) RETURN a.roles, r.id, r ORDER BY r.id", "--json")
        #expect(result.status == 0, "\(result.errors)")
        let rows = (result.json as? [String: Any])?["rows"] as? [[Any]]
        #expect(rows?.count == 2)
        #expect(rows?.first?[0] as? [String] == ["Neo", "The One"])
        #expect(rows?.map { $0[1] as? String } == ["r1", "r2"])
        #expect((rows?.last?[2] as? [String: String])?["id"] == "r2")
    }
}
