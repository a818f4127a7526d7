import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What an SVG drawn by `relgraph render` shows, read with an XML parser: the nodes, edges,
/// legend and highlighted elements by their Graphviz groups (`<g class="node relgraph-node …">`),
/// so tests compare sets of ids instead of counting substrings.
struct SVGDrawing {
    struct Group {
        var id: String
        var classes: [String]
        var title = ""
        var texts: [String] = []
    }

    private(set) var groups: [Group] = []

    /// Node ids, in drawing order.
    var nodes: [String] { groups.filter { $0.classes.contains("relgraph-node") }.map(\.title) }
    /// Edges as "from relation to".
    var edges: [String] { groups.filter { $0.classes.contains("relgraph-edge") }.map(Self.edge) }
    /// The texts of the block above the drawing (title, what is shown, legend), in order: the
    /// graph's own label, which Graphviz draws in the graph's group.
    var headingTexts: [String] { groups.first { $0.classes.contains("graph") }?.texts ?? [] }
    /// The legend's texts, from its heading ("Legend" or "संकेत") on.
    var legendTexts: [String] {
        let texts = headingTexts
        guard let start = texts.firstIndex(where: { $0 == "Legend" || $0 == "संकेत" }) else { return [] }
        return Array(texts[start...])
    }
    /// Whether a legend is drawn.
    var hasLegend: Bool { !legendTexts.isEmpty }
    /// The kinds the legend lists, in its order (the bundled graph's kinds, named in English).
    var legendKinds: [String] {
        let kinds: Set = ["actor", "treaty", "project", "sector", "event", "place", "topic"]
        return legendTexts.filter(kinds.contains)
    }
    var highlightedNodes: Set<String> { Set(groups.filter { $0.classes.contains("relgraph-node") && $0.classes.contains("highlighted") }.map(\.title)) }
    var highlightedEdges: Set<String> { Set(groups.filter { $0.classes.contains("relgraph-edge") && $0.classes.contains("highlighted") }.map(Self.edge)) }

    /// The texts drawn in a node's box, line by line.
    func texts(ofNode id: String) -> [String] {
        groups.first { $0.classes.contains("relgraph-node") && $0.title == id }?.texts ?? []
    }

    /// The texts drawn beside an edge ("from relation to").
    func texts(ofEdge edge: String) -> [String] {
        groups.first { $0.classes.contains("relgraph-edge") && Self.edge($0) == edge }?.texts ?? []
    }

    private static func edge(_ group: Group) -> String {
        let ends = group.title.components(separatedBy: "->")
        let relation = group.classes.first { $0.hasPrefix("relation-") }.map { String($0.dropFirst("relation-".count)) } ?? "?"
        return "\(ends.first ?? "") \(relation) \(ends.dropFirst().joined(separator: "->"))"
    }

    private static func kind(_ group: Group) -> String {
        group.classes.first { $0.hasPrefix("kind-") }.map { String($0.dropFirst("kind-".count)) } ?? "?"
    }

    /// Reads SVG bytes; throws when they are not well-formed XML.
    init(_ data: Data) throws {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw SVGError(message: parser.parserError.map { "\($0)" } ?? "not well-formed") }
        groups = reader.groups
    }

    struct SVGError: Error { var message: String }

    private final class Reader: NSObject, XMLParserDelegate {
        var groups: [Group] = []
        /// For each open element, the group it opened.
        var open: [Int?] = []
        var capturing: String?
        var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "g", let classes = attributes["class"] {
                groups.append(Group(id: attributes["id"] ?? "", classes: classes.split(separator: " ").map(String.init)))
                open.append(groups.count - 1)
            } else {
                open.append(nil)
            }
            if name == "title" || name == "text" {
                capturing = name
                buffer = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if capturing != nil { buffer += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
            if name == capturing, let group = open.last(where: { $0 != nil }) ?? nil {
                if name == "title" { groups[group].title = buffer } else { groups[group].texts.append(buffer) }
            }
            if name == capturing { capturing = nil }
        }
    }
}
