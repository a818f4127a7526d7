import ArgumentParser

/// `--quiet`: every command that reads a graph takes it.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Show no progress on stderr (shown, when stderr is a terminal, for loads, writes and drawings that take over a second).")
    var quiet = false
}
