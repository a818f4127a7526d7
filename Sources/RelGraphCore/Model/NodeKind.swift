/// What a node is: one of the six built-in kinds, or a kind a document declares.
public struct NodeKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// A person, a country, an organisation, a ministry.
    public static let actor: NodeKind = "actor"
    /// A treaty, an agreement, a declaration, a contract.
    public static let treaty: NodeKind = "treaty"
    /// A joint undertaking: a plant, a weapons system, a corridor, a vaccine.
    public static let project: NodeKind = "project"
    /// A field of cooperation: defence, energy, space.
    public static let sector: NodeKind = "sector"
    /// Something that happened: a visit, a meeting, a dissolution.
    public static let event: NodeKind = "event"
    /// A place: a town, a state, a region.
    public static let place: NodeKind = "place"

    /// The kinds every document has, in the contract's order.
    public static let builtIn: [NodeKind] = [.actor, .treaty, .project, .sector, .event, .place]

    /// Labels of the built-in kinds in every language of RelGraph's own translations
    /// (``UIWords/builtIn``), English first.
    public static let builtInLabels: [NodeKind: LocalizedText] = Dictionary(
        uniqueKeysWithValues: builtIn.map { kind in
            let word = UIWord.kindName(kind)!
            let languages = ["en"] + UIWords.builtIn.languages.filter { $0 != "en" }
            return (kind, LocalizedText(languages.map { LocalizedText.Entry(language: $0, text: UIWords.builtIn[$0, word]!) }))
        })

    /// Whether this is one of the six built-in kinds.
    public var isBuiltIn: Bool { NodeKind.builtIn.contains(self) }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        lhs.rawValue.precedesInScalarOrder(rhs.rawValue)
    }
}

/// A kind declared under `kinds:`: its label and, optionally, how it is drawn.
public struct KindDeclaration: Hashable, Sendable {
    public var kind: NodeKind
    public var label: LocalizedText
    public var style: KindStyle?

    public init(kind: NodeKind, label: LocalizedText = LocalizedText(), style: KindStyle? = nil) {
        self.kind = kind
        self.label = label
        self.style = style
    }
}

/// How nodes of a kind are drawn. Only shapes and colours that Graphviz draws safely are allowed.
public struct KindStyle: Hashable, Sendable {
    /// A Graphviz node shape from ``KindStyle/shapes``.
    public var shape: String?
    /// Fill colour, `#RRGGBB`.
    public var color: String?

    public init(shape: String? = nil, color: String? = nil) {
        self.shape = shape
        self.color = color
    }

    /// The node shapes a document may choose.
    public static let shapes: [String] = [
        "box", "rect", "rectangle", "square", "ellipse", "oval", "circle", "doublecircle",
        "diamond", "hexagon", "octagon", "parallelogram", "trapezium", "house", "invhouse",
        "triangle", "invtriangle", "pentagon", "septagon", "note", "tab", "folder", "box3d",
        "component", "cylinder", "star", "egg", "plaintext", "plain", "underline",
    ]

    /// Whether `text` is a colour of the form `#RRGGBB`.
    public static func isColor(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 7 && bytes[0] == UInt8(ascii: "#")
            && bytes.dropFirst().allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0)
            }
    }
}
