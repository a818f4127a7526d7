import ArgumentParser
import RelGraph

/// `--relation` and `--as-of`: what part of the graph a command sees.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("relation"), help: "Follow only edges of this relation, by id or label (repeatable).")
    var relations: [String] = []

    @OptionGroup var time: AsOfOptions

    var asOf: PartialDate? { time.asOf }

    /// The filter these options and `kinds` describe, checked against `graph`: an unknown kind
    /// or relation is a usage error (exit 64) naming the nearest known one.
    func filter(for graph: Graph, kinds: [String] = []) throws -> GraphFilter {
        GraphFilter(
            kinds: kinds.isEmpty ? nil : Set(try Vocabulary.kinds(kinds, in: graph)),
            relations: relations.isEmpty ? nil : Set(try relations.map { try Vocabulary.relation($0, in: graph) }),
            asOf: asOf)
    }

    /// Fails with exit 1 and one message when the filter leaves `node` out: "'x' does not
    /// exist as of 1995" when `--as-of` drops it, else which filter does.
    func require(_ node: NodeIndex, in view: GraphView) throws {
        guard !view.contains(node: node) else { return }
        let graph = view.graph
        let id = graph.id(ofNode: node)
        if let asOf, !graph.timing(ofNode: node).exists(asOf: asOf) {
            throw CommandFailure("'\(id)' does not exist as of \(asOf)", code: CommandFailure.nothingFound)
        }
        throw CommandFailure("'\(id)' is a \(graph.kind(ofNode: node).rawValue), which --kind leaves out", code: CommandFailure.nothingFound)
    }
}

/// Kinds and relations named on the command line.
enum Vocabulary {
    static func kinds(_ names: [String], in graph: Graph) throws -> [NodeKind] {
        try names.map { name in
            switch graph.lookUpKind(name) {
            case .found(let id): return NodeKind(rawValue: id)
            case .notFound(let suggestion):
                throw CommandFailure(
                    "error: no kind '\(name)' in this graph" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                        + " (kinds: \(graph.knownKinds.map(\.rawValue).joined(separator: ", ")))",
                    code: CommandFailure.usage)
            }
        }
    }

    static func relation(_ name: String, in graph: Graph) throws -> String {
        switch graph.lookUpRelation(name) {
        case .found(let id): return id
        case .notFound(let suggestion):
            throw CommandFailure(
                "error: no relation '\(name)' in this graph" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; `relgraph stats FILE` lists them"),
                code: CommandFailure.usage)
        }
    }
}
