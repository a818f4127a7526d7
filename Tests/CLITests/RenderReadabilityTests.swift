import Foundation
import RelGraph
import RelGraphTestSupport
import Testing

/// What `render` adds so a drawing reads on its own: the focus marked, a line saying what is
/// shown, positions that do not move with a highlight, a resolution for PNG.
@Suite("render: drawings that say what they show")
struct RenderReadabilityTests {
    let graph = RelGraphCLI.graph

    func geometry(_ arguments: String...) throws -> DrawingGeometry {
        let result = try RelGraphCLI.run(["render", graph, "--format", "xdot"] + arguments)
        #expect(result.status == 0, "\(result.errors)")
        return DrawingGeometry(xdot: result.text)
    }

    /// fdp is left out: Graphviz 2.42's fdp places the same DOT differently now and then, with or
    /// without a highlight (README, "Commands"); ``highlightKeepsNodesUnderFDP()`` checks what it can.
    @Test("--highlight keeps every node where the plain drawing has it, in every engine but fdp", arguments: ["dot", "neato", "sfdp", "circo", "twopi"])
    func highlightKeepsPositions(layout: String) throws {
        let plain = try geometry("--layout", layout).nodePositions
        let marked = try geometry("--layout", layout, "--highlight", "usa", "amethi").nodePositions
        #expect(plain.count == Fixtures.indiaRussia.nodeCount)
        #expect(plain == marked)
    }

    @Test("--highlight under fdp draws the same nodes as the plain drawing")
    func highlightKeepsNodesUnderFDP() throws {
        let plain = try geometry("--layout", "fdp").nodePositions
        let marked = try geometry("--layout", "fdp", "--highlight", "usa", "amethi").nodePositions
        #expect(plain.count == Fixtures.indiaRussia.nodeCount)
        #expect(Set(plain.keys) == Set(marked.keys))
    }

    @Test("--focus marks its node with a double frame and says so in the legend")
    func focusMarked() throws {
        let svg = try RelGraphCLI.run("render", graph, "--focus", "russia").text.replacingOccurrences(of: "&#45;", with: "-")
        let group = try #require(svg.components(separatedBy: "<g id=\"node-russia\"").dropFirst().first?.components(separatedBy: "</g>\n</g>").first)
        #expect(svg.contains("class=\"node relgraph-node kind-actor focus\""))
        #expect(group.components(separatedBy: "<ellipse").count - 1 == 2, "two frames")
        #expect(svg.contains("Double frame: the node the drawing is centred on"))
    }

    @Test("a line under the title says the date, focus, filters and path drawn")
    func subtitle() throws {
        let svg = try RelGraphCLI.run("render", graph, "--as-of", "2000", "--relation", "signed", "--relation", "visit-to").text
        #expect(svg.contains("as of 2000 · relations: signed, visit to"))
        let hindi = try RelGraphCLI.run("render", graph, "--focus", "russia", "--lang", "hi").text
        #expect(hindi.contains("केंद्र: रूस"))
        let path = try RelGraphCLI.run("render", graph, "--highlight", "usa", "amethi").text
        #expect(path.contains("path: United States → Amethi"))
    }

    @Test("--dpi sets the PNG's resolution")
    func dpi() throws {
        func width(_ data: Data) -> Int { data[16..<20].reduce(0) { $0 << 8 | Int($1) } }
        let normal = try RelGraphCLI.run("render", graph, "--format", "png", "--focus", "amethi").output
        let fine = try RelGraphCLI.run("render", graph, "--format", "png", "--focus", "amethi", "--dpi", "192").output
        #expect(abs(Double(width(fine)) / Double(width(normal)) - 2) < 0.05)
        #expect(try RelGraphCLI.run("render", graph, "--dpi", "0").status == 64)
    }
}
