/// A recursive-descent parser for the openCypher subset of contract §6. Every error names
/// the line and column of the token where the query stops making sense.
struct CypherParser {
    private let tokens: [CypherToken]
    private let text: [Character]
    private var index = 0

    /// Clause keywords that write; a query using one is refused.
    static let writingKeywords: Set<String> = ["CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD"]

    init(_ query: String) throws(CypherError) {
        tokens = try CypherLexer.tokens(of: query)
        text = Array(query)
    }

    /// Parses a whole query.
    ///
    /// - Complexity: O(n) in the number of tokens (patterns inside parentheses may be read twice).
    static func parse(_ query: String) throws(CypherError) -> CypherQuery {
        var parser = try CypherParser(query)
        return try parser.query()
    }

    // MARK: Tokens

    private var current: CypherToken { tokens[index] }
    private func peek(_ offset: Int = 1) -> CypherToken { tokens[min(index + offset, tokens.count - 1)] }

    private mutating func advance() -> CypherToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func failure(_ message: String, at token: CypherToken? = nil) -> CypherError {
        let token = token ?? current
        return CypherError(.syntax, message, line: token.line, column: token.column)
    }

    private func unexpected(_ expected: String) -> CypherError {
        failure("expected \(expected), found \(current.spelling)")
    }

    private func isKeyword(_ word: String) -> Bool { current.keyword == word }

    private mutating func accept(keyword word: String) -> Bool {
        guard isKeyword(word) else { return false }
        _ = advance()
        return true
    }

    private mutating func expect(keyword word: String) throws(CypherError) {
        guard accept(keyword: word) else { throw unexpected(word) }
    }

    private mutating func accept(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        _ = advance()
        return true
    }

    private mutating func expect(_ symbol: String) throws(CypherError) {
        guard accept(symbol) else { throw unexpected("'\(symbol)'") }
    }

    private mutating func name(_ what: String) throws(CypherError) -> String {
        guard case .identifier(let name, _) = current.kind else { throw unexpected(what) }
        _ = advance()
        return name
    }

    // MARK: Clauses

    private mutating func query() throws(CypherError) -> CypherQuery {
        var clauses: [CypherClause] = []
        while current.kind != .end, !current.isSymbol(";") {
            if let keyword = current.keyword, CypherParser.writingKeywords.contains(keyword) {
                throw CypherError(.write, "\(keyword) writes to the graph; queries are read-only", line: current.line, column: current.column)
            }
            if case .return? = clauses.last {
                throw failure("RETURN ends a query; nothing may follow it")
            }
            clauses.append(try clause())
        }
        _ = accept(";")
        guard current.kind == .end else { throw unexpected("the end of the query") }
        guard case .return? = clauses.last else {
            throw failure("a query must end with RETURN", at: current)
        }
        return CypherQuery(clauses: clauses)
    }

    private mutating func clause() throws(CypherError) -> CypherClause {
        if accept(keyword: "OPTIONAL") {
            try expect(keyword: "MATCH")
            return .match(try matchBody(optional: true))
        }
        if accept(keyword: "MATCH") { return .match(try matchBody(optional: false)) }
        if accept(keyword: "UNWIND") {
            let list = try expression()
            try expect(keyword: "AS")
            return .unwind(list, alias: try name("a name after AS"))
        }
        if accept(keyword: "WITH") { return .with(try projection(allowsWhere: true)) }
        if accept(keyword: "RETURN") { return .return(try projection(allowsWhere: false)) }
        if isKeyword("CALL") || isKeyword("UNION") || isKeyword("USE") {
            throw failure("\(current.keyword!) is not part of the supported subset (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN)")
        }
        throw unexpected("MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN")
    }

    private mutating func matchBody(optional: Bool) throws(CypherError) -> MatchClause {
        var patterns = [try patternPart()]
        while accept(",") { patterns.append(try patternPart()) }
        let predicate = accept(keyword: "WHERE") ? try expression() : nil
        return MatchClause(isOptional: optional, patterns: patterns, predicate: predicate)
    }

