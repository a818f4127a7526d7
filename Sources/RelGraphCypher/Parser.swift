import RelGraphCore

/// A recursive-descent parser for the read-only openCypher of contract §6. Every error names
/// the line and column of the token where the query stops making sense, and, where a Neo4j
/// user would write something RelGraph reads differently, says what to write instead.
///
/// The parser is split by concern: clauses here, patterns in `PatternParser.swift`,
/// operators in `ExpressionParser.swift` and the smallest expressions in `AtomParser.swift`.
struct CypherParser {
    let tokens: [CypherToken]
    let text: [Character]
    var index = 0
    /// How deeply expressions and patterns nest, against a stack overflow on hostile input.
    var depth = 0
    static let maximumDepth = 200

    /// Clause keywords that write; a query using one is refused.
    static let writingKeywords: Set<String> = ["CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD"]

    init(_ query: String) throws(CypherError) {
        tokens = try CypherLexer.tokens(of: query)
        text = Array(query)
    }

    /// Parses a whole statement: one query, or queries joined by `UNION` / `UNION ALL`.
    ///
    /// - Complexity: O(n) in the number of tokens (patterns inside parentheses may be read twice).
    static func parse(_ query: String) throws(CypherError) -> CypherStatement {
        var parser = try CypherParser(query)
        return try parser.statement()
    }

    // MARK: Tokens

    var current: CypherToken { tokens[index] }
    func peek(_ offset: Int = 1) -> CypherToken { tokens[min(index + offset, tokens.count - 1)] }

    mutating func advance() -> CypherToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func failure(_ message: String, _ code: CypherError.Code = .unexpectedSyntax, at token: CypherToken? = nil) -> CypherError {
        let token = token ?? current
        return CypherError(.syntax, code, message, line: token.line, column: token.column)
    }

    func unexpected(_ expected: String) -> CypherError {
        failure("expected \(expected), found \(current.spelling)")
    }

    func isKeyword(_ word: String) -> Bool { current.keyword == word }

    mutating func accept(keyword word: String) -> Bool {
        guard isKeyword(word) else { return false }
        _ = advance()
        return true
    }

    mutating func expect(keyword word: String) throws(CypherError) {
        guard accept(keyword: word) else { throw unexpected(word) }
    }

    mutating func accept(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        _ = advance()
        return true
    }

    mutating func expect(_ symbol: String) throws(CypherError) {
        guard accept(symbol) else { throw unexpected("'\(symbol)'") }
    }

    mutating func name(_ what: String) throws(CypherError) -> String {
        guard case .identifier(let name, _) = current.kind else { throw unexpected(what) }
        _ = advance()
        return name
    }

    /// The query text from `start` up to the last token read, as written.
    func textSince(_ start: CypherToken) -> String {
        let end = tokens[max(index - 1, 0)].end
        return end > start.offset ? String(text[start.offset..<end]) : ""
    }

    /// Counts one level of nesting; past ``maximumDepth`` the query is refused.
    mutating func enter() throws(CypherError) {
        depth += 1
        if depth > CypherParser.maximumDepth {
            throw failure("the query nests more than \(CypherParser.maximumDepth) levels deep")
        }
    }

    // MARK: Statements and clauses

    private mutating func statement() throws(CypherError) -> CypherStatement {
        var queries = [try query(requiresReturn: true)]
        var unionAll: [Bool] = [], positions: [CypherPosition] = []
        while isKeyword("UNION") {
            positions.append(advance().position)
            unionAll.append(accept(keyword: "ALL"))
            queries.append(try query(requiresReturn: true))
        }
        _ = accept(";")
        guard current.kind == .end else {
            if case .return? = queries.last?.clauses.last {
                throw failure("RETURN ends a query; only UNION may follow it")
            }
            throw unexpected("the end of the query")
        }
        return CypherStatement(queries: queries, unionAll: unionAll, unionPositions: positions)
    }

