import ArgumentParser

@main
struct RelGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relgraph",
        abstract: "Map who is tied to what: query, draw and convert relationship graphs.",
        discussion: """
            FILE is a graph document (.yaml, .yml, .json), a DOT file (.dot, .gv) or a neo4j-csv folder.
            NODE is a node id, or a label in any language (exact, ignoring case).
            Exit codes: 0 success, 1 nothing found, 64 usage error, 65 invalid document or unknown/ambiguous NODE,
            66 input missing or unreadable, 70 Graphviz failure.
            """,
        version: "0.1.0",
        subcommands: [
            Validate.self, Stats.self, Neighbors.self, PathCommand.self, Paths.self, Reach.self,
            Render.self, Export.self, Import.self, Search.self, ComponentsCommand.self, QueryCommand.self,
        ])
}
