import RelGraphCore

/// Text functions. Positions and lengths count characters; null in, null out.
enum StringFunctions {
    private static func string(_ call: FunctionCall, _ index: Int = 0) throws(CypherError) -> String? {
        switch call.arguments[index] {
        case .null: return nil
        case .string(let text): return text
        case let value: throw call.invalid(value)
        }
    }

    private static func mapped(_ transform: @escaping @Sendable (String) -> String) -> CypherFunction {
        CypherFunction(1...1, returns: .string, refuses: [0: [.boolean, .integer, .float, .list(.any), .map, .node, .relationship, .path]]) { call in
            guard let text = try string(call) else { return .null }
            return .string(transform(text))
        }
    }

    static let all: [String: CypherFunction] = [
        "tolower": mapped { $0.lowercased() },
        "toupper": mapped { $0.uppercased() },
        "trim": mapped { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) },
        "ltrim": mapped { String($0.drop(while: \.isWhitespace)) },
        "rtrim": mapped { String($0.reversed().drop(while: \.isWhitespace).reversed()) },
        "replace": CypherFunction(3...3, returns: .string) { call in
            guard let text = try string(call), let search = try string(call, 1), let replacement = try string(call, 2) else { return .null }
            return .string(search.isEmpty ? text : text.replacingEvery(search, with: replacement))
        },
        "substring": CypherFunction(2...3, returns: .string) { call in
            guard let text = try string(call), let start = try call.integer(1) else { return .null }
            let length = call.arguments.count == 3 ? try call.integer(2) : Int.max
            guard let length else { return .null }
            guard start >= 0, length >= 0 else { throw call.failure("substring(...) needs a start and a length that are not negative") }
            let characters = Array(text)
            guard start < characters.count else { return .string("") }
            return .string(String(characters[start..<min(characters.count, start + min(length, characters.count))]))
        },
        "left": CypherFunction(2...2, returns: .string) { call in
            guard let text = try string(call) else { return .null }
            guard let length = try call.integer(1) else { throw call.failure("left(...) needs a length, not null") }
            guard length >= 0 else { throw call.failure("left(...) needs a length that is not negative") }
            return .string(String(text.prefix(length)))
        },
        "right": CypherFunction(2...2, returns: .string) { call in
            guard let text = try string(call) else { return .null }
            guard let length = try call.integer(1) else { throw call.failure("right(...) needs a length, not null") }
            guard length >= 0 else { throw call.failure("right(...) needs a length that is not negative") }
            return .string(String(text.suffix(length)))
        },
        "split": CypherFunction(2...2, returns: .list(.string)) { call in
            guard let text = try string(call), let separator = try string(call, 1) else { return .null }
            if separator.isEmpty { return .list(text.map { .string(String($0)) }) }
            return .list(text.components(separatedByText: separator).map(CypherValue.string))
        },
    ]
}

extension String {
    /// Every occurrence of `search` replaced, left to right.
    func replacingEvery(_ search: String, with replacement: String) -> String {
        components(separatedByText: search).joined(separator: replacement)
    }

    /// The parts between occurrences of `separator` (not empty).
    func components(separatedByText separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
