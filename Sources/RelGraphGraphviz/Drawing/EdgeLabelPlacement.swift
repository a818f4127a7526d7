/// Places the labels of a few edges in a finished layout, in free space beside their edge:
/// the labels of the least used relations in a drawing that shows the others by line style
/// (``RelationStyle``). Laying the drawing out without them keeps it as compact as an
/// unlabelled one (dot makes room for edge labels by doubling its ranks); placing them
/// afterwards keeps each one off every node, text, other label and other line.
///
/// A label goes beside its line, never across it, its centre within ``maximumDistance`` of
/// the line: tried at the line's middle first, then further out along it, on either side, a
/// little further off each time. Where no place is free, it goes beside the middle anyway.
struct EdgeLabelPlacement {
    struct Point: Equatable {
        var x, y: Double
    }

    struct Box: Equatable {
        var minX, minY, maxX, maxY: Double

        init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
        }

        init(center: Point, width: Double, height: Double) {
            self.init(minX: center.x - width / 2, minY: center.y - height / 2, maxX: center.x + width / 2, maxY: center.y + height / 2)
        }

        func insetBy(_ amount: Double) -> Box {
            Box(minX: minX + amount, minY: minY + amount, maxX: maxX - amount, maxY: maxY - amount)
        }

        func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        func contains(_ other: Box) -> Bool {
            other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
        }

