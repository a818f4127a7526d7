import RelGraphCore

extension CypherError {
    /// The precise problem: openCypher's detail codes (as the TCK names them), and RelGraph's
    /// own for what openCypher does not name.
    public enum Code: String, Hashable, Sendable {
        // Syntax and names.
        case unexpectedSyntax = "UnexpectedSyntax"
        case undefinedVariable = "UndefinedVariable"
        case variableAlreadyBound = "VariableAlreadyBound"
        case variableTypeConflict = "VariableTypeConflict"
        case unknownFunction = "UnknownFunction"
        case invalidNumberOfArguments = "InvalidNumberOfArguments"
        case noExpressionAlias = "NoExpressionAlias"
        case columnNameConflict = "ColumnNameConflict"
        case noVariablesInScope = "NoVariablesInScope"
        case differentColumnsInUnion = "DifferentColumnsInUnion"
        case invalidClauseComposition = "InvalidClauseComposition"
        case invalidRelationshipPattern = "InvalidRelationshipPattern"
        case requiresDirectedRelationship = "RequiresDirectedRelationship"
        case noSingleRelationshipType = "NoSingleRelationshipType"
        case relationshipUniquenessViolation = "RelationshipUniquenessViolation"
        case invalidParameterUse = "InvalidParameterUse"
        case nonConstantExpression = "NonConstantExpression"
        // Literals.
        case integerOverflow = "IntegerOverflow"
        case floatingPointOverflow = "FloatingPointOverflow"
        case invalidNumberLiteral = "InvalidNumberLiteral"
        case invalidUnicodeLiteral = "InvalidUnicodeLiteral"
        case invalidUnicodeCharacter = "InvalidUnicodeCharacter"
        // Aggregation.
        case invalidAggregation = "InvalidAggregation"
        case nestedAggregation = "NestedAggregation"
        case ambiguousAggregationExpression = "AmbiguousAggregationExpression"
        // Values.
        case invalidArgumentType = "InvalidArgumentType"
        case invalidArgumentValue = "InvalidArgumentValue"
        case invalidPropertyType = "InvalidPropertyType"
        case mapElementAccessByNonString = "MapElementAccessByNonString"
        case numberOutOfRange = "NumberOutOfRange"
        case negativeIntegerArgument = "NegativeIntegerArgument"
        case missingParameter = "MissingParameter"
        // RelGraph's own.
        /// A clause that writes (`CREATE`, `SET`, ...).
        case writesToGraph = "WritesToGraph"
        /// A construct of openCypher (or of Neo4j) that RelGraph does not run.
        case unsupported = "Unsupported"
        /// The query ran past its time limit.
        case timeLimit = "TimeLimit"
        /// A clause made more rows than the query may hold.
        case rowLimit = "RowLimit"
        /// The query was cancelled from outside.
        case cancelled = "Cancelled"
    }
}