    private mutating func projection(allowsWhere: Bool) throws(CypherError) -> Projection {
        let isDistinct = accept(keyword: "DISTINCT")
        var includesEverything = false
        var items: [Projection.Item] = []
        if accept("*") {
            includesEverything = true
            if accept(",") { items = try projectionItems() }
        } else {
            items = try projectionItems()
        }
        var order: [Projection.SortKey] = []
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY")
            repeat {
                let start = current
                let expression = try expression()
                let text = String(self.text[start.offset..<max(tokens[max(index - 1, 0)].end, start.offset)])
                var ascending = true
                if accept(keyword: "DESC") || accept(keyword: "DESCENDING") { ascending = false } else {
                    _ = accept(keyword: "ASC") || accept(keyword: "ASCENDING")
                }
                order.append(Projection.SortKey(expression: expression, ascending: ascending, text: text))
            } while accept(",")
        }
        let skip = accept(keyword: "SKIP") ? try expression() : nil
        let limit = accept(keyword: "LIMIT") ? try expression() : nil
        var predicate: CypherExpression?
        if allowsWhere, accept(keyword: "WHERE") { predicate = try expression() }
        return Projection(
            isDistinct: isDistinct, includesEverything: includesEverything, items: items, order: order,
            skip: skip, limit: limit, predicate: predicate)
    }

    private mutating func projectionItems() throws(CypherError) -> [Projection.Item] {
        var items: [Projection.Item] = []
        repeat {
            let start = current
            let expression = try expression()
            let end = tokens[max(index - 1, 0)].end
            let written = String(text[start.offset..<max(end, start.offset)])
            var alias = written
            if accept(keyword: "AS") {
                alias = try name("a name after AS")
            } else if case .variable(let name, _) = expression {
                alias = name
            }
            if items.contains(where: { $0.alias == alias }) {
                throw failure("two columns are named '\(alias)'; give one another name with AS", at: start)
            }
            items.append(Projection.Item(expression: expression, alias: alias, text: written, position: start.position))
        } while accept(",")
        return items
    }

    // MARK: Patterns

    private mutating func patternPart() throws(CypherError) -> PatternPart {
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
            try expect(")")
            guard part.relationships.count == 1 else {
                throw failure("\(shortest == .one ? "shortestPath" : "allShortestPaths") takes a pattern with exactly one relationship, such as (a)-[*]-(b)", at: start)
            }
        }
        return part
    }

    private mutating func patternChain(position: CypherPosition) throws(CypherError) -> PatternPart {
        var nodes = [try nodePattern()]
        var relationships: [RelationshipPattern] = []
        while current.isSymbol("-") || current.isSymbol("<-") {
            relationships.append(try relationshipPattern())
            nodes.append(try nodePattern())
        }
        return PatternPart(pathVariable: nil, shortest: .none, nodes: nodes, relationships: relationships, position: position)
    }

    private mutating func nodePattern() throws(CypherError) -> NodePattern {
        let start = current
        try expect("(")
        var variable: String?
        if case .identifier(let name, _) = current.kind { variable = name; _ = advance() }
        var labels: [[String]] = [], positions: [CypherPosition] = []
        while accept(":") {
            var group: [String] = []
            repeat {
                _ = accept(":")
                positions.append(current.position)
                group.append(try name("a kind after ':'"))
            } while accept("|")
            labels.append(group)
        }
        let properties = current.isSymbol("{") ? try propertyMap() : []
        guard accept(")") else { throw unexpected("')' to close the node pattern") }
        return NodePattern(variable: variable, labels: labels, properties: properties, position: start.position, labelPositions: positions)
    }

    private mutating func relationshipPattern() throws(CypherError) -> RelationshipPattern {
        let start = current
        let pointsLeft = accept("<-")
        if !pointsLeft { try expect("-") }
        var variable: String?, types: [String] = [], positions: [CypherPosition] = []
        var properties: [(String, CypherExpression)] = []
        var length: (minimum: Int, maximum: Int?)?
        if accept("[") {
            if case .identifier(let name, _) = current.kind { variable = name; _ = advance() }
            if accept(":") {
                repeat {
                    _ = accept(":")
                    positions.append(current.position)
                    types.append(try name("a relation after ':'"))
                } while accept("|")
            }
            if accept("*") {
                var minimum = 1, maximum: Int?
                if case .integer(let value) = current.kind {
                    _ = advance()
                    minimum = value
                    maximum = value
                }
                if accept("..") {
                    maximum = nil
                    if case .integer(let value) = current.kind { _ = advance(); maximum = value }
                } else if maximum == nil {
                    maximum = nil
                }
                if let maximum, maximum < minimum {
                    throw failure("a variable length *\(minimum)..\(maximum) has its maximum below its minimum")
                }
                length = (minimum, maximum)
            }
            if current.isSymbol("{") { properties = try propertyMap() }
            guard accept("]") else { throw unexpected("']' to close the relationship pattern") }
        }
        let pointsRight: Bool
        if accept("->") { pointsRight = true } else if accept("-") { pointsRight = false } else {
            throw unexpected("'-' or '->' to finish the relationship")
        }
        if pointsLeft, pointsRight {
            // `<-->` means either direction.
            return RelationshipPattern(variable: variable, types: types, properties: properties, direction: .either, length: length, position: start.position, typePositions: positions)
        }
        return RelationshipPattern(
            variable: variable, types: types, properties: properties,
            direction: pointsLeft ? .left : pointsRight ? .right : .either, length: length, position: start.position,
            typePositions: positions)
    }

    private mutating func propertyMap() throws(CypherError) -> [(String, CypherExpression)] {
        try expect("{")
        var entries: [(String, CypherExpression)] = []
        if accept("}") { return entries }
        repeat {
            let key = try name("a property name")
            try expect(":")
            entries.append((key, try expression()))
        } while accept(",")
        guard accept("}") else { throw unexpected("'}' to close the map") }
        return entries
    }

    // MARK: Expressions

    private mutating func expression() throws(CypherError) -> CypherExpression { try orExpression() }

    private mutating func orExpression() throws(CypherError) -> CypherExpression {
        var result = try xorExpression()
        while accept(keyword: "OR") { result = .binary(.or, result, try xorExpression()) }
        return result
    }

    private mutating func xorExpression() throws(CypherError) -> CypherExpression {
        var result = try andExpression()
        while accept(keyword: "XOR") { result = .binary(.xor, result, try andExpression()) }
        return result
    }

    private mutating func andExpression() throws(CypherError) -> CypherExpression {
        var result = try notExpression()
        while accept(keyword: "AND") { result = .binary(.and, result, try notExpression()) }
        return result
    }

    private mutating func notExpression() throws(CypherError) -> CypherExpression {
        if accept(keyword: "NOT") { return .not(try notExpression()) }
        return try comparison()
    }

    private mutating func comparison() throws(CypherError) -> CypherExpression {
        let first = try predicateExpression()
        var operands = [first]
        var operators: [CypherExpression.BinaryOperator] = []
        while true {
            let op: CypherExpression.BinaryOperator
            if accept("=") { op = .equal } else if accept("<>") { op = .notEqual } else if accept("<=") { op = .lessOrEqual }
            else if accept(">=") { op = .greaterOrEqual } else if accept("<") { op = .less } else if accept(">") { op = .greater }
            else if accept("=~") { op = .matches }
            else if current.isSymbol("<-") {
                // `a<-1`: less than minus one.
                _ = advance()
                operators.append(.less)
                operands.append(.negate(try predicateExpression()))
                continue
            } else { break }
            operators.append(op)
            operands.append(try predicateExpression())
        }
        guard !operators.isEmpty else { return first }
        var result: CypherExpression?
        for (position, op) in operators.enumerated() {
            let term = CypherExpression.binary(op, operands[position], operands[position + 1])
            result = result.map { .binary(.and, $0, term) } ?? term
        }
        return result!
    }

    private mutating func predicateExpression() throws(CypherError) -> CypherExpression {
        var result = try additive()
        while true {
            if accept(keyword: "IN") { result = .binary(.in, result, try additive()); continue }
            if isKeyword("STARTS"), peek().keyword == "WITH" {
                _ = advance(); _ = advance()
                result = .binary(.startsWith, result, try additive()); continue
            }
            if isKeyword("ENDS"), peek().keyword == "WITH" {
                _ = advance(); _ = advance()
                result = .binary(.endsWith, result, try additive()); continue
            }
            if accept(keyword: "CONTAINS") { result = .binary(.contains, result, try additive()); continue }
            if isKeyword("IS") {
                _ = advance()
                let negated = accept(keyword: "NOT")
                try expect(keyword: "NULL")
                result = .isNull(result, negated: negated)
                continue
            }
            return result
        }
    }

    private mutating func additive() throws(CypherError) -> CypherExpression {
        var result = try multiplicative()
        while true {
            if accept("+") { result = .binary(.add, result, try multiplicative()) }
            else if accept("-") { result = .binary(.subtract, result, try multiplicative()) }
            else { return result }
        }
    }

    private mutating func multiplicative() throws(CypherError) -> CypherExpression {
        var result = try power()
        while true {
            if accept("*") { result = .binary(.multiply, result, try power()) }
            else if accept("/") { result = .binary(.divide, result, try power()) }
            else if accept("%") { result = .binary(.modulo, result, try power()) }
            else { return result }
        }
    }

    private mutating func power() throws(CypherError) -> CypherExpression {
        var result = try unary()
        while accept("^") { result = .binary(.power, result, try unary()) }
        return result
    }

    private mutating func unary() throws(CypherError) -> CypherExpression {
        if accept("-") { return .negate(try unary()) }
        if accept("+") { return try unary() }
        return try postfix()
    }

    private mutating func postfix() throws(CypherError) -> CypherExpression {
        var result = try atom()
        while true {
            if current.isSymbol(".") {
                _ = advance()
                let position = current.position
                result = .property(result, try name("a property name after '.'"), position)
            } else if accept("[") {
                let index = try expression()
                guard accept("]") else { throw unexpected("']'") }
                result = .index(result, index)
            } else if current.isSymbol(":"), case .variable = result {
                // `n:actor|treaty` as a predicate.
                var groups: [CypherExpression] = []
                while accept(":") {
                    var names: [CypherExpression] = []
                    repeat {
                        _ = accept(":")
                        let position = current.position
                        names.append(.literal(.string(try name("a kind after ':'"))))
                        _ = position
                    } while accept("|")
                    groups.append(.list(names))
                }
                result = .function("$haslabels", distinct: false, [result] + groups, current.position)
            } else {
                return result
            }
        }
    }

    private mutating func atom() throws(CypherError) -> CypherExpression {
        let token = current
        switch token.kind {
        case .integer(let value): _ = advance(); return .literal(.integer(value))
        case .float(let value): _ = advance(); return .literal(.float(value))
        case .string(let value): _ = advance(); return .literal(.string(value))
        case .parameter(let name): _ = advance(); return .parameter(name, token.position)
        case .symbol("["):
            _ = advance()
            var items: [CypherExpression] = []
            if !accept("]") {
                repeat { items.append(try expression()) } while accept(",")
                guard accept("]") else { throw unexpected("']' to close the list") }
            }
            return .list(items)
        case .symbol("{"):
            return .map(try propertyMap())
        case .symbol("("):
            if let pattern = try patternPredicate() { return .pattern(pattern) }
            _ = advance()
            let inner = try expression()
            guard accept(")") else { throw unexpected("')'") }
            return inner
        case .identifier(let name, let quoted):
            if !quoted {
                switch name.uppercased() {
                case "TRUE": _ = advance(); return .literal(.boolean(true))
                case "FALSE": _ = advance(); return .literal(.boolean(false))
                case "NULL": _ = advance(); return .literal(.null)
                case "CASE": _ = advance(); return try caseExpression()
                default: break
                }
            }
            _ = advance()
            if !quoted, current.isSymbol("(") {
                _ = advance()
                if name.lowercased() == "count", accept("*") {
                    guard accept(")") else { throw unexpected("')' after count(*") }
                    return .countAll
                }
                let distinct = accept(keyword: "DISTINCT")
                var arguments: [CypherExpression] = []
                if !accept(")") {
                    repeat { arguments.append(try expression()) } while accept(",")
                    guard accept(")") else { throw unexpected("')' to close the arguments of \(name)") }
                }
                return .function(name, distinct: distinct, arguments, token.position)
            }
            if let keyword = token.keyword, CypherParser.writingKeywords.contains(keyword) {
                throw CypherError(.write, "\(keyword) writes to the graph; queries are read-only", line: token.line, column: token.column)
            }
            return .variable(name, token.position)
        default:
            throw unexpected("an expression")
        }
    }

    private mutating func caseExpression() throws(CypherError) -> CypherExpression {
        let subject = isKeyword("WHEN") ? nil : try expression()
        var branches: [(CypherExpression, CypherExpression)] = []
        while accept(keyword: "WHEN") {
            let condition = try expression()
            try expect(keyword: "THEN")
            branches.append((condition, try expression()))
        }
        guard !branches.isEmpty else { throw unexpected("WHEN") }
        let otherwise = accept(keyword: "ELSE") ? try expression() : nil
        try expect(keyword: "END")
        return .caseWhen(subject: subject, branches: branches, otherwise: otherwise)
    }

    /// A pattern in an expression, such as `(a)-[:signed]->(:treaty)`, or nil (and nothing
    /// consumed) when the parenthesis opens an ordinary expression.
    private mutating func patternPredicate() throws(CypherError) -> PatternPart? {
        let saved = index
        let start = current
        guard let node = try? nodePattern(), current.isSymbol("-") || current.isSymbol("<-") else {
            index = saved
            return nil
        }
        var nodes = [node], relationships: [RelationshipPattern] = []
        while current.isSymbol("-") || current.isSymbol("<-") {
            relationships.append(try relationshipPattern())
            nodes.append(try nodePattern())
        }
        return PatternPart(pathVariable: nil, shortest: .none, nodes: nodes, relationships: relationships, position: start.position)
    }
}
