import RelGraphCore

/// Functions of lists (and `size`/`reverse` of strings).
enum ListFunctions {
    private static func list(_ call: FunctionCall) throws(CypherError) -> [CypherValue]? {
        switch call.first {
        case .null: return nil
        case .list(let items): return items
        case let value: throw call.invalid(value)
        }
    }

    /// The most values `range` makes (a list of them is held whole).
    static let rangeLimit = 10_000_000

    static let all: [String: CypherFunction] = [
        "size": CypherFunction(1...1, returns: .integer, refuses: [0: [.boolean, .integer, .float, .node, .relationship, .path, .duration]]) { call in
            switch call.first {
            case .null: return .null
            case .list(let items): return .integer(items.count)
            case .string(let text): return .integer(text.count)
            case .map(let entries): return .integer(entries.count)
            case let value: throw call.invalid(value)
            }
        },
        "head": CypherFunction(1...1, refuses: [0: [.boolean, .integer, .float, .string, .map, .node, .relationship, .path]]) { call in
            guard let items = try list(call) else { return .null }
            return items.first ?? .null
        },
        "last": CypherFunction(1...1, refuses: [0: [.boolean, .integer, .float, .string, .map, .node, .relationship, .path]]) { call in
            guard let items = try list(call) else { return .null }
            return items.last ?? .null
        },
        "tail": CypherFunction(1...1, returns: .list(.any), refuses: [0: [.boolean, .integer, .float, .string, .map, .node, .relationship, .path]]) { call in
            guard let items = try list(call) else { return .null }
            return .list(Array(items.dropFirst()))
        },
        "reverse": CypherFunction(1...1, refuses: [0: [.boolean, .integer, .float, .map, .node, .relationship, .path]]) { call in
            switch call.first {
            case .null: return .null
            case .list(let items): return .list(items.reversed())
            case .string(let text): return .string(String(text.reversed()))
            case let value: throw call.invalid(value)
            }
        },
        "isempty": CypherFunction(1...1, returns: .boolean) { call in
            switch call.first {
            case .null: return .null
            case .list(let items): return .boolean(items.isEmpty)
            case .string(let text): return .boolean(text.isEmpty)
            case .map(let entries): return .boolean(entries.isEmpty)
            case let value: throw call.invalid(value)
            }
        },
        "range": CypherFunction(2...3, returns: .list(.integer)) { call in
            var bounds: [Int] = []
            for index in call.arguments.indices {
                guard case .integer(let value) = call.arguments[index] else {
                    if call.arguments[index].isNull { return .null }
                    throw call.invalid(call.arguments[index], .invalidArgumentType, kind: .argument)
                }
                bounds.append(value)
            }
            let (start, end, step) = (bounds[0], bounds[1], bounds.count == 3 ? bounds[2] : 1)
            guard step != 0 else { throw call.failure("range(...) needs a step that is not zero", .numberOutOfRange) }
            let (span, overflow) = end.subtractingReportingOverflow(start)
            guard !overflow else { throw call.failure("range(...) spans more integers than there are", .numberOutOfRange) }
            if span.signum() * step.signum() < 0 { return .list([]) }
            guard span / step < rangeLimit else { throw call.failure("range(...) would hold more than \(rangeLimit) values", .numberOutOfRange) }
            return .list(Swift.stride(from: start, through: end, by: step).map(CypherValue.integer))
        },
    ]
}
