import RelGraphCore

/// Operators by openCypher's precedence, loosest first: `OR`, `XOR`, `AND`, `NOT`, comparisons
/// (chained: `a < b < c` is `a < b AND b < c`), string, list and null predicates (`STARTS WITH`,
/// `IN`, `IS NULL`, ...), `+ -`, `* / %`, `^` (left to right), unary `+ -`, then property
/// lookups, indexes, slices and label tests.
extension CypherParser {
    mutating func expression() throws(CypherError) -> CypherExpression {
        try enter()
        defer { depth -= 1 }
        return try orExpression()
    }

    private mutating func orExpression() throws(CypherError) -> CypherExpression {
        var result = try xorExpression()
        while isKeyword("OR") {
            let position = advance().position
            result = .binary(.or, result, try xorExpression(), position)
        }
        return result
    }

    private mutating func xorExpression() throws(CypherError) -> CypherExpression {
        var result = try andExpression()
        while isKeyword("XOR") {
            let position = advance().position
            result = .binary(.xor, result, try andExpression(), position)
        }
        return result
    }

    private mutating func andExpression() throws(CypherError) -> CypherExpression {
        var result = try notExpression()
        while isKeyword("AND") {
            let position = advance().position
            result = .binary(.and, result, try notExpression(), position)
        }
        return result
    }

    private mutating func notExpression() throws(CypherError) -> CypherExpression {
        if isKeyword("NOT") {
            let position = advance().position
            try enter()
            defer { depth -= 1 }
            return .not(try notExpression(), position)
        }
        return try comparison()
    }

    private mutating func comparisonOperator() -> CypherExpression.BinaryOperator? {
        switch current.kind {
        case .symbol("="): return .equal
        case .symbol("<>"): return .notEqual
        case .symbol("<="): return .lessOrEqual
        case .symbol(">="): return .greaterOrEqual
        case .symbol("<"): return .less
        case .symbol(">"): return .greater
        default: return nil
        }
    }

    private mutating func comparison() throws(CypherError) -> CypherExpression {
        let first = try predicateExpression()
        var operands = [first]
        var operators: [(CypherExpression.BinaryOperator, CypherPosition)] = []
        while true {
            if let op = comparisonOperator() {
                operators.append((op, advance().position))
                operands.append(try predicateExpression())
            } else if current.isSymbol("<-") {
                // `a<-1`: less than minus one.
                let position = advance().position
                operators.append((.less, position))
                operands.append(.negate(try predicateExpression(), position))
            } else {
                break
            }
        }
        guard !operators.isEmpty else { return first }
        var result: CypherExpression?
        for (offset, (op, position)) in operators.enumerated() {
            let term = CypherExpression.binary(op, operands[offset], operands[offset + 1], position)
            result = result.map { .binary(.and, $0, term, position) } ?? term
        }
        return result!
    }

    private mutating func predicateExpression() throws(CypherError) -> CypherExpression {
        var result = try additive()
        while true {
            let position = current.position
            if accept(keyword: "IN") { result = .binary(.in, result, try additive(), position); continue }
            if isKeyword("STARTS"), peek().keyword == "WITH" {
                _ = advance(); _ = advance()
                result = .binary(.startsWith, result, try additive(), position); continue
            }
            if isKeyword("ENDS"), peek().keyword == "WITH" {
                _ = advance(); _ = advance()
                result = .binary(.endsWith, result, try additive(), position); continue
            }
            if accept(keyword: "CONTAINS") { result = .binary(.contains, result, try additive(), position); continue }
            if accept("=~") { result = .binary(.matches, result, try additive(), position); continue }
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
            let position = current.position
            if accept("+") {
                result = .binary(.add, result, try multiplicative(), position)
            } else if accept("-") {
                result = .binary(.subtract, result, try multiplicative(), position)
            } else {
                return result
            }
        }
    }

    private mutating func multiplicative() throws(CypherError) -> CypherExpression {
        var result = try power()
        while true {
            let position = current.position
            if accept("*") {
                result = .binary(.multiply, result, try power(), position)
            } else if accept("/") {
                result = .binary(.divide, result, try power(), position)
            } else if accept("%") {
                result = .binary(.modulo, result, try power(), position)
            } else {
                return result
            }
        }
    }

    private mutating func power() throws(CypherError) -> CypherExpression {
        var result = try unary()
        while current.isSymbol("^") {
            let position = advance().position
            result = .binary(.power, result, try unary(), position)
        }
        return result
    }

    private mutating func unary() throws(CypherError) -> CypherExpression {
        if current.isSymbol("-") {
            let position = advance().position
            try enter()
            defer { depth -= 1 }
            // The smallest integer is written as minus its magnitude, which alone is too large.
            if current.kind == .minimumIntegerMagnitude {
                _ = advance()
                return try postfix(.literal(.integer(Int.min)))
            }
            return .negate(try unary(), position)
        }
        if accept("+") {
            try enter()
            defer { depth -= 1 }
            return try unary()
        }
        if current.kind == .minimumIntegerMagnitude {
            throw failure("the integer 9223372036854775808 is too large for 64 bits", .integerOverflow)
        }
        return try postfix(try atom())
    }

    /// Property lookups, indexes, slices and label tests after an atom.
    mutating func postfix(_ base: CypherExpression) throws(CypherError) -> CypherExpression {
        var result = base
        while true {
            if current.isSymbol(".") {
                _ = advance()
                let position = current.position
                result = .property(result, try name("a property name after '.'"), position)
            } else if current.isSymbol("[") {
                let position = advance().position
                if accept("..") {
                    let to = current.isSymbol("]") ? nil : try expression()
                    try expect("]")
                    result = .slice(result, nil, to, position)
                    continue
                }
                let index = try expression()
                if accept("..") {
                    let to = current.isSymbol("]") ? nil : try expression()
                    try expect("]")
                    result = .slice(result, index, to, position)
                    continue
                }
                guard accept("]") else { throw unexpected("']'") }
                result = .index(result, index, position)
            } else if current.isSymbol(":"), case .identifier = peek().kind {
                let position = current.position
                var groups: [[String]] = []
                while accept(":") {
                    var names: [String] = []
                    repeat {
                        _ = accept(":")
                        names.append(try name("a label after ':'"))
                    } while accept("|")
                    groups.append(names)
                }
                result = .hasLabels(result, groups, position)
            } else {
                return result
            }
        }
    }
}
