import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time RelGraph's operations on a generated size; one JSON object per line.")

    @Option(help: "The size to run.") var size: Size = .S
    @Option(help: "Where the generated files are.") var data = "Benchmarks/data"
    @Option(help: "Runs per operation (the median is reported).") var runs = 5

    func run() throws {
        let files = DataFiles(folder: data, size: size)
        let loadRuns = size == .XL ? 1 : min(runs, 3)
        func report(_ measurement: Measurement) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            FileHandle.standardOutput.write(try! encoder.encode(measurement) + Data("\n".utf8))
        }
        report(try Measure.run("load json", size: size, runs: loadRuns) { _ = try GraphDocument.read(contentsOf: files.json) })
        if size.hasYAML {
            report(try Measure.run("load yaml", size: size, runs: loadRuns) { _ = try GraphDocument.read(contentsOf: files.yaml) })
        }
        var graph = Graph()
        report(try Measure.run("load neo4j-csv", size: size, runs: loadRuns) { graph = try GraphDocument.read(contentsOf: files.csv) })

        let pairs = try String(contentsOfFile: files.pairs, encoding: .utf8).split(separator: "\n").map {
            let ids = $0.split(separator: " ")
            return (graph.index(ofNode: String(ids[0]))!, graph.index(ofNode: String(ids[1]))!)
        }
        let roots = try String(contentsOfFile: files.roots, encoding: .utf8).split(separator: "\n").map { graph.index(ofNode: String($0))! }

        var traversal = Traversal(graph)
        var found = 0
        report(Measure.run("1000 shortest paths", size: size, runs: runs) {
            found = 0
            for (from, to) in pairs where traversal.shortestPath(from: from, to: to) != nil { found += 1 }
        })
        var reached = 0
        report(Measure.run("100 two-hop reaches", size: size, runs: runs) {
            reached = 0
            for root in roots { reached += traversal.reach(from: root, depth: 2).count }
        })
        report(Measure.run("weak components", size: size, runs: runs) { _ = GraphView(graph).weakComponents().count })
        let hubs = (0..<graph.nodeCount).sorted { degree(graph, $0) > degree(graph, $1) }.prefix(10)
        report(Measure.run("neighbours of 10 hubs", size: size, runs: runs) {
            for hub in hubs { _ = traversal.neighbors(of: hub) }
        })
        let moment = try PartialDate(parsing: "2000")
        var asOf = Traversal(graph.view(GraphFilter(asOf: moment)))
        report(Measure.run("1000 as-of paths", size: size, runs: runs, note: "view as of 2000 built inside") {
            asOf = Traversal(graph.view(GraphFilter(asOf: moment)))
            for (from, to) in pairs { _ = asOf.shortestPath(from: from, to: to) }
        })
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let exportRuns = size == .XL ? 1 : min(runs, 3)
        report(try Measure.run("export dot", size: size, runs: exportRuns) {
            let file = try OutputFile(path: "\(scratch)/graph.dot")
            file.write(DOTWriter().dot(for: graph))
            try file.commit()
        })
        report(try Measure.run("export graphml", size: size, runs: exportRuns) {
            let file = try OutputFile(path: "\(scratch)/graph.graphml")
            var sink = file
            GraphMLWriter().write(graph, to: &sink)
            try file.commit()
        })
        report(try Measure.run("export neo4j-csv", size: size, runs: exportRuns) { try Neo4jCSV.write(graph, toFolder: "\(scratch)/csv") })

        let renderer = GraphvizRenderer()
        if size == .S {
            let dot = DOTDrawing().dot(for: GraphView(graph))
            try dot.write(toFile: files.dot("render"), atomically: true, encoding: .utf8)
            _ = try renderer.render(dot)  // the first render in a process loads plugins
            report(try Measure.run("render S svg (dot)", size: size, runs: max(runs, 10)) { _ = try renderer.render(dot) })
        } else {
            for (nodes, name) in [(1_000, "view-1000"), (5_000, "view-5000")] where graph.nodeCount >= nodes {
                var drawing = DOTDrawing()
                drawing.layout = "sfdp"
                drawing.showsLegend = false
                let view = GraphView(graph).restricted(to: neighbourhood(of: roots[0], in: graph, nodes: nodes))
                let dot = drawing.dot(for: view)
                try dot.write(toFile: files.dot(name), atomically: true, encoding: .utf8)
                report(try Measure.run("render \(nodes)-node view svg (sfdp)", size: size, runs: 1, note: "\(view.edgeIndices.count) edges") {
                    _ = try renderer.render(dot, layout: .sfdp)
                })
            }
        }
        _ = found + reached
    }

    private func degree(_ graph: Graph, _ node: Int) -> Int {
        graph.adjacencyDegree(of: node)
    }

    /// The first `nodes` nodes reached breadth-first from `root`, leaving out the hubs so the
    /// view is a neighbourhood rather than the whole graph.
    private func neighbourhood(of root: Int, in graph: Graph, nodes: Int) -> [Int] {
        var traversal = Traversal(graph.view(GraphFilter(kinds: [.treaty, .project, .event, .place, .sector])))
        var depth = 1
        var reached = traversal.reach(from: root, depth: depth)
        while reached.count < nodes, depth < 12 {
            depth += 1
            reached = traversal.reach(from: root, depth: depth)
        }
        return reached.prefix(nodes).map(\.node)
    }
}
