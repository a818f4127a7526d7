import RelGraphCore

/// One `<attribute>` declaration of a GEXF file: values name it by `id`; RelGraph reads them by
/// `title`, typed as `type` says.
struct GEXFAttribute: Sendable {
    var id: String
    var title: String
    var type: String
    /// RelGraph's own mark (`rg:list`) for a list written as its JSON array in a string.
    var listElement: String?
    var defaultValue: String?

    init(id: String, title: String, type: String, listElement: String? = nil) {
        self.id = id
        self.title = title
        self.type = type.lowercased()
        self.listElement = listElement
    }

    /// The typed value of `text`, or the type expected when it does not fit.
    ///
    /// - Complexity: O(length of `text`).
    func value(of text: String) -> Result<AttributeValue, TypeProblem> {
        if listElement != nil {
            return AttributeValue(listText: text).map { .success($0) } ?? .failure(TypeProblem(expected: "a list (a JSON array)"))
        }
        if type.hasPrefix("list") {
            // GEXF 1.3's list types: `[a, b]`, or `a|b` as GEXF 1.2 wrote them.
            var body = Substring(text.trimmingXMLSpaces)
            if body.hasPrefix("["), body.hasSuffix("]") { body = body.dropFirst().dropLast() }
            let separator: Character = body.contains("|") && !body.contains(",") ? "|" : ","
            let element = GEXFAttribute(id: id, title: title, type: String(type.dropFirst(4)))
            var values: [AttributeValue] = []
            for piece in body.split(separator: separator, omittingEmptySubsequences: true) {
                switch element.value(of: String(piece).trimmingXMLSpaces) {
                case .success(let value): values.append(value)
                case .failure(let problem): return .failure(TypeProblem(expected: "a list of \(problem.expected)"))
                }
            }
            return .success(.list(values))
        }
        let trimmed = text.trimmingXMLSpaces
        switch type {
        case "integer", "long", "short", "byte", "int":
            return Int(trimmed).map { .success(.integer($0)) } ?? .failure(TypeProblem(expected: "an integer (its <attribute> says \(type))"))
        case "float", "double", "bigdecimal":
            if let number = Double(trimmed), number.isFinite { return .success(.number(number)) }
            return .failure(TypeProblem(expected: "a number (its <attribute> says \(type))"))
        case "boolean":
            switch trimmed.lowercased() {
            case "true", "1": return .success(.boolean(true))
            case "false", "0": return .success(.boolean(false))
            default: return .failure(TypeProblem(expected: "true or false (its <attribute> says boolean)"))
            }
        default:
            return .success(.string(text))
        }
    }

    /// The type a value should have had.
    struct TypeProblem: Error {
        var expected: String
    }

    /// An attribute's title as an attribute name: kept where valid; a name RelGraph reserves
    /// (`label`, `kind`, …) or one that breaks the rules becomes `gexf-<name>` (made valid).
    static func attributeName(_ title: String) -> String {
        if Attributes.isValidName(title) { return title }
        let made = Identifier.made(from: title, fallback: "attribute").replacingAll(":", with: "-")
        return Attributes.isValidName(made) ? made : "gexf-" + made
    }
}
