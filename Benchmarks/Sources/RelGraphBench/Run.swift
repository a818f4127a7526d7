import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time RelGraph's operations on a generated size; one JSON object per line.")

    @Option(help: "The size to run.") var size: Size = .S
    @Option(help: "Where the generated files are.") var data = "Benchmarks/data"
    @Option(help: "Runs per operation (the median is reported).") var runs = 5
    @Option(help: "Run only operations whose name contains this (the neo4j-csv load always runs).") var only: String?

    /// One timed operation.
    struct Operation {
        var name: String
        var runs: Int
        var note: String? = nil
        var body: () throws -> Void
        /// Whether `body` runs a child process, whose peak memory is reported instead of ours.
        var childProcess = false
        /// Run after the measurement, untimed.
        var cleanUp: () -> Void = {}
    }

    func run() throws {
        let files = DataFiles(folder: data, size: size)
        // Exports go to a folder of their own (up to 4.6 GB at XL), removed when the run ends.
        defer { try? FileManager.default.removeItem(atPath: exportFolder) }
        var graph = Graph()
        var operations = [
            Operation(name: "load json", runs: slowRuns) { _ = try Graph(contentsOf: files.json) }
        ]
        if size.hasYAML {
            operations.append(Operation(name: "load yaml", runs: slowRuns) { _ = try Graph(contentsOf: files.yaml) })
        }
        try execute(operations)
        try execute([Operation(name: "load neo4j-csv", runs: slowRuns) { graph = try Graph(contentsOf: files.csv) }], always: true)
        try execute(
            queries(on: graph, files) + exports(of: graph, runs: slowRuns) + SnapshotBenchmark.operations(of: graph, files, runs: runs, slowRuns: slowRuns)
                + renders(of: graph, files))
    }

    private func execute(_ operations: [Operation], always: Bool = false) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for operation in operations where always || only.map({ operation.name.contains($0) }) ?? true {
            var measurement = try Measure.run(operation.name, size: size, runs: operation.runs, note: operation.note, operation.body)
            operation.cleanUp()
            if operation.childProcess { measurement.peakMB = Measure.lastChildPeakMB }
            if operation.name == "open snapshot" { measurement.note = SnapshotBenchmark.openingMemory("\(data)/\(size.rawValue).rgpack") }
            FileHandle.standardOutput.write(try encoder.encode(measurement) + Data("\n".utf8))
        }
    }

    private var slowRuns: Int { size == .XL ? 1 : min(runs, 3) }

    private func queries(on graph: Graph, _ files: DataFiles) throws -> [Operation] {
        let pairs = try String(contentsOfFile: files.pairs, encoding: .utf8).split(separator: "\n").map {
            let ids = $0.split(separator: " ")
            return (graph.index(ofNode: String(ids[0]))!, graph.index(ofNode: String(ids[1]))!)
        }
        let roots = try String(contentsOfFile: files.roots, encoding: .utf8).split(separator: "\n").map { graph.index(ofNode: String($0))! }
        let hubs = graph.nodeIndices.sorted { graph.adjacencyDegree(of: $0) > graph.adjacencyDegree(of: $1) }.prefix(10)
        let moment = try PartialDate(parsing: "2000")
        var traversal = Traversal(graph)
        let labels = roots.prefix(100).map { (graph.displayName(ofNode: $0, in: "en"), graph.displayName(ofNode: $0, in: "hi")) }
        var index = SearchIndex(Graph())
        var operations = [
            Operation(name: "search index build", runs: slowRuns) { index = SearchIndex(graph) },
            Operation(name: "100 searches", runs: runs, note: "a root's English label, its prefix, its Hindi label, a kind with a typo, in turn") {
                let typos = ["Actr", "Traety", "Projetc", "Secotr", "Evnet", "Palce"]
                for (position, (english, hindi)) in labels.enumerated() {
                    switch position % 4 {
                    case 0: _ = index.search(english, limit: 20)
                    case 1: _ = index.search(String(english.dropLast(1)), limit: 20)
                    case 2: _ = index.search(hindi, limit: 20)
                    default: _ = index.search(typos[position % typos.count], limit: 20)
                    }
                }
            },
            Operation(name: "10 searches matching 40% of nodes", runs: runs, note: "'actor': every actor's label starts with it") {
                for _ in 0..<10 { _ = index.search("actor", limit: 20) }
            },
            Operation(name: "10 searches of a bare number", runs: runs, note: "the typo tier compares it with 200,000 numeric words") {
                for (english, _) in labels.prefix(10) { _ = index.search(String(english.split(separator: " ").last!), limit: 20) }
            },
        ]
        for query in try CypherBenchmark.queries(root: graph.id(ofNode: roots[0]), pair: (graph.id(ofNode: pairs[0].0), graph.id(ofNode: pairs[0].1))) {
            // The answer goes into the note, so compare.py can check it against Kùzu's.
            let result = try graph.query(query.relgraph)
            let answer = result.rows.map { "[" + $0.map { result.json($0).serialized(indented: false) }.joined(separator: ", ") + "]" }.sorted().joined(
                separator: "; ")
            operations.append(Operation(name: query.name, runs: runs, note: answer) { _ = try graph.query(query.relgraph) })
        }
        // Issue 20: a variable-length pattern from the biggest hub, whose trails nothing reads, walked
        // breadth first once per end node, beside the traversal it amounts to. The notes hold both
        // counts: the end nodes of trails of 1 to 6 edges (the hub among them where a trail of at
        // most 6 edges returns to it) and the nodes within 6 hops (the hub at distance 0).
        let hub = hubs.first!
        let fromHub = "MATCH (a {id: '\(graph.id(ofNode: hub))'})-[*..6]-(b) RETURN count(DISTINCT b)"
        let counted = try graph.query(fromHub)
        let ends = counted.rows.first?.first.map { counted.text($0) } ?? "?"
        operations += [
            Operation(name: "[*..6] from a hub, distinct end nodes (Cypher)", runs: runs, note: "\(ends) end nodes; \(fromHub)") {
                _ = try graph.query(fromHub)
            },
            Operation(name: "reach --depth 6 from a hub", runs: runs, note: "\(traversal.reach(from: hub, depth: 6).count) nodes reached") {
                _ = traversal.reach(from: hub, depth: 6)
            },
        ]
        return operations + [
            // The answers go into the notes, to check against the C floors' (compare.py).
            Operation(
                name: "1000 shortest paths", runs: runs,
                note: AnswerNotes.paths(pairs.map { traversal.shortestPath(from: $0.0, to: $0.1) }, in: graph)
            ) {
                for (from, to) in pairs { _ = traversal.shortestPath(from: from, to: to) }
            },
            Operation(name: "100 two-hop reaches", runs: runs, note: "\(roots.reduce(0) { $0 + traversal.reach(from: $1, depth: 2).count }) nodes reached") {
                for root in roots { _ = traversal.reach(from: root, depth: 2) }
            },
            Operation(name: "weak components", runs: runs, note: AnswerNotes.components(GraphView(graph).weakComponents(), in: graph)) {
                _ = GraphView(graph).weakComponents().count
            },
            Operation(name: "neighbours of 10 hubs", runs: runs) {
                for hub in hubs { _ = traversal.neighbors(of: hub) }
            },
            Operation(name: "1000 as-of paths", runs: runs, note: "building the as-of-2000 view included") {
                var asOf = Traversal(graph.view(GraphFilter(asOf: moment)))
                for (from, to) in pairs { _ = asOf.shortestPath(from: from, to: to) }
            },
        ]
    }

    private var exportFolder: String {
        FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-bench-\(getpid())").path
    }

    private func exports(of graph: Graph, runs: Int) -> [Operation] {
        let scratch = exportFolder
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        // Each writer into a file, as `relgraph export` writes it. The file is removed once
        // measured: at XL the exports write 4.6 GB, and an export measured after others wrote
        // while their gigabytes were still in the page cache being written back, so its time
        // depended on the formats measured before it (GEXF, sixth: 5.4–5.8 s of CPU, against
        // 3.3 s measured alone, the kernel's copy into the page cache 2.5 times slower).
        func export(_ name: String, _ file: String, _ writer: some GraphWriter) -> Operation {
            Operation(
                name: "export \(name)", runs: runs,
                body: {
                    let output = try OutputFile(path: "\(scratch)/\(file)")
                    var sink = output
                    writer.write(graph, to: &sink)
                    try output.commit()
                }, cleanUp: { try? FileManager.default.removeItem(atPath: "\(scratch)/\(file)") })
        }
        return [
            export("dot", "graph.dot", DOTWriter()),
            export("graphml", "graph.graphml", GraphMLWriter()),
            Operation(
                name: "export neo4j-csv", runs: runs, body: { try Neo4jCSV.write(graph, toFolder: "\(scratch)/csv") },
                cleanUp: { try? FileManager.default.removeItem(atPath: "\(scratch)/csv") }),
            export("json", "graph.json", DocumentWriter(syntax: .json)),
            export("yaml", "graph.yaml", DocumentWriter(syntax: .yaml)),
            export("gexf", "graph.gexf", GEXFWriter()),
            export("cypher", "graph.cypher", CypherWriter()),
        ]
    }

    private func renders(of graph: Graph, _ files: DataFiles) throws -> [Operation] {
        let renderer = GraphvizRenderer()
        if size == .S {
            let dot = DOTDrawing().dot(for: GraphView(graph))
            try dot.write(toFile: files.dot("render"), atomically: true, encoding: .utf8)
            _ = try renderer.render(dot)  // the first render in a process loads Graphviz's plugins
            var growth = ""
            return [
                Operation(name: "render S svg (dot)", runs: max(runs, 10)) { _ = try renderer.render(dot) },
                // Resident memory after 100 renders and after 1,000: what a leak would grow.
                Operation(name: "1000 renders of S, memory growth", runs: 1) {
                    var afterHundred = 0.0
                    for index in 1...1_000 {
                        _ = try renderer.render(dot)
                        if index == 100 { afterHundred = Measure.residentMemoryMB() }
                    }
                    growth = String(format: "RSS %.1f MB after 100 renders, %.1f MB after 1,000", afterHundred, Measure.residentMemoryMB())
                    FileHandle.standardError.write(Data((growth + "\n").utf8))
                },
            ]
        }
        var operations: [Operation] = []
        for nodes in [1_000, 5_000] where graph.nodeCount >= nodes {
            var drawing = DOTDrawing()
            drawing.layout = .sfdp
            drawing.showsLegend = false
            let view = GraphView(graph).restricted(to: neighbourhood(in: graph, nodes: nodes))
            let dot = drawing.dot(for: view)
            try dot.write(toFile: files.dot("view-\(nodes)"), atomically: true, encoding: .utf8)
            operations.append(
                Operation(name: "render \(nodes)-node view svg (sfdp)", runs: 1, note: "\(view.edgeIndices.count) edges") {
                    _ = try renderer.render(dot, layout: .sfdp)
                })
        }
        return operations
    }

    /// About `nodes` nodes around a non-hub node, breadth first, the hubs left out so the view
    /// is a neighbourhood rather than the whole graph.
    private func neighbourhood(in graph: Graph, nodes: Int) -> [NodeIndex] {
        let hubs = Set(graph.nodeIndices.sorted { graph.adjacencyDegree(of: $0) > graph.adjacencyDegree(of: $1) }.prefix(Generator.hubs))
        let view = GraphView(graph).restricted(to: graph.nodeIndices.filter { !hubs.contains($0) })
        var traversal = Traversal(view)
        let root = graph.nodeIndices.first { !hubs.contains($0) && graph.adjacencyDegree(of: $0) > 2 }!
        var depth = 1
        var reached = traversal.reach(from: root, depth: depth)
        while reached.count < nodes, depth < 30 {
            depth += 1
            reached = traversal.reach(from: root, depth: depth)
        }
        return reached.prefix(nodes).map(\.node)
    }
}
