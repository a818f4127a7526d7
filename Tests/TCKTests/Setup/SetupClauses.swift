/// A set-up statement cut into the parts the runner runs in turn: reading clauses (run by the
/// query engine), `CREATE` (done by the runner) and `DELETE` (done by the runner).
enum SetupPart: Equatable {
    /// `MATCH`, `OPTIONAL MATCH`, `UNWIND` and `WITH` clauses, as one text.
    case read(String)
    /// The patterns after `CREATE`.
    case create(String)
    /// The variables after `DELETE`; `detach` for `DETACH DELETE`.
    case delete([String], detach: Bool)

    /// The parts of a statement, in order.
    static func parts(of statement: String) throws(SetupUnsupported) -> [SetupPart] {
        var text = TCKQueryText.withoutComments(statement).trimmedText
        if text.hasSuffix(";") { text.removeLast() }
        let characters = Array(text)
        let clauseWords: Set<String> = [
            "MATCH", "OPTIONAL", "UNWIND", "WITH", "CREATE", "DELETE", "DETACH", "MERGE", "SET", "REMOVE", "RETURN", "FOREACH", "CALL",
        ]
        var starts: [(offset: Int, keyword: String)] = []
        var previous = ""
        for word in TCKQueryText.words(of: text) {
            let keyword = word.text.uppercased()
            defer { previous = keyword }
            guard word.depth == 0, !word.followsDot, clauseWords.contains(keyword) else { continue }
            // `STARTS WITH`, `ENDS WITH`, `OPTIONAL MATCH` and `DETACH DELETE` are one keyword each.
            if keyword == "WITH", previous == "STARTS" || previous == "ENDS" { continue }
            if keyword == "MATCH", previous == "OPTIONAL" { continue }
            if keyword == "DELETE", previous == "DETACH" { continue }
            starts.append((word.offset, keyword))
        }
        var parts: [SetupPart] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].offset : characters.count
            let clause = String(characters[start.offset..<end]).trimmedText
            switch start.keyword {
            case "MATCH", "OPTIONAL", "UNWIND", "WITH":
                if case .read(let earlier)? = parts.last {
                    parts[parts.count - 1] = .read(earlier + "\n" + clause)
                } else {
                    parts.append(.read(clause))
                }
            case "CREATE":
                parts.append(.create(String(clause.dropFirst("CREATE".count))))
            case "DELETE", "DETACH":
                let detach = start.keyword == "DETACH"
                let names = clause.split(separator: " ", maxSplits: detach ? 2 : 1).last.map(String.init) ?? ""
                parts.append(.delete(names.split(separator: ",").map { $0.trimmedText }, detach: detach))
            default:
                throw SetupUnsupported("the set-up uses \(start.keyword), which the runner does not perform")
            }
        }
        guard let first = starts.first, String(characters[0..<first.offset]).trimmedText.isEmpty else {
            throw SetupUnsupported("the set-up statement does not start with a clause")
        }
        return parts
    }
}
