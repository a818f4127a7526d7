import RelGraphCore
import RelGraphInterchange

/// Graphviz's SVG of a view, made ready to sit inside the interactive page (contract §5):
/// the XML prolog, doctype and comments dropped, the fixed size replaced by the view box so
/// the page can scale it, and the script hooks added to each node's and edge's group:
/// `data-id` on nodes (with `tabindex`, `role` and `aria-label`, so a keyboard reaches them),
/// `data-from`, `data-to`, `data-relation` and `data-edge` (the edge's position in the page
/// data) on edges, and under each edge's line a wide transparent copy (`rg-hit`) that takes
/// clicks. An edge drawn through a way node keeps these on its first half; its second half
/// and its way node become `rg-edge-part` groups with `data-edge-part`, so that the page
/// counts one edge and gives all three its state. Everything else is Graphviz's drawing, byte
/// for byte.
struct PageDrawing {
    let view: GraphView
    let language: String
    /// `edgePositions[edge index]`: the edge's position in the page data's `edges`.
    let edgePositions: [EdgeIndex: Int]

    init(view: GraphView, language: String) {
        self.view = view
        self.language = language
        var positions: [EdgeIndex: Int] = [:]
        for (position, edge) in view.edgeIndices.enumerated() { positions[edge] = position }
        edgePositions = positions
    }

    /// The annotated `<svg>` element.
    ///
    /// - Complexity: O(size of `svg`).
    func annotate(_ svg: String) -> String {
        let graph = view.graph
        var output = ""
        output.reserveCapacity(svg.utf8.count + view.nodeIndices.count * 80)
        var inComment = false
        var svgTag: Substring?
        var inEdge = false
        for line in svg.split(separator: "\n", omittingEmptySubsequences: false) {
            if var tag = svgTag {
                // Graphviz spreads the <svg> start tag over lines; gather it whole.
                tag += " " + line
                svgTag = tag
                guard line.hasSuffix(">") else { continue }
                svgTag = nil
                output += startTag(tag)
                continue
            }
            if inComment {
                if line.contains("-->") { inComment = false }
                continue
            }
            if line.hasPrefix("<?xml") || line.hasPrefix("<!DOCTYPE") || line.hasPrefix(" \"http://www.w3.org/Graphics") { continue }
            if line.hasPrefix("<!--") {
                if !line.contains("-->") { inComment = true }
                continue
            }
            if line.hasPrefix("<svg ") {
                if line.hasSuffix(">") { output += startTag(line) } else { svgTag = line }
                continue
            }
            if inEdge, line.hasPrefix("<path fill=\"none\""), let path = Self.attribute("d", in: line) {
                // A wide, invisible copy of the edge's line under the pointer: thin lines are
                // hard to hit with a mouse and harder with a finger.
                output += line
                output += "\n<path class=\"rg-hit\" fill=\"none\" stroke=\"transparent\" stroke-width=\"10\" d=\"\(path)\"/>\n"
                continue
            }
            if line.hasPrefix("<g id=\""), let id = Self.attribute("id", in: line).map(XMLText.unescaped), let classes = Self.attribute("class", in: line) {
                inEdge = false
                if classes.hasPrefix("node "), id.hasPrefix("node-"), let node = graph.index(ofNode: String(id.dropFirst(5))) {
                    let name = graph.displayName(ofNode: node, in: language)
                    output += line.dropLast()
                    output +=
                        " data-id=\"\(XMLText.escaped(graph.id(ofNode: node)))\" tabindex=\"0\" role=\"button\" aria-label=\"\(XMLText.escaped(name))\">\n"
                    continue
                }
                if let (edge, part) = Self.wayPart(id), let position = edgePositions[edge], let space = classes.firstIndex(of: " ") {
                    // The second half of an edge drawn through a way node, or the way node (its
                    // label): parts of the edge, marked as such so they take its state.
                    output += line.dropLast().replacingOccurrences(of: "class=\"\(classes)\"", with: "class=\"rg-edge-part\(classes[space...])\"")
                    output += " data-edge-part=\"\(position)\">\n"
                    inEdge = part == "head"
                    continue
                }
                if classes.hasPrefix("edge "), id.hasPrefix("edge-"), let edge = Int(id.dropFirst(5)).map(EdgeIndex.init), let position = edgePositions[edge] {
                    output += line.dropLast()
                    output += " data-from=\"\(XMLText.escaped(graph.id(ofNode: graph.from(ofEdge: edge))))\""
                    output += " data-to=\"\(XMLText.escaped(graph.id(ofNode: graph.to(ofEdge: edge))))\""
                    output += " data-relation=\"\(XMLText.escaped(graph.relation(ofEdge: edge)))\" data-edge=\"\(position)\">\n"
                    inEdge = true
                    continue
                }
            }
            output += line
            output += "\n"
        }
        while output.hasSuffix("\n") { output.removeLast() }
        return output + "\n"
    }

    /// The page's `<svg>` start tag: Graphviz's view box and name spaces, no fixed size (the
    /// page sizes the drawing), the language of its texts.
    private func startTag(_ tag: Substring) -> String {
        var output = "<svg class=\"rg-drawing\" lang=\"\(XMLText.escaped(language))\" "
        for attribute in ["viewBox", "xmlns", "xmlns:xlink"] {
            if let value = Self.attribute(attribute, in: tag) { output += "\(attribute)=\"\(value)\" " }
        }
        return output + "role=\"img\">\n"
    }

    /// `edge-N-head` and `edge-N-label` (`DOTDrawing`'s way nodes): the edge and the part.
    static func wayPart(_ id: String) -> (EdgeIndex, Substring)? {
        guard id.hasPrefix("edge-") else { return nil }
        let rest = id.dropFirst(5)
        guard let dash = rest.firstIndex(of: "-"), let edge = Int(rest[..<dash]) else { return nil }
        let part = rest[rest.index(after: dash)...]
        return part == "head" || part == "label" ? (EdgeIndex(edge), part) : nil
    }

    /// The raw (still escaped) value of `name="..."` in a tag's text.
    static func attribute(_ name: String, in tag: Substring) -> Substring? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return rest[..<end]
    }
}
