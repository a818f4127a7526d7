import ArgumentParser
import RelGraph

/// `--relation`, `--kind` and `--as-of`: what part of the graph a command sees.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("relation"), help: "Follow only edges of this relation (repeatable).")
    var relations: [String] = []

    @Option(name: .customLong("as-of"), help: "Keep only what exists at this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var asOf: PartialDate?

    func filter(kinds: [String] = []) -> GraphFilter {
        GraphFilter(
            kinds: kinds.isEmpty ? nil : Set(kinds.map(NodeKind.init(rawValue:))),
            relations: relations.isEmpty ? nil : Set(relations),
            asOf: asOf)
    }
}
