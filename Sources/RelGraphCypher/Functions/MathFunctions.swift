import Foundation
import RelGraphCore

/// Numeric functions. Integers stay integers where the result is whole (`abs`, `sign`);
/// the others give floats, as Neo4j's do.
enum MathFunctions {
    private static let notNumbers: [StaticType] = [.boolean, .string, .list(.any), .map, .node, .relationship, .path, .duration]

    private static func number(_ call: FunctionCall, _ index: Int = 0) throws(CypherError) -> Double? {
        switch call.arguments[index] {
        case .null: return nil
        case .integer(let value): return Double(value)
        case .float(let value): return value
        case let value: throw call.invalid(value)
        }
    }

    private static func float(_ transform: @escaping @Sendable (Double) -> Double) -> CypherFunction {
        CypherFunction(1...1, returns: .float, refuses: [0: notNumbers]) { call in
            guard let value = try number(call) else { return .null }
            return .float(transform(value))
        }
    }

    /// `ceil`, `floor`, `round`: floats, as in Neo4j.
    private static func rounding(_ rule: FloatingPointRoundingRule) -> CypherFunction {
        CypherFunction(1...3, returns: .float, refuses: [0: notNumbers]) { call in
            guard let value = try number(call) else { return .null }
            if call.arguments.count > 1 {
                guard let precision = try call.integer(1) else { return .null }
                let scale = pow(10, Double(precision))
                return .float((value * scale).rounded(rule) / scale)
            }
            return .float(value.rounded(rule))
        }
    }

    static let all: [String: CypherFunction] = [
        "abs": CypherFunction(1...1, refuses: [0: notNumbers]) { call in
            switch call.first {
            case .null: return .null
            case .integer(let value):
                guard value != Int.min else { throw call.failure("abs(\(value)) is too large for an integer", .numberOutOfRange) }
                return .integer(abs(value))
            case .float(let value): return .float(abs(value))
            case let value: throw call.invalid(value)
            }
        },
        "sign": CypherFunction(1...1, returns: .integer, refuses: [0: notNumbers]) { call in
            guard let value = try number(call) else { return .null }
            return .integer(value > 0 ? 1 : value < 0 ? -1 : 0)
        },
        "ceil": rounding(.up),
        "floor": rounding(.down),
        "round": rounding(.toNearestOrAwayFromZero),
        "sqrt": float { sqrt($0) },
        "exp": float { exp($0) },
        "log": float { log($0) },
        "log10": float { log10($0) },
        "sin": float { sin($0) },
        "cos": float { cos($0) },
        "tan": float { tan($0) },
        "cot": float { 1 / tan($0) },
        "asin": float { asin($0) },
        "acos": float { acos($0) },
        "atan": float { atan($0) },
        "degrees": float { $0 * 180 / .pi },
        "radians": float { $0 * .pi / 180 },
        "haversin": float { (1 - cos($0)) / 2 },
        "atan2": CypherFunction(2...2, returns: .float) { call in
            guard let y = try number(call), let x = try number(call, 1) else { return .null }
            return .float(atan2(y, x))
        },
        "pi": CypherFunction(0...0, returns: .float) { _ in .float(.pi) },
        "e": CypherFunction(0...0, returns: .float) { _ in .float(M_E) },
        "rand": CypherFunction(0...0, returns: .float) { call in .float(Double.random(in: 0..<1, using: &call.executor.random)) },
    ]
}
