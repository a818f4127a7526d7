import RelGraph
import RelGraphTestSupport
import Testing

/// A symmetric relation matches in both directions (contract §6), whichever way its edge is
/// stored and whichever way a pattern's arrow points. The small graph stores its one `peer` edge
/// as c→d; each test reads it from the side, and through the matching path, that a bug in
/// one direction would miss.
@Suite("Cypher on symmetric relations, both ways")
struct CypherSymmetryTests {
    static let small = Fixtures.smallGraph

    func rows(_ query: String) throws -> [String] {
        let result = try Self.small.query(query)
        return result.rows.map { $0.map { result.text($0) }.joined(separator: "|") }
    }

    @Test("the stored edge c→d matches from c against the arrow: (c)<-[:peer]-(y) finds d")
    func fromTheStartAgainstTheArrow() throws {
        #expect(try rows("MATCH (x {id: 'c'})<-[:peer]-(y) RETURN y.id") == ["d"])
    }

    @Test("the stored edge c→d matches from d along the arrow: (d)-[:peer]->(y) finds c")
    func fromTheEndAlongTheArrow() throws {
        #expect(try rows("MATCH (x {id: 'd'})-[:peer]->(y) RETURN y.id") == ["c"])
    }

    @Test("the stored edge c→d matches as stored, both ends: (c)-[:peer]->(y) finds d, (d)<-[:peer]-(y) finds c")
    func asStored() throws {
        #expect(try rows("MATCH (x {id: 'c'})-[:peer]->(y) RETURN y.id") == ["d"])
        #expect(try rows("MATCH (x {id: 'd'})<-[:peer]-(y) RETURN y.id") == ["c"])
    }

    @Test("a pattern pointing left over all nodes finds the symmetric edge read both ways")
    func scanPointingLeft() throws {
        #expect(try rows("MATCH (x)<-[:peer]-(y) RETURN x.id, y.id ORDER BY x.id") == ["c|d", "d|c"])
        #expect(try rows("MATCH (x)<-[:peer]-(y) RETURN count(*)") == ["2"])
    }

    @Test("with both ends bound, (c)<-[:peer]-(d) and (d)<-[:peer]-(c) each match once")
    func bothEndsBound() throws {
        #expect(try rows("MATCH (c {id: 'c'}), (d {id: 'd'}) MATCH (c)<-[:peer]-(d) RETURN count(*)") == ["1"])
        #expect(try rows("MATCH (c {id: 'c'}), (d {id: 'd'}) MATCH (d)<-[:peer]-(c) RETURN count(*)") == ["1"])
    }

    @Test("a variable-length pattern follows the symmetric edge against its arrow")
    func variableLengthAgainstTheArrow() throws {
        #expect(try rows("MATCH (x {id: 'c'})<-[:peer*1..2]-(y) RETURN y.id") == ["d"])
    }

    @Test("a pattern predicate sees the symmetric edge against its arrow")
    func predicateAgainstTheArrow() throws {
        #expect(try rows("MATCH (x) WHERE (x)<-[:peer]-() RETURN x.id ORDER BY x.id") == ["c", "d"])
    }

    @Test("a directed relation does not match against its arrow: (a)<-[:r]-(y) finds only c")
    func directedOnlyAsStored() throws {
        #expect(try rows("MATCH (x {id: 'a'})<-[:r]-(y) RETURN y.id") == ["c"])
        #expect(try rows("MATCH (x {id: 'b'})<-[:r]-(y) RETURN y.id") == ["a"])
    }
}
