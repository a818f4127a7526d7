import ArgumentParser
import Foundation
import RelGraph
import RelGraphGraphviz

@main
struct RelGraphBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relgraph-bench",
        abstract: "Generate benchmark graphs and time RelGraph on them, in process.",
        subcommands: [Generate.self, Run.self])
}

extension Size: ExpressibleByArgument {}

/// Where a size's files live.
struct DataFiles {
    let folder: String
    let size: Size

    var json: String { "\(folder)/\(size.rawValue).json" }
    var yaml: String { "\(folder)/\(size.rawValue).yaml" }
    var csv: String { "\(folder)/\(size.rawValue)-csv" }
    var pairs: String { "\(folder)/\(size.rawValue)-pairs.txt" }
    var roots: String { "\(folder)/\(size.rawValue)-roots.txt" }
    func dot(_ name: String) -> String { "\(folder)/\(size.rawValue)-\(name).dot" }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the seeded graphs: JSON, YAML (up to M), neo4j-csv, and query inputs.")

    @Option(help: "Sizes to generate (S, M, L, XL).") var size: [Size] = [.S, .M, .L]
    @Option(help: "Where to write.") var data = "Benchmarks/data"

    func run() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for size in size {
            let files = DataFiles(folder: data, size: size)
            let start = Date()
            var generator = Generator(size: size)
            let graph = try generator.graph()
            let json = try OutputFile(path: files.json)
            var jsonSink = json
            DocumentWriter(syntax: .json).write(graph, to: &jsonSink)
            try json.commit()
            if size.hasYAML {
                let yaml = try OutputFile(path: files.yaml)
                var yamlSink = yaml
                DocumentWriter(syntax: .yaml).write(graph, to: &yamlSink)
                try yaml.commit()
            }
            try Neo4jCSV.write(graph, toFolder: files.csv)
            try generator.pairs(1000).map { "\($0.0) \($0.1)" }.joined(separator: "\n").write(toFile: files.pairs, atomically: true, encoding: .utf8)
            try generator.roots(100).joined(separator: "\n").write(toFile: files.roots, atomically: true, encoding: .utf8)
            print(
                "\(size.rawValue): \(graph.nodeCount) nodes, \(graph.edgeCount) edges in \(String(format: "%.1f", Date().timeIntervalSince(start))) s → \(data)"
            )
        }
    }
}
