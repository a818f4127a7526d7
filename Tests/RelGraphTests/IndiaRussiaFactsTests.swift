import RelGraph
import RelGraphTestSupport
import Testing

/// Compares `Graphs/india-russia.yaml` with the note's facts (`IndiaRussiaFacts`, written from
/// `/work/shared/seeds/facts.md` and the Hindi note) as sets, so a missing, wrong or extra fact fails.
@Suite("The India–Russia graph holds every fact of the note")
struct IndiaRussiaFactsTests {
    let graph = Fixtures.indiaRussia

    @Test("the graph has exactly the note's 44 nodes, with their kinds, labels in English and Hindi, and dates")
    func nodes() {
        let actual = graph.nodes.map {
            IndiaRussiaFacts.Node($0.id, $0.kind.rawValue, $0.label["en"] ?? "", $0.label["hi"] ?? "", $0.timing.description)
        }
        #expect(actual.count == 44)
        #expect(Set(actual).count == actual.count, "no node twice")
        let expected = Set(IndiaRussiaFacts.nodes)
        #expect(expected.count == 44)
        #expect(expected.subtracting(actual).sorted { $0.id < $1.id }.map(\.description) == [], "missing or different in the graph")
        #expect(Set(actual).subtracting(expected).sorted { $0.id < $1.id }.map(\.description) == [], "in the graph but not in the note")
    }

    @Test("the graph has exactly the note's 95 edges, with their dates")
    func edges() {
        let actual = graph.edges.map { IndiaRussiaFacts.Edge($0.from, $0.relation, $0.to, $0.timing.description) }
        #expect(actual.count == 95)
        #expect(Set(actual).count == actual.count, "no edge twice")
        let expected = Set(IndiaRussiaFacts.edges)
        #expect(expected.count == 95 && IndiaRussiaFacts.edges.count == 95)
        #expect(expected.subtracting(actual).map(\.description).sorted() == [], "missing or different in the graph")
        #expect(Set(actual).subtracting(expected).map(\.description).sorted() == [], "in the graph but not in the note")
    }

    @Test("numbers and oddities of the note are kept as the note says")
    func oddities() {
        let years = graph.edges.first { $0.relation == "diplomatic-relations-with" }
        #expect(years?.attributes["years-completed"] == .integer(71))
        #expect(graph.node(at: graph.node("ak-203-joint-venture")).attributes["rifles"] == .integer(600_000))
        #expect(graph.node(at: graph.node("ak-203-contracts")).attributes["contracts"] == .integer(2))
        #expect(graph.node(at: graph.node("vladimir-putin")).attributes["note-spelling"] != nil)
        let partner = graph.edges.first { $0.relation == "partner-of" }
        #expect(partner?.attributes["key-pillar-of-foreign-policy"] == .boolean(true))
        #expect(partner?.attributes["time-tested"] == .boolean(true))
    }

    @Test("every node and edge names the note as its source")
    func sources() {
        #expect(graph.sources.map(\.id) == ["note"])
        #expect(graph.nodes.allSatisfy { $0.source == "note" })
        #expect(graph.edges.allSatisfy { $0.source == "note" })
    }

    @Test("every declared relation has English and Hindi labels, and is used")
    func relationVocabulary() {
        for relation in graph.relationTypes {
            #expect(relation.label["en"] != nil && relation.label["hi"] != nil, "\(relation.id)")
        }
        #expect(Set(graph.relationTypes.map(\.id)) == Set(graph.relationsInUse))
    }
}
