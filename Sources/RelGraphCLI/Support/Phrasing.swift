import RelGraph

/// The command line's words for what the library leaves as data: remedies name `relgraph`'s
/// own flags and commands; diagnostics are printed with them.
enum Phrasing {
    /// What to do, in `relgraph`'s terms.
    static func remedy(_ remedy: Remedy) -> String {
        switch remedy {
        case .nameTheFormat: return "name the format with --from"
        case .readNeo4jFilesByName: return "name its files with 'relgraph import --nodes FILES --relationships FILES'"
        case .skipDuplicateNodes: return "or pass --skip-duplicate-nodes"
        case .skipBadRelationships: return "or pass --skip-bad-relationships"
        case .checkDelimiterAndQuote: return "check --delimiter and --quote, and quote fields that hold them"
        case .nameTheRelationshipType: return "add a :TYPE column or give one on the command line (--relationships=TYPE=FILES)"
        case .rewriteSnapshot: return "re-export it with 'relgraph export GRAPH --to rgpack -o FILE.rgpack'"
        case .readThroughAStream: return "pipe it in with '--from rgpack -' instead"
        case .drawLess: return "draw less with --focus, --kind, --relation or --as-of"
        case .drawLessOrUseScalableLayout: return "draw less with --focus, --kind, --relation or --as-of, or use --layout sfdp"
        case .giveTheParameter: return "pass it with --param NAME=VALUE"
        case .allowMoreTime: return "allow more time with --timeout SECONDS"
        case .allowMoreRows: return "allow more rows with --max-rows N"
        default: return remedy.description
        }
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE; REMEDY`, the remedy in `relgraph`'s terms.
    static func diagnostic(_ diagnostic: Diagnostic) -> String {
        diagnostic.phrased(remedy: remedy)
    }

    /// The diagnostics one per line, at most 200, then how many more there were.
    static func diagnostics(_ diagnostics: [Diagnostic]) -> String {
        let lines = diagnostics.prefix(200).map(diagnostic)
        let more = diagnostics.count > 200 ? ["… and \(diagnostics.count - 200) more problems"] : []
        return (lines + more).joined(separator: "\n")
    }
}
