import Foundation
import RelGraphCore

/// Values as `toString` writes them: numbers as Neo4j prints them (`1.0`, `1.0E20`), temporal
/// values in ISO 8601, document dates as written.
enum ValueText {
    /// The text of a scalar or temporal value; lists, maps and graph elements have none.
    static func string(of value: CypherValue) throws(CypherError) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .float(let number): return float(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .date(let date): return date.description
        case .temporal(let temporal): return temporal.description
        case .duration(let duration): return duration.description
        case .null: return "null"
        default:
            throw CypherError(.type, .invalidArgumentValue, "\(value.described) has no text form", line: 1, column: 1, phase: .runtime)
        }
    }

    /// A float as Java's `Double.toString` writes it: plain between 10⁻³ and 10⁷, otherwise
    /// with an exponent (`1.0E20`, `1.5E-5`); always with a decimal point.
    static func float(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        let magnitude = abs(number)
        if magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7) {
            let text = String(number)
            return text.contains(".") ? text : text + ".0"
        }
        // Swift writes 1e+20 or 1.5e-05; Java writes 1.0E20 and 1.5E-5.
        var exponent = Int(log10(magnitude).rounded(.down))
        let parts = String(magnitude).split(separator: "e")
        var digits = String(parts[0])
        if parts.count == 2 {
            exponent = Int(parts[1]) ?? exponent
        } else {
            digits = String(digits.filter { $0 != "." }.drop { $0 == "0" })
            digits = String(digits.prefix(1)) + "." + String(digits.dropFirst())
            while digits.hasSuffix("0"), !digits.hasSuffix(".0") { digits.removeLast() }
        }
        if !digits.contains(".") { digits += ".0" }
        return (number < 0 ? "-" : "") + digits + "E" + String(exponent)
    }
}
