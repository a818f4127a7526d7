import ArgumentParser
import RelGraph

/// `--as-of D`: what every command that reads a graph takes (contract §1 "Time"): keep only
/// what exists at D.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Keep only what exists at this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var asOf: PartialDate?

    /// The part of `graph` that exists at the date (the whole graph without one).
    func view(of graph: Graph) -> GraphView {
        graph.view(GraphFilter(asOf: asOf))
    }

    /// `graph` cut down to what exists at the date, as a graph of its own (for the commands
    /// that write one); `graph` itself without a date.
    func graph(_ graph: Graph) throws -> Graph {
        guard asOf != nil else { return graph }
        do {
            return try view(of: graph).subgraph()
        } catch {
            throw CommandFailure("error: cannot cut the graph at --as-of \(asOf!): \(error)", code: CommandFailure.invalidInput)
        }
    }
}
