import RelGraphCore

/// One call of a scalar function: its (lower-cased) name, evaluated arguments, where it is
/// written, and the executor it runs in (for the graph, properties and `rand()`).
struct FunctionCall {
    let name: String
    let arguments: [CypherValue]
    let executor: CypherExecutor
    let position: CypherPosition

    var first: CypherValue { arguments.first ?? .null }
    var graph: Graph { executor.graph }

    /// A runtime type error naming the function.
    func invalid(_ value: CypherValue, _ code: CypherError.Code = .invalidArgumentValue, kind: CypherError.Kind = .type) -> CypherError {
        CypherError(
            kind, code, "\(CypherFunctions.spelling(of: name))(...) cannot take \(value.described)", line: position.line, column: position.column,
            phase: .runtime)
    }

    func failure(_ message: String, kind: CypherError.Kind = .argument, _ code: CypherError.Code = .invalidArgumentValue) -> CypherError {
        CypherError(kind, code, message, line: position.line, column: position.column, phase: .runtime)
    }

    func integer(_ index: Int) throws(CypherError) -> Int? {
        switch arguments[index] {
        case .null: return nil
        case .integer(let value): return value
        case let value: throw invalid(value, .invalidArgumentType)
        }
    }
}

/// What a scalar function takes and computes.
struct CypherFunction: Sendable {
    typealias Body = @Sendable (FunctionCall) throws -> CypherValue
    let arity: ClosedRange<Int>
    /// The argument types refused before running (`labels(p)` of a path), by position.
    let refuses: [Int: [StaticType]]
    let result: StaticType
    let body: Body

    init(_ arity: ClosedRange<Int>, returns result: StaticType = .any, refuses: [Int: [StaticType]] = [:], _ body: @escaping Body) {
        self.arity = arity
        self.result = result
        self.refuses = refuses
        self.body = body
    }
}

/// The scalar functions: openCypher's, and Neo4j's that users meet first.
enum CypherFunctions {
    static let all: [String: CypherFunction] = GraphFunctions.all.merging(StringFunctions.all) { first, _ in first }
        .merging(ListFunctions.all) { first, _ in first }.merging(MathFunctions.all) { first, _ in first }
        .merging(ConversionFunctions.all) { first, _ in first }.merging(TemporalFunctions.all) { first, _ in first }

    /// The names as they are usually written, for suggestions.
    static let spellings: [String] = [
        "id", "labels", "type", "length", "nodes", "relationships", "size", "toLower", "toUpper", "coalesce", "startNode", "endNode",
        "toString", "toInteger", "toFloat", "toBoolean", "abs", "head", "last", "tail", "trim", "ltrim", "rtrim", "replace", "substring",
        "left", "right", "split", "reverse", "range", "keys", "properties", "exists", "ceil", "floor", "round", "sign", "sqrt", "rand",
        "count", "collect", "min", "max", "sum", "avg", "percentileDisc", "percentileCont", "stDev", "stDevP",
        "toStringOrNull", "toIntegerOrNull", "toFloatOrNull", "toBooleanOrNull", "isEmpty", "datetime.fromepoch", "datetime.fromepochmillis",
        "date", "datetime", "localdatetime", "localtime", "time", "duration", "duration.between", "duration.inMonths", "duration.inDays",
        "duration.inSeconds", "date.truncate", "datetime.truncate",
    ]

    /// A function's name as it is usually written (`toString` for `tostring`).
    static func spelling(of name: String) -> String {
        spellings.first { $0.lowercased() == name.lowercased() } ?? name
    }

    /// Checks that `name` is a function taking `count` arguments.
    static func check(_ name: String, arguments count: Int, at position: CypherPosition) throws(CypherError) {
        let lowered = name.lowercased()
        if CypherExpression.aggregateFunctions.contains(lowered) { return }
        guard let function = all[lowered] else {
            let suggestion = NearestName(candidates: spellings).nearest(to: name).map { "; did you mean '\($0)'?" } ?? ""
            throw CypherError(.syntax, .unknownFunction, "unknown function '\(name)'" + suggestion, at: position, subject: name)
        }
        guard function.arity.contains(count) else {
            let arity = function.arity
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw CypherError(
                .syntax, .invalidNumberOfArguments, "\(name) takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), not \(count)", at: position)
        }
    }

    /// Refuses, before running, arguments whose type the function never takes.
    static func checkTypes(_ name: String, _ types: [StaticType], at position: CypherPosition) throws(CypherError) {
        guard let function = all[name] else { return }
        for (index, refused) in function.refuses
        where index < types.count
            && (refused.contains(types[index]) || (types[index].isList && refused.contains(.list(.any))))
        {
            throw CypherError(.syntax, .invalidArgumentType, "\(spelling(of: name))(...) cannot take \(types[index].described)", at: position)
        }
    }

    /// What a call returns, as far as the planner can tell.
    static func resultType(_ name: String, _ arguments: [StaticType]) -> StaticType {
        all[name.lowercased()]?.result ?? .any
    }

    /// Calls a scalar function (its name lower-cased by the planner) on evaluated arguments.
    static func call(_ name: String, _ arguments: [CypherValue], executor: CypherExecutor, position: CypherPosition) throws(CypherError) -> CypherValue {
        guard let function = all[name] else {
            throw CypherError(.syntax, .unknownFunction, "unknown function '\(name)'", line: position.line, column: position.column, phase: .runtime)
        }
        do {
            return try function.body(FunctionCall(name: name, arguments: arguments, executor: executor, position: position))
        } catch let error as CypherError {
            throw error
        } catch {
            throw CypherError(.argument, .invalidArgumentValue, "\(name)(...): \(error)", line: position.line, column: position.column, phase: .runtime)
        }
    }
}
