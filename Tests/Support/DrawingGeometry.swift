import Foundation

/// What a reader of a drawing runs into, measured from Graphviz's own geometry (`xdot`): texts
/// that overlap texts, edge labels far from their edge or crossed by other edges, and the
/// smallest text once the drawing is fitted to an A3 page.
public struct DrawingGeometry {
    public struct Box {
        public var minX, minY, maxX, maxY: Double
        func intersects(_ other: Box, margin: Double = 0) -> Bool {
            minX + margin < other.maxX && other.minX + margin < maxX && minY + margin < other.maxY && other.minY + margin < maxY
        }
        func union(_ other: Box) -> Box {
            Box(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
        }
        func distance(to point: (Double, Double)) -> Double {
            let dx = max(minX - point.0, 0, point.0 - maxX), dy = max(minY - point.1, 0, point.1 - maxY)
            return (dx * dx + dy * dy).squareRoot()
        }
        func contains(_ point: (Double, Double)) -> Bool { point.0 > minX && point.0 < maxX && point.1 > minY && point.1 < maxY }
    }

    public struct Text {
        public var text: String
        public var box: Box
        public var size: Double
        /// Which statement drew it (a node, an edge, the graph).
        var owner: Int
    }

    public struct Edge {
        var owner: Int
        /// The splines, sampled: one, or two for an edge drawn through its label node.
        public var pieces: [[(Double, Double)]]
        public var label: Box?
        /// Every sampled point.
        public var points: [(Double, Double)] { pieces.flatMap { $0 } }
    }

    public var texts: [Text] = []
    public var edges: [Edge] = []
    /// Each node's `pos`, by the node's name.
    public var nodePositions: [String: String] = [:]
    public var width = 0.0, height = 0.0

    /// Reads `xdot` output. An edge drawn through a label node (``DOTDrawing``'s label nodes
    /// for neato and fdp: `edge-N` to the node `edge-N-label`, then `edge-N-head`) is one edge:
    /// both halves' lines, and the label node's text as its label.
    public init(xdot: String) {
        var order: [String] = []
        var byKey: [String: Edge] = [:]
        var labelNodes: [String: Box] = [:]
        for (owner, statement) in Self.statements(xdot).enumerated() {
            let attributes = statement.attributes
            if let bb = attributes["bb"], statement.isGraph {
                let numbers = bb.split(separator: ",").compactMap { Double($0) }
                if numbers.count == 4 { width = max(width, numbers[2] - numbers[0]); height = max(height, numbers[3] - numbers[1]) }
            }
            var labelBox: Box?
            for key in ["_ldraw_", "_hldraw_", "_tldraw_"] {
                guard let ops = attributes[key] else { continue }
                for text in Self.texts(in: ops, owner: owner) {
                    texts.append(text)
                    if key == "_ldraw_" { labelBox = labelBox.map { $0.union(text.box) } ?? text.box }
                }
            }
            let id = attributes["id"] ?? ""
            if !statement.isEdge, !statement.isGraph, id.hasPrefix("edge-"), id.hasSuffix("-label") {
                if let labelBox { labelNodes[String(id.dropLast("-label".count))] = labelBox }
                continue
            }
            if !statement.isEdge, !statement.isGraph, let name = statement.name, !["node", "edge", "graph"].contains(name), let pos = attributes["pos"] {
                nodePositions[name] = pos
            }
            if statement.isEdge, let draw = attributes["_draw_"] {
                let key = id.hasSuffix("-head") ? String(id.dropLast("-head".count)) : id.isEmpty ? "#\(owner)" : id
                if byKey[key] == nil {
                    order.append(key)
                    byKey[key] = Edge(owner: order.count - 1, pieces: [], label: nil)
                }
                byKey[key]!.pieces.append(Self.splinePoints(in: draw))
                if let labelBox { byKey[key]!.label = labelBox }
            }
        }
        for (key, box) in labelNodes { byKey[key]?.label = box }
        edges = order.map { byKey[$0]! }
    }

