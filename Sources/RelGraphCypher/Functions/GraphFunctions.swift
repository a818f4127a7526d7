import RelGraphCore

/// Functions of nodes, relationships and paths, and `coalesce`.
enum GraphFunctions {
    private static let notElements: [StaticType] = [.boolean, .integer, .float, .string, .list(.any), .map, .duration]

    static let all: [String: CypherFunction] = [
        "id": CypherFunction(1...1, refuses: [0: notElements + [.path]]) { call in
            switch call.first {
            case .null: return .null
            case .node(let node): return .string(call.graph.id(ofNode: node))
            case .relationship(let edge): return call.graph.id(ofEdge: edge).map(CypherValue.string) ?? .integer(edge.position)
            case let value: throw call.invalid(value)
            }
        },
        "labels": CypherFunction(1...1, returns: .list(.string), refuses: [0: notElements + [.path, .relationship]]) { call in
            switch call.first {
            case .null: return .null
            case .node(let node): return .list(NodeLabels.labels(call.graph, node.position).map(CypherValue.string))
            case let value: throw call.invalid(value)
            }
        },
        "type": CypherFunction(1...1, returns: .string, refuses: [0: notElements + [.path, .node]]) { call in
            switch call.first {
            case .null: return .null
            case .relationship(let edge): return .string(call.graph.relation(ofEdge: edge))
            case let value: throw call.invalid(value)
            }
        },
        "length": CypherFunction(1...1, returns: .integer, refuses: [0: [.boolean, .integer, .float, .map, .node, .relationship, .duration]]) { call in
            switch call.first {
            case .null: return .null
            case .path(_, let relationships): return .integer(relationships.count)
            case .list(let items): return .integer(items.count)
            case .string(let text): return .integer(text.count)
            case let value: throw call.invalid(value)
            }
        },
        "nodes": CypherFunction(1...1, returns: .list(.node), refuses: [0: notElements + [.node, .relationship]]) { call in
            switch call.first {
            case .null: return .null
            case .path(let nodes, _): return .list(nodes.map(CypherValue.node))
            case let value: throw call.invalid(value)
            }
        },
        "relationships": relationships,
        "rels": relationships,
        "startnode": CypherFunction(1...1, returns: .node, refuses: [0: notElements + [.node, .path]]) { call in
            switch call.first {
            case .null: return .null
            case .relationship(let edge): return .node(call.graph.from(ofEdge: edge))
            case let value: throw call.invalid(value)
            }
        },
        "endnode": CypherFunction(1...1, returns: .node, refuses: [0: notElements + [.node, .path]]) { call in
            switch call.first {
            case .null: return .null
            case .relationship(let edge): return .node(call.graph.to(ofEdge: edge))
            case let value: throw call.invalid(value)
            }
        },
        "properties": CypherFunction(1...1, returns: .map, refuses: [0: [.boolean, .integer, .float, .string, .list(.any), .path, .duration]]) { call in
            switch call.first {
            case .null: return .null
            case .node(let node): return .map(call.executor.nodeProperties(node.position))
            case .relationship(let edge): return .map(call.executor.relationshipProperties(edge.position))
            case .map: return call.first
            case let value: throw call.invalid(value)
            }
        },
        "keys": CypherFunction(1...1, returns: .list(.string), refuses: [0: [.boolean, .integer, .float, .string, .path, .duration]]) { call in
            let entries: [String: CypherValue]
            switch call.first {
            case .null: return .null
            case .node(let node): entries = call.executor.nodeProperties(node.position)
            case .relationship(let edge): entries = call.executor.relationshipProperties(edge.position)
            case .map(let map): entries = map
            case let value: throw call.invalid(value)
            }
            return .list(entries.keys.sorted { $0.precedesInScalarOrder($1) }.map(CypherValue.string))
        },
        "exists": CypherFunction(1...1, returns: .boolean) { call in .boolean(!call.first.isNull) },
        "coalesce": CypherFunction(1...64) { call in call.arguments.first { !$0.isNull } ?? .null },
    ]

    private static let relationships = CypherFunction(1...1, returns: .list(.relationship), refuses: [0: notElements + [.node, .relationship]]) { call in
        switch call.first {
        case .null: return .null
        case .path(_, let relationships): return .list(relationships.map(CypherValue.relationship))
        case let value: throw call.invalid(value)
        }
    }
}
