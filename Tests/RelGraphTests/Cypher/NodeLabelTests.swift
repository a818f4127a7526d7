import RelGraph
import RelGraphTestSupport
import Testing

/// A node's labels: its kind, or the list in its `labels` attribute (how Neo4j data with
/// several labels, or none, comes into RelGraph).
@Suite("Node labels")
struct NodeLabelTests {
    /// Tom (kind person, labels Person and Actor), Meg (kind person only), and a node that
    /// came without labels (labels: []).
    static let people: Graph = {
        do {
            var builder = GraphBuilder()
            try builder.declareKind(KindDeclaration(kind: "person"))
            try builder.addNode(
                Node(
                    id: "tom", kind: "person",
                    attributes: Attributes([
                        .init(name: "labels", value: .list([.string("Person"), .string("Actor")])),
                        .init(name: "born", value: .integer(1956)),
                    ])))
            try builder.addNode(Node(id: "meg", kind: "person"))
            try builder.addNode(Node(id: "thing", kind: "person", attributes: Attributes([.init(name: "labels", value: .list([]))])))
            return try builder.build()
        } catch {
            fatalError("the fixture must build: \(error)")
        }
    }()

    func ids(_ query: String) throws -> [String] {
        try Self.people.query(query).rows.map { row in
            if case .string(let id) = row[0] { return id }
            return "?"
        }
    }

    @Test("labels(n) is the labels list where a node has one, else its kind")
    func labelsFunction() throws {
        let rows = try Self.people.query("MATCH (n) RETURN n.id, labels(n) ORDER BY n.id").rows
        #expect(
            rows == [
                [.string("meg"), .list([.string("person")])],
                [.string("thing"), .list([])],
                [.string("tom"), .list([.string("Person"), .string("Actor")])],
            ])
    }

    @Test("label patterns and label tests read the same labels")
    func labelPatterns() throws {
        #expect(try ids("MATCH (n:Actor) RETURN n.id") == ["tom"])
        #expect(try ids("MATCH (n:Person:Actor) RETURN n.id") == ["tom"])
        #expect(try ids("MATCH (n:person) RETURN n.id") == ["meg"])
        #expect(try ids("MATCH (n) WHERE n:Actor|person RETURN n.id ORDER BY n.id") == ["meg", "tom"])
    }

    @Test("a labels list is not a property")
    func notAProperty() throws {
        let rows = try Self.people.query("MATCH (n {id: 'tom'}) RETURN n.labels, keys(n)").rows
        #expect(rows == [[.null, .list([.string("born"), .string("id"), .string("kind")])]])
    }

    @Test("where no node keeps a list, labels are kinds, planned from kind counts as before")
    func kindsOnly() throws {
        let rows = try Fixtures.indiaRussia.query("MATCH (n:actor {id: 'india'}) RETURN labels(n)").rows
        #expect(rows == [[.list([.string("actor")])]])
    }
}
