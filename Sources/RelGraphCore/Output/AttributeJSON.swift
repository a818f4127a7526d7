extension AttributeValue {
    /// The value as JSON: a string, number or boolean, or an array of those.
    public var json: JSONValue {
        switch self {
        case .string(let string): return .string(string)
        case .integer(let integer): return .integer(integer)
        case .number(let number): return .number(number)
        case .boolean(let boolean): return .boolean(boolean)
        case .list(let values): return .array(values.map(\.json))
        }
    }
}
