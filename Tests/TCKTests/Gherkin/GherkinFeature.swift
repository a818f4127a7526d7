/// Reads the scenarios of one TCK feature file (the Gherkin subset the TCK uses: `Feature`,
/// `Scenario`, `Scenario Outline` with `Examples`, steps with doc strings and tables), expanding
/// each outline into one scenario per example row.
struct GherkinFeature {
    struct Problem: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    /// A step as written: its text, doc string and table rows (cells unescaped).
    private struct RawStep {
        var text: String
        var line: Int
        var docString: String?
        var table: [[String]] = []
    }

    private struct RawScenario {
        var name: String
        var line: Int
        var isOutline: Bool
        var isBackground = false
        var steps: [RawStep] = []
        /// Each `Examples:` table: its header, then its rows.
        var examples: [[[String]]] = []
    }

    /// The scenarios of a feature file's text.
    static func scenarios(in text: String, folder: String, feature: String) throws -> [TCKScenario] {
        var scenarios: [TCKScenario] = []
        var raws = try rawScenarios(in: text)
        // `Background:` steps come first in every scenario.
        if let background = raws.first, background.isBackground {
            raws.removeFirst()
            for index in raws.indices { raws[index].steps = background.steps + raws[index].steps }
        }
        for raw in raws {
            guard raw.isOutline else {
                scenarios.append(
                    TCKScenario(
                        folder: folder, feature: feature, name: raw.name, example: nil, line: raw.line,
                        steps: try raw.steps.map(step)))
                continue
            }
            var number = 0
            for table in raw.examples {
                guard let header = table.first else { continue }
                for row in table.dropFirst() {
                    number += 1
                    let values = Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })
                    let steps = raw.steps.map { step in
                        RawStep(
                            text: substitute(step.text, values), line: step.line, docString: step.docString.map { substitute($0, values) },
                            table: step.table.map { $0.map { substitute($0, values) } })
                    }
                    scenarios.append(
                        TCKScenario(
                            folder: folder, feature: feature, name: raw.name, example: number, line: raw.line,
                            steps: try steps.map(step)))
                }
            }
        }
        return scenarios
    }

    private static func substitute(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("<") else { return text }
        var result = text
        for (name, value) in values { result = result.replacingOccurrences(of: "<\(name)>", with: value) }
        return result
    }

    private static func rawScenarios(in text: String) throws -> [RawScenario] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var scenarios: [RawScenario] = []
        var index = 0
        var readingExamples = false
        while index < lines.count {
            let line = lines[index].trimmedText
            let number = index + 1
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let name = line.removingPrefix("Scenario Outline:") ?? line.removingPrefix("Scenario Template:") {
                scenarios.append(RawScenario(name: name.trimmedText, line: number, isOutline: true))
                readingExamples = false
            } else if let name = line.removingPrefix("Scenario:") {
                scenarios.append(RawScenario(name: name.trimmedText, line: number, isOutline: false))
                readingExamples = false
            } else if line.hasPrefix("Background:") {
                scenarios.append(RawScenario(name: "Background", line: number, isOutline: false, isBackground: true))
                readingExamples = false
            } else if line.hasPrefix("Examples:") {
                guard !scenarios.isEmpty else { throw Problem(line: number, message: "Examples outside a scenario") }
                scenarios[scenarios.count - 1].examples.append([])
                readingExamples = true
            } else if line.hasPrefix("|") {
                guard !scenarios.isEmpty else { throw Problem(line: number, message: "a table outside a scenario") }
                let cells = tableCells(String(line))
                if readingExamples {
                    let last = scenarios.count - 1
                    scenarios[last].examples[scenarios[last].examples.count - 1].append(cells)
                } else {
                    guard !scenarios[scenarios.count - 1].steps.isEmpty else { throw Problem(line: number, message: "a table before any step") }
                    let last = scenarios.count - 1
                    scenarios[last].steps[scenarios[last].steps.count - 1].table.append(cells)
                }
            } else if line.hasPrefix("\"\"\"") {
                guard !scenarios.isEmpty, !scenarios[scenarios.count - 1].steps.isEmpty else {
                    throw Problem(line: number, message: "a doc string before any step")
                }
                let indent = lines[index - 1].prefix { $0 == " " }.count
                var body: [String] = []
                while index < lines.count, lines[index].trimmedText != "\"\"\"" {
                    let raw = lines[index]
                    body.append(raw.prefix(indent).allSatisfy { $0 == " " } ? String(raw.dropFirst(min(indent, raw.count))) : raw.trimmedText)
                    index += 1
                }
                guard index < lines.count else { throw Problem(line: number, message: "a doc string is never closed") }
                index += 1
                let last = scenarios.count - 1
                scenarios[last].steps[scenarios[last].steps.count - 1].docString = body.joined(separator: "\n")
            } else if let keyword = ["Given ", "When ", "Then ", "And ", "But "].first(where: line.hasPrefix) {
                guard !scenarios.isEmpty else { continue }
                scenarios[scenarios.count - 1].steps.append(RawStep(text: String(line.dropFirst(keyword.count)), line: number))
                readingExamples = false
            }
        }
        return scenarios
    }

    /// The cells of a table row, with Gherkin's escapes (`\|`, `\\`, `\n`) undone.
    static func tableCells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var characters = line.trimmedText.dropFirst().makeIterator()
        while let character = characters.next() {
            if character == "\\" {
                switch characters.next() {
                case "|": cell.append("|")
                case "n": cell.append("\n")
                case "\\": cell.append("\\")
                case let other?: cell.append("\\"); cell.append(other)
                case nil: cell.append("\\")
                }
            } else if character == "|" {
                cells.append(cell.trimmedText)
                cell = ""
            } else {
                cell.append(character)
            }
        }
        return cells
    }

    private static func step(_ raw: RawStep) throws -> TCKStep {
        let text = raw.text
        func problem(_ message: String) -> Problem { Problem(line: raw.line, message: message) }
        switch text {
        case "an empty graph", "any graph": return .emptyGraph
        case "having executed:":
            guard let body = raw.docString else { throw problem("having executed without a statement") }
            return .setup(body)
        case "parameters are:":
            return .parameters(raw.table.map { ($0.first ?? "", $0.count > 1 ? $0[1] : "") })
        case "executing query:":
            guard let body = raw.docString else { throw problem("a query step without a query") }
            return .query(body)
        case "executing control query:":
            return .controlQuery(raw.docString ?? "")
        case "the result should be empty": return .empty
        case "the side effects should be:": return .sideEffects
        default: break
        }
        if text.hasPrefix("the "), text.hasSuffix(" graph") {
            return .namedGraph(String(text.dropFirst(4).dropLast(6)))
        }
        if text.hasPrefix("there exists a procedure") { return .procedure }
        if text.hasPrefix("the result should be") {
            guard let header = raw.table.first else { throw problem("a result without a header") }
            return .rows(
                header: header, rows: Array(raw.table.dropFirst()), ordered: text.contains("in order"),
                listsUnordered: text.contains("ignoring element order for lists"))
        }
        if text.hasPrefix("a "), let raised = text.range(of: " should be raised at ") {
            let type = String(text[text.index(text.startIndex, offsetBy: 2)..<raised.lowerBound])
            let rest = text[raised.upperBound...]
            guard let colon = rest.firstIndex(of: ":") else { throw problem("an error without a detail") }
            return .error(TCKExpectedError(type: type, phase: String(rest[..<colon]), detail: rest[rest.index(after: colon)...].trimmedText))
        }
        return .ignored
    }
}

extension StringProtocol {
    var trimmedText: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
