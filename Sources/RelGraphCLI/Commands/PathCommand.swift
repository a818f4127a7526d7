import ArgumentParser
import RelGraph

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Find one shortest path (fewest hops) between two nodes.",
        discussion: """
            Edge direction is ignored unless --directed; symmetric relations go both ways. Among shortest paths, \
            the one whose sequence of node ids is smallest is shown. Exit 1 when there is none.
            """)

    @OptionGroup var ends: PathEnds
    @OptionGroup var filter: FilterOptions
    @OptionGroup var answer: AnswerOptions
    @OptionGroup var engine: EngineOptions

    func run() throws {
        try engine.delegateIfAsked()
        try CommandFailure.reporting(progress: ends.input.progress) {
            let (scope, source, target) = try ends.resolve(
                with: filter, emptyAnswer: answer.json ? { QueryJSON.noPath(from: $0, to: $1, in: $2) } : nil)
            let graph = scope.graph
            var traversal = Traversal(scope.view)
            guard let path = traversal.shortestPath(from: source, to: target, direction: ends.direction) else {
                if answer.json { Console.output(QueryJSON.noPath(from: source, to: target, in: graph)) }
                throw CommandFailure(
                    answer.json ? "" : "no path from '\(graph.id(ofNode: source))' to '\(graph.id(ofNode: target))'", code: CommandFailure.nothingFound)
            }
            Console.output(answer.json ? QueryJSON.path(path, in: graph).serialized() : PathText.render(path, in: graph, language: answer.lang))
        }
    }
}

/// Paths for people: one node per line, the edge walked between them.
enum PathText {
    static func render(_ path: Path, in graph: Graph, language: String) -> String {
        let safe = { (text: String) in TerminalText.safe(text) }
        var lines = [
            "\(safe(graph.id(ofNode: path.nodes.first!))) → \(safe(graph.id(ofNode: path.nodes.last!))): \(path.length) hop\(path.length == 1 ? "" : "s")"
        ]
        let idWidth = path.nodes.map { TerminalText.width(safe(graph.id(ofNode: $0))) }.max() ?? 0
        for (position, node) in path.nodes.enumerated() {
            let id = safe(graph.id(ofNode: node))
            lines.append("  \(id)\(String(repeating: " ", count: idWidth - TerminalText.width(id)))  \(safe(graph.displayName(ofNode: node, in: language)))")
            guard position < path.edges.count else { break }
            let edge = path.edges[position]
            let forward = graph.from(ofEdge: edge) == node && graph.to(ofEdge: edge) == path.nodes[position + 1]
            let relation = graph.relation(ofEdge: edge)
            var text = safe(graph.relationLabel(relation, in: language))
            let timing = graph.timing(ofEdge: edge).description
            if !timing.isEmpty { text += ", \(timing)" }
            let arrow = graph.isSymmetric(edge: edge) ? "  ──[\(text)]──" : forward ? "  ──[\(text)]─→" : "  ←─[\(text)]──"
            lines.append(arrow)
        }
        return lines.joined(separator: "\n")
    }
}