    /// Pairs of texts, of different owners or not, whose boxes overlap.
    public var overlappingTexts: [(String, String)] {
        var pairs: [(String, String)] = []
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].box.intersects(texts[j].box, margin: 0.5) {
                pairs.append((texts[i].text, texts[j].text))
            }
        }
        return pairs
    }

    /// Edge labels whose centre is further than `limit` points from their own edge.
    public func labelsFarFromTheirEdge(limit: Double = 36) -> Int {
        edges.filter { edge in
            guard let label = edge.label else { return false }
            let centre = ((label.minX + label.maxX) / 2, (label.minY + label.maxY) / 2)
            let nearest = edge.points.map { (($0.0 - centre.0) * ($0.0 - centre.0) + ($0.1 - centre.1) * ($0.1 - centre.1)).squareRoot() }.min()
            return nearest ?? .infinity > limit
        }.count
    }

    /// Edge labels that another edge's line runs through.
    public var crossedLabels: Int {
        edges.filter { edge in
            guard let label = edge.label else { return false }
            let inner = Box(minX: label.minX + 1, minY: label.minY + 1, maxX: label.maxX - 1, maxY: label.maxY - 1)
            return edges.contains { other in other.owner != edge.owner && other.pieces.contains { Self.polyline($0, crosses: inner) } }
        }.count
    }

    /// The smallest text, in points, once the drawing is scaled to fit an A3 page (842 × 1191 pt)
    /// in its better orientation.
    public var smallestTextOnA3: Double {
        guard width > 0, height > 0, let smallest = texts.map(\.size).min() else { return 0 }
        let scale = max(min(842 / width, 1191 / height), min(1191 / width, 842 / height))
        return smallest * scale
    }

    // MARK: Reading xdot

    struct Statement {
        var name: String?
        var isEdge = false
        var isGraph = false
        var attributes: [String: String] = [:]
    }

    /// The statements of Graphviz's DOT output, with their attributes (quotes and line
    /// continuations undone).
    static func statements(_ text: String) -> [Statement] {
        var tokens: [String] = []
        var quoted: [Bool] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.first {
            if byte == UInt8(ascii: "\"") {
                var value: [UInt8] = []
                bytes = bytes.dropFirst()
                while let next = bytes.first, next != UInt8(ascii: "\"") {
                    if next == UInt8(ascii: "\\"), bytes.count > 1 {
                        let escaped = bytes[bytes.index(after: bytes.startIndex)]
                        bytes = bytes.dropFirst(2)
                        if escaped == UInt8(ascii: "\n") { continue }
                        if escaped == UInt8(ascii: "\r") { if bytes.first == UInt8(ascii: "\n") { bytes = bytes.dropFirst() }; continue }
                        if escaped != UInt8(ascii: "\"") && escaped != UInt8(ascii: "\\") { value.append(UInt8(ascii: "\\")) }
                        value.append(escaped)
                        continue
                    }
                    value.append(next)
                    bytes = bytes.dropFirst()
                }
                bytes = bytes.dropFirst()
                tokens.append(String(decoding: value, as: UTF8.self))
                quoted.append(true)
            } else if [UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}")]
                .contains(byte)
            {
                tokens.append(String(UnicodeScalar(byte)))
                quoted.append(false)
                bytes = bytes.dropFirst()
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                bytes = bytes.dropFirst()
            } else {
                var value: [UInt8] = []
                while let next = bytes.first, !" \t\n\r[]=,;{}\"".utf8.contains(next) { value.append(next); bytes = bytes.dropFirst() }
                tokens.append(String(decoding: value, as: UTF8.self))
                quoted.append(false)
            }
        }
        var statements: [Statement] = []
        var current = Statement()
        var words: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index], isQuoted = quoted[index]
            if !isQuoted && (token == ";" || token == "{" || token == "}") {
                if !current.attributes.isEmpty { statements.append(current) }
                current = Statement()
                words = []
            } else if !isQuoted && token == "[" {
                current.isEdge = words.contains("->") || words.contains("--")
                current.isGraph = words.first == "graph"
                current.name = words.first
                index += 1
                while index < tokens.count, !(tokens[index] == "]" && !quoted[index]) {
                    if index + 2 < tokens.count, tokens[index + 1] == "=", !quoted[index + 1] {
                        current.attributes[tokens[index]] = tokens[index + 2]
                        index += 3
                    } else {
                        index += 1
                    }
                }
            } else {
                words.append(token)
            }
            index += 1
        }
        return statements
    }

    /// The texts drawn by an xdot operation list (`F size n -font`, `T x y j w n -text`).
    static func texts(in ops: String, owner: Int) -> [Text] {
        var reader = OpsReader(Array(ops.utf8))
        var size = 14.0
        var texts: [Text] = []
        while let op = reader.word() {
            switch op {
            case "F": size = reader.number(); _ = reader.string()
            case "T":
                let x = reader.number(), y = reader.number(), justify = reader.number(), width = reader.number()
                let text = reader.string()
                let left = justify < 0 ? x : justify > 0 ? x - width : x - width / 2
                texts.append(Text(text: text, box: Box(minX: left, minY: y - 0.22 * size, maxX: left + width, maxY: y + 0.78 * size), size: size, owner: owner))
            case "c", "C", "S", "I": reader.skipOperands(op)
            case "t": _ = reader.number()
            case "E", "e": for _ in 0..<4 { _ = reader.number() }
            case "P", "p", "L", "B", "b":
                let count = Int(reader.number())
                for _ in 0..<(2 * count) { _ = reader.number() }
            default: break
            }
        }
        return texts
    }

    /// Points along the B-splines of an edge's `_draw_`.
    static func splinePoints(in ops: String) -> [(Double, Double)] {
        var reader = OpsReader(Array(ops.utf8))
        var points: [(Double, Double)] = []
        while let op = reader.word() {
            switch op {
            case "B", "b":
                let count = Int(reader.number())
                var controls: [(Double, Double)] = []
                for _ in 0..<count { controls.append((reader.number(), reader.number())) }
                var start = 0
                while start + 3 < controls.count {
                    let (p0, p1, p2, p3) = (controls[start], controls[start + 1], controls[start + 2], controls[start + 3])
                    for step in 0...12 {
                        let t = Double(step) / 12, u = 1 - t
                        let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                        points.append((a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1))
                    }
                    start += 3
                }
            case "P", "p", "L":
                let count = Int(reader.number())
                for _ in 0..<(2 * count) { _ = reader.number() }
            case "c", "C", "S", "F", "I": reader.skipOperands(op)
            case "T": for _ in 0..<4 { _ = reader.number() }; _ = reader.string()
            case "t": _ = reader.number()
            case "E", "e": for _ in 0..<4 { _ = reader.number() }
            default: break
            }
        }
        return points
    }

    static func polyline(_ points: [(Double, Double)], crosses box: Box) -> Bool {
        guard box.minX < box.maxX, box.minY < box.maxY else { return false }
        for (a, b) in zip(points, points.dropFirst()) {
            // Sample the segment finely: labels are a few points tall.
            let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
            let steps = max(1, Int(length / 1.5))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                if box.contains((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)) { return true }
            }
        }
        return false
    }

    struct OpsReader {
        var bytes: [UInt8]
        var position = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpaces() { while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 } }

        mutating func word() -> String? {
            skipSpaces()
            guard position < bytes.count else { return nil }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: " ") { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func number() -> Double { Double(word() ?? "") ?? 0 }

        /// `n -bytes`: a byte count, a dash, that many bytes.
        mutating func string() -> String {
            let count = Int(number())
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "-") else { return "" }
            position += 1
            let end = min(position + count, bytes.count)
            defer { position = end }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }

        mutating func skipOperands(_ op: String) {
            switch op {
            case "c", "C", "S": _ = string()
            case "F": _ = number(); _ = string()
            case "I": for _ in 0..<4 { _ = number() }; _ = string()
            default: break
            }
        }
    }
}
