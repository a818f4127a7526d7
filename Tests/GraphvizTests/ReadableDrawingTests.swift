import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

/// The bundled graph's drawings, read as a person would read them, measured from Graphviz's
/// own geometry (`xdot`) in English and Hindi.
@Suite("Drawings people can read")
struct ReadableDrawingTests {
    static let graph = Fixtures.indiaRussia

    static func xdot(_ drawing: DOTDrawing, _ view: GraphView = GraphView(graph), layout: LayoutEngine = .dot) throws -> DrawingGeometry {
        var drawing = drawing
        drawing.layout = layout
        let xdot = try GraphvizRenderer().render(drawing.dot(for: view), layout: layout, format: .xdot).data
        return DrawingGeometry(xdot: String(decoding: xdot, as: UTF8.self))
    }

    static func report(_ name: String, _ geometry: DrawingGeometry) {
        let labelled = geometry.edges.filter { $0.label != nil }.count
        print("drawing measures (\(name)): \(Int(geometry.width))×\(Int(geometry.height)) pt, \(geometry.texts.count) texts, \(geometry.overlappingTexts.count) overlapping pairs, \(labelled) edge labels, \(geometry.labelsFarFromTheirEdge()) further than 36 pt from their edge, \(geometry.crossedLabels) crossed by another edge, smallest text on A3 \(String(format: "%.1f", geometry.smallestTextOnA3)) pt")
    }

    @Test("the default drawing: no text on text, no label astray or crossed, 7 pt or more on A3", arguments: ["en", "hi"])
    func defaultDrawing(language: String) throws {
        let geometry = try Self.xdot(DOTDrawing(language: language))
        Self.report("default, \(language)", geometry)
        #expect(geometry.edges.count == Self.graph.edgeCount)
        #expect(geometry.overlappingTexts.isEmpty, "\(geometry.overlappingTexts)")
        #expect(geometry.labelsFarFromTheirEdge() == 0)
        #expect(geometry.crossedLabels == 0)
        #expect(geometry.smallestTextOnA3 >= 7)
    }

    @Test("a sparse drawing labels every edge, each label near its edge and uncrossed", arguments: ["en", "hi"])
    func labelledDrawing(language: String) throws {
        let view = Self.graph.view(GraphFilter(relations: ["signed", "party-to", "replaces"])).droppingNodesIsolatedByFilter()
        let geometry = try Self.xdot(DOTDrawing(language: language), view)
        Self.report("signed/party-to/replaces, \(language)", geometry)
        #expect(geometry.edges.allSatisfy { $0.label != nil })
        #expect(geometry.overlappingTexts.isEmpty, "\(geometry.overlappingTexts)")
        #expect(geometry.labelsFarFromTheirEdge() == 0)
        #expect(geometry.crossedLabels == 0)
        #expect(geometry.smallestTextOnA3 >= 7)
    }

    @Test("every layout engine keeps texts apart (measured, with the smallest text on A3 reported)", arguments: LayoutEngine.allCases)
    func everyEngine(layout: LayoutEngine) throws {
        let geometry = try Self.xdot(DOTDrawing(), layout: layout)
        Self.report("\(layout.rawValue), en", geometry)
        #expect(geometry.overlappingTexts.isEmpty, "\(geometry.overlappingTexts)")
    }

    @Test("a dense drawing shows relations by line colour and style, each named in the legend")
    func relationsByStyle() throws {
        let dot = DOTDrawing().dot(for: GraphView(Self.graph))
        let styles = RelationStyle.assign(relationsOf: Self.graph.edges.map(\.relation))
        #expect(Set(styles.values).count == Self.graph.relationsInUse.count, "every relation its own look")
        for relation in Self.graph.relationsInUse {
            #expect(dot.contains("→ \(Self.graph.relationLabel(relation, in: "en"))<") || dot.contains("↔ \(Self.graph.relationLabel(relation, in: "en"))<"), "\(relation)")
        }
        #expect(!dot.contains("cluster_legend"), "the legend is the graph's label, not a cluster the layout moves")
        #expect(dot.contains("A line without an arrowhead (↔): a symmetric relation"))
    }
}

/// For exploring layouts by hand: `RELGRAPH_XDOT=FILE[:FILE...] swift test --filter measureFile`
/// prints the measures of xdot files (and does nothing without the variable).
@Test("the measures of xdot files named by RELGRAPH_XDOT, when set")
func measureFile() throws {
    guard let path = ProcessInfo.processInfo.environment["RELGRAPH_XDOT"] else { return }
    for file in path.split(separator: ":") {
        let geometry = DrawingGeometry(xdot: try String(contentsOfFile: String(file), encoding: .utf8))
        ReadableDrawingTests.report(String(file), geometry)
    }
}
