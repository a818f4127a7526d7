import Foundation
import RelGraph

/// Shared fixtures: the bundled India–Russia graph and small graphs written inline.
public enum Fixtures {
    /// The package's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let indiaRussiaPath = root.appendingPathComponent("Graphs/india-russia.yaml").path

    /// The bundled graph, read once.
    public static let indiaRussia: Graph = {
        do {
            return try Graph(contentsOf: indiaRussiaPath)
        } catch {
            fatalError("the bundled graph must load: \(error)")
        }
    }()

    /// A graph from YAML text; fails the test on an invalid document.
    public static func graph(_ yaml: String) throws -> Graph {
        try GraphDocument.decode(yaml, syntax: .yaml, fileName: "fixture.yaml")
    }

    /// The diagnostics of an invalid document, as printed lines.
    public static func problems(_ text: String, syntax: GraphDocument.Syntax = .yaml) -> [String] {
        do {
            _ = try GraphDocument.decode(text, syntax: syntax, fileName: "bad.\(syntax.rawValue)")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A small hand-built graph: a cycle a→b→c→a, a symmetric edge c–d, a self-loop on d, two
    /// edges b→e with different relations, and an island f.
    public static let smallGraph: Graph = {
        do {
            return try graph(
                nodes: ["a", "b", "c", "d", "e", "f"],
                edges: [
                    ("a", "b", "r"), ("b", "c", "r"), ("c", "a", "r"), ("c", "d", "peer"), ("d", "d", "self"),
                    ("b", "e", "x"), ("b", "e", "w"),
                ],
                symmetric: ["peer"])
        } catch {
            fatalError("the small fixture must build: \(error)")
        }
    }()

    /// A graph of nodes `a`, `b`, … (actors) and the given edges `("a", "b", "r")`.
    public static func graph(nodes: [String], edges: [(String, String, String)], symmetric: [String] = []) throws -> Graph {
        var builder = GraphBuilder()
        for relation in symmetric { try builder.declareRelation(RelationType(id: relation, isSymmetric: true)) }
        for node in nodes { try builder.addNode(Node(id: node, kind: .actor)) }
        for (from, to, relation) in edges { try builder.addEdge(Edge(from: from, to: to, relation: relation)) }
        return try builder.build()
    }
}

extension Graph {
    /// The index of a node that must exist.
    public func node(_ id: String) -> NodeIndex {
        guard let index = index(ofNode: id) else { fatalError("no node \(id)") }
        return index
    }

    /// Node ids along a path.
    public func ids(_ path: Path?) -> [String]? {
        path.map { $0.nodes.map(id(ofNode:)) }
    }
}
