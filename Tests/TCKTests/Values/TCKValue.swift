/// A value as the TCK writes it in result tables: scalars, lists, maps, nodes `(:A {k: 1})`,
/// relationships `[:T {k: 1}]` and paths `<(:A)-[:T]->(:B)>`. Temporal values are written as
/// strings, so they compare by their text.
indirect enum TCKValue: Sendable, CustomStringConvertible {
    case null
    case boolean(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    case list([TCKValue])
    case map([String: TCKValue])
    case node(labels: Set<String>, properties: [String: TCKValue])
    case relationship(type: String, properties: [String: TCKValue])
    /// A start node, then each step: the relationship, whether it points forward, the next node.
    case path(start: TCKValue, steps: [(relationship: TCKValue, forward: Bool, node: TCKValue)])

    /// Whether two values are the same as the TCK compares them; with `listsUnordered`, lists
    /// compare as multisets (`ignoring element order for lists`).
    func matches(_ other: TCKValue, listsUnordered: Bool = false) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case let (.boolean(a), .boolean(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.list(a), .list(b)):
            guard a.count == b.count else { return false }
            if !listsUnordered { return zip(a, b).allSatisfy { $0.matches($1) } }
            return TCKValue.sameMultiset(a, b, listsUnordered: true)
        case let (.map(a), .map(b)):
            guard Set(a.keys) == Set(b.keys) else { return false }
            return a.allSatisfy { key, value in value.matches(b[key]!, listsUnordered: listsUnordered) }
        case let (.node(labels1, properties1), .node(labels2, properties2)):
            return labels1 == labels2 && TCKValue.map(properties1).matches(.map(properties2))
        case let (.relationship(type1, properties1), .relationship(type2, properties2)):
            return type1 == type2 && TCKValue.map(properties1).matches(.map(properties2))
        case let (.path(start1, steps1), .path(start2, steps2)):
            guard start1.matches(start2), steps1.count == steps2.count else { return false }
            return zip(steps1, steps2).allSatisfy { $0.forward == $1.forward && $0.relationship.matches($1.relationship) && $0.node.matches($1.node) }
        default: return false
        }
    }

    /// Whether each value of `a` pairs with a distinct value of `b`.
    static func sameMultiset(_ a: [TCKValue], _ b: [TCKValue], listsUnordered: Bool) -> Bool {
        guard a.count == b.count else { return false }
        var remaining = b
        for value in a {
            guard let index = remaining.firstIndex(where: { value.matches($0, listsUnordered: listsUnordered) }) else { return false }
            remaining.remove(at: index)
        }
        return true
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .float(let number):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
            return String(number)
        case .string(let text): return "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries): return TCKValue.describe(entries)
        case .node(let labels, let properties):
            let text = labels.sorted().map { ":" + $0 }.joined()
            return "(" + text + (properties.isEmpty ? "" : (text.isEmpty ? "" : " ") + TCKValue.describe(properties)) + ")"
        case .relationship(let type, let properties):
            return "[:" + type + (properties.isEmpty ? "" : " " + TCKValue.describe(properties)) + "]"
        case .path(let start, let steps):
            var text = "<" + start.description
            for step in steps {
                text += step.forward ? "-\(step.relationship)->" : "<-\(step.relationship)-"
                text += step.node.description
            }
            return text + ">"
        }
    }

    private static func describe(_ entries: [String: TCKValue]) -> String {
        "{" + entries.keys.sorted().map { "\($0): \(entries[$0]!)" }.joined(separator: ", ") + "}"
    }
}