    /// Clauses up to `UNION`, `;`, `}` or the end. Without `requiresReturn` (a subquery), the
    /// query may end without `RETURN`.
    mutating func query(requiresReturn: Bool) throws(CypherError) -> CypherQuery {
        var clauses: [CypherClause] = []
        let start = current
        while current.kind != .end, !current.isSymbol(";"), !current.isSymbol("}"), !isKeyword("UNION") {
            if let keyword = current.keyword, CypherParser.writingKeywords.contains(keyword) {
                throw CypherError(
                    .write, .writesToGraph, "\(keyword) writes to the graph; queries are read-only", line: current.line, column: current.column,
                    subject: keyword)
            }
            if case .return? = clauses.last {
                throw failure("RETURN ends a query; nothing but UNION may follow it", .invalidClauseComposition)
            }
            clauses.append(try clause())
        }
        guard !clauses.isEmpty else { throw unexpected("MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN") }
        if requiresReturn {
            guard case .return? = clauses.last else {
                if case .with? = clauses.last {
                    throw failure("a query cannot end with WITH; add RETURN", .invalidClauseComposition)
                }
                throw failure("a query must end with RETURN", .invalidClauseComposition, at: current.kind == .end ? current : start)
            }
        }
        return CypherQuery(clauses: clauses)
    }

    private mutating func clause() throws(CypherError) -> CypherClause {
        let start = current
        if accept(keyword: "OPTIONAL") {
            try expect(keyword: "MATCH")
            return .match(try matchBody(optional: true, position: start.position))
        }
        if accept(keyword: "MATCH") { return .match(try matchBody(optional: false, position: start.position)) }
        if accept(keyword: "UNWIND") {
            let list = try expression()
            try expect(keyword: "AS")
            let position = current.position
            return .unwind(list, alias: try name("a name after AS"), position: position)
        }
        if accept(keyword: "WITH") { return .with(try projection(allowsWhere: true, position: start.position)) }
        if accept(keyword: "RETURN") { return .return(try projection(allowsWhere: false, position: start.position)) }
        if let keyword = current.keyword, ["CALL", "USE", "SHOW", "START", "FINISH"].contains(keyword) {
            throw CypherError(
                .syntax, .unsupported, "\(keyword) is not part of RelGraph's read-only Cypher (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, UNION)",
                line: current.line, column: current.column, subject: keyword)
        }
        throw unexpected("MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN")
    }

    private mutating func matchBody(optional: Bool, position: CypherPosition) throws(CypherError) -> MatchClause {
        var patterns = [try patternPart()]
        while accept(",") { patterns.append(try patternPart()) }
        let predicate = accept(keyword: "WHERE") ? try expression() : nil
        return MatchClause(isOptional: optional, patterns: patterns, predicate: predicate, position: position)
    }

    private mutating func projection(allowsWhere: Bool, position: CypherPosition) throws(CypherError) -> Projection {
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
                let text = textSince(start)
                var ascending = true
                if accept(keyword: "DESC") || accept(keyword: "DESCENDING") {
                    ascending = false
                } else {
                    _ = accept(keyword: "ASC") || accept(keyword: "ASCENDING")
                }
                order.append(Projection.SortKey(expression: expression, ascending: ascending, text: text, position: start.position))
            } while accept(",")
        }
        let skip = accept(keyword: "SKIP") || accept(keyword: "OFFSET") ? try expression() : nil
        let limit = accept(keyword: "LIMIT") ? try expression() : nil
        var predicate: CypherExpression?
        if isKeyword("WHERE") {
            guard allowsWhere else { throw failure("RETURN takes no WHERE; filter in MATCH ... WHERE or WITH ... WHERE") }
            _ = advance()
            predicate = try expression()
        }
        return Projection(
            isDistinct: isDistinct, includesEverything: includesEverything, items: items, order: order,
            skip: skip, limit: limit, predicate: predicate, position: position)
    }

    private mutating func projectionItems() throws(CypherError) -> [Projection.Item] {
        var items: [Projection.Item] = []
        repeat {
            let start = current
            let expression = try expression()
            let text = textSince(start)
            if accept(keyword: "AS") {
                items.append(Projection.Item(expression: expression, alias: try name("a name after AS"), isAliased: true, text: text, position: start.position))
            } else {
                items.append(Projection.Item(expression: expression, alias: text, isAliased: false, text: text, position: start.position))
            }
        } while accept(",")
        return items
    }
}
