import ArgumentParser

/// `--lang` and `--json`: how a query command prints its answer.
struct AnswerOptions: ParsableArguments {
    @Option(help: "Language of labels.") var lang = "en"
    @Flag(help: "Print JSON.") var json = false
}
