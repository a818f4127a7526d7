import RelGraphCore

/// GEXF's times (spells, `start`/`end`, timestamps) as RelGraph's dates.
enum GEXFTime {
    /// The graph's `timeformat`.
    enum Format: Sendable {
        /// `date` or `datetime`: ISO dates, a time of day after `T` ignored.
        case date
        /// `integer`, `long`, `double` (GEXF 1.2's default), or `timestamp`: numbers, read as
        /// years where they are whole numbers from 1 to 9999.
        case double

        init(_ name: String) {
            switch name.lowercased() {
            case "date", "datetime", "dateTime": self = .date
            default: self = .double
            }
        }
    }

    /// The date `text` stands for, if it is one RelGraph can hold.
    ///
    /// - Complexity: O(length of `text`).
    static func date(_ text: String, format: Format) -> PartialDate? {
        let trimmed = text.trimmingXMLSpaces
        if let date = try? PartialDate(parsing: trimmed) { return date }
        if let time = trimmed.firstIndex(of: "T"), let date = try? PartialDate(parsing: trimmed[..<time]) { return date }
        if let number = Double(trimmed), number == number.rounded(), (1...9999).contains(number) {
            return try? PartialDate(year: Int(number))
        }
        return nil
    }

    /// One timing from an element's spells (`start`/`end` pairs, either open): a spell as an
    /// interval, several as one from the first start to the last end; nil where a time is not
    /// a date (`several` is true when spells were merged).
    static func timing(of spells: [(start: String?, end: String?)], format: Format) -> (timing: Timing, several: Bool)? {
        guard !spells.isEmpty else { return (.undated, false) }
        var starts: [PartialDate?] = [], ends: [PartialDate?] = []
        for spell in spells {
            if let text = spell.start {
                guard let date = date(text, format: format) else { return nil }
                starts.append(date)
            } else {
                starts.append(nil)
            }
            if let text = spell.end {
                guard let date = date(text, format: format) else { return nil }
                ends.append(date)
            } else {
                ends.append(nil)
            }
        }
        // An open end on any spell leaves the merged interval open there.
        let start = starts.contains(nil) ? nil : starts.compactMap { $0 }.min { $0.firstDay < $1.firstDay }
        let end = ends.contains(nil) ? nil : ends.compactMap { $0 }.max { $0.lastDay < $1.lastDay }
        if spells.count == 1, let start, let end, start == end, spells[0].start == spells[0].end {
            return (.on(start), false)  // a timestamp
        }
        guard let timing = try? Timing(date: nil, start: start, end: end) else { return nil }
        return (timing, spells.count > 1)
    }
}
