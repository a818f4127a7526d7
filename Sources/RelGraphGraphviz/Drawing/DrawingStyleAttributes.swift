import RelGraphCore
import RelGraphInterchange

/// The presentation attributes a node or edge may carry into a drawing (as DOT files from
/// elsewhere give them: `shape=box color=red style=dashed`), each value checked, so a
/// foreign file keeps its look while nothing reaches Graphviz that reads files (`image`,
/// `shapefile`, `fontpath`, `imagepath`, `stylesheet`) or that crashes Graphviz 2.42.
enum DrawingStyleAttributes {
    /// Shapes Graphviz draws without reading anything (no `epsf`, no `custom`); `record` and
    /// `Mrecord` only with a well-formed label (see ``applyRecord(_:label:to:)``).
    static let shapes: Set<String> = [
        "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext", "plain", "diamond",
        "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon", "doublecircle",
        "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "Mdiamond", "Msquare", "Mcircle",
        "rect", "rectangle", "square", "star", "none", "underline", "cylinder", "note", "tab", "folder", "box3d",
        "component", "promoter", "cds", "terminator", "utr", "primersite", "restrictionsite", "fivepoverhang",
        "threepoverhang", "noverhang", "assembly", "signature", "insulator", "ribosite", "rnastab", "proteasesite",
        "proteinstab", "rpromoter", "rarrow", "larrow", "lpromoter",
    ]
    static let styles: Set<String> = [
        "filled", "rounded", "dashed", "dotted", "bold", "solid", "invis", "diagonals", "striped", "wedged", "radial", "tapered",
    ]
    static let arrows: Set<String> = [
        "normal", "inv", "dot", "invdot", "odot", "invodot", "none", "tee", "empty", "invempty", "diamond", "odiamond",
        "ediamond", "crow", "box", "obox", "open", "halfopen", "vee", "onormal", "lnormal", "rnormal",
    ]

    /// Sets `name` to `value`, replacing an earlier value.
    static func set(_ name: String, _ value: String, in attributes: inout [(String, String)]) {
        if let index = attributes.firstIndex(where: { $0.0 == name }) {
            attributes[index].1 = value
        } else {
            attributes.append((name, value))
        }
    }

    /// Adds the element's own presentation attributes that pass the checks.
    static func apply(_ own: Attributes, forNode: Bool, to attributes: inout [(String, String)]) {
        guard !own.isEmpty else { return }
        for attribute in own {
            guard let value = checked(attribute.name, attribute.value, forNode: forNode) else { continue }
            set(attribute.name, DOTText.value(value), in: &attributes)
        }
    }

    /// Adds the graph's own layout attributes that pass the checks (`rankdir`, `nodesep`,
    /// `ranksep`, `bgcolor`, `splines` other than `ortho`, which crashes Graphviz 2.42).
    static func applyGraph(_ own: Attributes, to attributes: inout [(String, String)]) {
        for attribute in own {
            let text = attribute.value.text
            let passes: Bool
            switch attribute.name {
            case "rankdir": passes = ["TB", "LR", "BT", "RL"].contains(text)
            case "nodesep", "ranksep": passes = Double(text).map { $0 >= 0.02 && $0 <= 10 } ?? false
            case "bgcolor": passes = isColor(text)
            case "splines": passes = ["true", "false", "line", "polyline", "curved", "spline", "none"].contains(text)
            default: passes = false
            }
            if passes { set(attribute.name, DOTText.value(text), in: &attributes) }
        }
    }

    private static func checked(_ name: String, _ value: AttributeValue, forNode: Bool) -> String? {
        let text = value.text
        switch name {
        case "shape" where forNode:
            return shapes.contains(text) ? text : nil
        case "headport", "tailport":
            return forNode || !isPort(text) ? nil : text
        case "style":
            let parts = text.split(separator: ",").map { String($0).trimmingSpaces }
            guard !parts.isEmpty, parts.allSatisfy({ styles.contains(String($0)) }) else { return nil }
            return parts.joined(separator: ",")
        case "color", "fillcolor", "fontcolor":
            return isColor(text) ? text : nil
        case "penwidth":
            guard let number = Double(text), number >= 0, number <= 20 else { return nil }
            return text
        case "peripheries" where forNode:
            guard let number = Int(text), (0...5).contains(number) else { return nil }
            return text
        case "arrowhead", "arrowtail":
            return forNode || !arrows.contains(text) ? nil : text
        case "dir":
            return !forNode && ["forward", "back", "both", "none"].contains(text) ? text : nil
        default:
            return nil
        }
    }

    /// Draws a `record`/`Mrecord` node as one, with `label` as written, when the node's own
    /// shape says so and the label is a well-formed record; otherwise leaves the node as it is.
    static func applyRecord(_ own: Attributes, label: String, to attributes: inout [(String, String)]) {
        guard RecordLabel.isRecord(own), RecordLabel.isWellFormed(label), case .string(let shape)? = own["shape"] else { return }
        set("shape", DOTText.value(shape), in: &attributes)
        set("label", RecordLabel.quoted(label), in: &attributes)
    }

    static let compassPoints: Set<String> = ["n", "ne", "e", "se", "s", "sw", "w", "nw", "c", "_"]

    /// A port (`f0`), a compass point (`n`), or both (`f0:n`): letters, digits and `_`, short.
    private static func isPort(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), text.utf8.count <= 64 else { return false }
        if parts.count == 2, !compassPoints.contains(String(parts[1])) { return false }
        return !parts[0].isEmpty && parts[0].unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" }
    }

    /// A colour name, `#RRGGBB[AA]` or a `:`-separated gradient of those, short and plain.
    private static func isColor(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 64 else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "#:;. ".unicodeScalars.contains($0)) }
    }
}
