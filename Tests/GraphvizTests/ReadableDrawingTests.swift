import Foundation
import RelGraph
import RelGraphGraphviz
import RelGraphTestSupport
import Testing

/// The bundled graph's drawings, read as a person would read them, measured from Graphviz's
/// own geometry (`xdot`) in English and Hindi. Each is laid out as `relgraph render` lays it
/// out: by the engine ``LayoutBudget`` plans for it, or the one a test names.
@Suite("Drawings people can read")
struct ReadableDrawingTests {
    static let graph = Fixtures.indiaRussia

    static func xdot(_ drawing: DOTDrawing, _ view: GraphView = GraphView(graph), layout: LayoutEngine? = nil) throws -> DrawingGeometry {
        var drawing = drawing
        try drawing.plan(for: view, requested: layout)
        let xdot = try GraphvizRenderer().render(view, drawing: drawing, format: .xdot).data
        return DrawingGeometry(xdot: String(decoding: xdot, as: UTF8.self))
    }

    static func report(_ name: String, _ geometry: DrawingGeometry) {
        let labelled = geometry.edges.filter { $0.label != nil }.count
        print(
            "drawing measures (\(name)): \(Int(geometry.width))×\(Int(geometry.height)) pt, \(geometry.texts.count) texts, \(geometry.overlappingTexts.count) overlapping pairs, \(labelled) edge labels, \(geometry.labelsFarFromTheirEdge()) further than 36 pt from their edge, \(geometry.crossedLabels) crossed by another edge, smallest text on A3 \(String(format: "%.1f", geometry.smallestTextOnA3)) pt"
        )
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

    @Test(
        "with a label on every edge (--edge-labels always): no text on text, every label on its line and uncrossed, 7 pt or more on A3",
        arguments: ["en", "hi"])
    func everyEdgeLabelled(language: String) throws {
        var drawing = DOTDrawing(language: language)
        drawing.edgeLabels = .always
        let geometry = try Self.xdot(drawing)
        Self.report("every edge labelled, \(language)", geometry)
        #expect(geometry.edges.count == Self.graph.edgeCount)
        #expect(geometry.edges.allSatisfy { $0.label != nil }, "every edge has its label")
        #expect(geometry.overlappingTexts.isEmpty, "\(geometry.overlappingTexts)")
        #expect(geometry.labelsFarFromTheirEdge() == 0)
        #expect(geometry.crossedLabels == 0)
        #expect(geometry.smallestTextOnA3 >= 7)
    }

    @Test("a dense drawing gives no two relations the same colour and dash, and labels the least used ones")
    func relationsByStyle() throws {
        let view = GraphView(Self.graph)
        let styles = DOTDrawing().relationStyles(for: view)
        let looks = styles.values.map { "\($0.color) \($0.style)" }
        #expect(Set(looks).count == looks.count, "no two relations look the same")
        #expect(styles.count == RelationStyle.distinctCount, "as many looks as there are (35 relations in use)")
        var counts: [String: Int] = [:]
        for edge in Self.graph.edges { counts[edge.relation, default: 0] += 1 }
        let labelled = Set(counts.keys).subtracting(styles.keys)
        #expect(labelled.count == Self.graph.relationsInUse.count - RelationStyle.distinctCount)
        #expect(labelled.map { counts[$0]! }.max()! <= styles.keys.map { counts[$0]! }.min()!, "the labelled relations are the least used")
        var drawing = DOTDrawing()
        try drawing.plan(for: view)
        let dot = drawing.dot(for: view)
        for relation in styles.keys {
            #expect(
                dot.contains("→ \(Self.graph.relationLabel(relation, in: "en"))<") || dot.contains("↔ \(Self.graph.relationLabel(relation, in: "en"))<"),
                "\(relation) in the legend")
        }
        let geometry = try Self.xdot(DOTDrawing(), view)
        #expect(
            geometry.edges.filter { $0.label != nil }.count == labelled.map { counts[$0]! }.reduce(0, +),
            "the edges of the labelled relations carry their names")
        #expect(!dot.contains("cluster_legend"), "the legend is the graph's label, not a cluster the layout moves")
        #expect(dot.contains("A line without an arrowhead (↔): a symmetric relation"))
    }

    @Test("a PNG's or PDF's legend says where to read what it leaves out; an SVG's points at its tooltips", arguments: [OutputFormat.png, .pdf, .svg])
    func legendsTellTheTruth(format: OutputFormat) throws {
        var drawing = DOTDrawing()
        drawing.edgeLabels = .never
        drawing.outputFormat = format
        let dot = drawing.dot(for: GraphView(Self.graph))
        #expect(dot.contains("its tooltip") == (format == .svg))
        #expect(dot.contains("on the interactive page (HTML)") == (format != .svg))
        #expect(!dot.contains("Each line's relation and dates are in its tooltip"))
    }

    @Test("edge labels: always labels every edge, never none, whatever the drawing's size")
    func edgeLabelModes() {
        let view = GraphView(Self.graph)
        var drawing = DOTDrawing()
        drawing.edgeLabels = .always
        #expect(drawing.relationStyles(for: view).isEmpty)
        drawing.edgeLabels = .never
        let styles = drawing.relationStyles(for: view)
        #expect(Set(styles.keys) == Set(Self.graph.relationsInUse), "every relation shown by its look")
        let sparse = Self.graph.view(GraphFilter(relations: ["signed", "party-to", "replaces"])).droppingNodesIsolatedByFilter()
        #expect(DOTDrawing().relationStyles(for: sparse).isEmpty, "auto labels a sparse drawing")
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
