import RelGraph
import Testing

/// GraphBuilder enforces every rule that documents enforce, with a typed error for each.
@Suite("Building graphs in code")
struct GraphBuilderTests {
    @Test("a node id that breaks the id rules is refused")
    func invalidNodeID() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.invalidIdentifier("-x", role: .node)) { try builder.addNode(Node(id: "-x", kind: .actor)) }
    }

    @Test("a relation id that breaks the id rules is refused")
    func invalidRelation() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.invalidIdentifier("a b", role: .relation)) { try builder.addEdge(Edge(from: "a", to: "b", relation: "a b")) }
    }

    @Test("a source id that breaks the id rules is refused")
    func invalidSource() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.invalidIdentifier("?", role: .source)) { try builder.addNode(Node(id: "a", kind: .actor, source: "?")) }
    }

    @Test("a kind that breaks the id rules is refused")
    func invalidKind() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.invalidIdentifier("two words", role: .kind)) { try builder.declareKind(KindDeclaration(kind: "two words")) }
    }

    @Test("two nodes with one id are refused")
    func duplicateNode() throws {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "a", kind: .actor))
        #expect(throws: GraphError.duplicateNode(id: "a")) { try builder.addNode(Node(id: "a", kind: .place)) }
    }

    @Test("a relation, kind or source declared twice is refused", arguments: [GraphError.Declaration.relation, .kind, .source])
    func duplicateDeclaration(of declaration: GraphError.Declaration) throws {
        var builder = GraphBuilder()
        func declare() throws(GraphError) {
            switch declaration {
            case .relation: try builder.declareRelation(RelationType(id: "r"))
            case .kind: try builder.declareKind(KindDeclaration(kind: "r"))
            case .source: try builder.addSource(Source(id: "r"))
            }
        }
        try declare()
        #expect(throws: GraphError.duplicateDeclaration(id: "r", of: declaration)) { try declare() }
    }

    @Test("an empty label is refused, as in documents")
    func emptyLabel() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.emptyText(field: "label")) { try builder.addNode(Node(id: "a", kind: .actor, label: "")) }
        #expect(throws: GraphError.emptyText(field: "label.hi")) { try builder.addNode(Node(id: "b", kind: .actor, label: ["hi": ""])) }
    }

    @Test("a control character in a label or an attribute is refused")
    func controlCharacters() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.controlCharacter("\u{1}", field: "label")) { try builder.addNode(Node(id: "a", kind: .actor, label: "x\u{1}y")) }
        let attributes: Attributes = ["note": .string("\u{1B}[31m")]
        #expect(throws: GraphError.controlCharacter("\u{1B}", field: "note")) { try builder.addNode(Node(id: "b", kind: .actor, attributes: attributes)) }
    }

    @Test("the graph's own title and attributes are checked as a node's are")
    func graphTitleAndAttributes() throws {
        var builder = GraphBuilder()
        #expect(throws: GraphError.controlCharacter("\r", field: "title")) { try builder.setTitle("a\rb") }
        #expect(throws: GraphError.emptyText(field: "title.hi")) { try builder.setTitle(["hi": ""]) }
        #expect(throws: GraphError.controlCharacter("\r", field: "l")) { try builder.setGraphAttributes(["l": .string("two\rlines")]) }
        #expect(throws: GraphError.invalidAttributeName("label")) { try builder.setGraphAttributes(["label": .string("x")]) }
        try builder.setTitle(["en": "India–Russia", "hi": "भारत–रूस"])
        try builder.setGraphAttributes(["rankdir": .string("LR")])
        let graph = try builder.build()
        #expect(graph.title.text(in: "hi") == "भारत–रूस")
        #expect(graph.graphAttributes["rankdir"] == .string("LR"))
    }

    @Test("a bad language code is refused")
    func badLanguage() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.invalidLanguage("english")) { try builder.addNode(Node(id: "a", kind: .actor, label: ["english": "A"])) }
    }

    @Test("a reserved attribute name is refused")
    func reservedAttributeName() {
        var builder = GraphBuilder()
        let attributes: Attributes = ["kind": "x"]
        #expect(throws: GraphError.invalidAttributeName("kind")) { try builder.addNode(Node(id: "a", kind: .actor, attributes: attributes)) }
    }

    @Test("an unsafe kind style is refused")
    func invalidStyle() {
        var builder = GraphBuilder()
        #expect(throws: GraphError.self) { try builder.declareKind(KindDeclaration(kind: "topic", style: KindStyle(shape: "image", color: nil))) }
    }

    @Test("build reports an edge to a missing node, an undeclared kind and source, with suggestions")
    func referencesAtBuild() throws {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "india", kind: "actr", source: "nite"))
        try builder.addSource(Source(id: "note"))
        try builder.addEdge(Edge(from: "india", to: "indai", relation: "r"))
        do {
            _ = try builder.build()
            Issue.record("the graph should not build")
        } catch {
            let errors = error.problems.map(\.error)
            #expect(errors.contains(.unknownKind("actr", known: NodeKind.builtIn, suggestion: .actor)))
            #expect(errors.contains(.unknownSource(id: "nite", suggestion: "note")))
            #expect(errors.contains(.unknownNode(id: "indai", suggestion: "india")))
        }
    }

    @Test("build reports two edges with the same ends, relation and dates")
    func duplicateEdge() throws {
        var builder = GraphBuilder()
        try builder.addNode(Node(id: "a", kind: .actor))
        try builder.addNode(Node(id: "b", kind: .actor))
        try builder.addEdge(Edge(from: "a", to: "b", relation: "r"))
        try builder.addEdge(Edge(from: "a", to: "b", relation: "r"))
        #expect(throws: GraphBuildError.self) { try builder.build() }
    }
}
