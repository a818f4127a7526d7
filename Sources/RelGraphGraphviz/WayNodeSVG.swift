/// Graphviz's SVG of a drawing with way nodes (``DOTDrawing``: an edge drawn through a node on
/// its way, `A → way → B`), made to read as the graph: each edge one `<g class="edge">` group
/// again, titled `A->B`, holding both halves' lines, the arrowhead and the label, in that
/// order (so the label's white ground covers the halves' meeting point). The way nodes'
/// own groups and comments go. Everything else is Graphviz's SVG, byte for byte.
enum WayNodeSVG {
    /// `svg` with each edge's parts gathered into the edge's group.
    ///
    /// - Complexity: O(size of `svg`).
    static func merge(_ svg: String) -> String {
        guard svg.contains("&#45;head\" class=\"edge") || svg.contains("&#45;label\" class=\"node") else { return svg }
        let lines = svg.split(separator: "\n", omittingEmptySubsequences: false)
        // First pass: each part's inner lines (without its own group tags and title), by edge.
        var heads: [Int: [Substring]] = [:], labels: [Int: [Substring]] = [:]
        var targets: [Int: Substring] = [:]
        var dropped = Set<Int>()
        var index = 0
        while index < lines.count {
            guard let (edge, part) = Self.part(opening: lines[index]) else { index += 1; continue }
            if index > 0, lines[index - 1].hasPrefix("<!--") { dropped.insert(index - 1) }
            var depth = 0, inner: [Substring] = []
            var cursor = index
            repeat {
                let line = lines[cursor]
                if line.hasPrefix("<g ") || line.hasPrefix("<g>") { depth += 1 }
                if line.hasPrefix("</g>") { depth -= 1 }
                if cursor != index, depth > 0 {
                    if line.hasPrefix("<title>") {
                        if part == "head", let arrow = line.range(of: "&#45;&gt;") { targets[edge] = line[arrow.upperBound...].dropLast("</title>".count) }
                    } else {
                        inner.append(line)
                    }
                }
                dropped.insert(cursor)
                cursor += 1
            } while depth > 0 && cursor < lines.count
            if part == "head" { heads[edge] = inner } else { labels[edge] = inner }
            index = cursor
        }
        // An invisible way node leaves only its comment, `<!-- edge/N -->`.
        for (position, line) in lines.enumerated() where line.hasPrefix("<!-- edge/") && !line.contains("&#45;&gt;") { dropped.insert(position) }
        // Second pass: the edges' own groups take their parts and their real title.
        var output = ""
        output.reserveCapacity(svg.utf8.count)
        var open: (edge: Int, depth: Int)?
        for (position, line) in lines.enumerated() where !dropped.contains(position) {
            var line = line
            if open == nil, let edge = Self.edge(opening: line) {
                open = (edge, 0)
            }
            if let current = open {
                let edge = current.edge
                var depth = current.depth
                if line.hasPrefix("<g ") || line.hasPrefix("<g>") { depth += 1 }
                if line.hasPrefix("</g>") { depth -= 1 }
                if line.hasPrefix("<title>"), let target = targets[edge], let way = line.range(of: "edge/\(edge)</title>") {
                    line = line[..<way.lowerBound] + target + "</title>"
                }
                if depth == 0 {
                    for part in (heads[edge] ?? []) + (labels[edge] ?? []) { output += part; output += "\n" }
                    open = nil
                } else {
                    open = (edge, depth)
                }
            } else if line.hasPrefix("<!--"), let edge = Self.wayComment(line), let target = targets[edge] {
                line = line.replacingOccurrences(of: "edge/\(edge) -->", with: target + " -->")[...]
            }
            output += line
            if position < lines.count - 1 { output += "\n" }
        }
        return output
    }

    /// `<g id="edge&#45;N&#45;head" …>` or `…&#45;label" …>`: the edge and the part.
    private static func part(opening line: Substring) -> (Int, Substring)? {
        guard line.hasPrefix("<g id=\"edge&#45;") else { return nil }
        let rest = line.dropFirst("<g id=\"edge&#45;".count)
        let digits = rest.prefix { $0.isNumber }
        guard let edge = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        for part in ["head", "label"] where after.hasPrefix("&#45;\(part)\"") { return (edge, Substring(part)) }
        return nil
    }

    /// `<g id="edge&#45;N" …>`: the edge.
    private static func edge(opening line: Substring) -> Int? {
        guard line.hasPrefix("<g id=\"edge&#45;") else { return nil }
        let rest = line.dropFirst("<g id=\"edge&#45;".count)
        let digits = rest.prefix { $0.isNumber }
        guard !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix("\"") else { return nil }
        return Int(digits)
    }

    /// `<!-- A&#45;&gt;edge/N -->`: the edge whose first half the comment names.
    private static func wayComment(_ line: Substring) -> Int? {
        guard line.hasSuffix(" -->"), let slash = line.range(of: "&#45;&gt;edge/", options: .backwards) else { return nil }
        return Int(line[slash.upperBound...].dropLast(" -->".count))
    }
}
