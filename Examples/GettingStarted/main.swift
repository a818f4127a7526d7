import RelGraph
import RelGraphGraphviz

// Build a graph in code: two actors, a treaty, a project, and how they are tied.
var builder = GraphBuilder()
try builder.declareRelation(RelationType(id: "partner-of", label: ["en": "partner of", "hi": "भागीदार"], isSymmetric: true))
try builder.addNode(Node(id: "india", kind: .actor, label: ["en": "India", "hi": "भारत"]))
try builder.addNode(Node(id: "russia", kind: .actor, label: ["en": "Russia", "hi": "रूस"]))
try builder.addNode(Node(id: "treaty-1993", kind: .treaty, label: "Treaty of Friendship and Cooperation", timing: .on(PartialDate("1993")!)))
try builder.addNode(Node(id: "kudankulam", kind: .project, label: ["en": "Kudankulam Nuclear Power Plant", "hi": "कुडनकुलम परमाणु ऊर्जा संयंत्र"]))
try builder.addEdge(Edge(from: "india", to: "russia", relation: "partner-of"))
try builder.addEdge(Edge(from: "india", to: "treaty-1993", relation: "signed", timing: .on(PartialDate("1993")!)))
try builder.addEdge(Edge(from: "russia", to: "treaty-1993", relation: "signed", timing: .on(PartialDate("1993")!)))
try builder.addEdge(Edge(from: "russia", to: "kudankulam", relation: "works-on"))
let graph = try builder.build()

// Ask it: by id or by label, in any language.
if let path = try graph.shortestPath(from: "भारत", to: "kudankulam") {
    print(path.nodes.map(\.id).joined(separator: " → "))
}
let before1993 = graph.view(GraphFilter(asOf: PartialDate("1990")!))
print(try before1993.neighbors(of: "russia").map(\.node.id))

// In a hot loop, keep one Traversal (it reuses its visit marks) and use typed indices.
var traversal = Traversal(graph)
let russia: NodeIndex = graph.index(ofNode: "russia")!
print(traversal.reach(from: russia, depth: 1).map { graph.id(ofNode: $0.node) })

// Draw it through Graphviz, in this process, with Hindi labels.
var drawing = DOTDrawing(language: "hi")
drawing.showsLegend = false
let svg = try GraphvizRenderer().render(GraphView(graph), drawing: drawing, format: .svg)
print(svg.data.count > 0 ? "drawn" : "empty")

// Export it: the canonical JSON document, which reads back as the same graph.
let json = DocumentWriter(syntax: .json).document(for: graph)
print(try GraphDocument.decode(json, syntax: .json) == graph)
