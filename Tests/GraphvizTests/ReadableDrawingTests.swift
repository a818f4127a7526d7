import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

/// The bundled graph's default drawing, read as a person would read it, measured from
/// Graphviz's own geometry (`xdot`) in English and Hindi.
@Suite("Drawings people can read")
struct ReadableDrawingTests {
    static func geometry(_ language: String) throws -> DrawingGeometry {
        let dot = DOTDrawing(language: language).dot(for: GraphView(Fixtures.indiaRussia))
        let xdot = try GraphvizRenderer().render(dot, format: .xdot).data
        return DrawingGeometry(xdot: String(decoding: xdot, as: UTF8.self))
    }

    @Test("the measures of the default drawing", arguments: ["en", "hi"])
    func measures(language: String) throws {
        let geometry = try Self.geometry(language)
        let labelled = geometry.edges.filter { $0.label != nil }.count
        print("drawing measures (\(language)): \(Int(geometry.width))×\(Int(geometry.height)) pt, \(geometry.texts.count) texts, \(geometry.overlappingTexts.count) overlapping pairs, \(labelled) edge labels, \(geometry.labelsFarFromTheirEdge()) further than 36 pt from their edge, \(geometry.crossedLabels) crossed by another edge, smallest text on A3 \(String(format: "%.1f", geometry.smallestTextOnA3)) pt")
        #expect(geometry.texts.count > Fixtures.indiaRussia.nodeCount)
        #expect(geometry.edges.count == Fixtures.indiaRussia.edgeCount)
    }
}
