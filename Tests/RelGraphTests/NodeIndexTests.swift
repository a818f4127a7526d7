import RelGraph
import RelGraphTestSupport
import Testing

/// `NodeIndex` and `EdgeIndex`: the typed positions the index forms of queries take and
/// answer with (issue 15).
@Suite("Node and edge indices")
struct NodeIndexTests {
    let graph = Fixtures.indiaRussia

    @Test("an index from index(ofNode:) round-trips through id(ofNode:), for every node")
    func roundTrip() throws {
        for id in graph.nodes.map(\.id) {
            let index = try #require(graph.index(ofNode: id))
            #expect(graph.id(ofNode: index) == id)
            #expect(graph.node(at: index).id == id)
        }
        #expect(graph.index(ofNode: "atlantis") == nil)
    }

    @Test("indices are positions in the order nodes were given, not id order")
    func documentOrder() throws {
        let graph = try Fixtures.graph(nodes: ["zeta", "alpha", "mid"], edges: [])
        #expect(graph.nodeIndices.map { graph.id(ofNode: $0) } == ["zeta", "alpha", "mid"])
        #expect(graph.index(ofNode: "zeta") == NodeIndex(0))
        #expect(graph.index(ofNode: "mid")!.position == 2)
        let zeta = try #require(graph.index(ofNode: "zeta")), alpha = try #require(graph.index(ofNode: "alpha"))
        #expect(zeta < alpha, "zeta was given first, though alpha comes first by id")
    }

    @Test("the builder's indices are the built graph's")
    func builderIndices() throws {
        var builder = GraphBuilder()
        let a = try builder.addNode(Node(id: "a", kind: .actor))
        let b = try builder.addNode(Node(id: "b", kind: .treaty))
        let signed = try builder.addEdge(Edge(id: "s1", from: "a", to: "b", relation: "signed"))
        #expect(builder.index(ofNode: "b") == b && builder.index(ofEdge: "s1") == signed)
        let graph = try builder.build()
        #expect(graph.id(ofNode: a) == "a" && graph.kind(ofNode: b) == .treaty)
        #expect(graph.from(ofEdge: signed) == a && graph.to(ofEdge: signed) == b)
        #expect(graph.relation(ofEdge: signed) == "signed")
    }

    @Test("a path's nodes and edges are typed, and each edge joins its two nodes")
    func typedPath() throws {
        var traversal = Traversal(graph)
        let found = traversal.shortestPath(from: graph.node("boris-yeltsin"), to: graph.node("amethi"))
        let path = try #require(found)
        let nodes: [NodeIndex] = path.nodes, edges: [EdgeIndex] = path.edges
        #expect(nodes.map(graph.id(ofNode:)) == ["boris-yeltsin", "india", "ak-203-joint-venture", "amethi"])
        for (hop, edge) in edges.enumerated() {
            #expect(Set([graph.from(ofEdge: edge), graph.to(ofEdge: edge)]) == Set([nodes[hop], nodes[hop + 1]]))
        }
    }

    @Test("neighbours and reached nodes name typed nodes and edges of the same graph")
    func typedNeighborsAndReach() throws {
        var traversal = Traversal(graph)
        let russia = graph.node("russia")
        for neighbor in traversal.neighbors(of: russia) {
            let ends = [graph.from(ofEdge: neighbor.edge), graph.to(ofEdge: neighbor.edge)]
            #expect(ends.contains(russia) && ends.contains(neighbor.node))
        }
        let reached = traversal.reach(from: russia, depth: 1)
        #expect(reached.first?.node == russia && reached.first?.distance == 0)
        #expect(Set(reached.dropFirst().map(\.node)) == Set(traversal.neighbors(of: russia).map(\.node)))
    }

    @Test("a view's nodeIndices and edgeIndices are the kept ones, in index order")
    func viewIndicesInOrder() throws {
        let view = graph.view(GraphFilter(asOf: try PartialDate(parsing: "1995")))
        let nodes = view.nodeIndices, edges = view.edgeIndices
        #expect(nodes == nodes.sorted() && edges == edges.sorted())
        #expect(nodes == graph.nodeIndices.filter(view.contains(node:)))
        #expect(edges == graph.edgeIndices.filter(view.contains(edge:)))
        #expect(nodes.count < graph.nodeCount && !view.contains(node: graph.node("putin-visit-2000")))
    }

    @Test("a view restricted to some nodes keeps exactly those and the kept edges between them")
    func restrictedView() throws {
        let india = graph.node("india"), russia = graph.node("russia")
        let pair = GraphView(graph).restricted(to: [india, russia])
        #expect(pair.nodeIndices == [india, russia].sorted())
        #expect(!pair.edgeIndices.isEmpty)
        #expect(pair.edgeIndices.allSatisfy { Set([graph.from(ofEdge: $0), graph.to(ofEdge: $0)]).isSubset(of: [india, russia]) })
    }

    @Test("components answer with node indices, listed by size then id")
    func componentsAreTyped() throws {
        let graph = Fixtures.smallGraph
        let components = GraphView(graph).weakComponents()
        let listed: [[NodeIndex]] = components.listed(in: graph)
        #expect(listed.map { $0.map(graph.id(ofNode:)) } == [["a", "b", "c", "d", "e"], ["f"]])
        #expect(components.component(of: graph.node("a")) == components.component(of: graph.node("e")))
        #expect(components.component(of: graph.node("a")) != components.component(of: graph.node("f")))
    }

    @Test("an index is the 32-bit position the adjacency stores, so a neighbour takes 12 bytes")
    func size() {
        #expect(MemoryLayout<NodeIndex>.size == 4 && MemoryLayout<EdgeIndex>.size == 4)
        #expect(MemoryLayout<Neighbor>.stride == 12)
        #expect(NodeIndex(Int(Int32.max)).position == Int(Int32.max))
    }

    @Test("an index prints as its position, and named results carry typed indices")
    func descriptionAndReferences() throws {
        #expect(NodeIndex(7).description == "7" && EdgeIndex(0).description == "0")
        let path = try #require(try graph.shortestPath(from: "usa", to: "amethi"))
        #expect(path.nodes.map(\.index).map(graph.id(ofNode:)) == path.nodes.map(\.id))
        #expect(path.edges.map { graph.relation(ofEdge: $0.index) } == path.edges.map(\.relation))
    }
}
