/// The value of an attribute: a string, a number, a boolean, or a list of those (as Neo4j's
/// arrays are); never a map, never a list of lists.
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// A list of scalar values (no nested lists).
    case list([AttributeValue])

    /// The value as text: strings as they are, numbers in their shortest exact form, a list as
    /// its JSON array (`["a", 2]`).
    public var text: String {
        switch self {
        case .string(let string): return string
        case .integer(let integer): return String(integer)
        case .number(let number): return AttributeValue.format(number)
        case .boolean(let boolean): return boolean ? "true" : "false"
        case .list(let values): return AttributeValue.listText(values)
        }
    }

    /// Whether the value is a list.
    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// Reads an untyped scalar as YAML 1.2's core schema does: integers, decimal numbers,
    /// `true`/`false`; anything else is a string.
    public init(inferringTypeOf text: String) {
        if text == "true" { self = .boolean(true); return }
        if text == "false" { self = .boolean(false); return }
        if AttributeValue.looksNumeric(text) {
            if let integer = Int(text) { self = .integer(integer); return }
            if let number = Double(text), number.isFinite { self = .number(number); return }
        }
        self = .string(text)
    }

    private static func looksNumeric(_ text: String) -> Bool {
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return false
            }
        }
        return sawDigit
    }

    /// A list as a JSON array (`["a", 2, true]`): strings quoted with JSON's escapes.
    static func listText(_ values: [AttributeValue]) -> String {
        var output = "["
        for (index, value) in values.enumerated() {
            if index > 0 { output += ", " }
            guard case .string(let string) = value else { output += value.text; continue }
            JSONStringLiteral.append(string, to: &output)
        }
        return output + "]"
    }

    package static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) + ".0" }
        return String(number)
    }
}

/// The attributes of a node or an edge: names with scalar values, kept ordered by name
/// (Unicode scalar order), so every export writes them the same way whatever the input order.
public struct Attributes: Hashable, Sendable, RandomAccessCollection {
    /// One named value.
    public struct Attribute: Hashable, Sendable {
        public var name: String
        public var value: AttributeValue

        public init(name: String, value: AttributeValue) {
            self.name = name
            self.value = value
        }
    }

    private var storage: [Attribute]

    /// Whether `name` may name an attribute: the id rules without `:`, and not a field every
    /// format already has (`id`, `kind`, `label`, `label_…`, `date`, `source`, `relation`…).
    public static func isValidName(_ name: String) -> Bool {
        Identifier.isValid(name) && !name.contains(":") && !reservedNames.contains(name) && !name.hasPrefix("label_")
    }

    /// Field names an attribute may not take, because every export has a field of that name.
    public static let reservedNames: Set<String> = [
        "id", "kind", "type", "label", "date", "start", "end", "source", "from", "to", "relation",
    ]

    /// Creates attributes from name–value pairs; a later value for a name replaces an earlier one.
    public init(_ attributes: [Attribute] = []) {
        storage = []
        storage.reserveCapacity(attributes.count)
        for attribute in attributes { self[attribute.name] = attribute.value }
    }

    private func insertionPoint(of name: String) -> (index: Int, found: Bool) {
        var low = 0, high = storage.count
        while low < high {
            let middle = (low + high) / 2
            if storage[middle].name.precedesInScalarOrder(name) { low = middle + 1 } else { high = middle }
        }
        return (low, low < storage.count && storage[low].name == name)
    }

    public var startIndex: Int { storage.startIndex }
    public var endIndex: Int { storage.endIndex }
    public subscript(position: Int) -> Attribute { storage[position] }

    /// The value named `name`, if there is one.
    public subscript(name: String) -> AttributeValue? {
        get {
            let (index, found) = insertionPoint(of: name)
            return found ? storage[index].value : nil
        }
        set {
            let (index, found) = insertionPoint(of: name)
            switch (found, newValue) {
            case (true, let value?): storage[index].value = value
            case (true, nil): storage.remove(at: index)
            case (false, let value?): storage.insert(Attribute(name: name, value: value), at: index)
            case (false, nil): break
            }
        }
    }
}

extension Attributes: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        self.init(elements.map { Attribute(name: $0.0, value: $0.1) })
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}
