import Testing

@testable import RelGraphGraphviz

/// Labels placed after layout (`EdgeLabelPlacement`): beside their line, off everything else.
@Suite("Placing edge labels after layout")
struct EdgeLabelPlacementTests {
    typealias Point = EdgeLabelPlacement.Point
    typealias Box = EdgeLabelPlacement.Box

    static let bounds = Box(minX: -500, minY: -500, maxX: 500, maxY: 500)

    /// A straight line, sampled as a laid-out edge's Bézier piece is.
    static func line(_ from: (Double, Double), _ to: (Double, Double)) -> [[Point]] {
        let (a, b) = (Point(x: from.0, y: from.1), Point(x: to.0, y: to.1))
        let third = Point(x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3), twoThirds = Point(x: a.x + 2 * (b.x - a.x) / 3, y: a.y + 2 * (b.y - a.y) / 3)
        return [EdgeLabelPlacement.sample([a, third, twoThirds, b])]
    }

    static func crossed(_ box: Box, by lines: [[[Point]]]) -> Bool {
        lines.contains { $0.contains { piece in zip(piece, piece.dropFirst()).contains { box.isCrossed(from: $0, to: $1) } } }
    }

    @Test("a label goes beside the middle of its line when nothing is there")
    func besideTheMiddle() {
        var placement = EdgeLabelPlacement(bounds: Self.bounds, obstacles: [], lines: [Self.line((0, 0), (200, 0))])
        let center = placement.place(edge: 0, width: 40, height: 10)
        #expect(abs(center.x - 100) < 0.001)
        #expect(abs(abs(center.y) - 7) < 0.001, "half its height and a gap off the line: \(center)")
    }

    @Test("a label keeps off nodes and other lines, and stays near its own line")
    func offEverythingElse() {
        let lines = [Self.line((0, 0), (200, 0)), Self.line((100, -100), (100, 100)), Self.line((60, -100), (60, 100))]
        let node = Box(minX: 120, minY: -30, maxX: 200, maxY: 30)
        var placement = EdgeLabelPlacement(bounds: Self.bounds, obstacles: [node], lines: lines)
        let center = placement.place(edge: 0, width: 30, height: 10)
        let box = Box(center: center, width: 30, height: 10)
        #expect(!box.intersects(node))
        #expect(!Self.crossed(box, by: Array(lines.dropFirst())), "\(center)")
        #expect(!Self.crossed(box, by: [lines[0]]), "not across its own line either")
        #expect(EdgeLabelPlacement.nearest(lines[0][0], to: center) <= EdgeLabelPlacement.maximumDistance)
    }

    @Test("where lines leave no free place near its own, a label may lie across them but never on a text")
    func acrossLinesRatherThanOnText() {
        // Vertical lines every 8 points: no 30-point label fits between them.
        let others = stride(from: -40.0, through: 240, by: 8).map { Self.line(($0, -200), ($0, 200)) }
        let text = Box(minX: 0, minY: 2, maxX: 200, maxY: 40)
        var placement = EdgeLabelPlacement(bounds: Self.bounds, obstacles: [text], lines: [Self.line((0, 0), (200, 0))] + others)
        let center = placement.place(edge: 0, width: 30, height: 10)
        #expect(!Box(center: center, width: 30, height: 10).intersects(text))
        #expect(center.y < 0 && center.y > -EdgeLabelPlacement.maximumDistance, "\(center)")
    }

    @Test("two labels on one line never overlap")
    func labelsApart() {
        var placement = EdgeLabelPlacement(
            bounds: Box(minX: -10, minY: -20, maxX: 210, maxY: 20), obstacles: [], lines: [Self.line((0, 0), (200, 0)), Self.line((0, 1), (200, 1))])
        let first = Box(center: placement.place(edge: 0, width: 60, height: 10), width: 60, height: 10)
        let second = Box(center: placement.place(edge: 1, width: 60, height: 10), width: 60, height: 10)
        #expect(!first.intersects(second))
    }

    @Test("a Bézier piece is sampled at its ends and 11 points between")
    func sampling() {
        let points = EdgeLabelPlacement.sample([Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 20, y: 0), Point(x: 30, y: 0)])
        #expect(points.count == 13)
        #expect(points.first == Point(x: 0, y: 0) && points.last == Point(x: 30, y: 0))
    }
}
