import RelGraphCore

/// `duration({days: 14, hours: 16})` and `duration('P14DT16H')`: durations from maps of
/// amounts (fractions carried down to smaller units) and from ISO 8601 text, in the unit form
/// (`P1Y2M3W4DT5H6M7.5S`, any part negative or fractional) or the date-time form
/// (`P2012-02-02T14:37:21.545`).
enum DurationConstruction {
    private static let units: [String: (field: Int, scale: Double)] = [
        "years": (0, 12), "quarters": (0, 3), "months": (0, 1), "weeks": (1, 7), "days": (1, 1),
        "hours": (2, 3600), "minutes": (2, 60), "seconds": (2, 1),
        "milliseconds": (3, 1e6), "microseconds": (3, 1e3), "nanoseconds": (3, 1),
    ]

    /// A duration from a map (nil when an amount is null).
    static func make(from entries: [String: CypherValue], at position: CypherPosition) throws(CypherError) -> CypherDuration? {
        var exact = [0, 0, 0, 0]
        var approximate = [0.0, 0.0, 0.0, 0.0]
        var isExact = true
        for (key, value) in entries {
            guard let unit = units[key] else {
                throw CypherError(
                    .argument, .invalidArgumentValue, "duration(...) has no field '\(key)'", line: position.line, column: position.column, phase: .runtime)
            }
            switch value {
            case .null: return nil
            case .integer(let amount):
                let (product, overflow) = amount.multipliedReportingOverflow(by: Int(unit.scale))
                let (sum, overflowed) = exact[unit.field].addingReportingOverflow(product)
                guard !overflow, !overflowed else { throw DurationArithmetic.outOfRange(position) }
                exact[unit.field] = sum
                approximate[unit.field] += Double(amount) * unit.scale
            case .float(let amount):
                isExact = false
                approximate[unit.field] += amount * unit.scale
            default:
                throw CypherError(
                    .argument, .invalidArgumentValue, "'\(key)' must be a number, not \(value.described)", line: position.line, column: position.column,
                    phase: .runtime)
            }
        }
        if isExact { return CypherDuration(months: exact[0], days: exact[1], seconds: exact[2], nanoseconds: exact[3]) }
        return try DurationArithmetic.approximate(
            months: approximate[0], days: approximate[1], seconds: approximate[2], nanoseconds: approximate[3], at: position)
    }

    /// A duration from ISO 8601 text, or nil when the text is not one.
    static func parse(_ text: String, at position: CypherPosition) throws(CypherError) -> CypherDuration? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var duration = try dateTimeForm(rest, at: position)
        if duration == nil { duration = try unitForm(rest, at: position) }
        guard let duration else { return nil }
        return negative ? duration.negated : duration
    }

    private static func unitForm(_ text: Substring, at position: CypherPosition) throws(CypherError) -> CypherDuration? {
        var amounts: [String: Double] = [:]
        var inTime = false
        var number = ""
        var seenAny = false
        for character in text {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isNumber || character == "." || character == "," || character == "-" || character == "+" {
                number.append(character == "," ? "." : character)
                continue
            }
            guard let amount = Double(number) else { return nil }
            let unit: String
            switch (character, inTime) {
            case ("Y", false): unit = "years"
            case ("M", false): unit = "months"
            case ("W", false): unit = "weeks"
            case ("D", false): unit = "days"
            case ("H", true): unit = "hours"
            case ("M", true): unit = "minutes"
            case ("S", true): unit = "seconds"
            default: return nil
            }
            guard amounts[unit] == nil else { return nil }
            amounts[unit] = amount
            number = ""
            seenAny = true
        }
        guard number.isEmpty, seenAny else { return nil }
        let entries = amounts.mapValues { $0 == $0.rounded() && abs($0) < 9e15 ? CypherValue.integer(Int($0)) : .float($0) }
        return try make(from: entries, at: position)
    }

    /// `YYYY-MM-DDTHH:MM:SS.sss` after `P`.
    private static func dateTimeForm(_ text: Substring, at position: CypherPosition) throws(CypherError) -> CypherDuration? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].contains("-"), parts[1].contains(":") else { return nil }
        let date = parts[0].split(separator: "-").map { Int($0) }
        let time = parts[1].split(separator: ":")
        guard date.count == 3, let years = date[0], let months = date[1], let days = date[2], time.count == 3,
            let hours = Int(time[0]), let minutes = Int(time[1]), let seconds = Double(time[2])
        else { return nil }
        let whole = Int(seconds.rounded(.towardZero))
        return CypherDuration(
            months: years * 12 + months, days: days, seconds: hours * 3600 + minutes * 60 + whole,
            nanoseconds: Int(((seconds - Double(whole)) * 1e9).rounded()))
    }
}
