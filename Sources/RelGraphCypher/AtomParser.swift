import RelGraphCore

/// The smallest expressions: literals, parameters, variables, function calls, `CASE`, list and
/// pattern comprehensions, quantifiers, `reduce`, map projections, `EXISTS { }` and `COUNT { }`,
/// parenthesised expressions and pattern predicates.
extension CypherParser {
    static let quantifiers: [String: Quantifier] = ["ALL": .all, "ANY": .any, "NONE": .none, "SINGLE": .single]

    mutating func atom() throws(CypherError) -> CypherExpression {
        let token = current
        switch token.kind {
        case .integer(let value): _ = advance(); return .literal(.integer(value))
        case .float(let value): _ = advance(); return .literal(.float(value))
        case .string(let value): _ = advance(); return .literal(.string(value))
        case .parameter(let name): _ = advance(); return .parameter(name, token.position)
        case .malformedNumber(let text): throw failure("'\(text)' is not a number", .invalidNumberLiteral)
        case .symbol("["): return try listOrComprehension()
        case .symbol("{"): return .map(try mapLiteral())
        case .symbol("("):
            if let pattern = try patternPredicate() { return .pattern(pattern) }
            _ = advance()
            let inner = try expression()
            guard accept(")") else { throw unexpected("')'") }
            return inner
        case .identifier(let name, let quoted):
            if !quoted { if let special = try keywordAtom(name.uppercased(), token) { return special } }
            return try nameAtom(name, quoted: quoted, token)
        default:
            throw unexpected("an expression")
        }
    }

    /// `TRUE`, `NULL`, `CASE`, quantifiers, `reduce`, `EXISTS { }`, `COUNT { }`, `count(*)`.
    private mutating func keywordAtom(_ word: String, _ token: CypherToken) throws(CypherError) -> CypherExpression? {
        switch word {
        case "TRUE": _ = advance(); return .literal(.boolean(true))
        case "FALSE": _ = advance(); return .literal(.boolean(false))
        case "NULL": _ = advance(); return .literal(.null)
        case "CASE": _ = advance(); return try caseExpression()
        default: break
        }
        if word == "EXISTS" || word == "COUNT", peek().isSymbol("{") {
            _ = advance(); _ = advance()
            let query = try subqueryBody()
            guard accept("}") else { throw unexpected("'}' to close the subquery") }
            return .subquery(Subquery(kind: word == "EXISTS" ? .exists : .count, query: query, position: token.position))
        }
        guard peek().isSymbol("(") else { return nil }
        if let quantifier = CypherParser.quantifiers[word], case .identifier = peek(2).kind, peek(3).keyword == "IN" {
            _ = advance(); _ = advance()
            let list = try iteratedList(allowsProjection: false)
            guard accept(")") else { throw unexpected("')' to close \(word.lowercased())(...)") }
            guard list.predicate != nil else { throw failure("\(word.lowercased())(...) needs WHERE and a condition", at: token) }
            return .quantifier(quantifier, list, token.position)
        }
        if word == "REDUCE" {
            _ = advance(); _ = advance()
            let accumulator = try name("the accumulator of reduce")
            try expect("=")
            let initial = try expression()
            try expect(",")
            var list = try iteratedList(allowsProjection: false, allowsWhere: false)
            try expect("|")
            list.projection = try expression()
            guard accept(")") else { throw unexpected("')' to close reduce(...)") }
            return .reduce(accumulator: accumulator, accumulatorSlot: -1, initial: initial, list, token.position)
        }
        if word == "COUNT", peek(2).isSymbol("*") {
            _ = advance(); _ = advance(); _ = advance()
            guard accept(")") else { throw unexpected("')' after count(*") }
            return .countAll(token.position)
        }
        return nil
    }

    /// A variable, a function call (names may be dotted: `duration.between`), or a map projection.
    private mutating func nameAtom(_ name: String, quoted: Bool, _ token: CypherToken) throws(CypherError) -> CypherExpression {
        // Dotted function names: `a.b.c(` with nothing between.
        var length = 1
        while peek(length).isSymbol("."), case .identifier = peek(length + 1).kind { length += 2 }
        if !quoted, peek(length).isSymbol("(") {
            var parts: [String] = []
            for _ in 0..<length {
                if case .identifier(let part, _) = advance().kind { parts.append(part) }
            }
            _ = advance()
            let functionName = parts.joined(separator: ".")
            let distinct = accept(keyword: "DISTINCT")
            var arguments: [CypherExpression] = []
            if !accept(")") {
                repeat { arguments.append(try expression()) } while accept(",")
                guard accept(")") else { throw unexpected("')' to close the arguments of \(functionName)") }
            }
            return .function(functionName, distinct: distinct, arguments, token.position)
        }
        _ = advance()
        if let keyword = token.keyword, CypherParser.writingKeywords.contains(keyword) {
            throw CypherError(
                .write, .writesToGraph, "\(keyword) writes to the graph; queries are read-only", line: token.line, column: token.column, subject: keyword)
        }
        let variable = CypherExpression.variable(name, token.position)
        if current.isSymbol("{") { return try mapProjection(variable, token.position) }
        return variable
    }

