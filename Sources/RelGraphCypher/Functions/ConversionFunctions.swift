import RelGraphCore

/// `toString`, `toInteger`, `toFloat`, `toBoolean` (and their `...OrNull` forms, which give null
/// instead of refusing a value).
enum ConversionFunctions {
    private static let graphValues: [StaticType] = [.list(.any), .map, .node, .relationship, .path]

    private static func converting(_ result: StaticType, orNull: Bool, _ convert: @escaping @Sendable (CypherValue) -> CypherValue?) -> CypherFunction {
        CypherFunction(1...1, returns: result, refuses: orNull ? [:] : [0: graphValues]) { call in
            if call.first.isNull { return .null }
            if let value = convert(call.first) { return value }
            if orNull { return .null }
            throw call.invalid(call.first)
        }
    }

    static func toString(_ value: CypherValue) -> CypherValue? {
        (try? ValueText.string(of: value)).map(CypherValue.string)
    }

    static func toInteger(_ value: CypherValue) -> CypherValue? {
        switch value {
        case .integer: return value
        case .float(let number): return number.isFinite && abs(number) < 9.2e18 ? .integer(Int(number.rounded(.towardZero))) : .null
        case .boolean(let flag): return .integer(flag ? 1 : 0)
        case .string(let text):
            if let number = Int(text) { return .integer(number) }
            if let number = Double(text), number.isFinite, abs(number) < 9.2e18 { return .integer(Int(number.rounded(.towardZero))) }
            return .null
        default: return nil
        }
    }

    static func toFloat(_ value: CypherValue) -> CypherValue? {
        switch value {
        case .integer(let number): return .float(Double(number))
        case .float: return value
        case .string(let text): return Double(text).map(CypherValue.float) ?? .null
        default: return nil
        }
    }

    static func toBoolean(_ value: CypherValue) -> CypherValue? {
        switch value {
        case .boolean: return value
        case .integer(let number): return .boolean(number != 0)
        case .string(let text):
            switch text.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: return .null
            }
        default: return nil
        }
    }

    static let all: [String: CypherFunction] = [
        "tostring": converting(.string, orNull: false, toString),
        "tointeger": converting(.integer, orNull: false, toInteger),
        "tofloat": converting(.float, orNull: false, toFloat),
        "toboolean": converting(.boolean, orNull: false, toBoolean),
        "tostringornull": converting(.string, orNull: true, toString),
        "tointegerornull": converting(.integer, orNull: true, toInteger),
        "tofloatornull": converting(.float, orNull: true, toFloat),
        "tobooleanornull": converting(.boolean, orNull: true, toBoolean),
    ]
}
