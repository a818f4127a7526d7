import RelGraphCore

/// The scalar functions of the subset: names, arities and what they compute.
enum CypherFunctions {
    /// Lower-cased name → allowed argument counts.
    static let arities: [String: ClosedRange<Int>] = [
        "id": 1...1, "labels": 1...1, "type": 1...1, "length": 1...1, "nodes": 1...1, "relationships": 1...1, "rels": 1...1,
        "size": 1...1, "tolower": 1...1, "toupper": 1...1, "coalesce": 1...64, "startnode": 1...1, "endnode": 1...1,
        "tostring": 1...1, "tointeger": 1...1, "tofloat": 1...1, "abs": 1...1, "head": 1...1, "last": 1...1,
        "trim": 1...1, "exists": 1...1, "range": 2...3, "keys": 1...1,
        "count": 1...1, "collect": 1...1, "min": 1...1, "max": 1...1, "sum": 1...1, "avg": 1...1,
    ]

    /// Checks that `name` is a function taking `count` arguments.
    static func check(_ name: String, arguments count: Int, at position: CypherPosition) throws(CypherError) {
        if name == "$haslabels" { return }
        guard let arity = arities[name.lowercased()] else {
            let suggestion = NearestName(candidates: ["id", "labels", "type", "length", "nodes", "relationships", "size", "toLower", "toUpper",
                                                      "coalesce", "startNode", "endNode", "toString", "toInteger", "toFloat", "abs",
                                                      "head", "last", "trim", "exists", "range", "keys", "count", "collect", "min", "max", "sum", "avg"])
                .nearest(to: name)
            throw CypherError(.semantic, "unknown function '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                              line: position.line, column: position.column)
        }
        guard arity.contains(count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw CypherError(.semantic, "\(name) takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), not \(count)",
                              line: position.line, column: position.column)
        }
    }

    /// Calls a scalar function (its name lower-cased by the planner) on evaluated arguments.
    static func call(_ name: String, _ arguments: [CypherValue], graph: Graph, position: CypherPosition) throws(CypherError) -> CypherValue {
        func typeError(_ value: CypherValue) -> CypherError {
            CypherError(.semantic, "\(name) cannot take a \(value.typeName)", line: position.line, column: position.column)
        }
        let first = arguments.first ?? .null
        switch name {
        case "$haslabels":
            guard case .node(let node) = first else { return first.isNull ? .null : .boolean(false) }
            let kind = graph.kind(ofNode: node).rawValue
            for case .list(let names) in arguments.dropFirst() {
                if !names.contains(.string(kind)) { return .boolean(false) }
            }
            return .boolean(true)
        case "coalesce":
            return arguments.first { !$0.isNull } ?? .null
        default:
            break
        }
        if first.isNull { return .null }
        switch (name, first) {
        case ("id", .node(let node)): return .string(graph.id(ofNode: node))
        case ("id", .relationship(let edge)): return .integer(edge.position)
        case ("labels", .node(let node)): return .list([.string(graph.kind(ofNode: node).rawValue)])
        case ("type", .relationship(let edge)): return .string(graph.relation(ofEdge: edge))
        case ("length", .path(_, let relationships)): return .integer(relationships.count)
        case ("length", .list(let items)): return .integer(items.count)
        case ("length", .string(let text)): return .integer(text.count)
        case ("size", .list(let items)): return .integer(items.count)
        case ("size", .string(let text)): return .integer(text.count)
        case ("nodes", .path(let nodes, _)): return .list(nodes.map(CypherValue.node))
        case ("relationships", .path(_, let relationships)), ("rels", .path(_, let relationships)):
            return .list(relationships.map(CypherValue.relationship))
        case ("startnode", .relationship(let edge)): return .node(graph.from(ofEdge: edge))
        case ("endnode", .relationship(let edge)): return .node(graph.to(ofEdge: edge))
        case ("tolower", .string(let text)): return .string(text.lowercased())
        case ("toupper", .string(let text)): return .string(text.uppercased())
        case ("trim", .string(let text)): return .string(text.trimmingCharacters(in: " \t\n\r"))
        case ("tostring", .string): return first
        case ("tostring", .integer(let value)): return .string(String(value))
        case ("tostring", .float(let value)): return .string(AttributeValue.format(value))
        case ("tostring", .boolean(let value)): return .string(value ? "true" : "false")
        case ("tostring", .date(let date)): return .string(date.description)
        case ("tointeger", .integer): return first
        case ("tointeger", .float(let value)): return value.isFinite ? .integer(Int(value.rounded(.towardZero))) : .null
        case ("tointeger", .string(let text)):
            if let value = Int(text) { return .integer(value) }
            if let value = Double(text), value.isFinite { return .integer(Int(value.rounded(.towardZero))) }
            return .null
        case ("tofloat", .integer(let value)): return .float(Double(value))
        case ("tofloat", .float): return first
        case ("tofloat", .string(let text)): return Double(text).map(CypherValue.float) ?? .null
        case ("abs", .integer(let value)): return .integer(abs(value))
        case ("abs", .float(let value)): return .float(abs(value))
        case ("head", .list(let items)): return items.first ?? .null
        case ("last", .list(let items)): return items.last ?? .null
        case ("keys", .map(let entries)): return .list(entries.keys.sorted { $0.precedesInScalarOrder($1) }.map(CypherValue.string))
        case ("exists", _): return .boolean(true)
        case ("range", .integer(let start)):
            guard case .integer(let end) = arguments[1] else { throw typeError(arguments[1]) }
            var step = 1
            if arguments.count == 3 {
                guard case .integer(let given) = arguments[2], given != 0 else { throw typeError(arguments[2]) }
                step = given
            }
            guard (end - start) / step < 1_000_000 else {
                throw CypherError(.semantic, "range would hold more than a million values", line: position.line, column: position.column)
            }
            return .list(Swift.stride(from: start, through: end, by: step).map(CypherValue.integer))
        default:
            throw typeError(first)
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
