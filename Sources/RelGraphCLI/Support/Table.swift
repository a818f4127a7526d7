/// Text in aligned columns for people to read. Widths count terminal columns, so Devanagari
/// (whose vowel signs and virama join the letter before them) and wide characters line up;
/// cells never carry control characters.
struct Table {
    private var rows: [[String]] = []

    init(header: [String]) {
        rows.append(header)
    }

    mutating func append(_ row: [String]) { rows.append(row.map { TerminalText.safe($0) }) }

    var rendered: String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        let cellWidths = rows.map { $0.map(TerminalText.width) }
        for row in cellWidths {
            for (column, width) in row.enumerated() { widths[column] = max(widths[column], width) }
        }
        return zip(rows, cellWidths).map { row, rowWidths in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - rowWidths[column])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