        /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
        func isCrossed(from a: Point, to b: Point) -> Bool {
            var low = 0.0, high = 1.0
            let dx = b.x - a.x, dy = b.y - a.y
            for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
                if p == 0 {
                    if q < 0 { return false }
                } else {
                    let t = q / p
                    if p < 0 { low = max(low, t) } else { high = min(high, t) }
                    if low > high { return false }
                }
            }
            return true
        }
    }

    /// The furthest a label's centre may be from the nearest point of its own line.
    static let maximumDistance = 30.0
    /// How far off its line a label may go where no place near it is free.
    static let furthestDistance = 150.0
    /// The space kept between a label and its line, and around it.
    static let gap = 2.0
    /// Where along the line labels are tried, as fractions of its length: the middle first.
    static let fractions = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9]

    /// The drawing's bounds: labels stay inside.
    let bounds: Box
    /// What labels must not cover: nodes, the graph's own label, labels placed so far.
    private(set) var obstacles: [Box]
    /// Each edge's line, as sampled points, piece by piece.
    let lines: [[[Point]]]
    /// The lines' segments by the grid cells their bounding boxes touch: `(edge, a, b)`.
    private let segments: [Int: [(edge: Int, a: Point, b: Point)]]

    /// The side of a grid cell, in points.
    static let cell = 48.0

    init(bounds: Box, obstacles: [Box], lines: [[[Point]]]) {
        self.bounds = bounds
        self.obstacles = obstacles
        self.lines = lines
        var segments: [Int: [(edge: Int, a: Point, b: Point)]] = [:]
        for (edge, line) in lines.enumerated() {
            for piece in line {
                for (a, b) in zip(piece, piece.dropFirst()) {
                    let box = Box(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
                    for key in Self.cells(of: box) { segments[key, default: []].append((edge, a, b)) }
                }
            }
        }
        self.segments = segments
    }

    /// The keys of the grid cells `box` touches.
    static func cells(of box: Box) -> [Int] {
        let x0 = Int((box.minX / cell).rounded(.down)), x1 = Int((box.maxX / cell).rounded(.down))
        let y0 = Int((box.minY / cell).rounded(.down)), y1 = Int((box.maxY / cell).rounded(.down))
        var keys: [Int] = []
        for x in x0...max(x0, x1) {
            for y in y0...max(y0, y1) { keys.append(x &* 1_000_003 &+ y) }
        }
        return keys
    }

    /// Points along a cubic Bézier spline (`1 + 3k` control points), 12 per piece.
    static func sample(_ controls: [Point]) -> [Point] {
        var points: [Point] = []
        var start = 0
        while start + 3 < controls.count {
            let (p0, p1, p2, p3) = (controls[start], controls[start + 1], controls[start + 2], controls[start + 3])
            for step in (start == 0 ? 0 : 1)...12 {
                let t = Double(step) / 12, u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                points.append(Point(x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
            }
            start += 3
        }
        return points
    }

    /// The centre of a `width` × `height` label for `edge`, now counted as an obstacle.
    ///
    /// Tried in turn until one fits: a free place near the line; a place near the line that
    /// other lines cross but no text covers; the same two further off (up to
    /// ``furthestDistance``); beside the middle of the line.
    ///
    /// - Complexity: O(c · (E + B)) for c candidates (a few hundred at most), E sampled line
    ///   segments of the drawing and B obstacles.
    mutating func place(edge: Int, width: Double, height: Double) -> Point {
        let own = lines[edge]
        let samples = own.flatMap { $0 }
        let anchors = Self.anchors(along: own)
        for (reach, crossable) in [(Self.maximumDistance, false), (Self.maximumDistance, true), (Self.furthestDistance, false), (Self.furthestDistance, true)] {
            for (anchor, normal) in anchors {
                for direction in [normal, Point(x: -normal.x, y: -normal.y), Point(x: 0, y: 1), Point(x: 0, y: -1), Point(x: 1, y: 0), Point(x: -1, y: 0)] {
                    let support = width / 2 * abs(direction.x) + height / 2 * abs(direction.y)
                    var offset = support + Self.gap
                    while offset <= max(support + Self.gap, reach) {
                        let center = Point(x: anchor.x + direction.x * offset, y: anchor.y + direction.y * offset)
                        offset += 4
                        let box = Box(center: center, width: width, height: height)
                        guard Self.nearest(samples, to: center) <= reach, isFree(box, for: edge, crossable: crossable) else { continue }
                        obstacles.append(box)
                        return center
                    }
                }
            }
        }
        let (anchor, normal) = anchors.first ?? (Point(x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2), Point(x: 0, y: 1))
        let center = Point(x: anchor.x + normal.x * (height / 2 + Self.gap), y: anchor.y + normal.y * (height / 2 + Self.gap))
        obstacles.append(Box(center: center, width: width, height: height))
        return center
    }

    /// Whether `box` is inside the drawing and clear of every obstacle, of its own line, and
    /// (unless `crossable`) of every other line.
    private func isFree(_ box: Box, for edge: Int, crossable: Bool) -> Bool {
        let padded = box.insetBy(-1)
        guard bounds.contains(padded), !obstacles.contains(where: padded.intersects) else { return false }
        for key in Self.cells(of: padded) {
            for segment in segments[key] ?? [] where segment.edge == edge || !crossable {
                let target = segment.edge == edge ? box.insetBy(0.5) : padded
                if target.isCrossed(from: segment.a, to: segment.b) { return false }
            }
        }
        return true
    }

    /// Points along a line at ``fractions`` of its length, each with the line's unit normal there.
    static func anchors(along pieces: [[Point]]) -> [(Point, Point)] {
        var segments: [(Point, Point, Double)] = []
        for piece in pieces {
            for (a, b) in zip(piece, piece.dropFirst()) {
                let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                if length > 0 { segments.append((a, b, length)) }
            }
        }
        let total = segments.reduce(0) { $0 + $1.2 }
        guard total > 0 else { return pieces.first?.first.map { [($0, Point(x: 0, y: 1))] } ?? [] }
        return fractions.map { fraction in
            var rest = total * fraction
            for (a, b, length) in segments {
                if rest <= length {
                    let t = rest / length
                    let point = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                    return (point, Point(x: -(b.y - a.y) / length, y: (b.x - a.x) / length))
                }
                rest -= length
            }
            let (a, b, length) = segments[segments.count - 1]
            return (b, Point(x: -(b.y - a.y) / length, y: (b.x - a.x) / length))
        }
    }

    static func nearest(_ points: [Point], to center: Point) -> Double {
        points.map { (($0.x - center.x) * ($0.x - center.x) + ($0.y - center.y) * ($0.y - center.y)).squareRoot() }.min() ?? .infinity
    }
}
