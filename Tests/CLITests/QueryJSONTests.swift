import RelGraph
import RelGraphTestSupport
import Testing

@testable import RelGraphCLI

@Suite("The JSON of query results")
struct QueryJSONTests {
    let graph = Fixtures.smallGraph

    @Test("query JSON has the contract's fields in order")
    func queryJSON() throws {
        var traversal = Traversal(graph)
        let path = traversal.shortestPath(from: graph.node("d"), to: graph.node("a"))!
        #expect(
            QueryJSON.path(path, in: graph).serialized(indented: false)
                == #"{"from":"d","to":"a","length":2,"nodes":["d","c","a"],"edges":[{"from":"c","to":"d","relation":"peer"},{"from":"c","to":"a","relation":"r"}]}"#
        )
        let reach = traversal.reach(from: graph.node("f"), depth: 2)
        #expect(
            QueryJSON.reach(reach, from: graph.node("f"), depth: 2, in: graph).serialized(indented: false)
                == #"{"node":"f","depth":2,"nodes":[{"id":"f","distance":0,"kind":"actor","label":"f"}]}"#)
        let neighbors = traversal.neighbors(of: graph.node("e"))
        #expect(
            QueryJSON.neighbors(neighbors, of: graph.node("e"), in: graph, language: "en").serialized(indented: false)
                == #"{"node":"e","neighbors":[{"id":"b","kind":"actor","label":"b","relation":"w","direction":"in"},{"id":"b","kind":"actor","label":"b","relation":"x","direction":"in"}]}"#
        )
        #expect(
            QueryJSON.statistics(GraphView(graph).statistics()).serialized(indented: false)
                == #"{"nodes":6,"edges":7,"components":2,"kinds":{"actor":6},"relations":{"peer":1,"r":3,"self":1,"w":1,"x":1}}"#)
    }
}
