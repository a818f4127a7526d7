import RelGraphCore

extension CypherParser {
    /// `p = (a)-[r]->(b)`, `shortestPath((a)-[*]-(b))`, or a plain chain.
    mutating func patternPart() throws(CypherError) -> PatternPart {
        let start = current
        var pathVariable: String?
        if case .identifier(let name, _) = current.kind, peek().isSymbol("=") {
            pathVariable = name
            _ = advance(); _ = advance()
        }
        var shortest = PatternPart.Shortest.none
        if let keyword = current.keyword, keyword == "SHORTESTPATH" || keyword == "ALLSHORTESTPATHS", peek().isSymbol("(") {
            shortest = keyword == "SHORTESTPATH" ? .one : .all
            _ = advance(); _ = advance()
        }
        var part = try patternChain(position: start.position)
        part.pathVariable = pathVariable
        part.shortest = shortest
        if shortest != .none {
            guard accept(")") else { throw unexpected("')' to close \(shortest == .one ? "shortestPath" : "allShortestPaths")") }
            guard part.relationships.count == 1 else {
                throw failure(
                    "\(shortest == .one ? "shortestPath" : "allShortestPaths") takes a pattern with exactly one relationship, such as (a)-[*]-(b)", at: start)
            }
        }
        return part
    }

    mutating func patternChain(position: CypherPosition) throws(CypherError) -> PatternPart {
        try enter()
        defer { depth -= 1 }
        var nodes = [try nodePattern()]
        var relationships: [RelationshipPattern] = []
        while current.isSymbol("-") || current.isSymbol("<-") {
            relationships.append(try relationshipPattern())
            nodes.append(try nodePattern())
        }
        return PatternPart(pathVariable: nil, shortest: .none, nodes: nodes, relationships: relationships, position: position)
    }

    /// `:A:B|C` after a variable: each `:` starts a group, `|` adds an alternative to it.
    private mutating func labelGroups(_ what: String, positions: inout [CypherPosition]) throws(CypherError) -> [[String]] {
        var groups: [[String]] = []
        while accept(":") {
            var group: [String] = []
            repeat {
                _ = accept(":")
                positions.append(current.position)
                group.append(try dashedName(what))
            } while accept("|")
            groups.append(group)
        }
        return groups
    }

    /// A label or relationship type; a name with dashes that is not backquoted is refused
    /// with the backquoted form, which is how the graph's relations are written.
    private mutating func dashedName(_ what: String) throws(CypherError) -> String {
        let start = current
        let first = try name(what)
        guard case .identifier(_, false) = start.kind, current.isSymbol("-"), case .identifier = peek().kind,
            !peek(2).isSymbol("("), !peek(2).isSymbol("[")
        else { return first }
        var parts = [first]
        while current.isSymbol("-"), case .identifier(let next, _) = peek().kind {
            _ = advance(); _ = advance()
            parts.append(next)
        }
        let dashed = parts.joined(separator: "-")
        let isType = what.hasPrefix("a relation")
        throw failure(
            "a \(isType ? "relationship type" : "label") with dashes must be written in backquotes: \(isType ? "[:" : "(:")`\(dashed)`\(isType ? "]" : ")")",
            at: start)
    }

    mutating func nodePattern() throws(CypherError) -> NodePattern {
        let start = current
        try expect("(")
        var variable: String?
        let variablePosition = current.position
        if case .identifier(let name, _) = current.kind { variable = name; _ = advance() }
        var positions: [CypherPosition] = []
        let labels = try labelGroups("a kind after ':'", positions: &positions)
        let properties = try patternProperties()
        guard accept(")") else {
            if isKeyword("WHERE") {
                throw failure("WHERE inside a node pattern is not supported; move the condition to MATCH ... WHERE", .unsupported)
            }
            throw unexpected("')' to close the node pattern")
        }
        return NodePattern(
            variable: variable, labels: labels, properties: properties, position: start.position,
            labelPositions: positions, variablePosition: variablePosition)
    }

    /// `{key: value, ...}` or `$parameter` after a pattern's labels.
    private mutating func patternProperties() throws(CypherError) -> CypherExpression? {
        if current.isSymbol("{") { return .map(try mapLiteral()) }
        if case .parameter(let name) = current.kind {
            throw failure("a parameter cannot stand for a pattern's properties; write them out, as in {id: $\(name).id}", .invalidParameterUse)
        }
        return nil
    }

    mutating func relationshipPattern() throws(CypherError) -> RelationshipPattern {
        let start = current
        let pointsLeft = accept("<-")
        if !pointsLeft { try expect("-") }
        var variable: String?, types: [String] = [], positions: [CypherPosition] = []
        var properties: CypherExpression?
        var length: (minimum: Int, maximum: Int?)?
        var variablePosition = current.position
        if accept("[") {
            variablePosition = current.position
            if case .identifier(let name, _) = current.kind { variable = name; _ = advance() }
            if accept(":") {
                repeat {
                    _ = accept(":")
                    positions.append(current.position)
                    types.append(try dashedName("a relation after ':'"))
                } while accept("|")
            }
            if accept("*") {
                length = try variableLength()
            } else if current.isSymbol("..") || current.kind.isInteger {
                throw failure("a variable length needs '*' before its bounds, as in [:KNOWS*1..3]", .invalidRelationshipPattern)
            }
            properties = try patternProperties()
            guard accept("]") else {
                if isKeyword("WHERE") {
                    throw failure("WHERE inside a relationship pattern is not supported; move the condition to MATCH ... WHERE", .unsupported)
                }
                throw unexpected("']' to close the relationship pattern")
            }
        }
        let pointsRight: Bool
        if accept("->") {
            pointsRight = true
        } else if accept("-") {
            // `<-->`: the lexer reads `<-`, `-`, `->`.
            pointsRight = pointsLeft && accept("->")
        } else {
            throw unexpected("'-' or '->' to finish the relationship")
        }
        let direction: RelationshipPattern.Direction = pointsLeft == pointsRight ? .either : pointsLeft ? .left : .right
        return RelationshipPattern(
            variable: variable, types: types, properties: properties, direction: direction, length: length,
            position: start.position, typePositions: positions, variablePosition: variablePosition)
    }

    /// After `*`: nothing, `N`, `N..`, `..M` or `N..M`.
    private mutating func variableLength() throws(CypherError) -> (minimum: Int, maximum: Int?) {
        var minimum = 1, maximum: Int?
        if case .integer(let value) = current.kind {
            _ = advance()
            minimum = value
            maximum = value
        }
        if accept("..") {
            maximum = nil
            if case .integer(let value) = current.kind { _ = advance(); maximum = value }
        }
        if current.isSymbol("-") {
            throw failure("a variable length cannot be negative", .invalidRelationshipPattern)
        }
        // `*2..1` matches nothing, as in Neo4j.
        return (minimum, maximum)
    }
}