    /// `x IN list [WHERE predicate] [| projection]`.
    private mutating func iteratedList(allowsProjection: Bool, allowsWhere: Bool = true) throws(CypherError) -> IteratedList {
        let position = current.position
        let variable = try name("a variable")
        try expect(keyword: "IN")
        let source = try expression()
        let predicate = allowsWhere && accept(keyword: "WHERE") ? try expression() : nil
        let projection = allowsProjection && accept("|") ? try expression() : nil
        return IteratedList(variable: variable, variablePosition: position, source: source, predicate: predicate, projection: projection)
    }

    /// `[a, b]`, `[x IN list WHERE p | e]`, or `[(a)-->(b) WHERE p | e]`.
    private mutating func listOrComprehension() throws(CypherError) -> CypherExpression {
        let open = advance()
        if case .identifier = current.kind, peek().keyword == "IN" {
            let list = try iteratedList(allowsProjection: true)
            guard accept("]") else { throw unexpected("']' to close the list comprehension") }
            return .listComprehension(list, open.position)
        }
        if let comprehension = try patternComprehension(open.position) { return comprehension }
        var items: [CypherExpression] = []
        if !accept("]") {
            repeat { items.append(try expression()) } while accept(",")
            guard accept("]") else { throw unexpected("']' to close the list") }
        }
        return .list(items)
    }

    /// `[p = (a)-->(b) WHERE ... | expression]` after `[`, or nil (nothing consumed).
    private mutating func patternComprehension(_ position: CypherPosition) throws(CypherError) -> CypherExpression? {
        let saved = index
        var pathVariable: String?
        if case .identifier(let name, _) = current.kind, peek().isSymbol("="), peek(2).isSymbol("(") {
            pathVariable = name
            _ = advance(); _ = advance()
        }
        guard current.isSymbol("(") else { index = saved; return nil }
        guard var pattern = try patternPredicate() else { index = saved; return nil }
        pattern.pathVariable = pathVariable
        let predicate = accept(keyword: "WHERE") ? try expression() : nil
        guard accept("|") else { throw unexpected("'|' and an expression in the pattern comprehension") }
        let projection = try expression()
        guard accept("]") else { throw unexpected("']' to close the pattern comprehension") }
        return .patternComprehension(pattern, predicate: predicate, projection: projection, position)
    }

    /// `{key: value, ...}`.
    mutating func mapLiteral() throws(CypherError) -> [(String, CypherExpression)] {
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

    /// `n{.name, .*, key: expression, variable}` after the variable.
    private mutating func mapProjection(_ base: CypherExpression, _ position: CypherPosition) throws(CypherError) -> CypherExpression {
        try expect("{")
        var items: [MapProjectionItem] = []
        if !accept("}") {
            repeat {
                if accept(".") {
                    if accept("*") { items.append(.allProperties) } else { items.append(.property(try name("a property name after '.'"))) }
                } else if case .identifier(let key, _) = current.kind, peek().isSymbol(":") {
                    _ = advance(); _ = advance()
                    items.append(.entry(key, try expression()))
                } else {
                    let at = current.position
                    items.append(.variable(try name("a property, a key or a variable"), at))
                }
            } while accept(",")
            guard accept("}") else { throw unexpected("'}' to close the map projection") }
        }
        return .mapProjection(base, items, position)
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

    /// The inside of `EXISTS { }` or `COUNT { }`: a pattern with an optional `WHERE` (read as
    /// one `MATCH`), or clauses.
    private mutating func subqueryBody() throws(CypherError) -> CypherQuery {
        let start = current
        if current.isSymbol("(") || (peek().isSymbol("=") && peek(2).isSymbol("(")) {
            var patterns = [try patternPart()]
            while accept(",") { patterns.append(try patternPart()) }
            let predicate = accept(keyword: "WHERE") ? try expression() : nil
            return CypherQuery(clauses: [.match(MatchClause(isOptional: false, patterns: patterns, predicate: predicate, position: start.position))])
        }
        return try query(requiresReturn: false)
    }

    /// Whether the tokens at hand start a relationship pattern: `-[`, `--`, `-->`, `<-[`, `<--`
    /// (`(x) - 1` is arithmetic).
    private var startsRelationship: Bool {
        guard current.isSymbol("-") || current.isSymbol("<-") else { return false }
        let next = peek()
        return next.isSymbol("[") || next.isSymbol("-") || next.isSymbol("->")
    }

    /// A pattern in an expression, such as `(a)-[:signed]->(:treaty)`, or nil (and nothing
    /// consumed) when the parenthesis opens an ordinary expression.
    mutating func patternPredicate() throws(CypherError) -> PatternPart? {
        let saved = index
        let start = current
        guard let node = try? nodePattern(), startsRelationship else {
            index = saved
            return nil
        }
        try enter()
        defer { depth -= 1 }
        var nodes = [node], relationships: [RelationshipPattern] = []
        while current.isSymbol("-") || current.isSymbol("<-") {
            relationships.append(try relationshipPattern())
            nodes.append(try nodePattern())
        }
        return PatternPart(pathVariable: nil, shortest: .none, nodes: nodes, relationships: relationships, position: start.position)
    }
}
